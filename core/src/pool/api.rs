//! The one definition of seed 003's 45 actions and their models (see docs/endpoints.md). Every
//! binding expands this same block; nothing else lists a pool action.
//!
//! Every action is a POST of `{action, data}` to the one service URL, which the pool's auth
//! scheme wraps into the signed envelope `{action, at, data, signNonce, sign}` (see
//! `crate::auth::pool`). Names are the action's, in each language's case:
//! `SubAccount.GetCoin2MoneySetting` → `sub_account_get_coin2_money_setting` /
//! `subAccountGetCoin2MoneySetting`.
//!
//! Decisions on the document's ambiguities (reference notes_000_001_003 §4.3), cited where they
//! apply:
//! - Required fields: the 是否必须 column is empty on every row. Every documented parameter is
//!   required, and when text non-empty, except: Account.Create's `phone` and `mail` (注意: one of
//!   the two must be given: checked as a rule of the model) and every field but `userName` of
//!   SubAccount.UpdateFeeInfo (不需要修改的可以不传: send only what changes; a field cannot be
//!   cleared).
//! - Formats: `start`/`end`/`day` are `YYYY-MM-DD` and the hourly ranges `YYYY-MM-DD HH:mm:ss`,
//!   the formats of the document's answers (it never states one; Beijing time is presumed).
//!   Worker.GetSubAccountWorkerHourlyActiveNumList takes dates yet answers hours, as written.
//! - Value sets: `coinType` differs per action (btc|bch for payout settings, btc|bch|cny for
//!   Profit.GetByDay, btc|bch|all for the system's real-time speed), so there are three enums.
//!   The coin payout minimum is one of 0, 0.001, 0.01, 0.1. The RMB payout minimum is only
//!   checked to be at least 0: the document copies the coin set there, but its own answer
//!   shows `min: 500`.
//! - The two meanings of `at`: in the envelope it is the signing time (never a field here); in
//!   Profit and Worker rows it is a day or hour string, named `day` / `hour` in Rust, Python,
//!   Kotlin and Swift (JS objects keep the wire name `at`).
//! - Numbers: `validSpeed`/`totalSpeed` are `u64` (the examples reach 2.46e16, past 2^53:
//!   `bigint` in JS); `autoPay` is typed int but holds a threshold such as 0.01, so `f64`;
//!   Profit.GetAllUserPaymentByDay's amounts are decimal strings (8 digits BTC/BCH, 2 RMB) and
//!   stay text, so no digit is lost. Worker `status` is 1 online, 2 stopped, 3 invalid.
//! - Answers that are not objects (lists, `true`/`false`) are read from the whole answer
//!   (`whole`, field `data`). Speed.GetSystemRealtimeSpeed is documented as an object but its
//!   example is a list of them (one per coin): a list, which also reads a lone object as a list
//!   of one. Write actions answer `data: null`; success is the code (`()`). None of them
//!   answers the new record's id: list again to find it.
//! - Idempotency: reads and the Set/Update actions (they write absolute values, so a repeat
//!   changes nothing) are idempotent; Create, Add and Delete are not. Only idempotent actions
//!   are retried on 5050 (see `PoolEnvelope`).
//! - Secrets: passwords and the bank card number are `Secret` (redacted when printed). They
//!   travel inside `data`, signed but not encrypted: use HTTPS on public networks.

