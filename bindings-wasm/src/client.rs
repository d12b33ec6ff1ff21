//! `Client`: the core executor with the fetch transport, exposed as Promise-returning methods.

use std::sync::Arc;
use std::time::Duration;

use chainkit_core::redact::{redact_headers, redact_url};
use chainkit_core::runtime::{OsRandom, SystemClock};
use chainkit_core::{
    Authorizer, ClientConfig, Error, ErrorKind, Executor, NoAuth, RawRequest, Runtime,
};
use js_sys::{Array, Uint8Array};
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::AbortSignal;

use crate::auth::credentials_from_js;
use crate::error::to_js;
use crate::guard;
use crate::input::{from_js, text};
use crate::transport::{CustomFetch, FetchTransport, TimerSleep};
use crate::types::{JsClientOptions, JsRawRequest};

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Options {
    timeout_ms: Option<f64>,
    max_attempts: Option<u32>,
    max_response_bytes: Option<f64>,
}

/// The longest `timeoutMs`: `setTimeout` takes a signed 32-bit count of milliseconds and fires at
/// once for anything larger.
const MAX_TIMEOUT_MS: f64 = 2_147_483_647.0;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct RequestInit {
    method: String,
    path: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    idempotent: Option<bool>,
}

/// Property `key` of a JS object (undefined when absent or not an object).
fn property(object: &JsValue, key: &str) -> JsValue {
    if object.is_object() {
        js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    } else {
        JsValue::UNDEFINED
    }
}

/// An optional `AbortSignal` property.
fn signal(object: &JsValue, what: &str) -> Result<Option<AbortSignal>, JsValue> {
    let value = property(object, "signal");
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into::<AbortSignal>().map(Some).map_err(|_| {
        to_js(&Error::invalid_input(format!(
            "{what}.signal must be an AbortSignal"
        )))
    })
}

/// The request and its own `signal`, if any.
fn raw_request(init: JsRawRequest) -> Result<(RawRequest, Option<AbortSignal>), JsValue> {
    let init: JsValue = init.into();
    let fields: RequestInit = from_js(&init, "request", &["body", "signal"])?;
    let body = property(&init, "body");
    let body = if body.is_undefined() || body.is_null() {
        Vec::new()
    } else if body.is_string() {
        text(&body, "request.body")
            .map_err(|e| to_js(&e))?
            .into_bytes()
    } else if let Some(bytes) = body.dyn_ref::<Uint8Array>() {
        bytes.to_vec()
    } else {
        return Err(to_js(&Error::invalid_input(
            "request.body must be a string or a Uint8Array",
        )));
    };
    let request = RawRequest {
        method: fields.method,
        path: fields.path,
        headers: fields.headers,
        body,
        idempotent: fields.idempotent,
    };
    Ok((request, signal(&init, "request")?))
}

fn pairs(headers: &[(String, String)]) -> Array {
    headers
        .iter()
        .map(|(k, v)| Array::of2(&JsValue::from_str(k), &JsValue::from_str(v)))
        .collect()
}

/// A chainkit client bound to one base URL.
///
/// It lives in WebAssembly memory, which JS's garbage collector does not see: make one per
/// application, and `free()` it (or declare it with `using`) when done; see the README.
#[wasm_bindgen]
#[derive(Clone)]
pub struct Client {
    executor: Executor,
    auth: Arc<dyn Authorizer>,
    /// Cancels every call of this client when aborted (see `withSignal`).
    signal: Option<AbortSignal>,
}

