//! The Ulord platform's in-memory state: roles, app types, developers and their apps (part 一),
//! wallets, resources and the bills of every payment (part 二).
//!
//! Decisions (seed 001 gives no types and no required flags, notes §3): every documented parameter
//! is required (20100 缺少参数) unless the document marks it optional (`parent_id` of a top-level
//! type, `email`/`telphone` 可空, `appdes` (null in the list example), the `is_developer` pair, the
//! two consume passwords); a parameter of the wrong JSON type counts as missing. Amounts are kept
//! in 1e-8 ULD.

use std::collections::BTreeMap;
use std::sync::Mutex;

use serde_json::{json, Map, Value};
use sha2::{Digest, Sha256};
use time::macros::format_description;

use crate::config;

/// A request body.
pub type Body = Map<String, Value>;

/// A refusal: a 附录A errcode.
#[derive(Debug, PartialEq)]
pub struct Fail(pub u32);

/// What an endpoint answers: its `result` (None for the documented successes without one), or why not.
pub type Outcome = Result<Option<Value>, Fail>;

/// 1 ULD in stored units.
pub const UNIT: f64 = 1e8;

/// Decision: the developer of the configured appkey starts with 1000 ULD in its wallet, the
/// source of every `is_developer` payment; end users' wallets start empty.
pub const DEVELOPER_FUNDS: i64 = 1000 * 100_000_000;

/// A developer account.
pub struct Developer {
    /// username.
    pub username: String,
    /// password.
    pub password: String,
    /// email ("" when not given).
    pub email: String,
    /// role_id.
    pub role: i64,
}

/// An app.
pub struct App {
    /// Owner's developer id.
    pub user: i64,
    /// appname.
    pub name: String,
    /// App type id.
    pub kind: i64,
    /// appdes (null in the list example).
    pub des: Value,
    /// appkey.
    pub key: String,
    /// secret.
    pub secret: String,
    /// create_timed.
    pub created: String,
    /// update_timed.
    pub updated: Value,
}

/// A wallet: pay password and balance.
pub struct Wallet {
    /// Pay password.
    pub password: String,
    /// Balance, 1e-8 ULD.
    pub balance: i64,
}

/// A published resource.
pub struct Resource {
    /// Database id.
    pub id: i64,
    /// claim_id (40 hex).
    pub claim: String,
    /// author.
    pub author: String,
    /// title.
    pub title: String,
    /// tags.
    pub tags: Vec<Value>,
    /// ipfs_hash.
    pub ipfs: String,
    /// price, 1e-8 ULD; negative for an ad.
    pub price: i64,
    /// content_type.
    pub content_type: String,
    /// des.
    pub des: String,
    /// create_timed.
    pub created: String,
}

/// One payment for a resource.
pub struct Bill {
    /// Resource claim id.
    pub claim: String,
    /// Consumer.
    pub customer: String,
    /// txid.
    pub txid: String,
    /// create_timed.
    pub created: String,
}

/// Everything the platform remembers.
pub struct Platform {
    /// Roles: id → (name, des).
    pub roles: BTreeMap<i64, (String, String)>,
    /// App types: id → (name, des, parent).
    pub types: BTreeMap<i64, (String, String, Option<i64>)>,
    /// Developers by id.
    pub developers: BTreeMap<i64, Developer>,
    /// Apps by id.
    pub apps: BTreeMap<i64, App>,
    /// Wallets by username.
    pub wallets: BTreeMap<String, Wallet>,
    /// Resources in publishing order.
    pub resources: Vec<Resource>,
    /// Payments in order.
    pub bills: Vec<Bill>,
    /// Feeds every generated key and hash.
    pub serial: u64,
}

/// The Ulord state shared by all requests.
pub struct State(Mutex<Platform>);

