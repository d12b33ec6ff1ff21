//! Turning an HTTP error response into an [`Error`]: status, code, message, request id, Retry-After.

use std::time::Duration;

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::transport::Response;

/// Body keys the five services use for an error code, in the order they are tried.
/// (`errcode`/`reason` are Ulord's, seed 001 附录A.)
const CODE_KEYS: [&str; 6] = [
    "code",
    "retCode",
    "error_code",
    "errorCode",
    "errcode",
    "status",
];
/// Body keys for an error message.
const MESSAGE_KEYS: [&str; 7] = [
    "message",
    "msg",
    "retMsg",
    "error_msg",
    "errorMsg",
    "reason",
    "error",
];
/// Body keys for a request id; the `x-request-id` header wins when present.
const REQUEST_ID_KEYS: [&str; 3] = ["request_id", "requestId", "requestID"];
/// Longest slice of a non-JSON body quoted in a message.
const MAX_QUOTED_BODY: usize = 200;

/// The error for a response with status ≥ 400, read from its headers and a JSON body if any.
///
/// `now` (since the Unix epoch) turns an HTTP-date `Retry-After` into a duration.
pub fn error_from_response(service: &str, response: &Response, now: Duration) -> Error {
    let status = response.status();
    let kind = match status.as_u16() {
        401 | 403 => ErrorKind::Unauthorized,
        429 => ErrorKind::RateLimited,
        _ => ErrorKind::Api,
    };
    let body: Option<Value> = serde_json::from_slice(response.body()).ok();
    // Huawei nests the fields under "error"; everyone else keeps them at the top level.
    let fields = body.as_ref().map(|b| match b.get("error") {
        Some(inner @ Value::Object(_)) => inner,
        _ => b,
    });
    let pick = |keys: &[&str]| {
        fields.and_then(|f| {
            keys.iter()
                .find_map(|k| f.get(*k).and_then(scalar_text))
                .or_else(|| {
                    body.as_ref()
                        .and_then(|b| keys.iter().find_map(|k| b.get(*k).and_then(scalar_text)))
                })
        })
    };
    let message = pick(&MESSAGE_KEYS).unwrap_or_else(|| {
        let text = String::from_utf8_lossy(response.body());
        let text = text.trim();
        let reason = status.canonical_reason().unwrap_or("error");
        if text.is_empty() {
            reason.to_owned()
        } else {
            let quoted: String = text.chars().take(MAX_QUOTED_BODY).collect();
            format!("{reason}: {quoted}")
        }
    });
    let mut err = Error::new(kind, message)
        .with_service(service)
        .with_status(status.as_u16());
    if let Some(code) = pick(&CODE_KEYS) {
        err = err.with_code(code);
    }
    if let Some(id) = header_text(response, "x-request-id").or_else(|| pick(&REQUEST_ID_KEYS)) {
        err = err.with_request_id(id);
    }
    if let Some(after) = retry_after(response, now) {
        err = err.with_retry_after(after);
    }
    err
}

/// The `Retry-After` header as a wait: delta-seconds, or an HTTP-date relative to `now`.
pub fn retry_after(response: &Response, now: Duration) -> Option<Duration> {
    let text = header_text(response, "retry-after")?;
    if let Ok(secs) = text.trim().parse::<u64>() {
        return Some(Duration::from_secs(secs));
    }
    let at = httpdate::parse_http_date(text.trim()).ok()?;
    let at = at.duration_since(std::time::UNIX_EPOCH).ok()?;
    Some(at.saturating_sub(now))
}

fn header_text(response: &Response, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .filter(|s| !s.is_empty())
}

fn scalar_text(v: &Value) -> Option<String> {
    match v {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> Response {
        let mut b = http::Response::builder().status(status);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.as_bytes().to_vec()).unwrap_or_default()
    }

    #[test]
    fn reads_flat_and_nested_envelopes() {
        let e = error_from_response(
            "dna",
            &resp(
                400,
                &[],
                r#"{"retCode":400,"retMsg":"token expired","requestId":"r1"}"#,
            ),
            Duration::ZERO,
        );
        assert_eq!(
            (e.kind(), e.code(), e.message(), e.request_id()),
            (ErrorKind::Api, Some("400"), "token expired", Some("r1"))
        );
        let e = error_from_response(
            "bcs",
            &resp(
                401,
                &[("X-Request-Id", "abc")],
                r#"{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}"#,
            ),
            Duration::ZERO,
        );
        assert_eq!(
            (e.kind(), e.code(), e.request_id()),
            (ErrorKind::Unauthorized, Some("APIGW.0301"), Some("abc"))
        );
    }

    #[test]
    fn non_json_bodies_and_retry_after_dates() {
        let now = Duration::from_secs(1_445_412_480); // Wed, 21 Oct 2015 07:28:00 GMT
        let e = error_from_response(
            "pool",
            &resp(
                429,
                &[("Retry-After", "Wed, 21 Oct 2015 07:28:30 GMT")],
                "<html>busy</html>",
            ),
            now,
        );
        assert_eq!(e.kind(), ErrorKind::RateLimited);
        assert_eq!(e.message(), "Too Many Requests: <html>busy</html>");
        assert_eq!(e.retry_after(), Some(Duration::from_secs(30)));
        assert_eq!(
            error_from_response("x", &resp(502, &[], ""), now).message(),
            "Bad Gateway"
        );
    }
}
