//! The Ulord API platform (seed 001): its 28 endpoints as [`UlordClient`] methods and their
//! models.
//!
//! One client type serves both halves of the platform; its credentials decide which half it can
//! call. The admin endpoints (roles, application types, developer accounts, applications) need
//! a developer login (`Credentials::UlordAdmin`: the client logs in once, keeps the session and
//! logs in again when the platform says nobody is logged in). The external endpoints (wallets,
//! payments, resources) need an application's key (`Credentials::UlordAppKey`, sent in the
//! `appkey` header), such as one `list_apps` shows for an application `add_app` created.
//! Registering and logging in need neither.
//!
//! Envelope (seed 001 附录A): `{errcode, reason, result?}`. errcode 0 is success, and `result`
//! is the payload, absent on several successes. Any other errcode is an error carrying that
//! code and the `reason`, whatever the HTTP status (notes_000_001_003 §3: the status is not
//! documented to mirror it).

use serde_json::Value;

use crate::api::envelope::{code, message, Envelope};
use crate::error::{Error, ErrorKind, Result};
#[allow(unused_imports)] // named by the definition block
use crate::secret::Secret;

#[macro_use]
mod api;

ulord_api!(chainkit_define::core_service);

/// Seed 001's in-band error report.
pub struct UlordEnvelope;

impl Envelope for UlordEnvelope {
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()> {
        let Some(errcode) = code(body, "errcode") else {
            // Every documented answer, success or not, carries errcode: without one we cannot
            // tell a success from a failure.
            return Err(Error::decode("the answer carries no errcode")
                .with_service(service)
                .with_status(status));
        };
        if errcode == 0 {
            return Ok(());
        }
        let reason = message(body, "reason").unwrap_or_else(|| "error".to_owned());
        Err(Error::new(kind(errcode), reason)
            .with_service(service)
            .with_status(status)
            .with_code(errcode.to_string()))
    }

    /// `result`; `null` when a success carries none.
    fn payload(&self, body: Value) -> Value {
        match body {
            Value::Object(mut map) => map.remove("result").unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }
}

/// The kind of a 附录A errcode: the key and login codes (wrong, unauthorised, expired or banned
/// key; no logged-in user; no permission; the HTTP-style 403) reject the credentials; the two
/// request limits are rate limits; the rest are the service's answer.
fn kind(errcode: i64) -> ErrorKind {
    match errcode {
        403 | 10001..=10005 | 10011..=10013 => ErrorKind::Unauthorized,
        10006 | 10007 => ErrorKind::RateLimited,
        _ => ErrorKind::Api,
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn errcode_zero_is_success_and_result_the_payload() {
        let ok = json!({"errcode": 0, "reason": "success", "result": {"id": 11}});
        assert!(UlordEnvelope.check("ulord", 200, &ok).is_ok());
        assert_eq!(UlordEnvelope.payload(ok), json!({"id": 11}));
        let bare = json!({"errcode": "0", "reason": "success"});
        assert!(UlordEnvelope.check("ulord", 200, &bare).is_ok());
        assert_eq!(UlordEnvelope.payload(bare), Value::Null);
    }

    #[test]
    fn other_codes_are_typed_errors_even_as_strings() {
        let e = UlordEnvelope
            .check("ulord", 200, &json!({"errcode": "20004", "reason": "密码错误."}))
            .unwrap_err();
        assert_eq!(
            (e.kind(), e.code(), e.message(), e.service(), e.status()),
            (ErrorKind::Api, Some("20004"), "密码错误.", Some("ulord"), Some(200))
        );
        let login = json!({"errcode": 10011, "reason": "当前没有登录用户,请登录."});
        let e = UlordEnvelope.check("ulord", 200, &login).unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Unauthorized);
        assert!(crate::auth::ulord::is_login_rejection(&e));
        let limited = json!({"errcode": 10007, "reason": "请求超过次数限制."});
        assert_eq!(
            UlordEnvelope.check("ulord", 200, &limited).unwrap_err().kind(),
            ErrorKind::RateLimited
        );
    }

    #[test]
    fn an_answer_without_errcode_is_not_read_as_success() {
        for body in [json!({"result": {}}), json!({"errcode": "x"}), json!([1])] {
            let e = UlordEnvelope.check("ulord", 200, &body).unwrap_err();
            assert_eq!(e.kind(), ErrorKind::Decode, "{body}");
        }
    }
}
