//! Fault injection per request, chosen by the client in one header:
//!
//! `X-Sandbox-Fault: id=cell-7; latency=200; status=503; retry-after=2; reset; malformed-json; content-type=text/html`
//!
//! Directives combine and apply to any route (services and `/_sandbox/…`):
//! `id=NAME` counts the request under NAME (`GET /_sandbox/requests/NAME` answers the count), so a
//! test can assert how many attempts a client made, retries included;
//! `latency=MS` waits first; `status=CODE` answers that status instead of calling the route, with
//! `retry-after=S` as `Retry-After`; `malformed-json` cuts the body in half; `content-type=V`
//! replaces the content type; `reset` sends the head and half of the body, then drops the connection.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Json, Router};
use futures::StreamExt;

/// The header name.
pub const HEADER: &str = "x-sandbox-fault";

/// Most distinct `id`s remembered; a further new one answers 400 (the sandbox runs for one test
/// session, so this only stops a runaway client from growing the map without end).
const MAX_IDS: usize = 100_000;

/// Requests seen per fault `id`.
#[derive(Default)]
pub struct Counts(Mutex<HashMap<String, u64>>);

impl Counts {
    fn add(&self, id: &str) -> Result<(), String> {
        let mut map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(n) = map.get_mut(id) {
            *n += 1;
        } else if map.len() >= MAX_IDS {
            return Err(format!("more than {MAX_IDS} fault ids"));
        } else {
            map.insert(id.to_owned(), 1);
        }
        Ok(())
    }

    fn get(&self, id: &str) -> u64 {
        let map = self.0.lock().unwrap_or_else(|e| e.into_inner());
        map.get(id).copied().unwrap_or(0)
    }
}

/// `GET /_sandbox/requests/{id}`: how many requests carried `id=ID` (0 for an id never seen).
pub fn routes(counts: Arc<Counts>) -> Router {
    Router::new()
        .route("/_sandbox/requests/{id}", get(count))
        .with_state(counts)
}

async fn count(State(counts): State<Arc<Counts>>, Path(id): Path<String>) -> Response {
    Json(serde_json::json!({"id": id, "requests": counts.get(&id)})).into_response()
}

#[derive(Default, Debug, PartialEq)]
struct Fault {
    id: Option<String>,
    latency_ms: u64,
    status: Option<u16>,
    retry_after: Option<String>,
    reset: bool,
    malformed_json: bool,
    content_type: Option<String>,
}

fn parse(spec: &str) -> Result<Fault, String> {
    let mut f = Fault::default();
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part
            .split_once('=')
            .map_or((part, ""), |(k, v)| (k.trim(), v.trim()));
        match k {
            "id" => {
                let ok = (1..=128).contains(&v.len())
                    && v.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"._-".contains(&b));
                if !ok {
                    return Err(format!("id={v}: 1 to 128 of A-Z a-z 0-9 . _ -"));
                }
                f.id = Some(v.to_owned());
            }
            "latency" => f.latency_ms = v.parse().map_err(|_| format!("latency={v}: not ms"))?,
            "status" => {
                f.status = Some(
                    v.parse()
                        .ok()
                        .filter(|s| (100..=999).contains(s))
                        .ok_or(format!("status={v}"))?,
                )
            }
            "retry-after" => f.retry_after = Some(v.to_owned()),
            "reset" => f.reset = true,
            "malformed-json" => f.malformed_json = true,
            "content-type" => f.content_type = Some(v.to_owned()),
            other => return Err(format!("unknown fault {other:?}")),
        }
    }
    Ok(f)
}

/// The middleware. A request is counted on arrival, before any latency, so a client that gave
/// up waiting has still been counted.
pub async fn inject(State(counts): State<Arc<Counts>>, req: Request, next: Next) -> Response {
    let Some(spec) = req.headers().get(HEADER).and_then(|v| v.to_str().ok()) else {
        return next.run(req).await;
    };
    let fault = match parse(spec) {
        Ok(f) => f,
        Err(e) => return (StatusCode::BAD_REQUEST, format!("{HEADER}: {e}")).into_response(),
    };
    if let Some(Err(e)) = fault.id.as_deref().map(|id| counts.add(id)) {
        return (StatusCode::BAD_REQUEST, format!("{HEADER}: {e}")).into_response();
    }
    if fault.latency_ms > 0 {
        tokio::time::sleep(Duration::from_millis(fault.latency_ms.min(60_000))).await;
    }
    let response = match fault.status.and_then(|s| StatusCode::from_u16(s).ok()) {
        Some(status) => {
            let body = serde_json::json!({"code": format!("SANDBOX_{}", status.as_u16()), "message": "injected fault"});
            (status, axum::Json(body)).into_response()
        }
        None => next.run(req).await,
    };
    let (mut parts, body) = response.into_parts();
    if let Some(v) = fault
        .retry_after
        .and_then(|v| HeaderValue::from_str(&v).ok())
    {
        parts.headers.insert("retry-after", v);
    }
    if let Some(v) = fault
        .content_type
        .and_then(|v| HeaderValue::from_str(&v).ok())
    {
        parts.headers.insert("content-type", v);
    }
    if !(fault.malformed_json || fault.reset) {
        return Response::from_parts(parts, body);
    }
    let bytes = axum::body::to_bytes(body, 16 << 20)
        .await
        .unwrap_or_default();
    let half = Bytes::copy_from_slice(&bytes[..bytes.len() / 2]);
    parts.headers.remove("content-length");
    let body = if fault.reset {
        // Promise the full length, send half, then fail the stream: hyper aborts the connection.
        if let Ok(v) = HeaderValue::from_str(&bytes.len().max(2).to_string()) {
            parts.headers.insert("content-length", v);
        }
        // The pause lets hyper flush the head and the first half before the stream fails.
        let stream = futures::stream::iter([Some(half), None]).then(|chunk| async move {
            match chunk {
                Some(bytes) => Ok(bytes),
                None => {
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    Err(std::io::Error::other("injected reset"))
                }
            }
        });
        Body::from_stream(stream)
    } else {
        Body::from(half)
    };
    Response::from_parts(parts, body)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_directive() {
        let f = parse(
            "id=a.B-9_; latency=200; status=503;retry-after=2;reset;malformed-json;content-type=text/html",
        )
        .unwrap();
        assert_eq!(f.id.as_deref(), Some("a.B-9_"));
        assert_eq!(f.latency_ms, 200);
        assert_eq!(f.status, Some(503));
        assert_eq!(f.retry_after.as_deref(), Some("2"));
        assert!(f.reset && f.malformed_json);
        assert_eq!(f.content_type.as_deref(), Some("text/html"));
        assert!(parse("explode").is_err());
        assert!(parse("status=42").is_err());
        assert!(parse("id=").is_err() && parse("id=a/b").is_err());
        assert!(parse(&format!("id={}", "x".repeat(129))).is_err());
    }
}
