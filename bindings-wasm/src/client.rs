//! `Client`: the core executor with the fetch transport, exposed as Promise-returning methods.

use std::sync::Arc;
use std::time::Duration;

use chainkit_core::redact::{redact_headers, redact_url};
use chainkit_core::runtime::{OsRandom, SystemClock};
use chainkit_core::{Authorizer, ClientConfig, Error, Executor, NoAuth, RawRequest, Runtime};
use js_sys::{Array, Uint8Array};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::auth::credentials_from_js;
use crate::error::to_js;
use crate::transport::{CustomFetch, FetchTransport, TimerSleep};
use crate::types::{JsClientOptions, JsRawRequest};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    timeout_ms: Option<f64>,
    max_attempts: Option<u32>,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    fetch: JsValue,
    #[serde(default, with = "serde_wasm_bindgen::preserve")]
    credentials: JsValue,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequestInit {
    method: String,
    path: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    body: Option<Body>,
    idempotent: Option<bool>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Body {
    Text(String),
    Bytes(#[serde(with = "serde_bytes")] Vec<u8>),
}

fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsValue> {
    serde_wasm_bindgen::from_value(value)
        .map_err(|e| to_js(&Error::invalid_input(format!("invalid {what}: {e}"))))
}

fn raw_request(init: JsRawRequest) -> Result<RawRequest, JsValue> {
    let init: RequestInit = from_js(init.into(), "request")?;
    Ok(RawRequest {
        method: init.method,
        path: init.path,
        headers: init.headers,
        body: match init.body {
            None => Vec::new(),
            Some(Body::Text(t)) => t.into_bytes(),
            Some(Body::Bytes(b)) => b,
        },
        idempotent: init.idempotent,
    })
}

fn pairs(headers: &[(String, String)]) -> Array {
    headers
        .iter()
        .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
        .collect()
}

/// A chainkit client bound to one base URL.
#[wasm_bindgen]
pub struct Client {
    executor: Executor,
    auth: Arc<dyn Authorizer>,
}

#[wasm_bindgen]
impl Client {
    /// A client for `baseUrl` (http or https). Throws `ChainkitError` (kind `config`) for a bad URL.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = baseUrl)] base_url: &str,
        options: Option<JsClientOptions>,
    ) -> Result<Client, JsValue> {
        let options: Options = match options {
            Some(o) => from_js(o.into(), "options")?,
            None => Options::default(),
        };
        let mut config = ClientConfig::new(base_url).map_err(|e| to_js(&e))?;
        if let Some(ms) = options.timeout_ms {
            if !(ms.is_finite() && ms > 0.0) {
                return Err(to_js(&Error::invalid_input(
                    "timeoutMs must be a positive number",
                )));
            }
            config.timeout = Duration::from_secs_f64(ms / 1000.0);
        }
        if let Some(n) = options.max_attempts {
            if n == 0 {
                return Err(to_js(&Error::invalid_input(
                    "maxAttempts must be at least 1",
                )));
            }
            config.retry.max_attempts = n;
        }
        let transport: Arc<dyn chainkit_core::Transport> =
            if options.fetch.is_undefined() || options.fetch.is_null() {
                Arc::new(FetchTransport)
            } else {
                let f = options.fetch.dyn_into::<js_sys::Function>().map_err(|_| {
                    to_js(&Error::invalid_input("options.fetch must be a function"))
                })?;
                Arc::new(CustomFetch(f))
            };
        let runtime = Runtime {
            transport,
            clock: Arc::new(SystemClock),
            sleep: Arc::new(TimerSleep),
            random: Arc::new(OsRandom),
        };
        let auth = if options.credentials.is_undefined() || options.credentials.is_null() {
            Arc::new(NoAuth)
        } else {
            credentials_from_js(&options.credentials)?
                .authorizer(&config.base_url, runtime.transport.clone())
                .map_err(|e| to_js(&e))?
        };
        Ok(Client {
            executor: Executor::new(config, runtime),
            auth,
        })
    }

    /// Sends `init`; resolves with the response, rejects with `ChainkitError` (status ≥ 400 included).
    pub async fn request(&self, init: JsRawRequest) -> Result<RawResponse, JsValue> {
        let request = raw_request(init)?;
        let (executor, auth) = (self.executor.clone(), self.auth.clone());
        executor
            .execute(&request, &*auth)
            .await
            .map(RawResponse)
            .map_err(|e| to_js(&e))
    }

    /// The executor and authorizer, for the service flows.
    pub(crate) fn parts(&self) -> (Executor, Arc<dyn Authorizer>) {
        (self.executor.clone(), self.auth.clone())
    }

    /// Calls endpoint `name` of `service` with `input` in wire names; the typed methods
    /// (`client.dna.seriesAdd(…)`, generated from core's definitions) call this.
    #[wasm_bindgen(js_name = callEndpoint)]
    pub async fn call_endpoint(
        &self,
        service: String,
        name: String,
        input: JsValue,
    ) -> Result<JsValue, JsValue> {
        let input: serde_json::Value = from_js(input, "input")?;
        let (executor, auth) = (self.executor.clone(), self.auth.clone());
        let output = chainkit_core::dispatch::call_json(&service, &name, executor, auth, &input)
            .await
            .map_err(|e| to_js(&e))?;
        output
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| {
                to_js(&Error::decode(format!(
                    "answer not representable in JS: {e}"
                )))
            })
    }

    /// Builds and authorizes `init` without sending it, for callers with their own HTTP stack.
    pub async fn prepare(&self, init: JsRawRequest) -> Result<PreparedRequest, JsValue> {
        let request = raw_request(init)?;
        let (executor, auth) = (self.executor.clone(), self.auth.clone());
        let prepared = executor
            .prepare(&request, &*auth)
            .await
            .map_err(|e| to_js(&e))?;
        Ok(PreparedRequest(prepared))
    }
}

