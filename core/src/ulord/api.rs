//! The one definition of seed 001's 28 endpoints (15 admin, 13 external) and their models (see
//! docs/endpoints.md). Every binding expands this same block; nothing else lists a Ulord endpoint.
//!
//! Decisions on the document's ambiguities (reference notes_000_001_003 §3), cited where they
//! apply:
//! - One service, two kinds of credentials (notes §3 "Auth", §5.6). The admin endpoints (part
//!   一: roles, app types, developer accounts, apps) and the external ones (part 二: wallets,
//!   payments, resources) are all `auth service`: a client made with the developer login
//!   (`Credentials::UlordAdmin`, see `crate::auth::ulord`) can call the admin ones, a client made
//!   with an app's key (`Credentials::UlordAppKey`, header `appkey`) the external ones. A program
//!   doing both holds two clients. Registering and logging in (一.3.A/B) cannot need a login:
//!   `auth none` (the catalog's `auth: none`).
//! - Paths are byte-exact (notes §3.4): every one ends in `/` except `GET /v1/content/list/
//!   {page}/{num}`, which the seed writes without it. `<page>/<num>` is written `{page}/{num}`.
//! - Paging (notes §3.5): `num` is the page size and pages count from 1 (undocumented; the
//!   sandbox refuses 0 with errcode 400). Both are at least 1. The four lists that answer one
//!   item list and a `total` have a page walk. 单用户已消费资源列表 answers two lists (`ads`,
//!   `consumes`) cut from one page of both, so it has no walk: call it page by page.
//! - Bodies are JSON (notes §3.6, from errcode 20102 参数必须为json格式); the three GETs send
//!   nothing but the path (资源列表查询 says 无: no query parameters yet).
//! - Types (notes §3 "no types"): ids and counts are 64-bit integers (kept whole in JS as
//!   `bigint`); `page`/`num` 32-bit; prices, amounts, balances and sums are `f64`, as the
//!   examples' `1.3`, `-0.02`, `1.17755` (the grammar has no decimal type; notes §3.9 would
//!   prefer one). Timestamps (`create_timed`, ISO-8601 with microseconds, notes §3.10) stay text.
//! - Required fields (notes §3 "no required flags"): every documented request field is required
//!   and, when text, non-empty (`chars(1, …)`, as a server reporting 20100 缺少参数 would treat
//!   `""`), except where the seed says otherwise: `parent_id` (顶级分类不需要此参数; on edit, left
//!   out = top level), `email`/`telphone` (可空), `appdes` (null in the list example), the
//!   `is_developer` pair and the two consume passwords (notes §3.7). Those conditional pairs
//!   cannot be stated as rules: "`send_user` and `pay_password` when `is_developer` is false"
//!   and "`customer_pay_password` for a normal resource, `author_pay_password` for an ad" are
//!   said in the docs and left to the service (20100).
//! - No lengths, ranges or value sets are documented (20101 参数长度不符 names no length), so no
//!   other rules and no enums: `status`, `currency` and role names are examples, not sets.
//! - Misspellings kept on the wire (notes §3.1, §3.2): `pay_passwrod` (createwallet only;
//!   the Rust/Python name is `pay_password`), `telphone`.
//! - Outputs (notes §3.3, §3.8): a field is required when every example shows it, optional
//!   where an example shows `null` or leaves it out. A `result` that is a list (role, type and
//!   app lists) or a map (检查是否付费: claim id → IPFS hash, `false` or `null`) is read from the
//!   whole answer (`whole`), as the grammar's outputs are models; the map stays free-form JSON.
//!   The edits, the password change and the transfer answer no `result`: `()`.
//! - Secrets: every password and pay password, the login token, an app's `appkey` and
//!   `secret` (签名私钥) are `Secret` (redacted when printed).

