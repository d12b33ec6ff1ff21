//! Every registered service's endpoints by name, over wire JSON: for bindings that expose
//! endpoints dynamically (JS, whose typed methods are generated from the registry) and for
//! vectors. It reads [`crate::SERVICES`]; nothing here names a service.

use std::sync::Arc;

use serde_json::Value;
use url::Url;

use crate::api::{client, EndpointSpec, ServiceSpec};
use crate::error::{Error, Result};
use crate::executor::{Authorizer, Executor};
use crate::transport::Request;

/// The registered service named `name`.
pub fn service(name: &str) -> Result<&'static ServiceSpec> {
    crate::SERVICES
        .iter()
        .copied()
        .find(|s| s.name == name)
        .ok_or_else(|| Error::invalid_input(format!("unknown service {name:?}")))
}

/// `service`'s endpoint whose Rust name is `name`.
pub fn endpoint(service_name: &str, name: &str) -> Result<&'static EndpointSpec> {
    client::endpoint(service(service_name)?, name)
}

/// Calls `service`'s endpoint `name` (its Rust name) with `input`, answering in wire JSON.
pub async fn call_json(
    service: &str,
    name: &str,
    executor: Executor,
    auth: Arc<dyn Authorizer>,
    input: &Value,
) -> Result<Value> {
    let spec = endpoint(service, name)?;
    client::call_value(spec, &executor, &auth, input.clone()).await
}

/// The unsigned request `service`'s endpoint `name` builds from `input` against `base`.
pub fn build_json(service: &str, name: &str, base: &Url, input: &Value) -> Result<Request> {
    client::build_value(
        endpoint(service, name)?,
        base,
        input.clone(),
        &crate::NoAuth,
    )
}