/// Hands seed 003's definition block to the expander `$cb` (core's `define_service!`, or a
/// binding's own).
#[doc(hidden)]
#[macro_export]
macro_rules! pool_api {
    ($cb:path) => {
        $cb! {
service pool PoolClient envelope PoolEnvelope;

models {

/// A payout coin.
enum Coin {
    /// Bitcoin.
    Btc "btc",
    /// Bitcoin Cash.
    Bch "bch",
}

/// A profit account's currency.
enum ProfitCoin {
    /// Bitcoin.
    Btc "btc",
    /// Bitcoin Cash.
    Bch "bch",
    /// Renminbi.
    Cny "cny",
}

/// The coin of the pool's real-time speed, or both.
enum SpeedCoin {
    /// Bitcoin.
    Btc "btc",
    /// Bitcoin Cash.
    Bch "bch",
    /// Both coins.
    All "all",
}

/// How a sub-account is paid.
enum FeeType {
    /// Pay per share.
    Pps "PPS",
    /// Full pay per share.
    Fpps "FPPS",
}

/// What an observer link may see.
enum ObserverRight {
    /// The dashboard.
    Dashboard "dashboard_observer",
    /// The workers.
    Worker "worker_observer",
    /// The profit.
    Profit "profit_observer",
}

/// Where a day's profit went.
enum PayStatus {
    /// Kept in the balance.
    Saved "saved",
    /// Being paid.
    Paying "paying",
    /// Paid.
    Finish "finish",
    /// Nothing to pay.
    NothingDue "none",
}

/// How a payment is made.
enum PayType {
    /// To a BTC address.
    Btc "BTC",
    /// To an RMB account (such as Alipay).
    Rmb "RMB",
    /// To a bank account.
    Bank "BANK",
}

/// A new main account: give a phone, a mail or both.
input NewAccount [one_of_required("phone", "mail")] {
    /// Main account name.
    account "account": String [chars(1, usize::MAX)],
    /// Phone number.
    phone "phone" optional: String [chars(1, usize::MAX)],
    /// E-mail address.
    mail "mail" optional: String [chars(1, usize::MAX)],
    /// Password.
    password "password": Secret [chars(1, usize::MAX)],
}

/// A main account.
input AccountName {
    /// Main account name.
    account "account": String [chars(1, usize::MAX)],
}

/// What a main account is bound to.
output BindInfo {
    /// Bound phone number; may be empty when only a mail is bound.
    phone "phone" optional: String,
    /// Bound e-mail address; may be empty when only a phone is bound.
    mail "mail" optional: String,
}

/// A main account's new phone number.
input PhoneChange {
    /// Main account name.
    account "account": String [chars(1, usize::MAX)],
    /// New phone number.
    phone "phone": String [chars(1, usize::MAX)],
}

/// A main account's new e-mail address.
input MailChange {
    /// Main account name.
    account "account": String [chars(1, usize::MAX)],
    /// New e-mail address.
    mail "mail": String [chars(1, usize::MAX)],
}

/// A main account and a password (to set or to check).
input AccountPassword {
    /// Main account name.
    account "account": String [chars(1, usize::MAX)],
    /// Password.
    password "password": Secret [chars(1, usize::MAX)],
}

/// Whether the password is right.
output PasswordCheck {
    /// True when it matches.
    matches "data": bool,
}

/// A phone number to look up.
input Phone {
    /// Phone number.
    phone "phone": String [chars(1, usize::MAX)],
}

/// An e-mail address to look up.
input Mail {
    /// E-mail address.
    mail "mail": String [chars(1, usize::MAX)],
}

/// Account names.
output Names {
    /// The names.
    names "data": Vec<String>,
}

/// Several sub-accounts.
input SubAccountNames {
    /// Sub-account names.
    user_names "userNames": Vec<String> [items(1, usize::MAX)],
}

/// A sub-account.
input SubAccountName {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
}

/// A sub-account's basic information.
output SubAccountInfo {
    /// Sub-account name.
    user_name "userName": String,
    /// Rated hash rate, in P.
    theory_speed "theorySpeed": f64,
    /// Display name.
    description "description": String,
    /// Expected number of workers.
    worker_count "workerCount": i64,
    /// Main account name.
    master "master": String,
}

/// Sub-accounts' basic information.
output SubAccountInfos {
    /// One per sub-account.
    items "data": Vec<SubAccountInfo>,
}

/// A new sub-account.
input NewSubAccount {
    /// Main account name.
    master "master": String [chars(1, usize::MAX)],
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Rated hash rate, in P.
    theory_speed "theorySpeed": f64 [range(0.0, f64::MAX)],
    /// Display name.
    description "description": String [chars(1, usize::MAX)],
    /// Expected number of workers.
    worker_count "workerCount": i64 [range(0.0, 9.0e15)],
}

/// A sub-account's fees.
output FeeInfo {
    /// Sub-account name.
    user_name "userName": String,
    /// PPS or FPPS.
    fee_type "feeType": FeeType,
    /// Fee rate.
    fee "fee": f64,
    /// Referrer's account name.
    refer "refer" optional: String,
    /// Referrer's rate.
    commission "commission" optional: f64,
    /// PPS fee rate of BCH profit.
    bch_pps_fee "bchPpsFee" optional: f64,
    /// Referrer's BCH rate.
    bch_commission "bchCommission" optional: f64,
}

/// Sub-accounts' fees.
output FeeInfos {
    /// One per sub-account.
    items "data": Vec<FeeInfo>,
}

/// New fees for a sub-account: give only what changes (a field cannot be cleared).
input FeeChange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// PPS or FPPS.
    fee_type "feeType" optional: FeeType,
    /// Fee rate.
    fee "fee" optional: f64 [range(0.0, f64::MAX)],
    /// Referrer's account name.
    refer "refer" optional: String,
    /// Referrer's rate.
    commission "commission" optional: f64 [range(0.0, f64::MAX)],
    /// PPS fee rate of BCH profit.
    bch_pps_fee "bchPpsFee" optional: f64 [range(0.0, f64::MAX)],
    /// Referrer's BCH rate.
    bch_commission "bchCommission" optional: f64 [range(0.0, f64::MAX)],
}

/// A sub-account's payout setting for one coin.
input CoinQuery {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// The coin.
    coin_type "coinType": Coin,
}

/// A coin payout setting.
output CoinHarvest {
    /// Payout address.
    address "address" optional: String,
    /// Smallest automatic payout; 0 means no automatic payout.
    min "min": f64,
    /// Last change, `YYYY-MM-DD HH:mm:ss`.
    updated_at "updatedAt" optional: String,
}

/// A new coin payout setting.
input CoinHarvestChange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// The coin.
    coin_type "coinType": Coin,
    /// Payout address.
    address "address": String [chars(1, usize::MAX)],
    /// Smallest automatic payout: 0 (no automatic payout), 0.001, 0.01 or 0.1.
    min "min": f64 [one_of([0.0, 0.001, 0.01, 0.1])],
}

/// A bank account.
output BankAccount {
    /// Province.
    province "province" optional: String,
    /// City.
    city "city" optional: String,
    /// Bank.
    name "name" optional: String,
    /// Branch.
    branch "branch" optional: String,
    /// Account holder.
    owner "owner" optional: String,
    /// Card number.
    no "no" optional: Secret,
}

/// An RMB payout setting.
output MoneyHarvest {
    /// The bank account paid.
    address "address" optional: BankAccount,
    /// Smallest automatic payout; 0 means no automatic payout.
    min "min": f64,
    /// Last change, `YYYY-MM-DD HH:mm:ss`.
    updated_at "updatedAt" optional: String,
}

/// A new RMB payout setting.
input MoneyHarvestChange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Province.
    province "province": String [chars(1, usize::MAX)],
    /// City.
    city "city": String [chars(1, usize::MAX)],
    /// Bank.
    name "name": String [chars(1, usize::MAX)],
    /// Branch.
    branch "branch": String [chars(1, usize::MAX)],
    /// Account holder.
    owner "owner": String [chars(1, usize::MAX)],
    /// Card number.
    no "no": Secret [chars(1, usize::MAX)],
    /// Smallest automatic payout, at least 0; 0 means no automatic payout.
    min "min": f64 [range(0.0, f64::MAX)],
}

/// Whether mining profit is turned into RMB.
output CoinToMoney {
    /// True when it is, automatically.
    auto "auto": bool,
}

/// A new setting for turning mining profit into RMB.
input CoinToMoneyChange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// True to turn profit into RMB automatically.
    auto "auto": bool,
}

