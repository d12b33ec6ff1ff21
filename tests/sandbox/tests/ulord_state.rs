#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Seed 001 over HTTP: the admin part (after login) and the appkey part answered from state, then
//! one test per kind of 附录A refusal.

mod common;

use chainkit_sandbox::Config;
use reqwest::Method;
use serde_json::{json, Value};

const APPKEY: &str = "0123456789abcdef0123456789abcdef";
const IPFS: &str = "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm";

struct Ulord {
    base: String,
    c: reqwest::Client,
    cookie: String,
}

impl Ulord {
    async fn new() -> Self {
        let base = common::start(Config::default()).await;
        let mut u = Self {
            base,
            c: common::client(),
            cookie: String::new(),
        };
        u.cookie = u.login("sandbox-dev", "sandbox-password").await.unwrap();
        u
    }

    /// The session cookie, or the refusal's errcode.
    async fn login(&self, user: &str, password: &str) -> Result<String, u64> {
        let r = self
            .c
            .post(format!("{}/v1/users/login/", self.base))
            .json(&json!({"username": user, "password": password}))
            .send()
            .await
            .unwrap();
        let cookie = r.headers().get("set-cookie").map(|c| {
            let c = c.to_str().unwrap();
            c.split(';').next().unwrap().to_owned()
        });
        let body: Value = r.json().await.unwrap();
        cookie.ok_or(body["errcode"].as_u64().unwrap())
    }

    /// The whole envelope of `method path` with the session cookie and the appkey.
    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> Value {
        self.call_as(APPKEY, method, path, body).await
    }

    /// The same with another app's key.
    async fn call_as(
        &self,
        appkey: &str,
        method: Method,
        path: &str,
        body: Option<Value>,
    ) -> Value {
        let mut r = self
            .c
            .request(method, format!("{}{path}", self.base))
            .header("cookie", &self.cookie)
            .header("appkey", appkey);
        if let Some(b) = body {
            r = r.json(&b);
        }
        let r = r.send().await.unwrap();
        assert_eq!(r.status(), 200, "{path}");
        r.json().await.unwrap()
    }

    /// `result` of a success (null when the success carries none).
    async fn ok(&self, path: &str, body: Value) -> Value {
        let v = self.call(Method::POST, path, Some(body)).await;
        assert_eq!(
            (&v["errcode"], &v["reason"]),
            (&json!(0), &json!("success")),
            "{path}: {v}"
        );
        v["result"].clone()
    }

    async fn get(&self, path: &str) -> Value {
        let v = self.call(Method::GET, path, None).await;
        assert_eq!(v["errcode"], 0, "{path}: {v}");
        v["result"].clone()
    }

    /// The errcode of a refusal, checked to carry its 附录A reason and no result.
    async fn refused(&self, path: &str, body: Value) -> u64 {
        let v = self.call(Method::POST, path, Some(body)).await;
        assert!(v.get("result").is_none(), "{v}");
        assert!(!v["reason"].as_str().unwrap().is_empty());
        v["errcode"].as_u64().unwrap()
    }

    async fn balance(&self, user: &str, password: &str) -> f64 {
        let body = json!({"username": user, "pay_password": password});
        let r = self.ok("/v1/transactions/balance/", body).await;
        assert_eq!(r["total"], r["confirmed"]);
        r["total"].as_f64().unwrap()
    }
}

fn publish(author: &str, password: &str, title: &str, price: f64) -> Value {
    json!({
        "author": author, "title": title, "tag": ["Rust", "IPFS"], "ipfs_hash": IPFS,
        "price": price, "content_type": ".txt", "pay_password": password,
        "description": "blog description",
    })
}

