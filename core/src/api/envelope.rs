//! How a service reports errors inside a successful HTTP answer, and where the payload is.

use serde_json::Value;

use crate::error::Result;

/// A service's answer envelope (DNA's `retCode`, DDC's `code`/`data`, Ulord's `errcode`/`result`).
pub trait Envelope: Sync + Send {
    /// `Ok` when `body` (the parsed JSON of a status < 400 answer) reports success, else the
    /// typed error with the service's code and message.
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()>;

    /// The part of the answer an endpoint's output decodes from (the whole body by default).
    fn payload(&self, body: Value) -> Value {
        body
    }
}

/// No envelope: the answer is the payload and errors are HTTP statuses.
pub struct Plain;

impl Envelope for Plain {
    fn check(&self, _: &str, _: u16, _: &Value) -> Result<()> {
        Ok(())
    }
}

/// `body[field]` as a result code: a number, or a string holding one (servers send both).
pub fn code(body: &Value, field: &str) -> Option<i64> {
    match body.get(field)? {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

/// `body[field]` as text (a message), when it is a string or a number.
pub fn message(body: &Value, field: &str) -> Option<String> {
    match body.get(field)? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn codes_arrive_as_numbers_or_strings() {
        assert_eq!(code(&json!({"code": 0}), "code"), Some(0));
        assert_eq!(code(&json!({"code": "-1"}), "code"), Some(-1));
        assert_eq!(code(&json!({"code": "x"}), "code"), None);
        assert_eq!(code(&json!({}), "code"), None);
    }
}
