//! The one definition of seed 000's 15 endpoints (算力中心 OpenAPI: official DDCs, chain accounts,
//! the node-gateway key and the 算力值 balance) and their models. Every binding expands this same
//! block; nothing else lists a DDC endpoint.
//!
//! Decisions on the document's ambiguities (reference notes_000_001_003 §2), cited where they
//! apply:
//! - Base URL: the caller's (the document's HOST `http://localhost:18080` is a placeholder); the
//!   paths are written byte for byte under `/ddcoai/sys/v1/`, no trailing slash (§2.8). Every call
//!   is a `POST`, the reads included, as documented.
//! - Authentication: the client's `apitoken` header on all 15 (`ddcApiToken` credentials).
//! - Body encoding (§2.1), per endpoint:
//!   - the 9 endpoints with a request schema declare `application/x-www-form-urlencoded,
//!     application/json`: JSON. Their body is one `@RequestBody` schema (the wrapper parameter
//!     `inDdcSave` etc. is not a wire key), 链账户列表's is nested (`data` + `page`), and typed
//!     numbers (`ddcType`, `opbChainId`) keep their type only in JSON; a form body would carry
//!     every value as text and cannot nest.
//!   - the 6 without parameters (框架查询, 交易定价查询, eos资源定价查询, 接入key查询/更新,
//!     算力余额查询) declare only `application/x-www-form-urlencoded`: `form`, an empty form body
//!     with exactly the declared content type, so nothing a strict server could refuse is sent.
//!   - The sandbox accepts both encodings on the 9, as the document allows.
//! - Required: the document's 是否必须 flags, with these readings (§2.4):
//!   - `ddcPubTotal` is flagged optional but "1155必填"; a rule cannot depend on `ddcType`, so it
//!     stays optional and its doc says it; the service (and the sandbox) refuse a 1155 mint
//!     without it (MSG_10053001).
//!   - `securityData` is flagged required on mint, send and burn: required, non-empty.
//!   - 链账户列表: `data` is required and "不能为null，可以为空对象", so it is a required model
//!     whose fields are all optional (an empty filter is sent as `{}`); `page` is required, and
//!     `pageNum`/`pageSize`, flagged optional, are required here: the page walk needs a start and
//!     a size, and no default size is documented.
//!   - DDC交易明细查询: the body is required but its three filters are optional, so an empty
//!     query is sent as `{}`.
//!   - A required string must be non-empty (`chars(1, …)`): the service answers its own error
//!     codes for blanks. No maximum length is documented anywhere, so none is invented.
//! - Numbers (§2.2, §2.3):
//!   - `opbChainId` is `integer(int64)` (plain `integer` in 链账户列表's filter, read as the same
//!     id): `i64`, a `bigint` in JS.
//!   - `ddcId`, `ddcPubTotal` and `sendNumber` are documented as strings ("100", "10") and stay
//!     strings on the wire; `ddcId` is also a string in the transaction list.
//!   - `number(bigdecimal)` amounts (`txAmount`, `gasQuantity`, `hashRateValue`, `energyValue`,
//!     `accountBalance`) and the `number(double)` EOS prices are `f64`: 算力值 has two decimals
//!     ("算力值支持小数点后两位"), which f64 holds exactly up to `hashRateValue`'s bound of 10^13.
//!   - `number(biginteger)` CPU/NET/RAM quantities, "不能为小数": `i64`, at least 1
//!     (MSG_10051033 "资源充值容量必须大于0").
//! - Documented constraints as rules: `ddcType` one of 721/1155; `txType` one of 20/22/23 (the
//!   request example's `0` is the generator's placeholder: leave the filter out instead);
//!   `hashRateValue` > 0 (MSG_10051032), at least 0.01 with two decimals; `resourceValidDate`
//!   `yyyy-MM-dd` (MSG_10051041; "more than one day ahead", MSG_10051028, depends on the day and
//!   is the service's to check); `pageNum` from 1 ("从1开始"); `imgFileBase64` at most the text
//!   of a 2 MiB file ("大小限制2m", applied to the file: a 4-letter extension, a comma and
//!   4·⌈2097152/3⌉ = 2796204 base64 characters). Its `<ext>,<base64>` form (not a `data:` URI,
//!   §2.5), the extension list and "no extension" in `imgFileName` have no rule in the grammar:
//!   they are said in the docs and the service checks them (MSG_10028062–65).
//! - Paging (§2 envelope): only 链账户列表 is paged; its `resultPageInfo` sits beside `data`, so
//!   that endpoint decodes the whole answer (`whole`). Its page number is nested in the input
//!   (`page.pageNum`) and its total in the answer (`resultPageInfo.total`): the walk
//!   `chain_account_pages` names both by path and steps through every account.
//! - The three list endpoints without paging (框架查询, 交易定价查询, 交易明细查询) answer a bare
//!   array in `data`: they also decode the whole answer, into a model holding that `data`.
//! - Output models decode tolerantly; fields the examples always show and a caller cannot do
//!   without (an address, a trade code, a type) are required, the rest optional.
//! - Sensitive values: 创建链账户's `privateKey` (§2.10) and the gateway `accessKey` are `Secret`s
//!   (redacted when printed, zeroized when dropped).
//! - Field meanings as the document states them, also where they drift (§2.7): in the
//!   transaction list `ddcOwner` is the receiving account and `tradeCode` the trade number;
//!   `opbChainAccountStatus` is a number whose mapping to 已启用/已冻结 is not documented;
//!   the fee list's example `txType: 1` is outside the documented 20/22/23 and decodes as is.

