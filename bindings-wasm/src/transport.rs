//! The browser/Node transport: `fetch` through gloo-net, and `setTimeout` for sleeping.
//!
//! Each request carries its own `AbortController`, aborted when the request's future is dropped:
//! core drops it on timeout and the client drops it on cancellation, and without the abort the
//! fetch would carry on downloading in the background (and keep Node running) until it ended.

use std::time::Duration;

use async_trait::async_trait;
use chainkit_core::http;
use chainkit_core::runtime::Sleep;
use chainkit_core::transport::MaxResponseBytes;
use chainkit_core::{Error, Request, Response, Result, Transport};
use gloo_net::http::RequestBuilder;
use web_sys::AbortController;

/// Aborts its fetch when dropped. After the body has been read, the abort does nothing.
struct AbortOnDrop(AbortController);

impl AbortOnDrop {
    fn new() -> Result<Self> {
        AbortController::new()
            .map(Self)
            .map_err(|_| Error::network("this JS runtime has no AbortController"))
    }
}

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

/// Sends requests with the global `fetch` (browsers, workers, Node ≥ 18).
pub struct FetchTransport;

#[async_trait(?Send)]
impl Transport for FetchTransport {
    async fn send(&self, request: Request) -> Result<Response> {
        let limit = MaxResponseBytes::of(&request);
        let (parts, body) = request.into_parts();
        let abort = AbortOnDrop::new()?;
        let mut builder = RequestBuilder::new(&parts.uri.to_string())
            .abort_signal(Some(&abort.0.signal()))
            .method(
                gloo_net::http::Method::from_bytes(parts.method.as_str().as_bytes()).map_err(
                    |_| Error::invalid_input(format!("unsupported method {}", parts.method)),
                )?,
            );
        // `append`, not gloo's `header` (which replaces): fetch then joins repeated names with
        // ", " on one line, the equivalent RFC 9110 §5.3 allows; fetch cannot send them apart.
        let headers = gloo_net::http::Headers::new();
        for (name, value) in &parts.headers {
            let value = value
                .to_str()
                .map_err(|_| Error::invalid_input(format!("header {name} is not text")))?;
            headers.append(name.as_str(), value);
        }
        builder = builder.headers(headers);
        let request = if body.is_empty() {
            builder.build()
        } else {
            builder.body(js_sys::Uint8Array::from(body.as_slice()))
        }
        // gloo's error text never includes header values, but may include the URL: redact it.
        .map_err(|e| Error::invalid_input(redact(&e.to_string())))?;
        let response = request
            .send()
            .await
            .map_err(|e| Error::network(redact(&e.to_string())))?;
        let mut out = http::Response::builder().status(response.status());
        for (name, value) in response.headers().entries() {
            out = out.header(name, value);
        }
        let raw: wasm_bindgen::JsValue = web_sys::Response::from(response).into();
        let bytes = read_body(&raw, limit, |what, e| {
            Error::network(redact(&format!("{what}: {}", js_message(&e))))
        })
        .await?;
        out.body(bytes)
            .map_err(|e| Error::decode(format!("invalid response: {e}")))
    }
}

/// A thrown JS value's message.
fn js_message(e: &wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_else(|| format!("{e:?}"))
}

