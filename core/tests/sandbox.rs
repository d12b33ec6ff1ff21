//! The executor and the native transport against the real sandbox server on loopback.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use std::io::{BufRead, BufReader, Write};

use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::Duration;

use async_trait::async_trait;
use chainkit_core::http::HeaderValue;
use chainkit_core::{
    AttemptContext, Authorizer, ClientConfig, Endpoint, ErrorKind, Executor, NoAuth, RawRequest,
    Request, Response, Result, Runtime,
};

/// The sandbox named by `CHAINKIT_SANDBOX_URL`, or one started from `target/debug` for this test binary.
fn sandbox() -> &'static str {
    // The child's stdin stays open as long as this process lives; the sandbox exits when it closes.
    static URL: OnceLock<(String, Option<(Child, ChildStdin)>)> = OnceLock::new();
    &URL.get_or_init(|| {
        if let Ok(url) = std::env::var("CHAINKIT_SANDBOX_URL") {
            return (url, None);
        }
        let bin = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../target/debug/chainkit-sandbox"
        );
        let mut child = Command::new(bin)
            .args(["--listen", "127.0.0.1:0", "--stop-on-stdin-eof"])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("start {bin} (cargo build -p chainkit-sandbox): {e}"));
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let url = line.trim().rsplit(' ').next().unwrap().to_owned();
        let stdin = child.stdin.take().unwrap();
        (url, Some((child, stdin)))
    })
    .0
}

fn executor(config: impl FnOnce(&mut ClientConfig)) -> Executor {
    executor_at(sandbox(), config)
}

fn executor_at(base: &str, config: impl FnOnce(&mut ClientConfig)) -> Executor {
    let mut c = ClientConfig::new(base).unwrap();
    config(&mut c);
    Executor::new(c, Runtime::native().unwrap())
}

fn get(path: &str) -> RawRequest {
    RawRequest {
        method: "GET".into(),
        path: path.into(),
        ..Default::default()
    }
}

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

/// Collects log output in memory.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn debug_logs_of_a_request_hold_no_secret() {
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::TRACE)
        .with_writer(move || writer.clone())
        .finish();
    tracing::subscriber::with_default(subscriber, || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let req = RawRequest {
                method: "GET".into(),
                path: "/_sandbox/status/503?apiSecret=s3cr3t-query".into(),
                headers: vec![
                    ("Authorization".into(), "Bearer s3cr3t-header".into()),
                    ("accessToken".into(), "s3cr3t-token".into()),
                ],
                ..Default::default()
            };
            let err = executor(|c| c.retry.max_attempts = 2)
                .execute(&req, &NoAuth)
                .await
                .unwrap_err();
            tracing::error!(error = %err, debug = ?err, "call failed");
        });
    });
    let logs = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        logs.contains("sending") && logs.contains("authorization"),
        "{logs}"
    );
    assert!(logs.contains("retrying"), "{logs}");
    assert!(!logs.contains("s3cr3t"), "{logs}");
}
