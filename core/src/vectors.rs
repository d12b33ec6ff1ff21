//! Golden-vector evaluation: one entry point every binding exposes, so a new vector kind needs
//! code here only, never in the runners. The file format is documented in `tests/vectors/README.md`.

use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};

use crate::error::{Error, ErrorKind, Result};
use crate::redact::{redact_headers, redact_url};
use crate::response::error_from_response;
use crate::retry::{Decision, RetryPolicy};

mod auth;
mod bif;
mod endpoint;

/// Every vector kind this build understands.
pub const KINDS: [&str; 16] = [
    "redact_url",
    "redact_headers",
    "retry_decision",
    "error_from_response",
    "huawei_aksk",
    "pool_sign",
    "authorize",
    "bif_base58",
    "bif_key",
    "bif_address",
    "bif_sign",
    "bif_verify",
    "bif_contract_call",
    "bif_decode_transaction",
    "endpoint_request",
    "endpoint_response",
];

/// Runs one vector case of `kind` on `input`, returning the output to compare with `expected`.
/// An error of the evaluated operation is an output too: `{"error": {"kind", "message"}}`.
pub fn evaluate(kind: &str, input: &Value) -> Value {
    let result = match kind {
        "redact_url" => parse(input).map(|i: UrlInput| json!({ "url": redact_url(&i.url) })),
        "redact_headers" => parse(input).and_then(|i: HeadersInput| {
            let map = header_map(&i.headers)?;
            Ok(json!({ "headers": redact_headers(&map) }))
        }),
        "retry_decision" => parse(input).map(retry_decision),
        "error_from_response" => parse(input).and_then(error_response),
        "huawei_aksk" => auth::huawei_aksk(input),
        "pool_sign" => auth::pool_sign(input),
        "authorize" => auth::authorize(input),
        "endpoint_request" => endpoint::endpoint_request(input),
        "endpoint_response" => endpoint::endpoint_response(input),
        kind if kind.starts_with("bif_") => bif::evaluate(kind, input),
        other => Err(Error::invalid_input(format!(
            "unknown vector kind {other:?}"
        ))),
    };
    result.unwrap_or_else(
        |e| json!({ "error": { "kind": e.kind().as_str(), "message": e.message() } }),
    )
}

/// [`evaluate`] over JSON text, the form every binding exposes.
pub fn evaluate_json(kind: &str, input_json: &str) -> Result<String> {
    let input: Value = serde_json::from_str(input_json)
        .map_err(|e| Error::invalid_input(format!("vector input is not JSON: {e}")))?;
    Ok(evaluate(kind, &input).to_string())
}

pub(crate) fn parse<T: for<'de> Deserialize<'de>>(input: &Value) -> Result<T> {
    T::deserialize(input).map_err(|e| Error::invalid_input(format!("bad vector input: {e}")))
}

pub(crate) fn header_map(pairs: &[(String, String)]) -> Result<http::HeaderMap> {
    let mut map = http::HeaderMap::new();
    for (k, v) in pairs {
        let name = http::HeaderName::from_bytes(k.as_bytes())
            .map_err(|_| Error::invalid_input(format!("invalid header name {k:?}")))?;
        let value = http::HeaderValue::from_str(v)
            .map_err(|_| Error::invalid_input(format!("invalid value for header {k}")))?;
        map.append(name, value);
    }
    Ok(map)
}

#[derive(Deserialize)]
struct UrlInput {
    url: String,
}

#[derive(Deserialize)]
struct HeadersInput {
    headers: Vec<(String, String)>,
}

#[derive(Deserialize)]
struct PolicyInput {
    max_attempts: u32,
    base_delay_ms: u64,
    max_delay_ms: u64,
    max_elapsed_ms: u64,
}

#[derive(Deserialize)]
struct ErrorInput {
    kind: String,
    status: Option<u16>,
    retry_after_ms: Option<u64>,
    #[serde(default = "yes")]
    request_sent: bool,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
struct RetryInput {
    policy: PolicyInput,
    attempt: u32,
    idempotent: bool,
    elapsed_ms: u64,
    random: u64,
    error: ErrorInput,
}

fn retry_decision(i: RetryInput) -> Value {
    let policy = RetryPolicy {
        max_attempts: i.policy.max_attempts,
        base_delay: Duration::from_millis(i.policy.base_delay_ms),
        max_delay: Duration::from_millis(i.policy.max_delay_ms),
        max_elapsed: Duration::from_millis(i.policy.max_elapsed_ms),
    };
    let kind = ErrorKind::parse(&i.error.kind).unwrap_or(ErrorKind::Api);
    let mut err = Error::new(kind, "vector");
    if let Some(s) = i.error.status {
        err = err.with_status(s);
    }
    if let Some(ms) = i.error.retry_after_ms {
        err = err.with_retry_after(Duration::from_millis(ms));
    }
    if !i.error.request_sent {
        err = err.not_sent();
    }
    match policy.decide(
        i.attempt,
        &err,
        i.idempotent,
        Duration::from_millis(i.elapsed_ms),
        i.random,
    ) {
        Decision::Retry(d) => json!({ "retry": true, "delay_ms": d.as_millis() as u64 }),
        Decision::Stop => json!({ "retry": false }),
    }
}

#[derive(Deserialize)]
struct ResponseInput {
    service: String,
    status: u16,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
    #[serde(default)]
    now_s: u64,
}

fn error_response(i: ResponseInput) -> Result<Value> {
    let mut response = http::Response::new(i.body.into_bytes());
    *response.status_mut() = http::StatusCode::from_u16(i.status)
        .map_err(|_| Error::invalid_input(format!("invalid status {}", i.status)))?;
    *response.headers_mut() = header_map(&i.headers)?;
    let e = error_from_response(&i.service, &response, Duration::from_secs(i.now_s));
    Ok(json!({
        "kind": e.kind().as_str(),
        "service": e.service(),
        "status": e.status(),
        "code": e.code(),
        "message": e.message(),
        "request_id": e.request_id(),
        "retry_after_ms": e.retry_after().map(|d| d.as_millis() as u64),
        "display": e.to_string(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every kind `evaluate` handles is listed, so bindings can tell users what this build knows.
    #[test]
    fn every_listed_kind_is_handled() {
        for kind in KINDS {
            let out = evaluate(kind, &json!({}));
            let message = out["error"]["message"].as_str().unwrap_or_default();
            assert!(!message.starts_with("unknown vector kind"), "{kind}");
        }
    }
}

#[cfg(test)]
mod typed_output_tests {
    use serde_json::json;

    #[test]
    fn a_model_answer_decodes_into_its_rust_type_or_fails() {
        let series = json!({"seriesId": "s1", "seriesName": "n"});
        assert!(matches!(
            crate::typed_output("dna", "series_detail", series),
            Some(Ok(()))
        ));
        // What normalisation would have refused must not slip through the typed decode either.
        let missing = crate::typed_output("dna", "series_detail", json!({"seriesName": "n"}));
        assert!(matches!(missing, Some(Err(_))), "{missing:?}");
        assert!(crate::typed_output("dna", "no_such_endpoint", json!({})).is_none());
        assert!(crate::typed_output("nope", "series_detail", json!({})).is_none());
    }
}