/// The body of a fetch `Response` (or a fetch-compatible one), read chunk by chunk from its
/// stream and stopped, the stream cancelled, as soon as more than `limit` bytes have arrived
/// (issue 17: an endless answer took Node past 1 GB). A response without a stream (some custom
/// fetches) is read whole with `arrayBuffer()`, then measured.
async fn read_body(
    response: &wasm_bindgen::JsValue,
    limit: u64,
    fail: impl Fn(&str, wasm_bindgen::JsValue) -> Error,
) -> Result<Vec<u8>> {
    use js_sys::{Function, Promise, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    let get = |target: &JsValue, key: &str| Reflect::get(target, &key.into());
    let method = |target: &JsValue, key: &str| -> Option<Function> {
        get(target, key).ok()?.dyn_into::<Function>().ok()
    };
    // Calls method `key` of `target` and awaits the promise it returns.
    let call = |target: &JsValue, key: &str| -> Result<JsFuture> {
        let f = method(target, key).ok_or_else(|| fail(key, "not a function".into()))?;
        let promise = f.call0(target).map_err(|e| fail(key, e))?;
        Ok(JsFuture::from(Promise::resolve(&promise)))
    };
    let stream = get(response, "body").ok().filter(JsValue::is_object);
    let reader = stream.and_then(|s| method(&s, "getReader")?.call0(&s).ok());
    let Some(reader) = reader else {
        let buffer = call(response, "arrayBuffer")?.await;
        let bytes = Uint8Array::new(&buffer.map_err(|e| fail("arrayBuffer", e))?);
        if u64::from(bytes.length()) > limit {
            return Err(MaxResponseBytes::exceeded(limit));
        }
        return Ok(bytes.to_vec());
    };
    let mut out = Vec::new();
    loop {
        let chunk = call(&reader, "read")?.await.map_err(|e| fail("read", e))?;
        if get(&chunk, "done").ok().and_then(|d| d.as_bool()) == Some(true) {
            return Ok(out);
        }
        let value: Uint8Array = get(&chunk, "value")
            .ok()
            .and_then(|v| v.dyn_into().ok())
            .ok_or_else(|| Error::decode("a body chunk is not bytes"))?;
        let start = out.len();
        if (start as u64).saturating_add(u64::from(value.length())) > limit {
            if let Some(cancel) = method(&reader, "cancel") {
                let _ = cancel.call0(&reader);
            }
            return Err(MaxResponseBytes::exceeded(limit));
        }
        out.resize(start + value.length() as usize, 0);
        value.copy_to(&mut out[start..]);
    }
}

/// Replaces any URL in `text` by its redacted form (secret query values hidden).
fn redact(text: &str) -> String {
    text.split(' ')
        .map(|w| {
            if w.contains("://") {
                chainkit_core::redact::redact_url(w)
            } else {
                w.to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Sleeps with `setTimeout`.
pub struct TimerSleep;

/// The longest single `setTimeout`: it takes a signed 32-bit count of milliseconds and fires at
/// once (after about 1 ms) for anything larger.
const MAX_TIMER_MS: u128 = i32::MAX as u128;

#[async_trait(?Send)]
impl Sleep for TimerSleep {
    async fn sleep(&self, duration: Duration) {
        // In steps no longer than a timer can count.
        let mut left = duration.as_millis();
        loop {
            let step = left.min(MAX_TIMER_MS);
            // Fits: `step` is at most i32::MAX.
            gloo_timers::future::TimeoutFuture::new(step as u32).await;
            left -= step;
            if left == 0 {
                break;
            }
        }
    }
}

/// Sends requests with a caller-supplied `fetch`-compatible function (a proxying fetch, undici,
/// a test double). Only the standard surface is used: `fetch(url, {method, headers, body, signal})`
/// resolving to an object with `status`, `headers.entries()` and `arrayBuffer()`. `signal` aborts
/// when chainkit gives up on the request (timeout, cancellation); honouring it is up to the function.
pub struct CustomFetch(pub js_sys::Function);

#[async_trait(?Send)]
impl Transport for CustomFetch {
    async fn send(&self, request: Request) -> Result<Response> {
        use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
        use wasm_bindgen::{JsCast, JsValue};
        use wasm_bindgen_futures::JsFuture;

        let fail = |what: &str, e: JsValue| {
            Error::network(redact(&format!("custom fetch: {what}: {}", js_message(&e))))
        };
        let limit = MaxResponseBytes::of(&request);
        let (parts, body) = request.into_parts();
        let abort = AbortOnDrop::new()?;
        let init = Object::new();
        let headers = Array::new();
        for (name, value) in &parts.headers {
            let value = value
                .to_str()
                .map_err(|_| Error::invalid_input(format!("header {name} is not text")))?;
            headers.push(&Array::of2(&name.as_str().into(), &value.into()));
        }
        // Setting properties of a fresh plain object cannot fail.
        let _ = Reflect::set(&init, &"method".into(), &parts.method.as_str().into());
        let _ = Reflect::set(&init, &"headers".into(), &headers);
        let _ = Reflect::set(&init, &"signal".into(), &abort.0.signal());
        if !body.is_empty() {
            let _ = Reflect::set(&init, &"body".into(), &Uint8Array::from(body.as_slice()));
        }
        let url = JsValue::from_str(&parts.uri.to_string());
        let promise = self
            .0
            .call2(&JsValue::UNDEFINED, &url, &init)
            .map_err(|e| fail("call failed", e))?;
        let response = JsFuture::from(Promise::resolve(&promise))
            .await
            .map_err(|e| fail("request failed", e))?;
        let get = |target: &JsValue, key: &str| Reflect::get(target, &key.into());
        let status = get(&response, "status")
            .ok()
            .and_then(|s| s.as_f64())
            .ok_or_else(|| Error::decode("custom fetch: the response has no numeric status"))?;
        let mut out = http::Response::builder().status(status as u16);
        let entries = get(&response, "headers")
            .and_then(|h| {
                let f: js_sys::Function = get(&h, "entries")?.dyn_into()?;
                f.call0(&h)
            })
            .map_err(|e| fail("reading headers", e))?;
        let iter = js_sys::try_iter(&entries)
            .map_err(|e| fail("reading headers", e))?
            .ok_or_else(|| Error::decode("custom fetch: headers.entries() is not iterable"))?;
        for pair in iter {
            let pair: Array = pair
                .map_err(|e| fail("reading headers", e))?
                .unchecked_into();
            if let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) {
                out = out.header(k, v);
            }
        }
        let bytes = read_body(&response, limit, fail).await?;
        out.body(bytes)
            .map_err(|e| Error::decode(format!("invalid response: {e}")))
    }
}
