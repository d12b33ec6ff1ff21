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
