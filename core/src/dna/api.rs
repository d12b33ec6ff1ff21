//! The one definition of seed 002's 21 remote endpoints and their models (see docs/endpoints.md).
//! Every binding expands this same block; nothing else lists a DNA endpoint.
//!
//! Decisions on the document's ambiguities (reference notes_002), cited where they apply:
//! - `{url}` (and §3.3.1's `{{url}}`) is the client's base URL, given by the caller: the
//!   environment list's hosts (`https://test-dna.bitfactory.cn`; production is written
//!   `http://dna.bitfactory.cn`, use https if it answers), without the consoles' `/manage`.
//!   Both API families (`/registration/api/v2`, `/auth/api/v1`) are assumed on that one host.
//! - The offline `bif-offline-api` calls (§3.3.2–§3.3.4, including its `type`/`keyType`
//!   confusion) are not endpoints here: keys, addresses and signatures are made in-process by
//!   `crate::bif`, and `flows` uses them.
//! - Paths use `{wireName}` for every parameter, whether the seed writes `{x}` or `:x`; §3.4.4's
//!   `//registration` is sent with one slash (the `//` is `{url}/` joined to a path that starts
//!   with `/`, a slip of the URL line, not a route).
//! - §3.4.2 is sent as `series/list/`, with the trailing slash. The document writes this path
//!   once, in its URL line `series/list/?pageNum=1&pageSize=20`; the slash-less form is only the
//!   catalog's normalisation (notes_002), never the document's. Whether the server also answers
//!   `series/list` is unknown: trailing-slash matching is a server setting (Spring 6 turned it
//!   off by default), so the one spelling the document shows is the one to send. The sandbox
//!   trims a trailing slash and accepts both, so it cannot decide this; the document does.
//! - GET inputs go to the query string (their location is never stated).
//! - `pageNum`/`pageSize` are typed `string` but are numbers in every example: integers here,
//!   pages counted from 1 (the examples' first page).
//! - "Required": the seed fills no 是否必填 cell. A field is required here when a `…必填` message
//!   names it or the call makes no sense without it (a series' name and issuer; an asset's series,
//!   name, number and holder; every field of a signed submission); the rest are optional and left
//!   out when absent. The sandbox (tests/sandbox/src/dna/validate.rs, reports.rs) decides the same.
//! - §3.6.2/§3.6.3 follow that rule too, as §3.4.1/§3.5.1 do for the same things: a certified
//!   series needs its name, issuer and platform id(s) (`seriesId`: the key §3.6.3 assets refer
//!   to, `集合ID重复`); a certified asset its series, name, number, `tokenBid` (`tokenBID重复`) and
//!   holder (`owner`, like §3.5.1's `toBid`: §3.6.4/§3.6.5 "同步更新资产owner" keep it). `totalDNA`,
//!   `asset_contracts`, `dnaType`, `url`, `displayUrl`, `hash` and `mintTime` are descriptive, as
//!   §3.5.1's `url`/`hash`/`displayUrl`/`dnaCategory` are, so optional; their format rules still
//!   apply when given. §3.6.2's `seriesId` list has no documented maximum (100 bounds `data`).
//! - §3.5.11 `userBid` is described as the operator's chain account (应用运营方的链账户身份), but
//!   §3.3.3 takes the nonce of the transaction's source (the asset holder in every example) from
//!   it. A nonce belongs to the account that signs, and the holders are the application's own
//!   accounts (§3.5.3 "保证都是应用下的账户"), so both readings name the signer: chainkit sends the
//!   signer's BID (`flows`). A live check should confirm that the service answers for a holder's
//!   account (the sandbox does: every uploaded account has its own nonce).
//! - Answers are read tolerantly (docs/endpoints.md). A listing may show an asset whose mint is
//!   still pending, with no `tokenBid` yet (`null`): `DnaAsset.tokenBid` is optional, so neither
//!   that nor a `null` list fails a whole page. Vectors: tests/vectors/dna/responses.json.
//! - Lengths count characters. Series name ≤ 50: the field tables (§3.4.1–§3.4.3, §3.6.2) say
//!   50, only the §3.4.1 message says 30. Asset description ≤ 200 on input (§3.5.1/§3.5.2;
//!   only the §3.5.6 output table says 500).
//! - `optional` fields are left out of the request when absent (never sent as `null`).
//! - `dnaPrice` is a JSON number (f64; §3.5.2 says two decimals, which f64 prints exactly).
//! - §3.5.9 `bidAddress` is kept as the documented bracketed string; `owners_of` parses it.