/// An observer link.
output Observer {
    /// The link.
    link "link": String,
    /// Its remark.
    remark "remark" optional: String,
    /// Its number.
    link_id "linkId": i64,
    /// What it may see.
    rights "rights": Vec<ObserverRight>,
}

/// A sub-account's observer links.
output Observers {
    /// The links.
    items "data": Vec<Observer>,
}

/// A new observer link.
input NewObserver {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// What it may see.
    rights "rights": Vec<ObserverRight> [items(1, 3)],
    /// Its remark.
    remark "remark": String [chars(1, usize::MAX)],
}

/// New values for an observer link.
input ObserverChange {
    /// Its number.
    link_id "linkId": i64,
    /// What it may see.
    rights "rights": Vec<ObserverRight> [items(1, 3)],
    /// Its remark.
    remark "remark": String [chars(1, usize::MAX)],
}

/// The observer link to delete.
input ObserverId {
    /// Its number.
    link_id "linkId": i64,
}

/// A sub-account's profit in one currency.
output ProfitSummary {
    /// Latest payment.
    latest_pay "latestPay" optional: f64,
    /// Total profit.
    total "total": f64,
    /// Balance.
    remain "remain": f64,
    /// Automatic payout threshold: 0 no automatic payout, -1 no payout address set.
    auto_pay "autoPay" optional: f64,
    /// Currency.
    coin "type": ProfitCoin,
}

