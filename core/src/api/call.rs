//! One call of a defined endpoint: the generic [`Endpoint`] every definition expands to.

use std::marker::PhantomData;
use std::time::Duration;

use http::Method;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use url::Url;

use super::wire::text;
use super::EndpointSpec;
use crate::endpoint::{join_url, Endpoint};
use crate::error::{Error, Result};
use crate::response::error_from_response;
use crate::transport::{Request, Response};

/// Bytes escaped in a path segment: everything outside RFC 3986 `pchar`. `:` and `@` stay, so a
/// BID (`did:bid:ef…`) appears in the path as the documents write it (notes_002 "Path values").
const SEGMENT: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'[')
    .add(b'\\')
    .add(b']')
    .add(b'^')
    .add(b'`')
    .add(b'{')
    .add(b'|')
    .add(b'}');

/// How a service reports errors inside a successful HTTP answer.
pub trait Envelope {
    /// `Ok` when `body` (the parsed JSON of a status < 400 answer) reports success.
    fn check(service: &str, status: u16, body: &Value) -> Result<()>;
}

/// `spec` called with `input` (already validated and in wire form), answered as `O`.
pub struct Call<O, E> {
    spec: &'static EndpointSpec,
    input: Map<String, Value>,
    _out: PhantomData<fn() -> (O, E)>,
}

impl<O, E> Call<O, E> {
    /// A call of `spec`; `input` is the wire object (`Value::Null` for no input).
    pub fn new(spec: &'static EndpointSpec, input: Value) -> Result<Self> {
        let input = match input {
            Value::Object(map) => map,
            Value::Null => Map::new(),
            _ => {
                return Err(Error::invalid_input(
                    "an endpoint's input must be an object",
                ))
            }
        };
        Ok(Self {
            spec,
            input,
            _out: PhantomData,
        })
    }
}

fn fill_path(template: &str, fields: &mut Map<String, Value>) -> Result<String> {
    let mut path = String::with_capacity(template.len() + 48);
    for (i, segment) in template.split('/').enumerate() {
        if i > 0 {
            path.push('/');
        }
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            None => path.push_str(segment),
            Some(name) => {
                let value = fields.remove(name).map(|v| text(&v)).unwrap_or_default();
                if value.is_empty() {
                    return Err(Error::invalid_input(format!("{name}: is required")));
                }
                path.extend(utf8_percent_encode(&value, SEGMENT));
            }
        }
    }
    Ok(path)
}

impl<O: DeserializeOwned, E: Envelope> Endpoint for Call<O, E> {
    type Output = O;

    fn service(&self) -> &str {
        self.spec.service
    }

    fn idempotent(&self) -> bool {
        self.spec.idempotent
    }

    fn build(&self, base: &Url) -> Result<Request> {
        let mut fields = self.input.clone();
        let path = fill_path(self.spec.path, &mut fields)?;
        let mut url = join_url(base, &path)?;
        let method = Method::from_bytes(self.spec.method.as_bytes())
            .map_err(|_| Error::config(format!("bad method in {}", self.spec.name)))?;
        let mut builder = http::Request::builder().method(method.clone());
        let body = if method == Method::GET || method == Method::DELETE {
            if !fields.is_empty() {
                let mut query = url.query_pairs_mut();
                for (k, v) in &fields {
                    if matches!(v, Value::Array(_) | Value::Object(_)) {
                        return Err(Error::invalid_input(format!(
                            "{k}: a query parameter must be a single value"
                        )));
                    }
                    query.append_pair(k, &text(v));
                }
            }
            Vec::new()
        } else {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json");
            serde_json::to_vec(&Value::Object(fields))
                .map_err(|e| Error::invalid_input(format!("input is not JSON: {e}")))?
        };
        builder
            .uri(url.as_str())
            .body(body)
            .map_err(|e| Error::invalid_input(format!("invalid request: {e}")))
    }

    fn parse(&self, response: Response, now: Duration) -> Result<O> {
        let status = response.status().as_u16();
        if status >= 400 {
            return Err(error_from_response(self.spec.service, &response, now));
        }
        let decode = |what: String| {
            Error::decode(format!("{}: {what}", self.spec.name))
                .with_service(self.spec.service)
                .with_status(status)
        };
        let body: Value = serde_json::from_slice(response.body())
            .map_err(|e| decode(format!("the answer is not JSON: {e}")))?;
        E::check(self.spec.service, status, &body)?;
        O::deserialize(&body).map_err(|e| decode(format!("unexpected answer: {e}")))
    }
}