/// A response with status below 400.
#[wasm_bindgen]
pub struct RawResponse(chainkit_core::RawResponse);

#[wasm_bindgen]
impl RawResponse {
    /// HTTP status.
    #[wasm_bindgen(getter)]
    pub fn status(&self) -> u16 {
        self.0.status
    }
    /// Headers as `[name, value]` pairs, names lowercase.
    #[wasm_bindgen(getter, unchecked_return_type = "[string, string][]")]
    pub fn headers(&self) -> Array {
        pairs(&self.0.headers)
    }
    /// Body bytes.
    #[wasm_bindgen(getter)]
    pub fn body(&self) -> Uint8Array {
        Uint8Array::from(self.0.body.as_slice())
    }
    /// Body decoded as UTF-8 (invalid sequences replaced).
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.body).into_owned()
    }
    /// Body parsed as JSON. Throws `ChainkitError` (kind `decode`) when it is not JSON.
    pub fn json(&self) -> Result<JsValue, JsValue> {
        js_sys::JSON::parse(&self.text())
            .map_err(|_| to_js(&Error::decode("response body is not valid JSON")))
    }
}

/// A built, authorized request. Its getters give everything needed to send it; `toString()` and
/// `toJSON()` redact secret headers and query values, so logging it is safe.
#[wasm_bindgen]
pub struct PreparedRequest(chainkit_core::Request);

#[wasm_bindgen]
impl PreparedRequest {
    /// HTTP method.
    #[wasm_bindgen(getter)]
    pub fn method(&self) -> String {
        self.0.method().to_string()
    }
    /// Absolute URL, secrets included: do not log it; log the object instead.
    #[wasm_bindgen(getter)]
    pub fn url(&self) -> String {
        self.0.uri().to_string()
    }
    /// Headers, secrets included: do not log them; log the object instead.
    #[wasm_bindgen(getter, unchecked_return_type = "[string, string][]")]
    pub fn headers(&self) -> Array {
        self.0
            .headers()
            .iter()
            .map(|(k, v)| {
                Array::of2(
                    &JsValue::from_str(k.as_str()),
                    &JsValue::from_str(&String::from_utf8_lossy(v.as_bytes())),
                )
            })
            .collect()
    }
    /// Body bytes.
    #[wasm_bindgen(getter)]
    pub fn body(&self) -> Uint8Array {
        Uint8Array::from(self.0.body().as_slice())
    }
    /// A redacted one-line description.
    #[wasm_bindgen(js_name = toString)]
    #[allow(clippy::inherent_to_string)]
    pub fn to_string(&self) -> String {
        chainkit_core::redact::RedactedRequest(&self.0).to_string()
    }
    /// A redacted plain object, for `JSON.stringify`.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> JsValue {
        let o = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&o, &"method".into(), &self.method().into());
        let _ = js_sys::Reflect::set(&o, &"url".into(), &redact_url(&self.url()).into());
        let _ = js_sys::Reflect::set(
            &o,
            &"headers".into(),
            &pairs(&redact_headers(self.0.headers())),
        );
        o.into()
    }
}