/// Hands seed 000's definition block to the expander `$cb` (core's `define_service!`, or a
/// binding's own).
#[doc(hidden)]
#[macro_export]
macro_rules! ddc_api {
    ($cb:path) => {
        $cb! {
service ddc DdcClient envelope DdcEnvelope;

models {

/// An open permissioned chain (开放联盟链) framework this computing-power center offers.
output Framework {
    /// The chain's id: the `opbChainId` the other calls take.
    opb_chain_id "opbChainId": i64,
    /// The chain's name.
    opb_chain_name "opbChainName" optional: String,
    /// The chain's type.
    opb_chain_type "opbChainType" optional: String,
    /// The consensus algorithm's name.
    opb_algorithm_name "opbAlgorithmName" optional: String,
    /// The consensus algorithm's type code.
    opb_algorithm_type "opbAlgorithmType" optional: i32,
}

/// The frameworks on offer.
output FrameworkList {
    /// The frameworks (an empty list when none).
    data "data": Vec<Framework>,
}

/// A DDC to mint (生成) on one chain, owned by one of your chain accounts. Needs official DDC
/// enabled in the portal configuration.
input DdcMint {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
    /// The DDC standard: 721 (one of a kind) or 1155 (a quantity).
    ddc_type "ddcType": i32 [one_of([721, 1155])],
    /// The owning chain account's address.
    ddc_owner "ddcOwner": String [chars(1, usize::MAX)],
    /// How many to issue, as a decimal string such as "100": required for 1155, ignored for 721.
    ddc_pub_total "ddcPubTotal" optional: String [chars(1, usize::MAX)],
    /// Description.
    ddc_desc "ddcDesc" optional: String,
    /// The file as `"<extension>,<base64>"`, for example `"png,iVBORw0KGgo…"` (not a `data:`
    /// URI). Extensions: png, jpg, jpeg, bmp, gif, doc, docx, pdf; at most 2 MiB of file.
    img_file_base64 "imgFileBase64": String [chars(1, 2796209)],
    /// The file's name without its extension, such as `"file1"`.
    img_file_name "imgFileName": String [chars(1, usize::MAX)],
    /// Additional data recorded with the transaction.
    security_data "securityData": String [chars(1, usize::MAX)],
    /// Your own reference for this transaction; the service refuses one used before.
    user_trade_code "userTradeCode": String [chars(1, usize::MAX)],
}

/// A DDC to send (流转) from one of your chain accounts to another account of the same
/// computing-power center. Needs official DDC enabled in the portal configuration.
input DdcSend {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
    /// The DDC standard: 721 or 1155.
    ddc_type "ddcType": i32 [one_of([721, 1155])],
    /// The DDC's id, a decimal string such as "100".
    ddc_id "ddcId": String [chars(1, usize::MAX)],
    /// The current owner's chain account address.
    ddc_owner "ddcOwner": String [chars(1, usize::MAX)],
    /// The receiving account's address.
    recipient_account "recipientAccount": String [chars(1, usize::MAX)],
    /// How many to send, as a decimal string such as "10" (1 for a 721 DDC).
    send_number "sendNumber": String [chars(1, usize::MAX)],
    /// Additional data recorded with the transaction.
    security_data "securityData": String [chars(1, usize::MAX)],
    /// Your own reference for this transaction; the service refuses one used before.
    user_trade_code "userTradeCode": String [chars(1, usize::MAX)],
}

/// A DDC to burn (销毁): everything the owner holds of it. The DDC must belong to the same
/// computing-power center; needs official DDC enabled in the portal configuration.
input DdcBurn {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
    /// The DDC standard: 721 or 1155.
    ddc_type "ddcType": i32 [one_of([721, 1155])],
    /// The DDC's id, a decimal string such as "100".
    ddc_id "ddcId": String [chars(1, usize::MAX)],
    /// The owner's chain account address.
    ddc_owner "ddcOwner": String [chars(1, usize::MAX)],
    /// Additional data recorded with the transaction.
    security_data "securityData": String [chars(1, usize::MAX)],
    /// Your own reference for this transaction; the service refuses one used before.
    user_trade_code "userTradeCode": String [chars(1, usize::MAX)],
}

/// A DDC transaction the service accepted: look it up with `list_ddc_transactions`.
output DdcTrade {
    /// The trade number (算力交易流水号), such as `DDC00000000001`.
    trade_code "tradeCode": String,
}

/// The price of one kind of DDC transaction.
output DdcFee {
    /// The transaction type: 20 mint, 22 send, 23 burn.
    tx_type "txType": i32,
    /// Its price in 算力值 (two decimals).
    tx_amount "txAmount": f64,
}

/// The price list.
output DdcFeeList {
    /// One price per transaction type.
    data "data": Vec<DdcFee>,
}

/// Filters for the DDC transaction list; leave all out to list every transaction.
input DdcTransactionQuery {
    /// Only the transaction with this trade number.
    trade_code "tradeCode" optional: String,
    /// Only this type: 20 mint, 22 send, 23 burn.
    tx_type "txType" optional: i32 [one_of([20, 22, 23])],
    /// Only the transaction with this reference of yours.
    user_trade_code "userTradeCode" optional: String,
}

/// One DDC transaction and its status.
output DdcTransaction {
    /// The trade number.
    trade_code "tradeCode": String,
    /// Your reference for it.
    user_trade_code "userTradeCode" optional: String,
    /// 20 mint, 22 send, 23 burn.
    tx_type "txType": i32,
    /// 0 processing, 1 succeeded, 2 failed.
    tx_status "txStatus": i32,
    /// The chain transaction's hash.
    tx_hash "txHash" optional: String,
    /// The DDC's id.
    ddc_id "ddcId" optional: String,
    /// 721 or 1155.
    ddc_type "ddcType" optional: i32,
    /// The receiving account's address (the minter's for a mint, the burner's for a burn).
    ddc_owner "ddcOwner" optional: String,
    /// The sending account's address (empty for a mint or a burn).
    send_account "sendAccount" optional: String,
    /// Quantity minted.
    mint_quantity "mintQuantity" optional: i64,
    /// Quantity sent.
    trade_quantity "tradeQuantity" optional: i64,
    /// Quantity burnt.
    burn_quantity "burnQuantity" optional: i64,
    /// The chain's id.
    opb_chain_id "opbChainId" optional: i64,
    /// The chain's name.
    opb_chain_name "opbChainName" optional: String,
}

/// The matching transactions.
output DdcTransactionList {
    /// The transactions, oldest first.
    data "data": Vec<DdcTransaction>,
}

/// A chain account to create on one framework.
input NewChainAccount {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
    /// The account's name; unique among your accounts.
    opb_chain_client_name "opbChainClientName": String [chars(1, usize::MAX)],
}

/// A created chain account with its key pair. The private key is shown only here: keep it safe.
output ChainAccountKeys {
    /// The account's address.
    opb_chain_client_address "opbChainClientAddress": String,
    /// The account's private key.
    private_key "privateKey": Secret,
    /// The account's public key.
    public_key "publicKey" optional: String,
}

/// Filters for your chain accounts; leave all out to list every account.
input ChainAccountFilter {
    /// Only the account with this address.
    opb_chain_client_address "opbChainClientAddress" optional: String,
    /// Only the account with this name.
    opb_chain_client_name "opbChainClientName" optional: String,
    /// Only accounts on this chain.
    opb_chain_id "opbChainId" optional: i64,
}

/// Which page to fetch.
input PageRequest {
    /// The page number, from 1.
    page_num "pageNum": i32 [range(1, 2147483647)],
    /// Items per page.
    page_size "pageSize": i32 [range(1, 2147483647)],
}

/// One page of your chain accounts.
input ChainAccountQuery {
    /// The filters (all optional).
    data "data": ChainAccountFilter,
    /// The page.
    page "page": PageRequest,
}

/// One of your chain accounts.
output ChainAccount {
    /// The account's address.
    opb_chain_client_address "opbChainClientAddress": String,
    /// The account's name.
    opb_chain_client_name "opbChainClientName" optional: String,
    /// The account's code.
    opb_chain_client_code "opbChainClientCode" optional: String,
    /// The chain's name.
    opb_chain_name "opbChainName" optional: String,
    /// The account's status (enabled or frozen), as the service's number.
    opb_chain_account_status "opbChainAccountStatus" optional: i32,
    /// The energy left, as text: a number of energy units, or on 中移链 (EOS) the resources, such
    /// as `NET:111111bytes,CPU:111111us,RAM:11111bytes`.
    energy_value_balance "energyValueBalance" optional: String,
    /// When energy or resources were last recharged (empty before the first).
    gas_last_update_time "gasLastUpdateTime" optional: String,
}

/// Where a page sits in the whole list.
output PageInfo {
    /// The number of matching items on all pages.
    total "total": i64,
    /// The number of pages.
    pages "pages" optional: i32,
    /// This page's number.
    page_num "pageNum" optional: i32,
    /// Items per page.
    page_size "pageSize" optional: i32,
    /// Whether this is the first page.
    first_page "firstPage" optional: bool,
    /// Whether this is the last page.
    last_page "lastPage" optional: bool,
}

/// One page of chain accounts.
output ChainAccountPage {
    /// The accounts on this page.
    data "data": Vec<ChainAccount>,
    /// Where this page sits.
    result_page_info "resultPageInfo": PageInfo,
}

/// The chain whose energy price is wanted.
input GasPriceQuery {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
}

/// What 1 算力值 buys on a chain.
output GasPrice {
    /// Energy for 1 算力值.
    gas_quantity "gasQuantity": f64,
}

/// 中移链 (EOS) resource prices in 算力值.
output EosResourcePrice {
    /// CPU, per unit per day.
    eos_cpu "eosCpu": f64,
    /// NET, per unit per day.
    eos_net "eosNet": f64,
    /// RAM, per KB.
    eos_ram "eosRam": f64,
}

/// Energy to buy for one of your chain accounts, paid in 算力值.
input GasRecharge {
    /// The chain, from `list_opb_frameworks`.
    opb_chain_id "opbChainId": i64,
    /// The account's address.
    opb_chain_client_address "opbChainClientAddress": String [chars(1, usize::MAX)],
    /// 算力值 to spend: more than 0, two decimals at most (see `get_gas_price` for the energy
    /// it buys).
    hash_rate_value "hashRateValue": f64 [range(0.01, 1.0e13)],
}

/// A completed energy recharge.
output GasRecharged {
    /// The account's address.
    opb_chain_client_address "opbChainClientAddress": String,
    /// The energy added.
    energy_value "energyValue": f64,
}

/// 中移链 (EOS) resources to buy for one of your accounts there, paid in 算力值.
input EosResourceRecharge {
    /// The account's name on 中移链, such as `reddatas1234`.
    opb_chain_client_address "opbChainClientAddress": String [chars(1, usize::MAX)],
    /// CPU to add: a whole number, at least 1.
    cpu_plus_value "cpuPlusValue": i64 [range(1, 9007199254740991.0)],
    /// NET to add: a whole number, at least 1.
    net_plus_value "netPlusValue": i64 [range(1, 9007199254740991.0)],
    /// RAM to add: a whole number, at least 1.
    ram_plus_value "ramPlusValue": i64 [range(1, 9007199254740991.0)],
    /// Until when, `yyyy-MM-dd`, more than one day ahead.
    resource_valid_date "resourceValidDate": String [date()],
}

/// A completed resource recharge.
output EosResourceRecharged {
    /// The account.
    opb_chain_client_address "opbChainClientAddress": String,
    /// CPU added.
    cpu_plus_value "cpuPlusValue": i64,
    /// NET added.
    net_plus_value "netPlusValue": i64,
    /// RAM added.
    ram_plus_value "ramPlusValue": i64,
}

/// The key for connecting to the node gateway.
output AccessKey {
    /// The key.
    access_key "accessKey": Secret,
}

/// Your 算力值 balance.
output AccountBalance {
    /// The balance in 算力值 (top up in the portal).
    account_balance "accountBalance": f64,
}

}

endpoints {
    /// Lists the chain frameworks this computing-power center offers (chosen in its operations
    /// console); their ids are the `opbChainId` of the other calls.
    list_opb_frameworks "listOpbFrameworks": POST "/ddcoai/sys/v1/opb/frame/framework/searches" form,
        auth service, () => FrameworkList, idempotent, whole;
    /// Mints a DDC; the answer's trade number finds it in `list_ddc_transactions`.
    mint_ddc "mintDdc": POST "/ddcoai/sys/v1/ddc/save" json,
        auth service, DdcMint => DdcTrade, once;
    /// Sends a DDC to another account of the same computing-power center.
    send_ddc "sendDdc": POST "/ddcoai/sys/v1/ddc/send" json,
        auth service, DdcSend => DdcTrade, once;
    /// Burns a DDC.
    burn_ddc "burnDdc": POST "/ddcoai/sys/v1/ddc/burn" json,
        auth service, DdcBurn => DdcTrade, once;
    /// Lists the price of each kind of DDC transaction, in 算力值.
    list_ddc_fees "listDdcFees": POST "/ddcoai/sys/v1/ddc/fee/searches" form,
        auth service, () => DdcFeeList, idempotent, whole;
    /// Lists DDC transactions with their status, optionally filtered.
    list_ddc_transactions "listDdcTransactions": POST "/ddcoai/sys/v1/ddc/transfer/searches" json,
        auth service, DdcTransactionQuery => DdcTransactionList, idempotent, whole;
    /// Creates a chain account on one framework and returns its key pair.
    create_chain_account "createChainAccount": POST "/ddcoai/sys/v1/chainaccount/save" json,
        auth service, NewChainAccount => ChainAccountKeys, once;
    /// Lists your chain accounts, one page.
    list_chain_accounts "listChainAccounts": POST "/ddcoai/sys/v1/chainaccount/searches" json,
        auth service, ChainAccountQuery => ChainAccountPage, idempotent, whole,
        pages chain_account_pages "chainAccountPages" of ChainAccount by ChainAccountPager
            page page.page_num size page.page_size items data total result_page_info.total;
    /// Gets how much energy 1 算力值 buys on a chain.
    get_gas_price "getGasPrice": POST "/ddcoai/sys/v1/chainaccount/hashrate/gas/search" json,
        auth service, GasPriceQuery => GasPrice, idempotent;
    /// Gets the 中移链 (EOS) CPU, NET and RAM prices.
    get_eos_resource_price "getEosResourcePrice": POST "/ddcoai/sys/v1/chainaccount/hashrate/resource/search" form,
        auth service, () => EosResourcePrice, idempotent;
    /// Buys energy for one of your chain accounts with 算力值.
    recharge_gas "rechargeGas": POST "/ddcoai/sys/v1/chainaccount/gas/recharge" json,
        auth service, GasRecharge => GasRecharged, once;
    /// Buys 中移链 (EOS) CPU, NET and RAM for one of your accounts there with 算力值.
    recharge_eos_resource "rechargeEosResource": POST "/ddcoai/sys/v1/chainaccount/resource/recharge" json,
        auth service, EosResourceRecharge => EosResourceRecharged, once;
    /// Gets the key for connecting to the node gateway.
    get_access_key "getAccessKey": POST "/ddcoai/sys/v1/appaccess/access/key/search" form,
        auth service, () => AccessKey, idempotent;
    /// Replaces the node-gateway key and returns the new one (the old one stops working).
    update_access_key "updateAccessKey": POST "/ddcoai/sys/v1/appaccess/access/key/modify" form,
        auth service, () => AccessKey, once;
    /// Gets your 算力值 balance.
    get_account_balance "getAccountBalance": POST "/ddcoai/sys/v1/user/account/info/search" form,
        auth service, () => AccountBalance, idempotent;
}
        }
    };
}
