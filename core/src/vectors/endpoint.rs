//! `endpoint_request`: the unsigned request a defined endpoint builds from wire-JSON input
//! (validation included), through `dispatch::build_json`, so every service's definitions are
//! checked in every binding by the same vector files.

use serde::Deserialize;
use serde_json::Value;
use url::Url;

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