/// Hands seed 002's definition block to the expander `$cb` (core's `define_service!`, or a
/// binding's own).
#[doc(hidden)]
#[macro_export]
macro_rules! dna_api {
    ($cb:path) => {
        $cb! {
service dna DnaClient envelope DnaEnvelope;

models {

/// What an asset is, as certified assets (`auth_dna`) code it (a string code on the wire).
enum DnaType {
    /// An image (`"0"`).
    Image "0",
    /// A video (`"1"`).
    Video "1",
    /// Audio (`"2"`).
    Audio "2",
}

/// The application's credentials, as the token request (`get_token`) takes them (it sends them
/// in the query string, as documented; chainkit never logs that URL).
input TokenRequest {
    /// `apiKey`, issued when the application is approved.
    api_key "apiKey": String [chars(1, 200)],
    /// `apiSecret`, paired with the apiKey.
    api_secret "apiSecret": Secret,
}

/// The token request's answer.
output AccessToken {
    /// The `accessToken` header value for the other endpoints (a JWT in the example).
    access_token "accessToken": Secret,
}

/// A `retCode`/`retMsg` answer with no payload.
output Ack {
    /// 200 on success.
    ret_code "retCode": i64,
    /// The service's message (`ok` in the examples).
    ret_msg "retMsg" optional: String,
}

/// One C-side user account to activate.
input Account {
    /// SHA-256 of the phone number, 64 hex digits (`flows::create_account` hashes it for you).
    phone "phone": String [hex(64)],
    /// The user's BID.
    bid "bid": String [bid()],
}

/// C-side user accounts to activate (no maximum is documented).
input AccountUpload {
    /// The accounts.
    data "data": Vec<Account> [items(1, usize::MAX)],
}

/// A new series (集合) to create.
input SeriesAdd {
    /// Series name, unique, at most 50 characters.
    series_name "seriesName": String [chars(1, 50)],
    /// Issuer.
    series_issuer "seriesIssuer": String [chars(1, 200)],
    /// Description, at most 200 characters.
    series_des "seriesDes" optional: String [chars(0, 200)],
    /// Link to a website showing the assets.
    external_url "externalUrl" optional: String,
}

/// The series `series_add` created.
output SeriesCreated {
    /// The new series' id.
    series_id "seriesId": String,
    /// Creation time, `yyyy-MM-dd HH:mm:ss`.
    create_time "createTime" optional: String,
}

/// Which page of the application's series to list.
input SeriesListRequest {
    /// Page number, from 1.
    page_num "pageNum": i32 [range(1.0, 2147483647.0)],
    /// Items per page.
    page_size "pageSize": i32 [range(1.0, 2147483647.0)],
}

/// A series, as listed or got by id.
output Series {
    /// Series id.
    series_id "seriesId": String,
    /// Name.
    series_name "seriesName": String,
    /// Issuer.
    series_issuer "seriesIssuer" optional: String,
    /// Description.
    series_des "seriesDes" optional: String,
    /// External link.
    external_url "externalUrl" optional: String,
    /// Creation time.
    create_time "createTime" optional: String,
    /// Application id.
    app_id "appId" optional: String,
}

/// One page of the application's series.
output SeriesPage {
    /// Total number of series.
    total "total": i64,
    /// This page.
    data "data": Vec<Series>,
}

/// The series to get.
input SeriesId {
    /// Series id.
    series_id "seriesId": String [chars(1, 200)],
}

/// Which page of a series' assets to list.
input SeriesDnaRequest {
    /// Series id.
    series_id "seriesId": String [chars(1, 200)],
    /// Page number, from 1.
    page_num "pageNum": i32 [range(1.0, 2147483647.0)],
    /// Items per page.
    page_size "pageSize": i32 [range(1.0, 2147483647.0)],
}

/// A digital asset, as a series' or a user's asset list shows it or as got by its BID.
output DnaAsset {
    /// On-chain id; absent (or `null`) while the asset's registration is not yet on chain.
    token_bid "tokenBid" optional: String,
    /// Series id.
    series_id "seriesId" optional: String,
    /// Name.
    dna_name "dnaName" optional: String,
    /// Number, unique within the series.
    dna_number "dnaNumber" optional: String,
    /// Description.
    dna_des "dnaDes" optional: String,
    /// Asset URL.
    url "url" optional: String,
    /// Asset hash.
    hash "hash" optional: String,
    /// Thumbnail URL.
    display_url "displayUrl" optional: String,
    /// Price in yuan.
    dna_price "dnaPrice" optional: f64,
    /// Category label (`图片`, `PFP`, …).
    dna_category "dnaCategory" optional: String,
    /// User-defined extension.
    extension "extension" optional: String,
    /// Creation time.
    create_time "createTime" optional: String,
}

/// A page of a series' or a user's assets.
output DnaPage {
    /// Total count.
    total "total": i64,
    /// This page.
    data "data": Vec<DnaAsset>,
}

/// An asset to register (mint), alone or as one item of a batch.
input MintDna {
    /// Series id from `series_add`.
    series_id "seriesId": String [chars(1, 200)],
    /// Name, at most 50 characters.
    dna_name "dnaName": String [chars(1, 50)],
    /// Number, unique within the series.
    dna_number "dnaNumber": String [chars(1, 200)],
    /// Description, at most 200 characters.
    dna_des "dnaDes" optional: String [chars(0, 200)],
    /// Asset URL (350×350 recommended).
    url "url" optional: String [chars(1, 2048)],
    /// Asset hash (SHA-256 recommended).
    hash "hash" optional: String [chars(1, 256)],
    /// Thumbnail URL (85×85 recommended).
    display_url "displayUrl" optional: String [chars(1, 2048)],
    /// The holder who receives the asset.
    to_bid "toBid": String [bid()],
    /// Price in yuan.
    dna_price "dnaPrice" optional: f64 [range(0.0, 1.0e15)],
    /// Category: 图片 音频 视频 品牌 会员资格 域名 社交 音乐 艺术品 PFP 3D.
    dna_category "dnaCategory" optional: String [one_of(&["图片", "音频", "视频", "品牌", "会员资格", "域名", "社交", "音乐", "艺术品", "PFP", "3D"])],
    /// User-defined, at most 1024 characters.
    extension "extension" optional: String [chars(0, 1024)],
}

/// Up to 100 assets to register in one message.
input BatchMintDna {
    /// The assets.
    data "data": Vec<MintDna> [items(1, 100)],
}

/// An accepted asynchronous write (a mint, batch mint, transfer or burn): poll `message_result`
/// with its id.
output Submitted {
    /// Message id.
    message_id "messageId": String,
}

/// A signed transfer (build it with `flows::transfer`, or `bif`).
input TransferDna {
    /// The asset.
    token_bid "tokenBid": String [bid()],
    /// Current holder: the transaction's source account.
    from_bid "fromBid": String [bid()],
    /// Receiver.
    to_bid "toBid": String [bid()],
    /// The protobuf transaction, hex.
    serialization "serialization": String [hex_bytes()],
    /// The signature over it, hex.
    sign_data "signData": String [hex_bytes()],
    /// The signer's public key, hex (`b065…`).
    public_key "publicKey": String [hex_bytes()],
}

/// A signed burn.
input BurnDna {
    /// The asset.
    token_bid "tokenBid": String [bid()],
    /// Current holder: the transaction's source account.
    from_bid "fromBid": String [bid()],
    /// The protobuf transaction, hex.
    serialization "serialization": String [hex_bytes()],
    /// The signature over it, hex.
    sign_data "signData": String [hex_bytes()],
    /// The signer's public key, hex.
    public_key "publicKey": String [hex_bytes()],
}

/// Which page of a user's assets to list.
input UserDnaRequest {
    /// The user's BID.
    user_id "userId": String [bid()],
    /// Page number, from 1.
    page_num "pageNum": i32 [range(1.0, 2147483647.0)],
    /// Items per page.
    page_size "pageSize": i32 [range(1.0, 2147483647.0)],
}

/// An asset's BID, to get the asset or its owner.
input TokenBid {
    /// The asset.
    token_bid "tokenBid": String [bid()],
}

/// One asset, got by its BID.
output DnaDetail {
    /// The asset.
    data "data": DnaAsset,
}

/// Which page of an asset's operation records to list.
input RecordsRequest {
    /// The asset.
    token_bid "tokenBid": String [bid()],
    /// Page number, from 1.
    page_num "pageNum": i32 [range(1.0, 2147483647.0)],
    /// Items per page.
    page_size "pageSize": i32 [range(1.0, 2147483647.0)],
}

/// One operation on an asset, from its records.
output DnaRecord {
    /// 0 register, 1 transfer, 2 burn, 4 metadata (there is no 3).
    operation "operation": i32,
    /// Asset number.
    dna_number "dnaNumber" optional: String,
    /// Transaction hash.
    tx_hash "txHash" optional: String,
    /// Holder.
    from_bid "fromBid" optional: String,
    /// Receiver.
    to_bid "toBid" optional: String,
    /// Operation time.
    operation_date "operationDate" optional: String,
    /// Asset creation time.
    create_time "createTime" optional: String,
}

/// One page of an asset's operation records.
output RecordPage {
    /// Total count.
    total "total": i64,
    /// This page.
    data "data": Vec<DnaRecord>,
}

/// The operation whose on-chain state to get.
input ChainStatusRequest {
    /// The asset.
    token_bid "tokenBid": String [bid()],
    /// 1 register, 2 transfer, 3 burn.
    op_type "type": i32 [one_of(&[1, 2, 3])],
    /// The operation's transaction hash (from `message_result`).
    tx_hash "txHash": String [chars(1, 128)],
}

/// An operation's on-chain state: 0 submitted, 1 failed, 2 succeeded (the codes of a write's
/// outcome too).
output ChainState {
    /// The state.
    state "state": i32,
}

/// An asset's owner.
output TokenOwner {
    /// The owner as the documented bracketed string, `"[did:bid:…]"`; empty when none.
    bid_address "bidAddress" optional: String,
}

/// The write whose outcome to get.
input MessageId {
    /// From a write's answer.
    message_id "messageId": String [chars(1, 200)],
}

/// One asset of a write's message, in its outcome.
output MessageInfo {
    /// Series id.
    series_id "seriesId" optional: String,
    /// The asset.
    token_bid "tokenBid" optional: String,
    /// Asset number.
    dna_number "dnaNumber" optional: String,
    /// Error text; empty on success.
    message "message" optional: String,
}

/// A write's outcome.
output MessageOutcome {
    /// 0 submitted, 1 failed, 2 succeeded.
    state "state": i32,
    /// Transaction hash, once on chain.
    tx_hash "txHash" optional: String,
    /// Per-asset details.
    info "info" optional: Vec<MessageInfo>,
}

/// A write's outcome, as `message_result` answers it.
output MessageResult {
    /// The outcome.
    data "data": MessageOutcome,
}

/// The account whose nonce to get.
input NonceRequest {
    /// The chain account whose nonce is wanted. The document calls it the operator's chain
    /// account (应用运营方的链账户身份) yet has a transaction's source account take its nonce from
    /// here; both hold when the application operates the accounts (transfers stay between
    /// 应用下的账户). A nonce counts one account's transactions, so pass the account that signs
    /// the next transaction (the flows pass the asset holder, the documented signer).
    user_bid "userBid": String [bid()],
}

/// An account's current nonce; its next transaction carries `nonce + 1`.
output Nonce {
    /// Current nonce.
    nonce "nonce": i64,
}

/// One series certified by a sub-chain platform.
input AuthSeries {
    /// Name, at most 50 characters (the 400 message).
    series_name "seriesName": String [chars(1, 50)],
    /// Issuer.
    series_issuer "seriesIssuer": String [chars(1, 200)],
    /// External link.
    external_url "externalUrl" optional: String,
    /// Description.
    series_des "seriesDes" optional: String,
    /// Platform series id(s): typed `Object[]`, the example is `["21"]` (no maximum documented).
    series_id "seriesId": Vec<String> [items(1, usize::MAX)],
    /// Number of assets issued in it.
    total_dna "totalDNA" optional: i64 [range(0.0, 9.0e15)],
    /// Its contract address (snake_case and plural on the wire, one string).
    asset_contracts "asset_contracts" optional: String [chars(1, 200)],
}

/// Series certified by a sub-chain platform.
input AuthSeriesReport {
    /// Up to 100 series.
    data "data": Vec<AuthSeries> [items(1, 100)],
}

/// One asset certified by a sub-chain platform.
input AuthDna {
    /// Series id: one string here, where a certified series (`AuthSeries`) takes a list.
    series_id "seriesId": String [chars(1, 200)],
    /// Name, at most 50 characters (the 400 message).
    dna_name "dnaName": String [chars(1, 50)],
    /// Number.
    dna_number "dnaNumber": String [chars(1, 200)],
    /// Sub-chain BID, unique.
    token_bid "tokenBid": String [chars(1, 200)],
    /// Description.
    dna_des "dnaDes" optional: String,
    /// Image, video or audio.
    dna_type "dnaType" optional: DnaType,
    /// Public image URL.
    url "url" optional: String [chars(1, 2048)],
    /// Public thumbnail URL.
    display_url "displayUrl" optional: String [chars(1, 2048)],
    /// Image hash.
    hash "hash" optional: String [chars(1, 256)],
    /// On-chain mint time.
    mint_time "mintTime" optional: String [chars(1, 64)],
    /// Owner: the holder's account address (the platform keeps it up to date after transfers).
    owner "owner": String [chars(1, 200)],
    /// Issue price.
    dna_price "dnaPrice" optional: f64 [range(0.0, 1.0e15)],
    /// User-defined, at most 1024 characters.
    extension "extension" optional: String [chars(0, 1024)],
}

/// Assets certified by a sub-chain platform.
input AuthDnaReport {
    /// Up to 100 assets.
    data "data": Vec<AuthDna> [items(1, 100)],
}

/// One asset transfer certified by a sub-chain platform.
input AuthTransfer {
    /// Sub-chain asset BID.
    token_bid "tokenBid": String [chars(1, 200)],
    /// Sender.
    from_bid "fromBid": String [chars(1, 200)],
    /// Receiver.
    to_bid "toBid": String [chars(1, 200)],
    /// Transaction hash, unique per asset.
    tx_hash "txHash": String [chars(1, 128)],
    /// Confirmation time, `yyyy-MM-dd HH:mm:ss` (capitalised `Time` on the wire).
    time "Time": String [chars(1, 64)],
}

/// Asset transfers certified by a sub-chain platform.
input AuthTransferReport {
    /// Up to 100 transfers.
    data "data": Vec<AuthTransfer> [items(1, 100)],
}

/// One asset destruction certified by a sub-chain platform.
input AuthDestroy {
    /// Sub-chain asset BID.
    token_bid "tokenBid": String [chars(1, 200)],
    /// Holder.
    from_bid "fromBid": String [chars(1, 200)],
    /// Transaction hash, unique per asset.
    tx_hash "txHash": String [chars(1, 128)],
    /// Confirmation time (capitalised `Time` on the wire).
    time "Time": String [chars(1, 64)],
}

/// Asset destructions certified by a sub-chain platform.
input AuthDestroyReport {
    /// Up to 100 destructions.
    data "data": Vec<AuthDestroy> [items(1, 100)],
}

}

endpoints {
    /// Gets an access token (the client does this for you; this is for callers who need the
    /// token itself).
    get_token "getToken": GET "/registration/api/v2/getToken", auth none,
        TokenRequest => AccessToken, idempotent;
    /// Activates C-side user accounts.
    account_upload "accountUpload": POST "/registration/api/v2/account/upload", auth service,
        AccountUpload => Ack, once;
    /// Creates a series.
    series_add "seriesAdd": POST "/registration/api/v2/series/add", auth service,
        SeriesAdd => SeriesCreated, once;
    /// Lists the application's series, one page.
    series_list "seriesList": GET "/registration/api/v2/series/list/", auth service,
        SeriesListRequest => SeriesPage, idempotent,
        pages series_pages "seriesPages" of Series by SeriesPager
            page page_num size page_size items data total total;
    /// Gets one series.
    series_detail "seriesDetail": GET "/registration/api/v2/series/{seriesId}", auth service,
        SeriesId => Series, idempotent;
    /// Lists a series' assets, one page.
    series_dna_list "seriesDnaList": GET "/registration/api/v2/{seriesId}/dna", auth service,
        SeriesDnaRequest => DnaPage, idempotent,
        pages series_dna_pages "seriesDnaPages" of DnaAsset by SeriesDnaPager
            page page_num size page_size items data total total;
    /// Registers (mints) an asset; poll `message_result` with the answer's id.
    mint_dna "mintDna": POST "/registration/api/v2/chain/mintDNA", auth service,
        MintDna => Submitted, once;
    /// Registers up to 100 assets in one message.
    batch_mint_dna "batchMintDna": POST "/registration/api/v2/chain/batchMintDNA", auth service,
        BatchMintDna => Submitted, once;
    /// Submits a signed transfer.
    transfer_dna "transferDna": POST "/registration/api/v2/chain/transferDNA", auth service,
        TransferDna => Submitted, once;
    /// Submits a signed burn.
    burn_dna "burnDna": POST "/registration/api/v2/chain/burnDNA", auth service,
        BurnDna => Submitted, once;
    /// Lists the assets a user holds, one page.
    user_dna_list "userDnaList": GET "/registration/api/v2/dna/{userId}", auth service,
        UserDnaRequest => DnaPage, idempotent,
        pages user_dna_pages "userDnaPages" of DnaAsset by UserDnaPager
            page page_num size page_size items data total total;
    /// Gets one asset.
    dna_detail "dnaDetail": GET "/registration/api/v2/dnaDetail", auth service,
        TokenBid => DnaDetail, idempotent;
    /// Lists an asset's operations, one page.
    dna_records "dnaRecords": GET "/registration/api/v2/record/{tokenBid}", auth service,
        RecordsRequest => RecordPage, idempotent,
        pages record_pages "recordPages" of DnaRecord by RecordPager
            page page_num size page_size items data total total;
    /// Gets the on-chain state of an operation.
    chain_status "chainStatus": GET "/registration/api/v2/chain/status", auth service,
        ChainStatusRequest => ChainState, idempotent;
    /// Gets an asset's owner.
    token_owner_of "tokenOwnerOf": GET "/registration/api/v2/chain/tokenOwnerOf/{tokenBid}", auth service,
        TokenBid => TokenOwner, idempotent;
    /// Gets a write's outcome by message id.
    message_result "messageResult": GET "/registration/api/v2/chain/message/{messageId}", auth service,
        MessageId => MessageResult, idempotent;
    /// Gets an account's current nonce (sign the next transaction with nonce + 1).
    chain_nonce "chainNonce": GET "/registration/api/v2/chain/nonce", auth service,
        NonceRequest => Nonce, idempotent;
    /// Certifies series from a sub-chain platform (up to 100).
    auth_series "authSeries": POST "/auth/api/v1/series", auth service,
        AuthSeriesReport => Ack, once;
    /// Certifies assets from a sub-chain platform (up to 100).
    auth_dna "authDna": POST "/auth/api/v1/dna", auth service,
        AuthDnaReport => Ack, once;
    /// Certifies asset transfers from a sub-chain platform (up to 100).
    auth_dna_transfer "authDnaTransfer": POST "/auth/api/v1/dna/transfer", auth service,
        AuthTransferReport => Ack, once;
    /// Certifies asset destructions from a sub-chain platform (up to 100).
    auth_dna_destroy "authDnaDestroy": POST "/auth/api/v1/dna/destroy", auth service,
        AuthDestroyReport => Ack, once;
}
        }
    };
}
