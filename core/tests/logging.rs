//! Logs never carry secrets. Alone in its own test binary: tracing caches per-callsite interest
//! process-wide, so a scoped subscriber racing other tests' threads can miss events.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod common;

use std::io::Write;
use std::sync::{Arc, Mutex};

use chainkit_core::{NoAuth, RawRequest};
use common::executor;

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