/// A sub-account's profit per currency.
output ProfitSummaries {
    /// One per currency.
    items "data": Vec<ProfitSummary>,
}

/// Profit over days, in one currency.
input ProfitQuery {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Currency.
    coin_type "coinType": ProfitCoin,
    /// First day, `YYYY-MM-DD`.
    start "start": String [date()],
    /// Last day, `YYYY-MM-DD`.
    end "end": String [date()],
}

/// One day's profit.
output DayProfit {
    /// The day, `YYYY-MM-DD` (`at` on the wire).
    day "at": String,
    /// Theoretical output of 1 P.
    profit_per_p "profitPerP": f64,
    /// Mean hash rate, in P.
    speed "speed": f64,
    /// Profit.
    total "total": f64,
    /// Where it went.
    status "status" optional: PayStatus,
}

/// Profit per day.
output DayProfits {
    /// One per day.
    items "data": Vec<DayProfit>,
}

/// One day.
input Day {
    /// The day, `YYYY-MM-DD`.
    day "day": String [date()],
}

/// One sub-account's payment of a day. Amounts are decimal text, kept exact.
output Payment {
    /// Sub-account name.
    user_name "userName": String,
    /// The day, `YYYY-MM-DD` (`at` on the wire).
    day "at": String,
    /// BTC to pay (8 decimals).
    btc_paid "btcPaid": String,
    /// BCH to pay (8 decimals).
    bch_paid "bchPaid": String,
    /// RMB to pay (2 decimals).
    rmb_paid "rmbPaid": String,
    /// BTC held back (8 decimals).
    btc_remain "btcRemain": String,
    /// BCH held back (8 decimals).
    bch_remain "bchRemain": String,
    /// RMB held back (2 decimals).
    rmb_remain "rmbRemain": String,
    /// Why BTC is held back.
    btc_lock_reason "btcLockReason" optional: String,
    /// Why BCH is held back.
    bch_lock_reason "bchLockReason" optional: String,
    /// Why RMB is held back.
    rmb_lock_reason "rmbLockReason" optional: String,
    /// How it is paid.
    pay_type "payType": PayType,
    /// Where it is paid: a BTC address, an RMB account, or for BANK the bank account as JSON
    /// text.
    address "address" optional: String,
    /// BCH address.
    bch_address "bchAddress" optional: String,
}

/// Every sub-account's payment of a day.
output Payments {
    /// One per sub-account.
    items "data": Vec<Payment>,
}

/// A sub-account over days.
input DayRange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// First day, `YYYY-MM-DD`.
    start "start": String [date()],
    /// Last day, `YYYY-MM-DD`.
    end "end": String [date()],
}

/// A sub-account over hours.
input HourRange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// First hour, `YYYY-MM-DD HH:mm:ss`.
    start "start": String [datetime()],
    /// Last hour, `YYYY-MM-DD HH:mm:ss`.
    end "end": String [datetime()],
}

