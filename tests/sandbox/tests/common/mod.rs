//! Starts a real sandbox on 127.0.0.1:0 per test.
// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use chainkit_sandbox::Config;

/// The base URL of a fresh sandbox with `config`.
pub async fn start(config: Config) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, chainkit_sandbox::app(config)).await });
    format!("http://{addr}")
}

/// Unix seconds now.
pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

/// A client that never follows redirects.
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Calls pool `action` with `params` under the default credentials, signed as seed 003 §8 says
/// (a fresh JWT rnd and signNonce each call); returns the `{code, message, data}` envelope.
pub async fn pool(base: &str, action: &str, params: serde_json::Value) -> serde_json::Value {
    use hmac::{Hmac, KeyInit, Mac};
    use std::sync::atomic::{AtomicU64, Ordering};
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let n = CALLS.fetch_add(1, Ordering::Relaxed);
    let (key, salt) = ("sandbox-secret-key", "sandbox-secret-salt");
    let claims = serde_json::json!({"clientId": "sandbox-client", "rnd": 1_000_000_000 + n, "exp": now() + 180});
    let token = jsonwebtoken::encode(
        &jsonwebtoken::Header::default(),
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(key.as_bytes()),
    )
    .unwrap();
    let (at, data, nonce) = (now(), params.to_string(), format!("nonce-{n}"));
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key.as_bytes()).unwrap();
    mac.update(format!("{action}{at}{data}{nonce}{salt}").as_bytes());
    let sign = hex::encode(mac.finalize().into_bytes());
    let body = serde_json::json!({"action": action, "at": at, "data": data, "signNonce": nonce, "sign": sign});
    let r = client()
        .post(format!("{base}/"))
        .header("Authorization", token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}
