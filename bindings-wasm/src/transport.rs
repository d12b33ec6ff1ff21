//! The browser/Node transport: `fetch` through gloo-net, and `setTimeout` for sleeping.

use std::time::Duration;

use async_trait::async_trait;
use chainkit_core::http;
use chainkit_core::runtime::Sleep;
use chainkit_core::{Error, Request, Response, Result, Transport};
use gloo_net::http::RequestBuilder;

/// Sends requests with the global `fetch` (browsers, workers, Node ≥ 18).
pub struct FetchTransport;

#[async_trait(?Send)]
impl Transport for FetchTransport {
    async fn send(&self, request: Request) -> Result<Response> {
        let (parts, body) = request.into_parts();
        let mut builder = RequestBuilder::new(&parts.uri.to_string()).method(
            gloo_net::http::Method::from_bytes(parts.method.as_str().as_bytes()).map_err(|_| {
                Error::invalid_input(format!("unsupported method {}", parts.method))
            })?,
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
        let bytes = response
            .binary()
            .await
            .map_err(|e| Error::network(redact(&e.to_string())))?;
        out.body(bytes)
            .map_err(|e| Error::decode(format!("invalid response: {e}")))
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

#[async_trait(?Send)]
impl Sleep for TimerSleep {
    async fn sleep(&self, duration: Duration) {
        let ms = u32::try_from(duration.as_millis()).unwrap_or(u32::MAX);
        gloo_timers::future::TimeoutFuture::new(ms).await;
    }
}
