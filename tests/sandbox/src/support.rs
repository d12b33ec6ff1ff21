//! Test-support routes under `/_sandbox/…` plus `/health`, used by the bindings' transport tests.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get};
use axum::{Json, Router};
use serde::Deserialize;
use serde_json::json;

#[derive(Default)]
struct Sandbox {
    requests: AtomicU64,
    /// Calls seen per `/_sandbox/flaky/{key}`.
    flaky: Mutex<HashMap<String, u32>>,
}

type Shared = Arc<Sandbox>;

/// The test-support routes.
pub fn routes() -> Router {
    Router::new()
        .route("/health", get(health))
        .route("/_sandbox/status/{status}", any(status))
        .route("/_sandbox/echo", any(echo))
        .route("/_sandbox/delay/{ms}", any(delay))
        .route("/_sandbox/garbage", any(garbage))
        .route("/_sandbox/flaky/{key}", any(flaky))
        .with_state(Arc::new(Sandbox::default()))
}

impl Sandbox {
    fn request_id(&self) -> String {
        format!(
            "sbx-{:08}",
            self.requests.fetch_add(1, Ordering::Relaxed) + 1
        )
    }
}

fn with_request_id(id: &str, mut response: Response) -> Response {
    if let Ok(v) = HeaderValue::from_str(id) {
        response.headers_mut().insert("x-request-id", v);
    }
    response
}

async fn health(State(s): State<Shared>) -> Response {
    let id = s.request_id();
    with_request_id(
        &id,
        Json(json!({"status": "ok", "service": "chainkit-sandbox"})).into_response(),
    )
}

#[derive(Deserialize)]
struct ErrorParams {
    code: Option<String>,
    message: Option<String>,
    retry_after: Option<String>,
}

/// Answers `status` with a `{code, message, requestId}` body and the same id in `x-request-id`.
async fn status(
    State(s): State<Shared>,
    Path(status): Path<u16>,
    Query(p): Query<ErrorParams>,
) -> Response {
    let id = s.request_id();
    let Ok(code) = StatusCode::from_u16(status) else {
        return (StatusCode::BAD_REQUEST, "status must be 100-999").into_response();
    };
    let body = json!({
        "code": p.code.unwrap_or_else(|| format!("SANDBOX_{status}")),
        "message": p.message.unwrap_or_else(|| code.canonical_reason().unwrap_or("error").to_owned()),
        "requestId": id,
    });
    let mut response = with_request_id(&id, (code, Json(body)).into_response());
    if let Some(after) = p.retry_after.and_then(|a| HeaderValue::from_str(&a).ok()) {
        response.headers_mut().insert("retry-after", after);
    }
    response
}

/// Reflects the request, so tests can see exactly what a client sent.
async fn echo(
    State(s): State<Shared>,
    method: Method,
    uri: Uri,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let id = s.request_id();
    let headers: Vec<(String, String)> = headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    let body = json!({
        "method": method.as_str(),
        "path": uri.path(),
        "query": uri.query(),
        "headers": headers,
        "body": String::from_utf8_lossy(&body),
    });
    with_request_id(&id, Json(body).into_response())
}

async fn delay(State(s): State<Shared>, Path(ms): Path<u64>) -> Response {
    let id = s.request_id();
    tokio::time::sleep(Duration::from_millis(ms.min(60_000))).await;
    with_request_id(&id, Json(json!({"delayed_ms": ms})).into_response())
}

/// A 200 whose JSON body is cut short.
async fn garbage(State(s): State<Shared>) -> Response {
    let id = s.request_id();
    let response = ([("content-type", "application/json")], "{\"status\": \"o").into_response();
    with_request_id(&id, response)
}

#[derive(Deserialize)]
struct FlakyParams {
    fail: Option<u32>,
    status: Option<u16>,
}

/// Fails the first `fail` calls for `key` with `status` (default 503, `Retry-After: 0`), then 200.
async fn flaky(
    State(s): State<Shared>,
    Path(key): Path<String>,
    Query(p): Query<FlakyParams>,
) -> Response {
    let id = s.request_id();
    let seen = {
        let mut calls = s.flaky.lock().unwrap_or_else(|e| e.into_inner());
        let n = calls.entry(key).or_default();
        *n += 1;
        *n
    };
    let status =
        StatusCode::from_u16(p.status.unwrap_or(503)).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
    let response = if seen <= p.fail.unwrap_or(1) {
        let body = json!({"code": "SANDBOX_FLAKY", "message": "try again", "requestId": id});
        let mut r = (status, Json(body)).into_response();
        r.headers_mut()
            .insert("retry-after", HeaderValue::from_static("0"));
        r
    } else {
        Json(json!({"calls": seen})).into_response()
    };
    with_request_id(&id, response)
}