/// A worker over days.
input WorkerDayRange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Worker name.
    worker "worker": String [chars(1, usize::MAX)],
    /// First day, `YYYY-MM-DD`.
    start "start": String [date()],
    /// Last day, `YYYY-MM-DD`.
    end "end": String [date()],
}

/// A worker over hours.
input WorkerHourRange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Worker name.
    worker "worker": String [chars(1, usize::MAX)],
    /// First hour, `YYYY-MM-DD HH:mm:ss`.
    start "start": String [datetime()],
    /// Last hour, `YYYY-MM-DD HH:mm:ss`.
    end "end": String [datetime()],
}

/// The hash rate of one day or hour.
output SpeedPoint {
    /// The day (`YYYY-MM-DD`) or hour (`YYYY-MM-DD HH:mm:ss`).
    time "time": String,
    /// Hash rate.
    valid_speed "validSpeed": u64,
    /// Rejected share rate.
    reject_rate "rejectRate" optional: f64,
}

/// Hash rate over time.
output SpeedPoints {
    /// One per day or hour.
    items "data": Vec<SpeedPoint>,
}

/// One worker's hash rate of one hour.
output WorkerSpeedPoint {
    /// Worker name.
    worker "worker": String,
    /// The hour, `YYYY-MM-DD HH:mm:ss`.
    time "time": String,
    /// Hash rate.
    valid_speed "validSpeed": u64,
    /// Rejected share rate.
    reject_rate "rejectRate" optional: f64,
}

/// Every worker's hash rate per hour.
output WorkerSpeedPoints {
    /// One per worker and hour.
    items "data": Vec<WorkerSpeedPoint>,
}

/// A hash rate over a window.
output Speed {
    /// Valid hash rate, H/s.
    valid_speed "validSpeed": u64,
    /// Rejected share rate.
    reject_rate "rejectRate" optional: f64,
}

/// A sub-account's hash rate now.
output RealtimeSpeed {
    /// Over 5 minutes.
    speed5m "speed5m": Speed,
    /// Over 10 minutes.
    speed10m "speed10m" optional: Speed,
    /// Over 30 minutes.
    speed30m "speed30m": Speed,
    /// Over 24 hours.
    speed24h "speed24h": Speed,
}

/// A coin.
input SpeedCoinQuery {
    /// The coin, or `all`.
    coin_type "coinType": SpeedCoin,
}

/// The pool's hash rate over a window.
output TotalSpeed {
    /// Total hash rate, H/s.
    total_speed "totalSpeed": u64,
    /// Rejected share rate.
    reject_rate "rejectRate" optional: f64,
}

/// The pool's hash rate now, for one coin.
output SystemSpeed {
    /// Over 5 minutes.
    speed5m "speed5m": TotalSpeed,
    /// Over 10 minutes.
    speed10m "speed10m": TotalSpeed,
    /// Over 30 minutes.
    speed30m "speed30m": TotalSpeed,
}

/// The pool's hash rate now, one entry per coin asked for.
output SystemSpeeds {
    /// One per coin.
    items "data": Vec<SystemSpeed>,
}

/// A worker group.
output Group {
    /// Group number (0 for workers in no group).
    id "id": i64,
    /// Group name.
    name "name": String,
}

/// A worker.
output Worker {
    /// Worker name.
    name "name": String,
    /// Over 5 minutes.
    speed5m "speed5m": Speed,
    /// Over 30 minutes.
    speed30m "speed30m": Speed,
    /// Over 24 hours.
    speed24h "speed24h": Speed,
    /// Last share, `YYYY-MM-DD HH:mm:ss`.
    last_commit_time "lastCommitTime" optional: String,
    /// 1 online, 2 stopped, 3 invalid.
    status "status": i32,
    /// Its group.
    group "group" optional: Group,
}

/// A sub-account's workers.
output Workers {
    /// The workers.
    items "data": Vec<Worker>,
}

/// How many of a sub-account's workers are in each state.
output WorkerSummary {
    /// Running.
    running "running": i64,
    /// Stopped.
    stopped "stopped": i64,
    /// Invalid.
    invalid "invalid": i64,
}

/// A sub-account's worker groups.
output Groups {
    /// The groups.
    items "data": Vec<Group>,
}