impl State {
    /// The seed's example roles and types, the configured developer (role `normal`) with its
    /// funded wallet, and its app holding the configured appkey.
    pub fn new(c: &config::Ulord) -> Self {
        let text = |pairs: &[(i64, &str, &str)]| -> BTreeMap<i64, (String, String)> {
            pairs
                .iter()
                .map(|(id, n, d)| (*id, ((*n).into(), (*d).into())))
                .collect()
        };
        let roles = text(&[
            (4, "admin", "管理员"),
            (7, "normal", "标准用户"),
            (8, "blocked", "封禁用户"),
        ]);
        let types = [
            (2, "文字", "博客,论坛等等", None),
            (7, "博客", "boke", Some(2)),
            (3, "图片", "图片", None),
            (4, "视频", "视频", None),
        ]
        .into_iter()
        .map(|(id, n, d, p)| (id, (n.to_owned(), d.to_owned(), p)))
        .collect();
        let developer = Developer {
            username: c.username.clone(),
            password: c.password.clone(),
            email: String::new(),
            role: 7,
        };
        let wallet = Wallet {
            password: c.password.clone(),
            balance: DEVELOPER_FUNDS,
        };
        let mut p = Platform {
            roles,
            types,
            developers: BTreeMap::from([(1, developer)]),
            apps: BTreeMap::new(),
            wallets: BTreeMap::from([(c.username.clone(), wallet)]),
            resources: Vec::new(),
            bills: Vec::new(),
            serial: 0,
        };
        let app = App {
            user: 1,
            name: "sandbox".into(),
            kind: 7,
            des: Value::Null,
            key: c.appkey.clone(),
            secret: p.hex(32),
            created: timestamp(),
            updated: Value::Null,
        };
        p.apps.insert(1, app);
        Self(Mutex::new(p))
    }

    /// Answers the documented endpoint `id` with path parameters `params`; `None` for an
    /// endpoint without state (login, which the session code answers).
    pub fn answer(
        &self,
        id: &str,
        params: &[&str],
        appkey: Option<&str>,
        raw: &[u8],
    ) -> Option<Outcome> {
        let b = if raw.is_empty() {
            Map::new()
        } else {
            match serde_json::from_slice(raw) {
                Ok(Value::Object(m)) => m,
                _ => return Some(Err(Fail(20102))),
            }
        };
        let mut p = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let paged = |p: &mut Platform, f: fn(&Platform, &Body, Page) -> Outcome| {
            page(params).and_then(|pg| f(p, &b, pg))
        };
        Some(match id {
            "add_role" => p.add_role(&b),
            "list_roles" => p.list_roles(),
            "edit_role" => p.edit_role(&b),
            "remove_role" => p.remove_role(&b),
            "add_app_type" => p.add_type(&b),
            "list_app_types" => p.list_types(),
            "edit_app_type" => p.edit_type(&b),
            "remove_app_type" => p.remove_type(&b),
            "register_developer" => p.register(&b),
            "change_developer_password" => p.change_password(&b),
            "add_app" => p.add_app(&b),
            "list_apps" => p.list_apps(&b),
            "reset_app_secret" => p.reset_secret(&b),
            "remove_app" => p.remove_app(&b),
            "create_wallet" => p.create_wallet(&b),
            "pay_to_user" => p.pay(&b, appkey),
            "get_balance" => p.balance(&b),
            "publish_resource" => p.publish(&b),
            "check_paid" => p.check(&b),
            "consume_resource" => p.consume(&b),
            "get_inout_summary" => p.inout(&b),
            "count_published_resources" => p.count(&b),
            "list_publisher_bills" => paged(&mut p, Platform::publisher_bills),
            "list_customer_bills" => paged(&mut p, Platform::customer_bills),
            "list_resources" => paged(&mut p, Platform::resources),
            "list_consumed_resources" => paged(&mut p, Platform::consumed),
            "list_published_resources" => paged(&mut p, Platform::published),
            _ => return None,
        })
    }

    /// Whether `appkey` belongs to an app that exists (a removed app's key stops working).
    pub fn knows_appkey(&self, appkey: &str) -> bool {
        let p = self.0.lock().unwrap_or_else(|e| e.into_inner());
        p.apps.values().any(|a| a.key == appkey)
    }