#[tokio::test]
async fn admin_roles_types_developers_and_apps() {
    let u = Ulord::new().await;
    let roles = u.get("/v1/role/list/").await;
    assert_eq!(roles.as_array().unwrap().len(), 3);
    assert_eq!(roles[0], json!({"des": "管理员", "id": 4, "name": "admin"}));
    let id = u
        .ok("/v1/role/add/", json!({"name": "auditor", "des": "审计"}))
        .await["id"]
        .clone();
    let edit = json!({"id": id, "name": "auditor", "des": "审计员"});
    assert_eq!(
        u.ok("/v1/role/edit/", edit).await,
        Value::Null,
        "no result, as documented"
    );
    assert!(u
        .get("/v1/role/list/")
        .await
        .as_array()
        .unwrap()
        .contains(&json!({"des": "审计员", "id": id, "name": "auditor"})));
    assert_eq!(
        u.ok("/v1/role/remove/", json!({"id": id})).await,
        json!({"num": 1})
    );
    assert_eq!(
        u.ok("/v1/role/remove/", json!({"id": id})).await,
        json!({"num": 0})
    );

    // The type tree: children only where there are some.
    let types = u.get("/v1/type/list/").await;
    assert_eq!(types[0]["children"][0]["name"], "博客");
    assert!(types[1].get("children").is_none());
    let photo = json!({"parent_id": 3, "name": "摄影", "des": "photo"});
    let pid = u.ok("/v1/type/add/", photo).await["id"].clone();
    let types = u.get("/v1/type/list/").await;
    assert_eq!(
        types[1]["children"][0],
        json!({"des": "photo", "id": pid, "name": "摄影", "parent_id": 3})
    );
    let moved = json!({"id": pid, "name": "摄影", "des": "photo", "parent_id": 4});
    u.ok("/v1/type/edit/", moved).await;
    assert_eq!(u.get("/v1/type/list/").await[2]["children"][0]["id"], pid);
    assert_eq!(
        u.ok("/v1/type/remove/", json!({"id": 2})).await,
        json!({"num": 2}),
        "with 博客"
    );

    // A registered developer logs in; a new password replaces the old one.
    let reg = json!({"username": "dev2", "password": "pw", "email": "d@x.cn", "telphone": "", "role_id": 7});
    let dev = u.ok("/v1/users/reg/", reg).await["id"].clone();
    assert!(u.login("dev2", "pw").await.is_ok());
    let change = json!({"username": "dev2", "password": "pw", "new_password": "pw2"});
    assert_eq!(u.ok("/v1/users/edit/", change).await, Value::Null);
    assert_eq!(u.login("dev2", "pw").await, Err(20004));
    assert!(u.login("dev2", "pw2").await.is_ok());

    // Apps: a fresh appkey and secret; only the owner resets the secret.
    let app = json!({"user_id": dev, "appname": "blog", "apptype_id": 4, "appdes": "d"});
    let app_id = u.ok("/v1/app/add/", app).await["id"].clone();
    let list = u.ok("/v1/app/list/", json!({"user_id": dev})).await;
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(
        (&list[0]["appname"], &list[0]["type"]),
        (&json!("blog"), &json!(4))
    );
    assert_eq!(list[0]["appkey"].as_str().unwrap().len(), 32);
    assert!(list[0]["update_timed"].is_null());
    let secret = u
        .ok("/v1/app/edit/", json!({"id": app_id, "user_id": dev}))
        .await["secret"]
        .clone();
    let list = u.ok("/v1/app/list/", json!({"user_id": dev})).await;
    assert_eq!(list[0]["secret"], secret);
    assert!(list[0]["update_timed"].is_string());
    assert_eq!(
        u.refused("/v1/app/edit/", json!({"id": app_id, "user_id": 1}))
            .await,
        10013
    );
    assert_eq!(
        u.ok("/v1/app/remove/", json!({"id": app_id})).await,
        json!({"num": 1})
    );
    assert_eq!(
        u.ok("/v1/app/list/", json!({"user_id": dev})).await,
        json!([])
    );
}