/// A new worker group.
input NewGroup {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Group name.
    name "name": String [chars(1, usize::MAX)],
}

/// A worker group's new name.
input GroupChange {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// New group name.
    name "name": String [chars(1, usize::MAX)],
    /// Group number.
    group_id "groupId": i64,
}

/// The worker group to delete.
input GroupId {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Group number.
    group_id "groupId": i64,
}

/// Workers to move into a group.
input GroupMove {
    /// Sub-account name.
    user_name "userName": String [chars(1, usize::MAX)],
    /// Group number.
    group_id "groupId": i64,
    /// Worker names.
    workers "workers": Vec<String> [items(1, usize::MAX)],
}

/// Workers online in one hour.
output HourActive {
    /// The hour, `YYYY-MM-DD HH:mm:ss` (`at` on the wire).
    hour "at": String,
    /// Workers online.
    worker_num "workerNum": i64,
}

/// Workers online per hour.
output HourActives {
    /// One per hour.
    items "data": Vec<HourActive>,
}

/// Workers online in one day.
output DayActive {
    /// The day, `YYYY-MM-DD` (`at` on the wire).
    day "at": String,
    /// Workers online.
    worker_num "workerNum": i64,
}

/// Workers online per day.
output DayActives {
    /// One per day.
    items "data": Vec<DayActive>,
}

}