    /// Checks a developer login: 20003 unknown user, 20004 wrong password, 20006 the `blocked` role.
    pub fn login(&self, username: &str, password: &str) -> Result<(), Fail> {
        let p = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let d = p
            .developers
            .values()
            .find(|d| d.username == username)
            .ok_or(Fail(20003))?;
        if d.password != password {
            return Err(Fail(20004));
        }
        if p.roles
            .get(&d.role)
            .is_some_and(|(name, _)| name == "blocked")
        {
            return Err(Fail(20006));
        }
        Ok(())
    }
}

/// `<page>/<num>`: decision (notes §3.5) pages start at 1; anything else is 400 Bad Request.
#[derive(Clone, Copy)]
pub struct Page {
    /// 1-based page.
    pub page: usize,
    /// Page size.
    pub num: usize,
}

fn page(params: &[&str]) -> Result<Page, Fail> {
    let n = |i: usize| {
        params
            .get(i)
            .and_then(|s| s.parse::<usize>().ok())
            .filter(|n| *n > 0)
    };
    match (n(0), n(1)) {
        (Some(page), Some(num)) => Ok(Page { page, num }),
        _ => Err(Fail(400)),
    }
}

impl Page {
    /// The rows of this page plus `pages` and `total`.
    pub fn cut<T>(self, rows: Vec<T>) -> (Vec<T>, usize, usize) {
        let total = rows.len();
        let pages = total.div_ceil(self.num);
        let rows = rows
            .into_iter()
            .skip((self.page - 1).saturating_mul(self.num))
            .take(self.num)
            .collect();
        (rows, pages, total)
    }
}

impl Platform {
    /// `n` random-looking hex bytes, unique per call.
    pub fn hex(&mut self, n: usize) -> String {
        self.serial += 1;
        let digest = hex::encode(Sha256::digest(format!(
            "chainkit-sandbox/ulord/{}",
            self.serial
        )));
        digest[..n.min(64)].to_owned()
    }
}

/// A required non-empty string.
pub fn text<'a>(b: &'a Body, key: &str) -> Result<&'a str, Fail> {
    match b.get(key).and_then(Value::as_str) {
        Some(s) if !s.is_empty() => Ok(s),
        _ => Err(Fail(20100)),
    }
}

/// A required id; a string of digits is accepted, as a Django `int()` would.
pub fn id(b: &Body, key: &str) -> Result<i64, Fail> {
    match b.get(key) {
        Some(Value::Number(n)) => n.as_i64().ok_or(Fail(20100)),
        Some(Value::String(s)) => s.parse().map_err(|_| Fail(20100)),
        _ => Err(Fail(20100)),
    }
}

/// A required amount in stored units; one beyond ±1e10 ULD (more than could ever exist) is not
/// an amount.
pub fn amount(b: &Body, key: &str) -> Result<i64, Fail> {
    let v = b.get(key).and_then(Value::as_f64).ok_or(Fail(20100))?;
    if v.abs() > 1e10 {
        return Err(Fail(20100));
    }
    Ok((v * UNIT).round() as i64)
}

/// Stored units as the JSON number the examples show (1.3, -0.02).
pub fn uld(units: i64) -> Value {
    json!(units as f64 / UNIT)
}

/// `create_timed`: ISO-8601 with microseconds and offset, as in `2018-04-12T10:56:19.394662+00:00`.
pub fn timestamp() -> String {
    time::OffsetDateTime::now_utc()
        .format(format_description!(
            "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]+00:00"
        ))
        .unwrap_or_default()
}

/// 附录A reasons for the errcodes the sandbox answers.
pub fn reason(code: u32) -> &'static str {
    match code {
        400 => "Bad Request.",
        10001 => "错误的请求KEY.",
        10013 => "无权限进行此操作.",
        20000 => "用户已存在.",
        20001 => "邮箱已存在.",
        20002 => "应用名已存在.",
        20003 => "用户不存在.",
        20004 => "密码错误.",
        20005 => "数据不存在.",
        20006 => "用户被禁用.",
        20007 => "资源不存在.",
        20100 => "缺少参数.",
        20102 => "参数必须为json格式.",
        20201 => "资源发布失败.",
        20205 => "用户注册失败,因为没有成功创建ulord钱包.",
        20202 => "资源消费失败.",
        20206 => "支付失败.",
        _ => "Internal Server Error.",
    }
}
