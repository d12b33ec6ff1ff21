#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! IAM token issue and X-Auth-Token checking; AK/SK signatures built by hand (the official Python
//! SDK is the other, independent client: tests/oracles/bcs_official_sdk.py).

mod common;

use chainkit_sandbox::Config;
use hmac::{Hmac, KeyInit, Mac};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

const PROJECT: &str = "0123456789abcdef0123456789abcdef";

#[tokio::test]
async fn iam_token() {
    let base = common::start(Config::default()).await;
    let c = common::client();
    let login = |password: &str, scope: Value| {
        json!({"auth": {"identity": {"methods": ["password"],
        "password": {"user": {"name": "sandbox-user", "password": password, "domain": {"name": "sandbox-domain"}}}},
        "scope": scope}})
    };
    let url = format!("{base}/v3/auth/tokens");
    let r = c
        .post(&url)
        .json(&login("wrong", json!({"project": {"id": PROJECT}})))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let r = c
        .post(&url)
        .json(&login("sandbox-password", json!({})))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = c
        .post(&url)
        .json(&login(
            "sandbox-password",
            json!({"project": {"name": "cn-north-4"}}),
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 201);
    let token = r.headers()["x-subject-token"].to_str().unwrap().to_owned();
    let body: Value = r.json().await.unwrap();
    assert!(body["token"]["expires_at"].as_str().unwrap().ends_with('Z'));

    let list = format!("{base}/v2/{PROJECT}/blockchains");
    let r = c
        .get(&list)
        .header("X-Auth-Token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    for bad in [Some("MIIforged"), None] {
        let mut req = c.get(&list);
        if let Some(t) = bad {
            req = req.header("X-Auth-Token", t);
        }
        let r = req.send().await.unwrap();
        assert_eq!(r.status(), 401);
        assert_eq!(r.json::<Value>().await.unwrap()["error_code"], "APIGW.0301");
    }
    let r = c
        .get(format!("{base}/v2/{PROJECT}/no-such-thing"))
        .header("X-Auth-Token", &token)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.json::<Value>().await.unwrap()["error_code"], "APIGW.0101");
}

/// SDK-HMAC-SHA256 over `host;x-sdk-date` (and content-type when there is a body).
fn signed(
    c: &reqwest::Client,
    base: &str,
    method: &str,
    path: &str,
    body: &str,
    sk: &str,
    date: &str,
) -> reqwest::RequestBuilder {
    let host = base.trim_start_matches("http://");
    let hash = |b: &[u8]| hex::encode(Sha256::digest(b));
    let canonical = format!("{method}\n{path}/\n\ncontent-type:application/json\nhost:{host}\nx-sdk-date:{date}\n\ncontent-type;host;x-sdk-date\n{}", hash(body.as_bytes()));
    let to_sign = format!("SDK-HMAC-SHA256\n{date}\n{}", hash(canonical.as_bytes()));
    let mut mac = Hmac::<Sha256>::new_from_slice(sk.as_bytes()).unwrap();
    mac.update(to_sign.as_bytes());
    let auth = format!("SDK-HMAC-SHA256 Access=SANDBOXACCESSKEY0001, SignedHeaders=content-type;host;x-sdk-date, Signature={}", hex::encode(mac.finalize().into_bytes()));
    c.request(method.parse().unwrap(), format!("{base}{path}"))
        .header("content-type", "application/json")
        .header("x-sdk-date", date)
        .header("authorization", auth)
        .body(body.to_owned())
}

fn sdk_date(unix: i64) -> String {
    let t = time::OffsetDateTime::from_unix_timestamp(unix).unwrap();
    let f = time::macros::format_description!("[year][month][day]T[hour][minute][second]Z");
    t.format(f).unwrap()
}

#[tokio::test]
async fn aksk() {
    let base = common::start(Config::default()).await;
    let c = common::client();
    let path = format!("/v2/{PROJECT}/blockchains/bc1/channels");
    let body = r#"{"channels":[{"channel_name":"chan01"}]}"#;
    // Past the gateway, BCS itself answers: there is no instance bc1.
    let passed = |status: reqwest::StatusCode| status == 400;
    let now = common::now();
    let r = signed(
        &c,
        &base,
        "POST",
        &path,
        body,
        "sandbox-secret-access-key",
        &sdk_date(now),
    )
    .send()
    .await
    .unwrap();
    assert!(passed(r.status()), "{:?}", r.text().await);
    let r = signed(&c, &base, "POST", &path, body, "wrong-sk", &sdk_date(now))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let e: Value = r.json().await.unwrap();
    assert_eq!(e["error_code"], "APIGW.0301");
    assert!(e["error_msg"]
        .as_str()
        .unwrap()
        .contains("verify aksk signature fail"));
    // 14 minutes off is fine, 16 is not.
    let r = signed(
        &c,
        &base,
        "POST",
        &path,
        body,
        "sandbox-secret-access-key",
        &sdk_date(now - 14 * 60),
    )
    .send()
    .await
    .unwrap();
    assert!(passed(r.status()));
    let r = signed(
        &c,
        &base,
        "POST",
        &path,
        body,
        "sandbox-secret-access-key",
        &sdk_date(now + 16 * 60),
    )
    .send()
    .await
    .unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.text().await.unwrap().contains("signature expired"));
    // The body is signed: change it after signing.
    let tampered = signed(
        &c,
        &base,
        "POST",
        &path,
        body,
        "sandbox-secret-access-key",
        &sdk_date(now),
    )
    .body(r#"{"name":"ch2"}"#);
    assert_eq!(tampered.send().await.unwrap().status(), 401);
}