endpoints {
    // Main accounts
    /// Creates a main account.
    account_create "accountCreate": POST "/" action "Account.Create", auth service,
        NewAccount => (), once;
    /// The phone and e-mail a main account is bound to.
    account_get_bind_info "accountGetBindInfo": POST "/" action "Account.GetBindInfo",
        auth service, AccountName => BindInfo, idempotent;
    /// Changes a main account's phone number.
    account_update_phone "accountUpdatePhone": POST "/" action "Account.UpdatePhone",
        auth service, PhoneChange => (), idempotent;
    /// Changes a main account's e-mail address.
    account_update_mail "accountUpdateMail": POST "/" action "Account.UpdateMail",
        auth service, MailChange => (), idempotent;
    /// Changes a main account's password.
    account_update_password "accountUpdatePassword": POST "/" action "Account.UpdatePassword",
        auth service, AccountPassword => (), idempotent;
    /// Checks a main account's password.
    account_check_password "accountCheckPassword": POST "/" action "Account.CheckPassword",
        auth service, AccountPassword => PasswordCheck, idempotent, whole;
    /// The main accounts bound to a phone number.
    account_query_user_name_by_phone "accountQueryUserNameByPhone": POST "/"
        action "Account.QueryUserNameByPhone", auth service, Phone => Names, idempotent, whole;
    /// The main accounts bound to an e-mail address.
    account_query_user_name_by_mail "accountQueryUserNameByMail": POST "/"
        action "Account.QueryUserNameByMail", auth service, Mail => Names, idempotent, whole;
    // Sub-accounts
    /// Every sub-account name of a main account.
    sub_account_get_user_all "subAccountGetUserAll": POST "/" action "SubAccount.GetUserAll",
        auth service, AccountName => Names, idempotent, whole;
    /// Several sub-accounts' basic information.
    sub_account_bulk_get_basic_info "subAccountBulkGetBasicInfo": POST "/"
        action "SubAccount.BulkGetBasicInfo", auth service,
        SubAccountNames => SubAccountInfos, idempotent, whole;
    /// Creates a sub-account.
    sub_account_create "subAccountCreate": POST "/" action "SubAccount.Create", auth service,
        NewSubAccount => (), once;
    /// Several sub-accounts' fees.
    sub_account_bulk_get_fee_info "subAccountBulkGetFeeInfo": POST "/"
        action "SubAccount.BulkGetFeeInfo", auth service,
        SubAccountNames => FeeInfos, idempotent, whole;
    /// Changes a sub-account's fees (only the fields given).
    sub_account_update_fee_info "subAccountUpdateFeeInfo": POST "/"
        action "SubAccount.UpdateFeeInfo", auth service, FeeChange => (), idempotent;
    /// A sub-account's payout setting for one coin.
    sub_account_get_coin_harvest_setting "subAccountGetCoinHarvestSetting": POST "/"
        action "SubAccount.GetCoinHarvestSetting", auth service,
        CoinQuery => CoinHarvest, idempotent;
    /// Sets a sub-account's payout for one coin.
    sub_account_set_coin_harvest_setting "subAccountSetCoinHarvestSetting": POST "/"
        action "SubAccount.SetCoinHarvestSetting", auth service,
        CoinHarvestChange => (), idempotent;
    /// A sub-account's RMB payout setting.
    sub_account_get_money_harvest_setting "subAccountGetMoneyHarvestSetting": POST "/"
        action "SubAccount.GetMoneyHarvestSetting", auth service,
        SubAccountName => MoneyHarvest, idempotent;
    /// Sets a sub-account's RMB payout.
    sub_account_set_money_harvest_setting "subAccountSetMoneyHarvestSetting": POST "/"
        action "SubAccount.SetMoneyHarvestSetting", auth service,
        MoneyHarvestChange => (), idempotent;
    /// Whether a sub-account's profit is turned into RMB.
    sub_account_get_coin2_money_setting "subAccountGetCoin2MoneySetting": POST "/"
        action "SubAccount.GetCoin2MoneySetting", auth service,
        SubAccountName => CoinToMoney, idempotent;
    /// Sets whether a sub-account's profit is turned into RMB.
    sub_account_set_coin2_money_setting "subAccountSetCoin2MoneySetting": POST "/"
        action "SubAccount.SetCoin2MoneySetting", auth service,
        CoinToMoneyChange => (), idempotent;
    /// A sub-account's observer links.
    sub_account_get_observer_list "subAccountGetObserverList": POST "/"
        action "SubAccount.GetObserverList", auth service,
        SubAccountName => Observers, idempotent, whole;
    /// Adds an observer link (list again for its number).
    sub_account_add_observer_info "subAccountAddObserverInfo": POST "/"
        action "SubAccount.AddObserverInfo", auth service, NewObserver => (), once;
    /// Changes an observer link.
    sub_account_update_observer_info "subAccountUpdateObserverInfo": POST "/"
        action "SubAccount.UpdateObserverInfo", auth service, ObserverChange => (), idempotent;
    /// Deletes an observer link.
    sub_account_delete_observer_info "subAccountDeleteObserverInfo": POST "/"
        action "SubAccount.DeleteObserverInfo", auth service, ObserverId => (), once;
    // Profit
    /// A sub-account's profit summary per currency.
    profit_get_sub_account_summary "profitGetSubAccountSummary": POST "/"
        action "Profit.GetSubAccountSummary", auth service,
        SubAccountName => ProfitSummaries, idempotent, whole;
    /// A main account's profit summary per currency, over all its sub-accounts.
    profit_get_account_summary "profitGetAccountSummary": POST "/"
        action "Profit.GetAccountSummary", auth service,
        AccountName => ProfitSummaries, idempotent, whole;
    /// A sub-account's profit per day.
    profit_get_by_day "profitGetByDay": POST "/" action "Profit.GetByDay", auth service,
        ProfitQuery => DayProfits, idempotent, whole;
    /// Every sub-account's payment of one day.
    profit_get_all_user_payment_by_day "profitGetAllUserPaymentByDay": POST "/"
        action "Profit.GetAllUserPaymentByDay", auth service, Day => Payments, idempotent, whole;
    // Hash rate
    /// A sub-account's hash rate per day.
    speed_get_sub_account_daily_speed "speedGetSubAccountDailySpeed": POST "/"
        action "Speed.GetSubAccountDailySpeed", auth service,
        DayRange => SpeedPoints, idempotent, whole;
    /// A sub-account's hash rate per hour.
    speed_get_sub_account_hourly_speed "speedGetSubAccountHourlySpeed": POST "/"
        action "Speed.GetSubAccountHourlySpeed", auth service,
        HourRange => SpeedPoints, idempotent, whole;
    /// A sub-account's hash rate now.
    speed_get_sub_account_realtime_speed "speedGetSubAccountRealtimeSpeed": POST "/"
        action "Speed.GetSubAccountRealtimeSpeed", auth service,
        SubAccountName => RealtimeSpeed, idempotent;
    /// A worker's hash rate per day.
    speed_get_worker_daily_speed "speedGetWorkerDailySpeed": POST "/"
        action "Speed.GetWorkerDailySpeed", auth service,
        WorkerDayRange => SpeedPoints, idempotent, whole;
    /// A worker's hash rate per hour.
    speed_get_worker_hourly_speed "speedGetWorkerHourlySpeed": POST "/"
        action "Speed.GetWorkerHourlySpeed", auth service,
        WorkerHourRange => SpeedPoints, idempotent, whole;
    /// Every worker's hash rate per hour, for a sub-account.
    speed_get_sub_account_all_workers_hourly_speed_bulk
        "speedGetSubAccountAllWorkersHourlySpeedBulk": POST "/"
        action "Speed.GetSubAccountAllWorkersHourlySpeedBulk", auth service,
        HourRange => WorkerSpeedPoints, idempotent, whole;
    /// The pool's hash rate per day, the last 30 days.
    speed_get_system_daily_speed "speedGetSystemDailySpeed": POST "/"
        action "Speed.GetSystemDailySpeed", auth service, () => SpeedPoints, idempotent, whole;
    /// The pool's hash rate per hour, the last 24 hours.
    speed_get_system_hourly_speed "speedGetSystemHourlySpeed": POST "/"
        action "Speed.GetSystemHourlySpeed", auth service, () => SpeedPoints, idempotent, whole;
    /// The pool's hash rate now, per coin.
    speed_get_system_realtime_speed "speedGetSystemRealtimeSpeed": POST "/"
        action "Speed.GetSystemRealtimeSpeed", auth service,
        SpeedCoinQuery => SystemSpeeds, idempotent, whole;
    // Workers
    /// A sub-account's workers.
    worker_get_sub_account_worker_list "workerGetSubAccountWorkerList": POST "/"
        action "Worker.GetSubAccountWorkerList", auth service,
        SubAccountName => Workers, idempotent, whole;
    /// How many of a sub-account's workers run, stopped or are invalid.
    worker_get_sub_account_worker_summary "workerGetSubAccountWorkerSummary": POST "/"
        action "Worker.GetSubAccountWorkerSummary", auth service,
        SubAccountName => WorkerSummary, idempotent;
    /// A sub-account's worker groups.
    worker_get_sub_account_worker_group_list "workerGetSubAccountWorkerGroupList": POST "/"
        action "Worker.GetSubAccountWorkerGroupList", auth service,
        SubAccountName => Groups, idempotent, whole;
    /// Creates a worker group (list again for its number).
    worker_create_group "workerCreateGroup": POST "/" action "Worker.CreateGroup",
        auth service, NewGroup => (), once;
    /// Renames a worker group.
    worker_update_group "workerUpdateGroup": POST "/" action "Worker.UpdateGroup",
        auth service, GroupChange => (), idempotent;
    /// Deletes a worker group.
    worker_delete_group "workerDeleteGroup": POST "/" action "Worker.DeleteGroup",
        auth service, GroupId => (), once;
    /// Moves workers into a group.
    worker_set_worker_group_bulk "workerSetWorkerGroupBulk": POST "/"
        action "Worker.SetWorkerGroupBulk", auth service, GroupMove => (), idempotent;
    /// Workers online per hour, over days.
    worker_get_sub_account_worker_hourly_active_num_list
        "workerGetSubAccountWorkerHourlyActiveNumList": POST "/"
        action "Worker.GetSubAccountWorkerHourlyActiveNumList", auth service,
        DayRange => HourActives, idempotent, whole;
    /// Workers online per day.
    worker_get_sub_account_worker_daily_active_num_list
        "workerGetSubAccountWorkerDailyActiveNumList": POST "/"
        action "Worker.GetSubAccountWorkerDailyActiveNumList", auth service,
        DayRange => DayActives, idempotent, whole;
}
        }
    };
}