#[tokio::test]
async fn wallets_transfers_and_resources() {
    let u = Ulord::new().await;
    for user in ["alice", "bob"] {
        let w = json!({"username": user, "pay_passwrod": format!("{user}-pay")});
        assert_eq!(
            u.ok("/v1/transactions/createwallet/", w).await,
            json!({"id": user})
        );
    }
    // The developer pays alice 10; alice pays bob 2.
    let dev = json!({"is_developer": true, "recv_user": "alice", "amount": 10});
    assert_eq!(u.ok("/v1/transactions/paytouser/", dev).await, Value::Null);
    let pay = json!({"is_developer": false, "send_user": "alice", "pay_password": "alice-pay", "recv_user": "bob", "amount": 2});
    u.ok("/v1/transactions/paytouser/", pay).await;
    assert_eq!(u.balance("alice", "alice-pay").await, 8.0);
    assert_eq!(u.balance("sandbox-dev", "sandbox-password").await, 990.0);

    // bob publishes a blog (1.5) and an ad (-0.5: bob pays whoever opens it).
    let blog = u
        .ok(
            "/v1/transactions/publish/",
            publish("bob", "bob-pay", "blog", 1.5),
        )
        .await;
    let ad = u
        .ok(
            "/v1/transactions/publish/",
            publish("bob", "bob-pay", "ad", -0.5),
        )
        .await;
    let (blog, ad) = (
        blog["claim_id"].as_str().unwrap(),
        ad["claim_id"].as_str().unwrap(),
    );
    assert_eq!(blog.len(), 40);
    let listed = u.get("/v1/content/list/1/10").await;
    assert_eq!((&listed["total"], &listed["pages"]), (&json!(2), &json!(1)));
    assert_eq!(listed["data"][0]["tags"], json!(["Rust", "IPFS"]));
    let unknown = "e1b98bcc018950ac4684c663d0ea4fa9fc19543d";
    let check = json!({"username": "alice", "claim_ids": [blog, ad, unknown]});
    let paid = u.ok("/v1/transactions/check/", check.clone()).await;
    assert_eq!(paid, json!({blog: false, ad: false, unknown: null}));

    let consume =
        json!({"username": "alice", "claim_id": blog, "customer_pay_password": "alice-pay"});
    assert_eq!(
        u.ok("/v1/transactions/consume/", consume.clone()).await,
        json!({"ipfs_hash": IPFS})
    );
    u.ok("/v1/transactions/consume/", consume).await;
    assert_eq!(u.balance("alice", "alice-pay").await, 6.5, "paid once");
    let click = json!({"username": "alice", "claim_id": ad, "author_pay_password": "bob-pay"});
    u.ok("/v1/transactions/consume/", click).await;
    assert_eq!(u.balance("alice", "alice-pay").await, 7.0);
    assert_eq!(u.balance("bob", "bob-pay").await, 3.0);
    let paid = u.ok("/v1/transactions/check/", check).await;
    assert_eq!((&paid[blog], &paid[ad]), (&json!(IPFS), &json!(IPFS)));

    // Bills, both sides, paged.
    let bills = u
        .ok(
            "/v1/transactions/publisher/account/1/1/",
            json!({"author": "bob"}),
        )
        .await;
    assert_eq!((&bills["pages"], &bills["total"]), (&json!(2), &json!(2)));
    let r = &bills["records"][0];
    assert_eq!(
        (&r["customer"], &r["id"], &r["price"]),
        (&json!("alice"), &json!(blog), &json!(1.5))
    );
    assert_eq!(r["txid"].as_str().unwrap().len(), 64);
    let bills = u
        .ok(
            "/v1/transactions/customer/account/1/10/",
            json!({"customer": "alice"}),
        )
        .await;
    assert_eq!(bills["records"][1]["price"], -0.5);
    let inout = u
        .ok(
            "/v1/transactions/publish/inout/",
            json!({"username": "alice"}),
        )
        .await;
    assert_eq!(
        inout,
        json!({
            "customer_expenditure": {"count": 1, "sum": 1.5},
            "customer_income": {"count": 1, "sum": 0.5},
            "publisher_expenditure": {"count": 0, "sum": null},
            "publisher_income": {"count": 0, "sum": null},
        })
    );
    let count = u
        .ok("/v1/transactions/publish/count/", json!({"author": "bob"}))
        .await;
    assert_eq!(count, json!({"count": 2}));
    let mine = u
        .ok("/v1/content/publish/list/2/1/", json!({"author": "bob"}))
        .await;
    assert_eq!(
        (&mine["data"][0]["title"], &mine["pages"]),
        (&json!("ad"), &json!(2))
    );
    let used = u
        .ok(
            "/v1/content/consume/list/1/10/",
            json!({"customer": "alice"}),
        )
        .await;
    assert_eq!(
        (
            &used["ads"][0]["claim_id"],
            &used["consumes"][0]["claim_id"]
        ),
        (&json!(ad), &json!(blog))
    );
    assert_eq!(used["total"], 2);
}

#[tokio::test]
async fn missing_parameters_are_20100() {
    let u = Ulord::new().await;
    for (path, body) in [
        ("/v1/role/add/", json!({"name": "x"})),
        (
            "/v1/role/edit/",
            json!({"id": "four", "name": "x", "des": "y"}),
        ),
        ("/v1/type/add/", json!({"des": "x"})),
        ("/v1/users/reg/", json!({"username": "x", "password": "y"})),
        ("/v1/app/add/", json!({"user_id": 1, "appname": "x"})),
        (
            "/v1/transactions/createwallet/",
            json!({"username": "x", "pay_password": "typo-fixed"}),
        ),
        (
            "/v1/transactions/paytouser/",
            json!({"recv_user": "sandbox-dev", "amount": 1}),
        ),
        (
            "/v1/transactions/balance/",
            json!({"username": "sandbox-dev"}),
        ),
        (
            "/v1/transactions/publish/",
            json!({"author": "sandbox-dev", "title": "t", "tag": "one"}),
        ),
        (
            "/v1/transactions/check/",
            json!({"username": "sandbox-dev"}),
        ),
        ("/v1/transactions/publisher/account/1/1/", json!({})),
    ] {
        assert_eq!(u.refused(path, body.clone()).await, 20100, "{path} {body}");
    }
}