/// Hands seed 001's definition block to the expander `$cb` (core's `define_service!`, or a
/// binding's own).
#[doc(hidden)]
#[macro_export]
macro_rules! ulord_api {
    ($cb:path) => {
        $cb! {
service ulord UlordClient envelope UlordEnvelope;

models {

/// A new developer role.
input NewRole {
    /// Role name.
    name "name": String [chars(1, usize::MAX)],
    /// What the role is for.
    des "des": String [chars(1, usize::MAX)],
}

/// A new record's id.
output Created {
    /// The id.
    id "id": i64,
}

/// A developer role.
output Role {
    /// Role id.
    id "id": i64,
    /// Role name (the platform starts with `admin`, `normal` and `blocked`).
    name "name": String,
    /// What the role is for.
    des "des": String,
}

/// Every role.
output Roles {
    /// The roles.
    roles "result": Vec<Role>,
}

/// New values for a role.
input RoleEdit {
    /// The role.
    id "id": i64,
    /// New name.
    name "name": String [chars(1, usize::MAX)],
    /// New description.
    des "des": String [chars(1, usize::MAX)],
}

/// The record to remove.
input RecordId {
    /// Its id.
    id "id": i64,
}

/// How many records were removed (0 when the id was unknown).
output Removed {
    /// The number removed.
    num "num": i64,
}

/// A new application type (category).
input NewAppType {
    /// The parent type; leave it out for a top-level type.
    parent_id "parent_id" optional: i64,
    /// Type name.
    name "name": String [chars(1, usize::MAX)],
    /// What the type covers.
    des "des": String [chars(1, usize::MAX)],
}

/// An application type, with the types below it (any depth).
output AppType {
    /// Type id.
    id "id": i64,
    /// Type name.
    name "name": String,
    /// What the type covers.
    des "des": String,
    /// The parent type; absent for a top-level type.
    parent_id "parent_id" optional: i64,
    /// The types directly below it (empty for a type without any).
    children "children": Vec<AppType>,
}

/// The tree of application types.
output AppTypes {
    /// The top-level types, each with its children.
    types "result": Vec<AppType>,
}

/// New values for an application type.
input AppTypeEdit {
    /// The type.
    id "id": i64,
    /// New name.
    name "name": String [chars(1, usize::MAX)],
    /// New description.
    des "des": String [chars(1, usize::MAX)],
    /// New parent type; leave it out to make it a top-level type.
    parent_id "parent_id" optional: i64,
}

/// A new developer account. The platform also creates the developer's wallet, whose pay
/// password is the account password.
input Registration {
    /// Account name.
    username "username": String [chars(1, usize::MAX)],
    /// Account password.
    password "password": Secret [chars(1, usize::MAX)],
    /// E-mail address, unique among developers; may be left out.
    email "email" optional: String,
    /// Phone number (spelled `telphone` on the wire); may be left out.
    telphone "telphone" optional: String,
    /// The developer's role.
    role_id "role_id": i64,
}

/// A developer's account name and password.
input Login {
    /// Account name.
    username "username": String [chars(1, usize::MAX)],
    /// Account password.
    password "password": Secret [chars(1, usize::MAX)],
}

/// A developer login's answer.
output LoginToken {
    /// The login token (the platform does not check it yet: later calls use the session the
    /// login opened, which an admin client keeps for you).
    token "token" optional: Secret,
}

/// A developer's password change.
input PasswordChange {
    /// Account name.
    username "username": String [chars(1, usize::MAX)],
    /// Current password.
    password "password": Secret [chars(1, usize::MAX)],
    /// New password.
    new_password "new_password": Secret [chars(1, usize::MAX)],
}

/// A new application.
input NewApp {
    /// The developer who owns it (the id registering answered).
    user_id "user_id": i64,
    /// Application name, unique on the platform.
    appname "appname": String [chars(1, usize::MAX)],
    /// Its application type.
    apptype_id "apptype_id": i64,
    /// Description.
    appdes "appdes" optional: String,
}

/// A developer, by id.
input DeveloperId {
    /// The developer's id (for now passed explicitly; the platform plans to take it from the
    /// login).
    user_id "user_id": i64,
}

/// An application.
output App {
    /// Application id.
    id "id": i64,
    /// Application name.
    appname "appname": String,
    /// Description.
    appdes "appdes" optional: String,
    /// The key its external calls send in the `appkey` header.
    appkey "appkey": Secret,
    /// Its signing secret.
    secret "secret" optional: Secret,
    /// Its application type (`type` on the wire).
    app_type "type" optional: i64,
    /// When it was created (ISO-8601).
    create_timed "create_timed" optional: String,
    /// When it last changed (ISO-8601); absent when never.
    update_timed "update_timed" optional: String,
}

/// A developer's applications.
output Apps {
    /// The applications.
    apps "result": Vec<App>,
}

/// The application whose secret is replaced.
input SecretReset {
    /// Application id.
    id "id": i64,
    /// Its developer.
    user_id "user_id": i64,
}

/// An application's new secret.
output AppSecret {
    /// The new signing secret.
    secret "secret": Secret,
}

/// A new end-user wallet.
input NewWallet {
    /// Wallet user name.
    username "username": String [chars(1, usize::MAX)],
    /// Its pay password (spelled `pay_passwrod` on the wire, as documented).
    pay_password "pay_passwrod": Secret [chars(1, usize::MAX)],
}

/// A new wallet.
output WalletCreated {
    /// The wallet's id: its user name.
    id "id": String,
}

/// A transfer between wallets.
input Payment {
    /// True when the developer who owns the app key pays; then `send_user` and
    /// `pay_password` are not needed (and are required otherwise).
    is_developer "is_developer": bool,
    /// The paying user (when `is_developer` is false).
    send_user "send_user" optional: String,
    /// The paying user's pay password (when `is_developer` is false).
    pay_password "pay_password" optional: Secret,
    /// The receiving user.
    recv_user "recv_user": String [chars(1, usize::MAX)],
    /// The amount.
    amount "amount": f64,
}

/// A wallet and its pay password.
input BalanceQuery {
    /// Wallet user name.
    username "username": String [chars(1, usize::MAX)],
    /// Its pay password (set when the wallet was created).
    pay_password "pay_password": Secret [chars(1, usize::MAX)],
}

/// A wallet's balance.
output Balance {
    /// Total balance.
    total "total": f64,
    /// Confirmed balance.
    confirmed "confirmed": f64,
    /// Unconfirmed balance.
    unconfirmed "unconfirmed": f64,
    /// Mining rewards not yet usable (they mature after 100 blocks).
    unmatured "unmatured": f64,
}

/// A resource to publish.
input Publication {
    /// Publisher's user name.
    author "author": String [chars(1, usize::MAX)],
    /// Title.
    title "title": String [chars(1, usize::MAX)],
    /// Tags (listed back as `tags`).
    tag "tag": Vec<String>,
    /// The content's IPFS hash.
    ipfs_hash "ipfs_hash": String [chars(1, usize::MAX)],
    /// Price; a negative price marks an ad, which pays whoever opens it.
    price "price": f64,
    /// The file's extension, such as `.txt` (not an HTTP content type).
    content_type "content_type": String [chars(1, usize::MAX)],
    /// The publisher's pay password.
    pay_password "pay_password": Secret [chars(1, usize::MAX)],
    /// Description (listed back as `des`).
    description "description": String [chars(1, usize::MAX)],
}

/// A published resource's ids.
output Published {
    /// Database id.
    id "id": i64,
    /// The resource's id on the chain.
    claim_id "claim_id": String,
}

/// Which resources a user has paid for.
input PaidCheck {
    /// The user.
    username "username": String [chars(1, usize::MAX)],
    /// The resources' chain ids.
    claim_ids "claim_ids": Vec<String>,
}

/// Whether a user has paid for each resource asked about.
output PaidStatus {
    /// An object from each claim id to the resource's IPFS hash when paid, `false` when not
    /// paid, or `null` when there is no such resource.
    claims "result": Json,
}

/// A resource being consumed.
input Consumption {
    /// The consuming user.
    username "username": String [chars(1, usize::MAX)],
    /// The resource's chain id.
    claim_id "claim_id": String [chars(1, usize::MAX)],
    /// The consumer's pay password, for a normal resource.
    customer_pay_password "customer_pay_password" optional: Secret,
    /// The publisher's pay password, for an ad (the publisher pays).
    author_pay_password "author_pay_password" optional: Secret,
}

/// A consumed resource's content.
output Consumed {
    /// The content's IPFS hash.
    ipfs_hash "ipfs_hash": String,
}

/// One page of a publisher's records.
input AuthorPage {
    /// Page number, from 1.
    page "page": i32 [range(1, 2147483647)],
    /// Items per page.
    num "num": i32 [range(1, 2147483647)],
    /// The publisher's user name.
    author "author": String [chars(1, usize::MAX)],
}

/// One page of a consumer's records.
input CustomerPage {
    /// Page number, from 1.
    page "page": i32 [range(1, 2147483647)],
    /// Items per page.
    num "num": i32 [range(1, 2147483647)],
    /// The consumer's user name.
    customer "customer": String [chars(1, usize::MAX)],
}

/// One page of every resource.
input Page {
    /// Page number, from 1.
    page "page": i32 [range(1, 2147483647)],
    /// Items per page.
    num "num": i32 [range(1, 2147483647)],
}

/// One payment to a publisher.
output PublisherBill {
    /// The publisher.
    author "author": String,
    /// When it was paid (ISO-8601).
    create_timed "create_timed": String,
    /// The consumer who paid (or, for an ad, was paid).
    customer "customer": String,
    /// The resource's chain id (called `id` here).
    id "id": String,
    /// The resource's price; negative for an ad.
    price "price": f64,
    /// The resource's title.
    title "title": String,
    /// The chain transaction id.
    txid "txid": String,
}

/// A page of a publisher's bills.
output PublisherBills {
    /// Number of pages.
    pages "pages": i64,
    /// This page.
    records "records": Vec<PublisherBill>,
    /// Number of bills.
    total "total": i64,
}

/// One payment by a consumer.
output CustomerBill {
    /// The resource's chain id.
    claim_id "claim_id": String,
    /// When it was paid (ISO-8601).
    create_timed "create_timed": String,
    /// The resource's price; negative for an ad.
    price "price": f64,
    /// The resource's title.
    title "title": String,
    /// The chain transaction id.
    txid "txid": String,
}

/// A page of a consumer's bills.
output CustomerBills {
    /// Number of pages.
    pages "pages": i64,
    /// This page.
    records "records": Vec<CustomerBill>,
    /// Number of bills.
    total "total": i64,
}

/// A user, by name.
input Username {
    /// The user name.
    username "username": String [chars(1, usize::MAX)],
}

/// A number of payments and their sum.
output Tally {
    /// How many.
    count "count": i64,
    /// Their sum; absent when there are none.
    sum "sum" optional: f64,
}

/// A user's income and spending, as consumer and as publisher.
output InOut {
    /// Spent on resources.
    customer_expenditure "customer_expenditure": Tally,
    /// Earned from ads.
    customer_income "customer_income": Tally,
    /// Spent on ads.
    publisher_expenditure "publisher_expenditure": Tally,
    /// Earned from resources.
    publisher_income "publisher_income": Tally,
}

/// A publisher, by name.
input Author {
    /// The publisher's user name.
    author "author": String [chars(1, usize::MAX)],
}

/// A number of resources.
output Count {
    /// How many.
    count "count": i64,
}

/// A published resource.
output Resource {
    /// The publisher.
    author "author": String,
    /// Its chain id.
    claim_id "claim_id": String,
    /// The file's extension, such as `.txt`.
    content_type "content_type": String,
    /// When it was published (ISO-8601).
    create_timed "create_timed": String,
    /// Currency of the price (`ULD`).
    currency "currency": String,
    /// Description.
    des "des": String,
    /// Database id.
    id "id": i64,
    /// Price; negative for an ad.
    price "price": f64,
    /// Status code (1 in every example; its meaning is not documented).
    status "status": i32,
    /// Tags.
    tags "tags": Vec<String>,
    /// Title.
    title "title": String,
    /// When it last changed (ISO-8601); absent when never.
    update_timed "update_timed" optional: String,
}

/// A page of resources.
output ResourcePage {
    /// Number of resources.
    total "total": i64,
    /// Number of pages.
    pages "pages": i64,
    /// This page.
    data "data": Vec<Resource>,
}

/// A page of what a consumer has consumed, split into ads and paid resources.
output ConsumedResources {
    /// Ads opened (they paid the consumer).
    ads "ads": Vec<Resource>,
    /// Resources paid for.
    consumes "consumes": Vec<Resource>,
    /// Number of pages.
    pages "pages": i64,
    /// Number of resources, both kinds.
    total "total": i64,
}

}

endpoints {
    // 一.1 开发者角色接口
    /// Adds a developer role (admin).
    add_role "addRole": POST "/v1/role/add/", auth service,
        NewRole => Created, once;
    /// Lists every developer role (admin).
    list_roles "listRoles": GET "/v1/role/list/", auth service,
        () => Roles, idempotent, whole;
    /// Changes a role's name and description (admin).
    edit_role "editRole": POST "/v1/role/edit/", auth service,
        RoleEdit => (), idempotent;
    /// Removes a role (admin).
    remove_role "removeRole": POST "/v1/role/remove/", auth service,
        RecordId => Removed, once;
    // 一.2 应用类型接口
    /// Adds an application type, at the top level or below another (admin).
    add_app_type "addAppType": POST "/v1/type/add/", auth service,
        NewAppType => Created, once;
    /// Lists the tree of application types (admin).
    list_app_types "listAppTypes": GET "/v1/type/list/", auth service,
        () => AppTypes, idempotent, whole;
    /// Changes an application type (admin).
    edit_app_type "editAppType": POST "/v1/type/edit/", auth service,
        AppTypeEdit => (), idempotent;
    /// Removes an application type and the types below it (admin).
    remove_app_type "removeAppType": POST "/v1/type/remove/", auth service,
        RecordId => Removed, once;
    // 一.3 开发者帐号接口
    /// Registers a developer account (no login needed).
    register_developer "registerDeveloper": POST "/v1/users/reg/", auth none,
        Registration => Created, once;
    /// Logs a developer in (an admin client does this for you; this is for callers who want
    /// the token itself).
    login_developer "loginDeveloper": POST "/v1/users/login/", auth none,
        Login => LoginToken, idempotent;
    /// Changes a developer's password (admin).
    change_developer_password "changeDeveloperPassword": POST "/v1/users/edit/", auth service,
        PasswordChange => (), once;
    // 一.4 应用接口
    /// Adds an application; it gets its own app key and secret (admin).
    add_app "addApp": POST "/v1/app/add/", auth service,
        NewApp => Created, once;
    /// Lists a developer's applications with their keys (admin).
    list_apps "listApps": POST "/v1/app/list/", auth service,
        DeveloperId => Apps, idempotent, whole;
    /// Replaces an application's secret (admin; only its own developer may).
    reset_app_secret "resetAppSecret": POST "/v1/app/edit/", auth service,
        SecretReset => AppSecret, once;
    /// Removes an application (admin).
    remove_app "removeApp": POST "/v1/app/remove/", auth service,
        RecordId => Removed, once;
    // 二 交易相关
    /// Creates an end user's wallet.
    create_wallet "createWallet": POST "/v1/transactions/createwallet/", auth service,
        NewWallet => WalletCreated, once;
    /// Transfers an amount to a user, from another user or from the app's developer.
    pay_to_user "payToUser": POST "/v1/transactions/paytouser/", auth service,
        Payment => (), once;
    /// Gets a wallet's balance.
    get_balance "getBalance": POST "/v1/transactions/balance/", auth service,
        BalanceQuery => Balance, idempotent;
    /// Publishes a resource.
    publish_resource "publishResource": POST "/v1/transactions/publish/", auth service,
        Publication => Published, once;
    /// Checks which of the given resources a user has paid for.
    check_paid "checkPaid": POST "/v1/transactions/check/", auth service,
        PaidCheck => PaidStatus, idempotent, whole;
    /// Consumes a resource: the consumer pays for it (or, for an ad, is paid), once.
    consume_resource "consumeResource": POST "/v1/transactions/consume/", auth service,
        Consumption => Consumed, once;
    /// Lists a publisher's bills, one page.
    list_publisher_bills "listPublisherBills": POST "/v1/transactions/publisher/account/{page}/{num}/", auth service,
        AuthorPage => PublisherBills, idempotent,
        pages publisher_bill_pages "publisherBillPages" of PublisherBill by PublisherBillPager
            page page size num items records total total;
    /// Lists a consumer's bills, one page.
    list_customer_bills "listCustomerBills": POST "/v1/transactions/customer/account/{page}/{num}/", auth service,
        CustomerPage => CustomerBills, idempotent,
        pages customer_bill_pages "customerBillPages" of CustomerBill by CustomerBillPager
            page page size num items records total total;
    /// Gets a user's income and spending totals.
    get_inout_summary "getInoutSummary": POST "/v1/transactions/publish/inout/", auth service,
        Username => InOut, idempotent;
    /// Counts a publisher's resources.
    count_published_resources "countPublishedResources": POST "/v1/transactions/publish/count/", auth service,
        Author => Count, idempotent;
    // 二 资源相关
    /// Lists every published resource, one page.
    list_resources "listResources": GET "/v1/content/list/{page}/{num}", auth service,
        Page => ResourcePage, idempotent,
        pages resource_pages "resourcePages" of Resource by ResourcePager
            page page size num items data total total;
    /// Lists what a consumer has consumed, one page (ads and paid resources apart).
    list_consumed_resources "listConsumedResources": POST "/v1/content/consume/list/{page}/{num}/", auth service,
        CustomerPage => ConsumedResources, idempotent;
    /// Lists a publisher's resources, one page.
    list_published_resources "listPublishedResources": POST "/v1/content/publish/list/{page}/{num}/", auth service,
        AuthorPage => ResourcePage, idempotent,
        pages published_resource_pages "publishedResourcePages" of Resource by PublishedResourcePager
            page page size num items data total total;
}
        }
    };
}
