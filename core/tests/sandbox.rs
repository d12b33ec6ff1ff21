//! The executor and the native transport against the real sandbox server on loopback.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use async_trait::async_trait;
use chainkit_core::http::HeaderValue;
use chainkit_core::{
    AttemptContext, Authorizer, Endpoint, ErrorKind, NoAuth, RawRequest, Request, Response, Result,
};
use common::{executor, executor_at, get};

#[tokio::test]
async fn a_real_request_through_the_native_transport() {
    let res = executor(|_| {})
        .execute(&get("/health"), &NoAuth)
        .await
        .unwrap();
    assert_eq!(res.status, 200);
    let body: serde_json::Value = serde_json::from_slice(&res.body).unwrap();
    assert_eq!(body["status"], "ok");
}

#[tokio::test]
async fn an_error_response_keeps_status_code_message_and_request_id() {
    let req = RawRequest {
        method: "POST".into(),
        ..get("/_sandbox/status/409?code=E409&message=conflict")
    };
    let err = executor(|_| {}).execute(&req, &NoAuth).await.unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Api);
    assert_eq!(err.status(), Some(409));
    assert_eq!(err.code(), Some("E409"));
    assert_eq!(err.message(), "conflict");
    let id = err.request_id().unwrap().to_owned();
    assert!(id.starts_with("sbx-"));
    let shown = err.to_string();
    assert!(
        shown.contains("E409") && shown.contains("conflict") && shown.contains(&id),
        "{shown}"
    );
}

#[tokio::test]
async fn idempotent_calls_retry_and_others_do_not() {
    let key = format!("rust-{}", std::process::id());
    let ok = executor(|_| {})
        .execute(
            &get(&format!("/_sandbox/flaky/{key}-get?fail=2&status=502")),
            &NoAuth,
        )
        .await;
    assert_eq!(
        String::from_utf8(ok.unwrap().body).unwrap(),
        r#"{"calls":3}"#
    );
    let post = RawRequest {
        method: "POST".into(),
        ..get(&format!("/_sandbox/flaky/{key}-post?fail=1&status=502"))
    };
    let err = executor(|_| {}).execute(&post, &NoAuth).await.unwrap_err();
    assert_eq!(
        err.status(),
        Some(502),
        "a POST that may have arrived is not resent"
    );
}

/// Stamps the attempt number, proving authorization is redone on every attempt.
struct CountingAuth(AtomicU32);

#[async_trait]
impl Authorizer for CountingAuth {
    async fn authorize(&self, request: &mut Request, ctx: &AttemptContext<'_>) -> Result<()> {
        self.0.fetch_add(1, Ordering::SeqCst);
        request
            .headers_mut()
            .insert("x-attempt", HeaderValue::from(ctx.attempt));
        Ok(())
    }
}

#[tokio::test]
async fn every_attempt_is_authorized_afresh() {
    let auth = CountingAuth(AtomicU32::new(0));
    let key = format!("rust-auth-{}", std::process::id());
    executor(|_| {})
        .execute(&get(&format!("/_sandbox/flaky/{key}?fail=1")), &auth)
        .await
        .unwrap();
    assert_eq!(auth.0.load(Ordering::SeqCst), 2);
}

#[tokio::test]
async fn unreachable_hosts_and_slow_servers_give_typed_errors() {
    let err = executor_at("http://127.0.0.1:1", |c| c.retry.max_attempts = 1)
        .execute(&get("/"), &NoAuth)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Network);
    assert!(
        !err.request_sent(),
        "a refused connection never sent the request"
    );
    let started = std::time::Instant::now();
    let err = executor(|c| {
        c.timeout = Duration::from_millis(200);
        c.retry.max_attempts = 1;
    })
    .execute(&get("/_sandbox/delay/5000"), &NoAuth)
    .await
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_secs(3));
}

/// A typed endpoint, to show a garbage body becomes a decode error.
struct Health;

impl Endpoint for Health {
    type Output = String;
    fn service(&self) -> &str {
        "sandbox"
    }
    fn idempotent(&self) -> bool {
        true
    }
    fn build(&self, base: &chainkit_core::url::Url) -> Result<Request> {
        get("/_sandbox/garbage").build(base)
    }
    fn parse(&self, response: Response, _: Duration) -> Result<String> {
        #[derive(serde::Deserialize)]
        struct Body {
            status: String,
        }
        serde_json::from_slice::<Body>(response.body())
            .map(|b| b.status)
            .map_err(|e| chainkit_core::Error::decode(format!("health body: {e}")))
    }
}

#[tokio::test]
async fn a_garbage_body_is_a_decode_error() {
    let err = executor(|_| {})
        .execute(&Health, &NoAuth)
        .await
        .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Decode);
    assert_eq!(err.service(), Some("sandbox"));
}
