#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! DDC `apitoken`, Ulord `appkey` and developer login, DNA accessToken: every documented rejection.

mod common;

use chainkit_sandbox::Config;
use serde_json::{json, Value};

#[tokio::test]
async fn ddc_apitoken() {
    let base = common::start(Config::default()).await;
    let url = format!("{base}/ddcoai/sys/v1/opb/frame/framework/searches");
    let c = common::client();
    for token in [None, Some("wrong")] {
        let mut r = c.post(&url);
        if let Some(t) = token {
            r = r.header("apitoken", t);
        }
        let r = r.send().await.unwrap();
        assert_eq!(r.status(), 401);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["code"], -1);
        assert_eq!(body["message"], "MSG_20010005");
    }
    let r = c
        .post(&url)
        .header("apitoken", "sandbox-ddc-apitoken")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], 0);
    assert!(body["data"].is_array(), "{body}");
}

#[tokio::test]
async fn ulord_appkey_and_login() {
    let base = common::start(Config::default()).await;
    let c = common::client();
    let balance = format!("{base}/v1/transactions/balance/");
    let send = |key: Option<&'static str>| {
        // The configured developer's wallet (its pay password is the account password).
        let wallet = json!({"username": "sandbox-dev", "pay_password": "sandbox-password"});
        let mut r = c.post(&balance).json(&wallet);
        if let Some(k) = key {
            r = r.header("appkey", k);
        }
        r.send()
    };
    let body: Value = send(None).await.unwrap().json().await.unwrap();
    assert_eq!(body["errcode"], 10012);
    let body: Value = send(Some("123412")).await.unwrap().json().await.unwrap();
    assert_eq!(body["errcode"], 10001);
    let body: Value = send(Some("0123456789abcdef0123456789abcdef"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errcode"], 0);

    // Admin calls: 10011 until logged in; wrong password 20004; the cookie opens them.
    let roles = format!("{base}/v1/role/list/");
    let body: Value = c.get(&roles).send().await.unwrap().json().await.unwrap();
    assert_eq!(body["errcode"], 10011);
    let login = format!("{base}/v1/users/login/");
    let bad = json!({"username": "sandbox-dev", "password": "nope"});
    let body: Value = c
        .post(&login)
        .json(&bad)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errcode"], 20004);
    let good = json!({"username": "sandbox-dev", "password": "sandbox-password"});
    let r = c.post(&login).json(&good).send().await.unwrap();
    let cookie = r.headers()["set-cookie"]
        .to_str()
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["errcode"], 0);
    assert!(cookie.starts_with("sessionid="));
    let body: Value = c
        .get(&roles)
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(body["errcode"], 0, "{body}");
    // Byte-exact paths: no trailing slash is another route.
    let r = c
        .get(format!("{base}/v1/role/list"))
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
}

async fn dna_token(c: &reqwest::Client, base: &str, query: &str) -> (u16, Value) {
    let r = c
        .get(format!("{base}/registration/api/v2/getToken?{query}"))
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn dna_token_issue_and_rejections() {
    let base = common::start(Config::default()).await;
    let c = common::client();
    let key = "apiKey=did%3Abid%3AefSandboxApiKey0000000000000";
    assert_eq!(
        dna_token(&c, &base, "apiSecret=x").await.1["retMsg"],
        "apiKey必填"
    );
    assert_eq!(dna_token(&c, &base, key).await.1["retMsg"], "apiSecret必填");
    let (status, body) = dna_token(&c, &base, &format!("{key}&apiSecret=wrong")).await;
    assert_eq!((status, body["retCode"].as_u64()), (400, Some(400)));
    assert_eq!(body["retMsg"], "apiKey或apiSecret不正确");
    let (status, body) = dna_token(
        &c,
        &base,
        &format!("{key}&apiSecret=sandbox-dna-api-secret"),
    )
    .await;
    assert_eq!(status, 200);
    let token = body["accessToken"].as_str().unwrap().to_owned();
    assert_eq!(token.split('.').count(), 3, "an HS256 JWT");

    let series = format!("{base}/registration/api/v2/series/list/");
    let msg =
        |r: reqwest::Response| async move { r.json::<Value>().await.unwrap()["retMsg"].clone() };
    assert_eq!(
        msg(c.get(&series).send().await.unwrap()).await,
        "accessToken必填"
    );
    assert_eq!(
        msg(c
            .get(&series)
            .header("accessToken", "x.y.z")
            .send()
            .await
            .unwrap())
        .await,
        "accessToken不正确"
    );
    let r = c
        .get(&series)
        .header("accessToken", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Value>().await.unwrap()["retCode"], 200);
}

#[tokio::test]
async fn dna_expired_token() {
    let mut config = Config::default();
    config.dna.token_ttl_secs = -5;
    let base = common::start(config).await;
    let c = common::client();
    let query = "apiKey=did%3Abid%3AefSandboxApiKey0000000000000&apiSecret=sandbox-dna-api-secret";
    let token = dna_token(&c, &base, query).await.1["accessToken"]
        .as_str()
        .unwrap()
        .to_owned();
    let r = c
        .get(format!("{base}/registration/api/v2/chain/status"))
        .header("accessToken", token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap()["retMsg"],
        "accessToken过期"
    );
}
