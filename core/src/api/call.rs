//! One call of a defined endpoint: the generic [`Endpoint`] every definition runs through, built
//! from the endpoint's spec and a validated wire-JSON input.

use std::marker::PhantomData;
use std::time::Duration;

use base64::Engine as _;
use http::Method;
use percent_encoding::{utf8_percent_encode, AsciiSet, CONTROLS};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};
use url::Url;

use super::decode::normalize;
use super::spec::{Body, EndpointSpec, Location, Output};
use super::validate::validate;
use super::wire::text;
use crate::endpoint::{join_url, Endpoint};
use crate::error::{Error, Result};
use crate::executor::Authorizer;
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

/// `spec` called with a validated input, answered as `O` (a typed model, or `Value` for
/// callers that stay in wire JSON).
pub struct Call<O> {
    spec: &'static EndpointSpec,
    path: String,
    input: Map<String, Value>,
    _out: PhantomData<fn() -> O>,
}

impl<O> Call<O> {
    /// A call only to read an answer with (vectors check decoding without a request): answers
    /// are decoded from the spec alone, never from the input.
    pub fn for_answer(spec: &'static EndpointSpec) -> Self {
        Self {
            spec,
            path: String::new(),
            input: Map::new(),
            _out: PhantomData,
        }
    }

    /// Checks `input` (wire JSON, `Null` for none) against the endpoint's input model and fills
    /// the path, credential placeholders from `auth`. Fails before any I/O.
    pub fn new(spec: &'static EndpointSpec, input: Value, auth: &dyn Authorizer) -> Result<Self> {
        let service = spec.service;
        let input = match spec.input.and_then(|name| service.model(name)) {
            Some(model) => validate(service, model, input),
            None if input.is_null() || input == Value::Object(Map::new()) => Ok(Value::Null),
            None => Err(Error::invalid_input(format!(
                "{} takes no input",
                spec.name
            ))),
        }
        .map_err(|e| e.with_service(service.name).not_sent())?;
        let mut input = match input {
            Value::Object(map) => map,
            _ => Map::new(),
        };
        let path = fill_path(spec, &mut input, auth)
            .map_err(|e| e.with_service(service.name).not_sent())?;
        Ok(Self {
            spec,
            path,
            input,
            _out: PhantomData,
        })
    }
}

fn fill_path(
    spec: &EndpointSpec,
    fields: &mut Map<String, Value>,
    auth: &dyn Authorizer,
) -> Result<String> {
    let mut path = String::with_capacity(spec.path.len() + 48);
    for (i, segment) in spec.path.split('/').enumerate() {
        if i > 0 {
            path.push('/');
        }
        match segment.strip_prefix('{').and_then(|s| s.strip_suffix('}')) {
            None => path.push_str(segment),
            Some(name) => {
                let value = if spec.service.credentials.contains(&name) {
                    auth.path_param(name).ok_or_else(|| {
                        Error::config(format!("{name}: the credentials must name it"))
                    })?
                } else {
                    fields.remove(name).map(|v| text(&v)).unwrap_or_default()
                };
                if value.is_empty() {
                    return Err(Error::invalid_input(format!("{name}: is required")));
                }
                path.extend(utf8_percent_encode(&value, SEGMENT));
            }
        }
    }
    Ok(path)
}

fn scalar(name: &str, v: &Value) -> Result<String> {
    if matches!(v, Value::Array(_) | Value::Object(_)) {
        return Err(Error::invalid_input(format!(
            "{name}: must be a single value here"
        )));
    }
    Ok(text(v))
}

impl<O> Call<O> {
    fn location(&self, wire: &str) -> Location {
        self.spec
            .input
            .and_then(|m| self.spec.service.model(m))
            .and_then(|m| m.field(wire))
            .map_or(Location::Auto, |f| f.location)
    }

    fn body(&self, fields: Map<String, Value>) -> Result<Option<(String, Vec<u8>)>> {
        let json = |v: &Value| {
            serde_json::to_vec(v).map_err(|e| Error::invalid_input(format!("input: {e}")))
        };
        Ok(match self.spec.body {
            Body::None => None,
            Body::Json => Some(("application/json".into(), json(&Value::Object(fields))?)),
            Body::Action(action) => {
                let body = serde_json::json!({ "action": action, "data": fields });
                Some(("application/json".into(), json(&body)?))
            }
            Body::Form => {
                let mut form = url::form_urlencoded::Serializer::new(String::new());
                for (k, v) in &fields {
                    form.append_pair(k, &scalar(k, v)?);
                }
                Some((
                    "application/x-www-form-urlencoded".into(),
                    form.finish().into_bytes(),
                ))
            }
            Body::Multipart => Some(super::multipart::encode(self.spec, &fields)?),
        })
    }
}