#[tokio::test]
async fn bodies_must_be_json_objects_and_pages_numbers() {
    let u = Ulord::new().await;
    for body in ["username=x", "[1, 2]"] {
        let r =
            u.c.post(format!("{}/v1/transactions/createwallet/", u.base))
                .header("appkey", APPKEY)
                .body(body)
                .send()
                .await
                .unwrap();
        assert_eq!(r.json::<Value>().await.unwrap()["errcode"], 20102, "{body}");
    }
    let far = format!("/v1/content/list/{}/{}", usize::MAX, usize::MAX);
    assert_eq!(u.get(&far).await["data"], json!([]));
    let author = json!({"author": "sandbox-dev"});
    for page in ["0/10", "1/0", "one/10"] {
        let path = format!("/v1/content/publish/list/{page}/");
        assert_eq!(u.refused(&path, author.clone()).await, 400, "{page}");
    }
}

#[tokio::test]
async fn unknown_users_and_wrong_passwords() {
    let u = Ulord::new().await;
    assert_eq!(u.login("ghost", "x").await, Err(20003));
    let ghost = json!({"username": "ghost", "pay_password": "x"});
    assert_eq!(u.refused("/v1/transactions/balance/", ghost).await, 20003);
    let wrong = json!({"username": "sandbox-dev", "pay_password": "x"});
    assert_eq!(u.refused("/v1/transactions/balance/", wrong).await, 20004);
    let change = json!({"username": "sandbox-dev", "password": "x", "new_password": "y"});
    assert_eq!(u.refused("/v1/users/edit/", change).await, 20004);
    let to_ghost = json!({"is_developer": true, "recv_user": "ghost", "amount": 1});
    assert_eq!(
        u.refused("/v1/transactions/paytouser/", to_ghost).await,
        20003
    );
    let app = json!({"user_id": 99, "appname": "x", "apptype_id": 4});
    assert_eq!(u.refused("/v1/app/add/", app).await, 20003);
    let reg = json!({"username": "blocked", "password": "pw", "role_id": 8});
    u.ok("/v1/users/reg/", reg).await;
    assert_eq!(
        u.login("blocked", "pw").await,
        Err(20006),
        "the blocked role"
    );
}

#[tokio::test]
async fn duplicates_and_missing_data() {
    let u = Ulord::new().await;
    let reg = json!({"username": "sandbox-dev", "password": "pw", "role_id": 7});
    assert_eq!(u.refused("/v1/users/reg/", reg).await, 20000);
    let reg = json!({"username": "a", "password": "pw", "email": "a@x.cn", "role_id": 7});
    u.ok("/v1/users/reg/", reg).await;
    let reg = json!({"username": "b", "password": "pw", "email": "a@x.cn", "role_id": 7});
    assert_eq!(u.refused("/v1/users/reg/", reg).await, 20001);
    let reg = json!({"username": "c", "password": "pw", "role_id": 99});
    assert_eq!(u.refused("/v1/users/reg/", reg).await, 20005);
    let app = json!({"user_id": 1, "appname": "sandbox", "apptype_id": 4});
    assert_eq!(u.refused("/v1/app/add/", app).await, 20002);
    let w = json!({"username": "sandbox-dev", "pay_passwrod": "x"});
    assert_eq!(u.refused("/v1/transactions/createwallet/", w).await, 20000);
    let edit = json!({"id": 99, "name": "x", "des": "y"});
    assert_eq!(u.refused("/v1/role/edit/", edit).await, 20005);
    let child = json!({"parent_id": 99, "name": "x", "des": "y"});
    assert_eq!(u.refused("/v1/type/add/", child).await, 20005);
    let cycle = json!({"id": 2, "name": "文字", "des": "d", "parent_id": 7});
    assert_eq!(
        u.refused("/v1/type/edit/", cycle).await,
        400,
        "under its own child"
    );
    let consume = json!({"username": "sandbox-dev", "claim_id": "00", "customer_pay_password": "sandbox-password"});
    assert_eq!(u.refused("/v1/transactions/consume/", consume).await, 20007);
}

