//! The mining pool (seed 003): its 45 actions as [`PoolClient`] methods and their models.
//!
//! Every action is POSTed to the one service URL and signed twice by the pool's credentials
//! (`Credentials::Pool`: a JWT in `Authorization` and an HMAC over the body envelope, see
//! `crate::auth::pool`); the client's base URL is that service URL.
//!
//! Envelope (§7): `{code, message, data}`. Code 0 is success and `data` the payload, `null` for
//! every write (success is judged by the code). Any other code is an error carrying it and the
//! message, whatever the HTTP status (the document states none). The kinds:
//!
//! | code | 说明 | kind |
//! |---|---|---|
//! | 5010 | 输入内容无效 | `InvalidInput` |
//! | 5020 | 用户身份验证失败 | `Unauthorized` |
//! | 5030 | 操作失败 | `Api` |
//! | 5040 | 权限不足 | `Forbidden` |
//! | 5050 | 系统错误 | `Api`, transient: retried for idempotent actions only |
//!
//! An answer without a code is a decode error: a success cannot be told from a failure.

use serde_json::Value;

use crate::api::envelope::{code, message, Envelope};
use crate::error::{Error, ErrorKind, Result};
#[allow(unused_imports)] // named by the definition block
use crate::secret::Secret;

#[macro_use]
mod api;

pool_api!(chainkit_define::core_service);

/// Seed 003's `{code, message, data}`.
pub struct PoolEnvelope;

impl Envelope for PoolEnvelope {
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()> {
        let Some(c) = code(body, "code") else {
            return Err(Error::decode("the answer carries no code")
                .with_service(service)
                .with_status(status));
        };
        if c == 0 {
            return Ok(());
        }
        let text = message(body, "message").unwrap_or_else(|| "error".to_owned());
        let e = Error::new(kind(c), text)
            .with_service(service)
            .with_status(status)
            .with_code(c.to_string());
        Err(if c == 5050 { e.with_transient() } else { e })
    }

    fn payload(&self, body: Value) -> Value {
        match body {
            Value::Object(mut map) => map.remove("data").unwrap_or(Value::Null),
            _ => Value::Null,
        }
    }
}

/// The kind of a §8 code (the table above).
fn kind(code: i64) -> ErrorKind {
    match code {
        5010 => ErrorKind::InvalidInput,
        5020 => ErrorKind::Unauthorized,
        5040 => ErrorKind::Forbidden,
        _ => ErrorKind::Api,
    }
}

#[cfg(test)]
mod tests;
