//! The engine behind every defined endpoint: typed calls, calls in wire JSON, and page walks.
//! A typed call writes its input as wire JSON and runs the same path as a dynamic one, so
//! validation, request building and tolerant decoding exist once (and a wasm build carries no
//! per-model code for endpoints it only calls dynamically).

use std::sync::Arc;

use futures::stream::{Stream, StreamExt};
use serde::de::DeserializeOwned;
use serde_json::Value;
use url::Url;

use super::call::Call;
use super::paging;
use super::spec::{AuthKind, EndpointSpec, ServiceSpec};
use super::wire::WireValue;
use crate::endpoint::Endpoint as _;
use crate::error::{Error, Result};
use crate::executor::{Authorizer, Executor, NoAuth};
use crate::transport::Request;

fn signer<'a>(spec: &EndpointSpec, auth: &'a Arc<dyn Authorizer>) -> &'a dyn Authorizer {
    match spec.auth {
        AuthKind::Service => &**auth,
        AuthKind::None => &NoAuth,
    }
}

/// Calls `spec` with `input` (wire JSON), answering `O`.
async fn run<O: DeserializeOwned>(
    spec: &'static EndpointSpec,
    executor: &Executor,
    auth: &Arc<dyn Authorizer>,
    input: Value,
) -> Result<O> {
    let call = Call::<O>::new(spec, input, &**auth)?;
    executor.execute(&call, signer(spec, auth)).await
}

/// Calls `spec` with a typed input (`None` for an endpoint without one).
pub async fn call<I: WireValue + ?Sized, O: DeserializeOwned>(
    spec: &'static EndpointSpec,
    executor: &Executor,
    auth: &Arc<dyn Authorizer>,
    input: Option<&I>,
) -> Result<O> {
    let input = input.and_then(WireValue::wire).unwrap_or(Value::Null);
    run(spec, executor, auth, input).await
}

/// Calls `spec` in wire JSON: the answer normalised to the output model (`null` for none).
pub async fn call_value(
    spec: &'static EndpointSpec,
    executor: &Executor,
    auth: &Arc<dyn Authorizer>,
    input: Value,
) -> Result<Value> {
    run(spec, executor, auth, input).await
}

/// Every item of `spec`'s paged list from `input`'s page on, typed.
pub fn pages<'a, I: WireValue + ?Sized, T: DeserializeOwned + 'a>(
    spec: &'static EndpointSpec,
    executor: &'a Executor,
    auth: &'a Arc<dyn Authorizer>,
    input: &I,
) -> impl Stream<Item = Result<T>> + 'a {
    let input = input.wire().unwrap_or(Value::Null);
    pages_value(spec, executor, auth, input).map(move |item| {
        item.and_then(|v| {
            T::deserialize(v).map_err(|e| {
                Error::decode(format!("{}: unexpected item: {e}", spec.name))
                    .with_service(spec.service.name)
            })
        })
    })
}

/// Every item of `spec`'s paged list from `input`'s page on, in wire JSON.
pub fn pages_value<'a>(
    spec: &'static EndpointSpec,
    executor: &'a Executor,
    auth: &'a Arc<dyn Authorizer>,
    input: Value,
) -> impl Stream<Item = Result<Value>> + 'a {
    let walk = spec
        .pages
        .as_ref()
        .ok_or_else(|| Error::invalid_input(format!("{} is not a paged list", spec.name)));
    let stream = match walk {
        Ok(walk) => paging::items(walk, input, move |page| {
            call_value(spec, executor, auth, page)
        })
        .left_stream(),
        Err(e) => futures::stream::once(async move { Err(e) }).right_stream(),
    };
    stream
}

/// `service`'s endpoint whose Rust name is `name`.
pub fn endpoint(service: &'static ServiceSpec, name: &str) -> Result<&'static EndpointSpec> {
    service
        .endpoint(name)
        .ok_or_else(|| Error::invalid_input(format!("{} has no endpoint {name:?}", service.name)))
}

/// The unsigned request `spec` builds from `input` (wire JSON) against `base`.
pub fn build_value(
    spec: &'static EndpointSpec,
    base: &Url,
    input: Value,
    auth: &dyn Authorizer,
) -> Result<Request> {
    Call::<Value>::new(spec, input, auth)?.build(base)
}