#[tokio::test]
async fn payments_and_publishing_that_fail() {
    let u = Ulord::new().await;
    let w = json!({"username": "poor", "pay_passwrod": "pp"});
    u.ok("/v1/transactions/createwallet/", w).await;
    let pay =
        json!({"send_user": "poor", "pay_password": "pp", "recv_user": "sandbox-dev", "amount": 1});
    assert_eq!(u.refused("/v1/transactions/paytouser/", pay).await, 20206);
    let zero = json!({"is_developer": true, "recv_user": "poor", "amount": 0});
    assert_eq!(u.refused("/v1/transactions/paytouser/", zero).await, 20206);
    let mut bad = publish("sandbox-dev", "sandbox-password", "t", 1.0);
    bad["ipfs_hash"] = json!("not-a-cid");
    assert_eq!(u.refused("/v1/transactions/publish/", bad).await, 20201);
    let r = u
        .ok(
            "/v1/transactions/publish/",
            publish("sandbox-dev", "sandbox-password", "t", 1.0),
        )
        .await;
    let consume =
        json!({"username": "poor", "claim_id": r["claim_id"], "customer_pay_password": "pp"});
    assert_eq!(u.refused("/v1/transactions/consume/", consume).await, 20202);
    assert_eq!(u.balance("poor", "pp").await, 0.0);
}

#[tokio::test]
async fn a_new_apps_appkey_works_until_the_app_is_removed() {
    let u = Ulord::new().await;
    let app = json!({"user_id": 1, "appname": "second", "apptype_id": 7});
    let app_id = u.ok("/v1/app/add/", app).await["id"].clone();
    let apps = u.ok("/v1/app/list/", json!({"user_id": 1})).await;
    let key = apps
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == app_id)
        .unwrap()["appkey"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_ne!(key, APPKEY);
    let wallet = json!({"username": "carol", "pay_passwrod": "carol-pay"});
    let created = u
        .call_as(
            &key,
            Method::POST,
            "/v1/transactions/createwallet/",
            Some(wallet),
        )
        .await;
    assert_eq!(created["errcode"], 0, "{created}");
    // is_developer: the new key's owner (the configured developer) pays.
    let pay = json!({"is_developer": true, "recv_user": "carol", "amount": 3});
    let paid = u
        .call_as(&key, Method::POST, "/v1/transactions/paytouser/", Some(pay))
        .await;
    assert_eq!(paid["errcode"], 0, "{paid}");
    assert_eq!(u.balance("sandbox-dev", "sandbox-password").await, 997.0);

    u.ok("/v1/app/remove/", json!({"id": app_id})).await;
    let list = u
        .call_as(&key, Method::GET, "/v1/content/list/1/10", None)
        .await;
    assert_eq!(list["errcode"], 10001, "{list}");
    let unknown = u
        .call_as(&"f".repeat(32), Method::GET, "/v1/content/list/1/10", None)
        .await;
    assert_eq!(unknown["errcode"], 10001);
}

#[tokio::test]
async fn the_login_token_also_opens_admin_calls() {
    let u = Ulord::new().await;
    let login =
        u.c.post(format!("{}/v1/users/login/", u.base))
            .json(&json!({"username": "sandbox-dev", "password": "sandbox-password"}))
            .send()
            .await
            .unwrap()
            .json::<Value>()
            .await
            .unwrap();
    let token = login["result"]["token"].as_str().unwrap().to_owned();
    let roles = |authorization: String| {
        u.c.get(format!("{}/v1/role/list/", u.base))
            .header("authorization", authorization)
            .send()
    };
    let ok: Value = roles(format!("Token {token}"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(ok["errcode"], 0, "{ok}");
    for wrong in [format!("Token {token}x"), format!("Bearer {token}"), token] {
        let refused: Value = roles(wrong).await.unwrap().json().await.unwrap();
        assert_eq!(refused["errcode"], 10011);
    }
    // A browser may send the header: the preflight allows it by name (`*` would not cover it).
    let preflight =
        u.c.request(Method::OPTIONS, format!("{}/v1/role/list/", u.base))
            .header("origin", "http://127.0.0.1:9")
            .header("access-control-request-method", "GET")
            .header("access-control-request-headers", "authorization")
            .send()
            .await
            .unwrap();
    assert_eq!(
        preflight.headers()["access-control-allow-headers"],
        "authorization"
    );
}
