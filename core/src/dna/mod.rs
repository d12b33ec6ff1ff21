//! 星火·链网 DNA registration and certification (seed 002): the 21 remote endpoints as
//! [`DnaClient`] methods, their models, and one-call flows built on [`crate::bif`].
//!
//! Envelope (§3.2): `retCode` (200/400/500) and `retMsg`, payload at the top level. The HTTP
//! status is not documented to mirror `retCode`, so a `retCode` other than 200 in a 2xx answer
//! is an error too, with the same code and message.

use serde_json::Value;

use crate::api::Envelope;
use crate::error::{Error, ErrorKind, Result};
#[allow(unused_imports)] // named by the definition block
use crate::secret::Secret;

#[macro_use]
mod api;
pub mod flows;

dna_api!(chainkit_define::core_service);

/// Seed 002's in-band error report.
pub struct DnaEnvelope;

impl Envelope for DnaEnvelope {
    fn check(&self, service: &str, status: u16, body: &Value) -> Result<()> {
        let code = crate::api::envelope::code(body, "retCode");
        match code {
            None | Some(200) => Ok(()),
            Some(code) => {
                let message = body
                    .get("retMsg")
                    .and_then(Value::as_str)
                    .unwrap_or("error")
                    .to_owned();
                Err(Error::new(ErrorKind::Api, message)
                    .with_service(service)
                    .with_status(status)
                    .with_code(code.to_string()))
            }
        }
    }
}
