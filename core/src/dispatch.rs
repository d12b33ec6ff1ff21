//! Every defined service's endpoints by name, over wire JSON: for bindings that expose endpoints
//! dynamically (JS, whose typed methods are generated from the registries) and for vectors.
//! Listing a service here is one line per service, never per endpoint.

use std::sync::Arc;

use serde_json::Value;
use url::Url;

use crate::error::{Error, Result};
use crate::executor::{Authorizer, Executor};
use crate::transport::Request;

fn unknown(service: &str) -> Error {
    Error::invalid_input(format!("unknown service {service:?}"))
}

/// Calls `service`'s endpoint `name` (its Rust name) with `input`, answering in wire JSON.
pub async fn call_json(
    service: &str,
    name: &str,
    executor: Executor,
    auth: Arc<dyn Authorizer>,
    input: &Value,
) -> Result<Value> {
    match service {
        "dna" => {
            crate::dna::DnaClient::new(executor, auth)
                .call_json(name, input)
                .await
        }
        other => Err(unknown(other)),
    }
}

/// The unsigned request `service`'s endpoint `name` builds from `input` against `base`.
pub fn build_json(service: &str, name: &str, base: &Url, input: &Value) -> Result<Request> {
    match service {
        "dna" => crate::dna::DnaClient::build_json(name, base, input),
        other => Err(unknown(other)),
    }
}
