//! The native default transport: reqwest on rustls (no OpenSSL), and a runtime built from it.

use std::sync::Arc;

use async_trait::async_trait;

use crate::error::{Error, ErrorKind, Result};
use crate::executor::Runtime;
use crate::runtime::{OsRandom, SystemClock, TokioSleep};
use crate::transport::{Request, Response, Transport};

/// Sends requests with a shared `reqwest::Client` (connection pooling, rustls with webpki roots).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with default settings. Timeouts are left to the executor.
    pub fn new() -> Result<Self> {
        let client = reqwest::Client::builder()
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Self { client })
    }
}

#[async_trait]
impl Transport for ReqwestTransport {
    async fn send(&self, request: Request) -> Result<Response> {
        let request = reqwest::Request::try_from(request).map_err(|e| {
            Error::invalid_input(format!("unsendable request: {}", without_url(&e)))
        })?;
        let response = self
            .client
            .execute(request)
            .await
            .map_err(transport_error)?;
        let mut builder = http::Response::builder()
            .status(response.status())
            .version(response.version());
        if let Some(headers) = builder.headers_mut() {
            *headers = response.headers().clone();
        }
        let body = response.bytes().await.map_err(transport_error)?;
        builder
            .body(body.to_vec())
            .map_err(|e| Error::decode(format!("invalid response: {e}")))
    }
}

/// reqwest errors print the URL, which may carry a secret (DNA's apiSecret travels in the query).
fn without_url(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        text = text.replace(url.as_str(), &crate::redact::redact_url(url.as_str()));
    }
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn transport_error(e: reqwest::Error) -> Error {
    let message = without_url(&e);
    if e.is_timeout() {
        Error::new(ErrorKind::Timeout, message)
    } else if e.is_connect() {
        // The connection was never established, so the request cannot have been received.
        Error::network(message).not_sent()
    } else {
        Error::network(message)
    }
}

impl Runtime {
    /// The native default: reqwest, the system clock, the OS RNG and tokio's timer.
    /// Must be used inside a tokio runtime.
    pub fn native() -> Result<Self> {
        Ok(Self {
            transport: Arc::new(ReqwestTransport::new()?),
            clock: Arc::new(SystemClock),
            sleep: Arc::new(TokioSleep),
            random: Arc::new(OsRandom),
        })
    }
}