impl<O: DeserializeOwned> Endpoint for Call<O> {
    type Output = O;

    fn service(&self) -> &str {
        self.spec.service.name
    }

    fn idempotent(&self) -> bool {
        self.spec.idempotent
    }

    fn build(&self, base: &Url) -> Result<Request> {
        let mut url = join_url(base, &self.path)?;
        let method = Method::from_bytes(self.spec.method.as_bytes())
            .map_err(|_| Error::config(format!("bad method in {}", self.spec.name)))?;
        let mut builder = http::Request::builder().method(method);
        let mut body_fields = Map::new();
        {
            let mut query = url.query_pairs_mut();
            for (k, v) in &self.input {
                match (self.location(k), self.spec.body) {
                    (Location::Header, _) => {
                        builder = builder.header(k.as_str(), scalar(k, v)?);
                    }
                    (Location::Query, _) | (Location::Auto, Body::None) => {
                        query.append_pair(k, &scalar(k, v)?);
                    }
                    (Location::Auto, _) => {
                        body_fields.insert(k.clone(), v.clone());
                    }
                }
            }
        }
        if url.query() == Some("") {
            url.set_query(None);
        }
        let body = match self.body(body_fields)? {
            Some((content_type, bytes)) => {
                builder = builder.header(http::header::CONTENT_TYPE, content_type);
                bytes
            }
            None => Vec::new(),
        };
        builder
            .uri(url.as_str())
            .body(body)
            .map_err(|e| Error::invalid_input(format!("invalid request: {e}")))
    }

    fn parse(&self, response: Response, now: Duration) -> Result<O> {
        let service = self.spec.service;
        let status = response.status().as_u16();
        if status >= 400 {
            return Err(error_from_response(service.name, &response, now));
        }
        let decode = |what: String| {
            Error::decode(format!("{}: {what}", self.spec.name))
                .with_service(service.name)
                .with_status(status)
        };
        let value = match self.spec.output {
            Output::Download => download(&response),
            Output::Empty if response.body().iter().all(u8::is_ascii_whitespace) => Value::Null,
            output => {
                let body: Value = serde_json::from_slice(response.body())
                    .map_err(|e| decode(format!("the answer is not JSON: {e}")))?;
                service.envelope.check(service.name, status, &body)?;
                let payload = if self.spec.whole {
                    body
                } else {
                    service.envelope.payload(body)
                };
                match output {
                    Output::Model(name) => {
                        let model = service
                            .model(name)
                            .ok_or_else(|| Error::config(format!("no model {name}")))?;
                        normalize(service, model, payload)
                            .map_err(|e| decode(e.message().into()))?
                    }
                    _ => Value::Null,
                }
            }
        };
        O::deserialize(value).map_err(|e| decode(format!("unexpected answer: {e}")))
    }
}

/// A binary answer as wire JSON: `{"fileName"?, "contentType"?, "body": base64}`.
fn download(response: &Response) -> Value {
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let mut out = Map::new();
    if let Some(name) = header(http::header::CONTENT_DISPOSITION).and_then(|d| file_name(&d)) {
        out.insert("fileName".into(), Value::String(name));
    }
    if let Some(t) = header(http::header::CONTENT_TYPE) {
        out.insert("contentType".into(), Value::String(t));
    }
    let body = base64::engine::general_purpose::STANDARD.encode(response.body());
    out.insert("body".into(), Value::String(body));
    Value::Object(out)
}

/// The `filename` of a `Content-Disposition` value (`attachment; filename="a.zip"`).
fn file_name(disposition: &str) -> Option<String> {
    disposition.split(';').find_map(|part| {
        let (k, v) = part.split_once('=')?;
        (k.trim().eq_ignore_ascii_case("filename"))
            .then(|| v.trim().trim_matches('"').to_owned())
            .filter(|v| !v.is_empty())
    })
}
