//! 算力中心 OpenAPI (seed 000): official DDCs (mint, send, burn, prices, transactions), chain
//! accounts and their energy / 中移链 resources, the node-gateway key and the 算力值 balance, as
//! the 15 [`DdcClient`] methods and their models. Every call carries the `apitoken` header
//! (`ddcApiToken` credentials).
//!
//! Envelope: every answer is `{code, data, errorLogCode, message}`. `code` 0 is success and the
//! payload is `data`; any other code (the document names -1) is an error whose message is the
//! service's message code (`MSG_10053012`, `MSG_200BALANCE_SHORT`, …: the document's table
//! translates them; the service leaves translation to the caller) and whose request id is the
//! `errorLogCode` the service also writes to its logs. The HTTP status is not documented to
//! reflect failures, so a failure inside a 2xx answer is an error too.

use serde_json::Value;

use crate::api::envelope::code;
use crate::api::Envelope;
use crate::error::{Error, ErrorKind, Result};
#[allow(unused_imports)] // named by the definition block
use crate::secret::Secret;

#[macro_use]
mod api;
pub mod flows;

ddc_api!(chainkit_define::core_service);

/// Seed 000's `ResultInfo` envelope.
pub struct DdcEnvelope;

impl Envelope for DdcEnvelope {
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()> {
        // A code sent as a string ("-1") is still a code; an answer without one is read as the
        // payload alone.
        match code(body, "code") {
            None | Some(0) => Ok(()),
            Some(c) => {
                let text = |key: &str| {
                    body.get(key)
                        .and_then(Value::as_str)
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                };
                let mut err = Error::new(ErrorKind::Api, text("message").unwrap_or("error"))
                    .with_service(service)
                    .with_status(status)
                    .with_code(c.to_string());
                // "0" is what the examples show when there is nothing to look up.
                if let Some(log) = text("errorLogCode").filter(|l| *l != "0") {
                    err = err.with_request_id(log);
                }
                Err(err)
            }
        }
    }

    fn payload(&self, body: Value) -> Value {
        match body {
            Value::Object(mut fields) => fields.remove("data").unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn code_zero_is_success_and_data_the_payload() {
        let body = json!({"code": 0, "data": {"tradeCode": "DDC1"}, "errorLogCode": "0", "message": "0"});
        assert!(DdcEnvelope.check("ddc", 200, &body).is_ok());
        assert_eq!(DdcEnvelope.payload(body), json!({"tradeCode": "DDC1"}));
        assert!(DdcEnvelope.check("ddc", 200, &json!({"code": "0"})).is_ok());
        assert_eq!(DdcEnvelope.payload(json!({"code": 0})), Value::Null);
    }

    #[test]
    fn other_codes_keep_the_message_code() {
        for code in [json!(-1), json!("-1")] {
            let body = json!({"code": code, "data": null, "errorLogCode": "e-17", "message": "MSG_10053012"});
            let err = DdcEnvelope.check("ddc", 200, &body).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Api);
            assert_eq!(err.code(), Some("-1"));
            assert_eq!(err.message(), "MSG_10053012");
            assert_eq!(err.service(), Some("ddc"));
            assert_eq!(err.request_id(), Some("e-17"));
        }
        let bare = DdcEnvelope.check("ddc", 200, &json!({"code": 5})).unwrap_err();
        assert_eq!((bare.code(), bare.message()), (Some("5"), "error"));
        assert_eq!(bare.request_id(), None);
    }
}
