#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! The pool's JWT + signed envelope: acceptance and every rejection (all code 5020).

mod common;

use chainkit_sandbox::Config;
use hmac::{Hmac, KeyInit, Mac};
use jsonwebtoken::{encode, EncodingKey, Header};
use serde_json::{json, Value};
use sha2::Sha256;

const KEY: &str = "sandbox-secret-key";
const SALT: &str = "sandbox-secret-salt";

fn jwt(claims: Value, key: &str) -> String {
    encode(
        &Header::default(),
        &claims,
        &EncodingKey::from_secret(key.as_bytes()),
    )
    .unwrap()
}

fn sign(action: &str, at: &str, data: &str, nonce: &str, key: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{action}{at}{data}{nonce}{SALT}").as_bytes());
    hex::encode(mac.finalize().into_bytes())
}

/// A body with `at` written verbatim (so float and integer forms can both be sent).
fn body(action: &str, at: &str, nonce: &str, key: &str) -> String {
    let data = r#"{"account":"alice"}"#;
    let s = sign(action, at, data, nonce, key);
    format!(
        r#"{{"action":"{action}","at":{at},"data":{},"signNonce":"{nonce}","sign":"{s}"}}"#,
        json!(data)
    )
}

async fn call(base: &str, token: &str, body: String) -> Value {
    let r = common::client()
        .post(format!("{base}/"))
        .header("Authorization", token)
        .header("content-type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

#[tokio::test]
async fn accepts_then_rejects_each_failure() {
    let base = common::start(Config::default()).await;
    let now = common::now();
    let claims =
        |rnd: u64| json!({"clientId": "sandbox-client", "rnd": rnd, "exp": now as f64 + 180.5});
    let at = format!("{now}.25");
    let ok = call(
        &base,
        &jwt(claims(1_000_000_001), KEY),
        body("Account.GetBindInfo", &at, "n1", KEY),
    )
    .await;
    assert_eq!(ok["code"], 0, "{ok}");

    let cases = [
        // same (clientId, rnd) again, fresh nonce
        (
            jwt(claims(1_000_000_001), KEY),
            body("Account.GetBindInfo", &at, "n2", KEY),
            "repeated (clientId, rnd)",
        ),
        // fresh rnd, repeated signNonce
        (
            jwt(claims(1_000_000_002), KEY),
            body("Account.GetBindInfo", &at, "n1", KEY),
            "repeated signNonce",
        ),
        (
            jwt(claims(1_000_000_003), "other-key"),
            body("Account.GetBindInfo", &at, "n3", KEY),
            "invalid token",
        ),
        (
            jwt(
                json!({"clientId": "sandbox-client", "rnd": 1_000_000_004u64, "exp": now - 1}),
                KEY,
            ),
            body("Account.GetBindInfo", &at, "n4", KEY),
            "token expired",
        ),
        (
            jwt(
                json!({"clientId": "stranger", "rnd": 1_000_000_005u64, "exp": now + 180}),
                KEY,
            ),
            body("Account.GetBindInfo", &at, "n5", KEY),
            "unknown clientId",
        ),
        (
            jwt(claims(1_234_567), KEY),
            body("Account.GetBindInfo", &at, "n6", KEY),
            "rnd must be a number of at least 8 digits",
        ),
        (
            jwt(claims(1_000_000_007), KEY),
            body("Account.GetBindInfo", &at, "n7", "bad-key"),
            "sign mismatch",
        ),
        (
            // 60 s past the 300 s window: a loaded machine may take seconds between here and the check.
            jwt(claims(1_000_000_008), KEY),
            body("Account.GetBindInfo", &(now - 360).to_string(), "n8", KEY),
            "at outside the freshness window",
        ),
        (
            jwt(claims(1_000_000_009), KEY),
            body("Account.GetBindInfo", &(now + 360).to_string(), "n9", KEY),
            "at outside the freshness window",
        ),
    ];
    for (token, body, why) in cases {
        let r = call(&base, &token, body).await;
        assert_eq!(
            (r["code"].as_u64(), r["message"].as_str()),
            (Some(5020), Some(why))
        );
    }
    let r = call(&base, "", body("Account.GetBindInfo", &at, "n10", KEY)).await;
    assert_eq!(r["code"], 5020);
    // Integer seconds are accepted too; an unknown action is 5010.
    let r = call(
        &base,
        &jwt(claims(1_000_000_011), KEY),
        body("Account.GetBindInfo", &now.to_string(), "n11", KEY),
    )
    .await;
    assert_eq!(r["code"], 0);
    let r = call(
        &base,
        &jwt(claims(1_000_000_012), KEY),
        body("Account.Explode", &now.to_string(), "n12", KEY),
    )
    .await;
    assert_eq!(r["code"], 5010);
}
