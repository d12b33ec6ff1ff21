//! `endpoint_request`: the unsigned request a defined endpoint builds from wire-JSON input
//! (validation included), through `dispatch::build_json`; `endpoint_response`: what it decodes
//! from one answer (envelope, payload, tolerant decoding). Every service's definitions are
//! checked in every binding by the same vector files.

use std::time::Duration;

use serde::Deserialize;
use serde_json::{json, Value};
use url::Url;

use crate::api::Call;
use crate::endpoint::Endpoint as _;

use super::auth::request_json;
use super::parse;
use crate::error::{Error, Result};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EndpointInput {
    service: String,
    endpoint: String,
    base_url: String,
    input: Value,
}

pub(super) fn endpoint_request(input: &Value) -> Result<Value> {
    let i: EndpointInput = parse(input)?;
    let base = Url::parse(&i.base_url)
        .map_err(|e| Error::invalid_input(format!("bad vector base_url: {e}")))?;
    let request = crate::dispatch::build_json(&i.service, &i.endpoint, &base, &i.input)?;
    Ok(request_json(&request))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResponseInput {
    service: String,
    endpoint: String,
    status: u16,
    body: String,
}

/// The output in wire JSON, or the typed error with its code (the service's own, when it sent
/// one) as `{"error": {kind, code?, message}}`.
pub(super) fn endpoint_response(input: &Value) -> Result<Value> {
    let i: ResponseInput = parse(input)?;
    let spec = crate::dispatch::endpoint(&i.service, &i.endpoint)?;
    let mut response = http::Response::new(i.body.into_bytes());
    *response.status_mut() = http::StatusCode::from_u16(i.status)
        .map_err(|_| Error::invalid_input(format!("invalid status {}", i.status)))?;
    Ok(
        match Call::<Value>::for_answer(spec)
            .parse(response, Duration::ZERO)
            .and_then(|output| {
                // What the engine accepts must also decode into the Rust output type.
                match crate::typed_output(&i.service, &i.endpoint, output.clone()) {
                    Some(Err(e)) => Err(e),
                    _ => Ok(output),
                }
            }) {
            Ok(output) => output,
            Err(e) => {
                let mut error = json!({"kind": e.kind().as_str(), "message": e.message()});
                if let Some(code) = e.code() {
                    error["code"] = code.into();
                }
                json!({ "error": error })
            }
        },
    )
}