#[wasm_bindgen]
impl Client {
    /// A client for `baseUrl` (http or https). Throws `ChainkitError` (kind `config`) for a bad URL.
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(js_name = baseUrl)] base_url: &str,
        options: Option<JsClientOptions>,
    ) -> Result<Client, JsValue> {
        guard::sync(|| Self::build(base_url, options.map(Into::into)))
    }

    fn build(base_url: &str, options: Option<JsValue>) -> Result<Client, JsValue> {
        let options = options.unwrap_or(JsValue::UNDEFINED);
        let settings: Options = if options.is_undefined() || options.is_null() {
            Options::default()
        } else {
            from_js(&options, "options", &["fetch", "credentials"])?
        };
        let mut config = ClientConfig::new(base_url).map_err(|e| to_js(&e))?;
        if let Some(ms) = settings.timeout_ms {
            if !(ms > 0.0 && ms <= MAX_TIMEOUT_MS) {
                return Err(to_js(&Error::invalid_input(format!(
                    "timeoutMs must be a number of milliseconds above 0 and at most {MAX_TIMEOUT_MS} (about 24.8 days)"
                ))));
            }
            config.timeout = Duration::from_secs_f64(ms / 1000.0);
        }
        if let Some(n) = settings.max_attempts {
            if n == 0 {
                return Err(to_js(&Error::invalid_input(
                    "maxAttempts must be at least 1",
                )));
            }
            config.retry.max_attempts = n;
        }
        if let Some(n) = settings.max_response_bytes {
            // A whole number a JS number holds exactly.
            if !((1.0..=9_007_199_254_740_991.0).contains(&n) && n.fract() == 0.0) {
                return Err(to_js(&Error::invalid_input(
                    "maxResponseBytes must be a whole number of bytes, at least 1",
                )));
            }
            config.max_response_bytes = n as u64;
        }
        let fetch = property(&options, "fetch");
        let transport: Arc<dyn chainkit_core::Transport> =
            if fetch.is_undefined() || fetch.is_null() {
                Arc::new(FetchTransport)
            } else {
                let f = fetch.dyn_into::<js_sys::Function>().map_err(|_| {
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
        let credentials = property(&options, "credentials");
        let auth = if credentials.is_undefined() || credentials.is_null() {
            Arc::new(NoAuth)
        } else {
            credentials_from_js(&credentials)?
                .authorizer(&config.base_url, runtime.transport.clone())
                .map_err(|e| to_js(&e))?
        };
        Ok(Client {
            executor: Executor::new(config, runtime),
            auth,
            signal: None,
        })
    }

    /// This client, sharing its settings, credentials and token cache, with every call
    /// cancelled when `signal` aborts: an aborted call rejects with `ChainkitError` (kind
    /// `cancelled`) and its request is aborted. For one call:
    /// `await client.withSignal(AbortSignal.timeout(5000)).dna.seriesList(…)`.
    #[wasm_bindgen(js_name = withSignal)]
    pub fn with_signal(
        &self,
        #[wasm_bindgen(unchecked_param_type = "AbortSignal")] signal: JsValue,
    ) -> Result<Client, JsValue> {
        let signal = signal.dyn_into::<AbortSignal>().map_err(|_| {
            to_js(&Error::invalid_input(
                "withSignal takes an AbortSignal (e.g. new AbortController().signal)",
            ))
        })?;
        Ok(Client {
            executor: self.executor.clone(),
            auth: self.auth.clone(),
            signal: Some(signal),
        })
    }

    /// Sends `init`; resolves with the response, rejects with `ChainkitError` (status ≥ 400 included).
    pub async fn request(&self, init: JsRawRequest) -> Result<RawResponse, JsValue> {
        let (executor, auth) = self.parts();
        let signals = self.signal.clone();
        guard::run(async move {
            let (request, own) = raw_request(init)?;
            cancellable([signals, own], async move {
                executor
                    .execute(&request, &*auth)
                    .await
                    .map(RawResponse::from_core)
                    .map_err(|e| to_js(&e))
            })
            .await
        })
        .await
    }

    /// The executor and authorizer, for the service flows.
    pub(crate) fn parts(&self) -> (Executor, Arc<dyn Authorizer>) {
        (self.executor.clone(), self.auth.clone())
    }

    /// Runs `call` through the panic guard, cancelled by this client's signal.
    pub(crate) async fn run<T>(
        &self,
        call: impl std::future::Future<Output = Result<T, JsValue>>,
    ) -> Result<T, JsValue> {
        guard::run(cancellable([self.signal.clone(), None], call)).await
    }

    /// Builds and authorizes `init` without sending it, for callers with their own HTTP stack.
    pub async fn prepare(&self, init: JsRawRequest) -> Result<PreparedRequest, JsValue> {
        let (executor, auth) = self.parts();
        let signals = self.signal.clone();
        guard::run(async move {
            let (request, own) = raw_request(init)?;
            cancellable([signals, own], async move {
                let prepared = executor
                    .prepare(&request, &*auth)
                    .await
                    .map_err(|e| to_js(&e))?;
                Ok(PreparedRequest(prepared))
            })
            .await
        })
        .await
    }
}

/// Runs `call` unless or until one of `signals` aborts: then it is dropped (which aborts its
/// fetch, see `transport.rs`) and the call rejects with kind `cancelled`.
async fn cancellable<T>(
    signals: [Option<AbortSignal>; 2],
    call: impl std::future::Future<Output = Result<T, JsValue>>,
) -> Result<T, JsValue> {
    let signals: Vec<AbortSignal> = signals.into_iter().flatten().collect();
    let cancelled = || {
        to_js(&Error::new(
            ErrorKind::Cancelled,
            "cancelled by the caller's AbortSignal",
        ))
    };
    if signals.is_empty() {
        return call.await;
    }
    if signals.iter().any(AbortSignal::aborted) {
        return Err(cancelled());
    }
    // A promise that the first "abort" event resolves; its listeners are removed afterwards,
    // so a long-lived signal does not collect one per call.
    let mut resolve = None;
    let aborted = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
    let Some(resolve) = resolve else {
        return call.await;
    };
    for s in &signals {
        let _ = s.add_event_listener_with_callback("abort", &resolve);
    }
    let outcome = {
        let call = std::pin::pin!(call);
        let aborted = wasm_bindgen_futures::JsFuture::from(aborted);
        match futures::future::select(call, aborted).await {
            futures::future::Either::Left((out, _)) => out,
            futures::future::Either::Right(_) => Err(cancelled()),
        }
    };
    for s in &signals {
        let _ = s.remove_event_listener_with_callback("abort", &resolve);
    }
    outcome
}

#[wasm_bindgen(module = "/js/response.js")]
extern "C" {
    /// A response with status below 400: a plain JS object (`js/response.js`), so its body is not
    /// held in WebAssembly memory.
    #[wasm_bindgen(typescript_type = "RawResponse")]
    pub type RawResponse;
    #[wasm_bindgen(constructor)]
    fn new(status: u16, headers: Array, body: Uint8Array) -> RawResponse;
    /// HTTP status.
    #[wasm_bindgen(method, getter)]
    pub fn status(this: &RawResponse) -> u16;
    /// Body decoded as UTF-8 (invalid sequences replaced).
    #[wasm_bindgen(method)]
    pub fn text(this: &RawResponse) -> String;
}

impl RawResponse {
    fn from_core(response: chainkit_core::RawResponse) -> Self {
        Self::new(
            response.status,
            pairs(&response.headers),
            Uint8Array::from(response.body.as_slice()),
        )
    }
}

/// A built, authorized request. Its getters give everything needed to send it; `toString()` and
/// `toJSON()` redact secret headers and query values, so logging it is safe.
///
/// Lives in WebAssembly memory: `free()` it (or declare it with `using`) when done; see the README.
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
