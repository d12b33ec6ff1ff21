//! The sandbox harness shared by the integration tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::{BufRead, BufReader};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::OnceLock;

use chainkit_core::{ClientConfig, Executor, RawRequest, Runtime};

/// The sandbox named by `CHAINKIT_SANDBOX_URL`, or one started from `target/debug` for this test binary.
pub fn sandbox() -> &'static str {
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

pub fn executor(config: impl FnOnce(&mut ClientConfig)) -> Executor {
    executor_at(sandbox(), config)
}

pub fn executor_at(base: &str, config: impl FnOnce(&mut ClientConfig)) -> Executor {
    let mut c = ClientConfig::new(base).unwrap();
    config(&mut c);
    Executor::new(c, Runtime::native().unwrap())
}

pub fn get(path: &str) -> RawRequest {
    RawRequest {
        method: "GET".into(),
        path: path.into(),
        ..Default::default()
    }
}

/// A sandbox served in this process (its own state, so tests do not share it); its base URL.
pub async fn in_process() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let app = chainkit_sandbox::app(chainkit_sandbox::Config::default());
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{addr}")
}

/// What a typed service client is made of, for `credentials` against `base`, sending through
/// `runtime`.
pub fn parts_with(
    base: &str,
    credentials: chainkit_core::auth::credentials::Credentials,
    runtime: Runtime,
) -> (Executor, std::sync::Arc<dyn chainkit_core::Authorizer>) {
    let config = ClientConfig::new(base).unwrap();
    let auth = credentials
        .authorizer(&config.base_url, runtime.transport.clone())
        .unwrap();
    (Executor::new(config, runtime), auth)
}

/// [`parts_with`] on the native runtime.
pub fn parts(
    base: &str,
    credentials: chainkit_core::auth::credentials::Credentials,
) -> (Executor, std::sync::Arc<dyn chainkit_core::Authorizer>) {
    parts_with(base, credentials, Runtime::native().unwrap())
}
