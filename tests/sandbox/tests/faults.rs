#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]
//! Each `X-Sandbox-Fault` directive, on a real route.

mod common;

use std::time::{Duration, Instant};

use chainkit_sandbox::Config;

async fn get(base: &str, fault: &str) -> reqwest::Result<reqwest::Response> {
    common::client()
        .get(format!("{base}/health"))
        .header("X-Sandbox-Fault", fault)
        .send()
        .await
}

#[tokio::test]
async fn every_mode() {
    let base = common::start(Config::default()).await;
    let t0 = Instant::now();
    let r = get(&base, "latency=300").await.unwrap();
    assert!(t0.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.status(), 200);

    let r = get(&base, "status=503; retry-after=2").await.unwrap();
    assert_eq!(r.status(), 503);
    assert_eq!(r.headers()["retry-after"], "2");

    let r = get(&base, "malformed-json").await.unwrap();
    assert_eq!(r.status(), 200);
    let text = r.text().await.unwrap();
    assert!(
        serde_json::from_str::<serde_json::Value>(&text).is_err(),
        "{text}"
    );
    assert!(text.starts_with('{'));

    let r = get(&base, "content-type=text/html").await.unwrap();
    assert_eq!(r.headers()["content-type"], "text/html");
    assert!(
        r.json::<serde_json::Value>().await.is_ok(),
        "the body itself is untouched"
    );

    // Head arrives, the body is cut: reading it fails.
    let r = get(&base, "reset").await.unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.bytes().await.is_err());

    let r = get(&base, "explode").await.unwrap();
    assert_eq!(r.status(), 400);
    // No header, no fault.
    let r = common::client()
        .get(format!("{base}/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["status"], "ok");
}

async fn requests(base: &str, id: &str) -> u64 {
    let r = common::client()
        .get(format!("{base}/_sandbox/requests/{id}"))
        .send()
        .await
        .unwrap();
    let body: serde_json::Value = r.json().await.unwrap();
    assert_eq!(body["id"], id);
    body["requests"].as_u64().unwrap()
}

#[tokio::test]
async fn every_request_with_an_id_is_counted_whatever_else_happens_to_it() {
    let base = common::start(Config::default()).await;
    assert_eq!(requests(&base, "never-sent").await, 0);
    for fault in [
        "id=c1",
        "id=c1; status=503",
        "id=c1; reset",
        "id=c1; malformed-json",
    ] {
        let _ = get(&base, fault).await.unwrap().bytes().await;
    }
    // A client that gives up during the latency has still been counted.
    let quick = common::client()
        .get(format!("{base}/health"))
        .header("X-Sandbox-Fault", "id=c1; latency=2000")
        .timeout(Duration::from_millis(200))
        .send()
        .await;
    assert!(quick.is_err());
    assert_eq!(requests(&base, "c1").await, 5);
    assert_eq!(requests(&base, "c2").await, 0, "ids are counted apart");
    assert_eq!(get(&base, "id=a/b").await.unwrap().status(), 400);
}
