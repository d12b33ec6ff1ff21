//! The transport an app may implement in Kotlin (OkHttp, …) or Swift (URLSession), and its
//! adapter to core's `Transport`.

use std::sync::Arc;

use async_trait::async_trait;
use chainkit_core::http;
use chainkit_core::redact::{is_sensitive, RedactedRequest};
use chainkit_core::secret::REDACTED;
use chainkit_core::{Error, Request, Response, Result, Transport};

use crate::error::ChainkitError;

/// One header line. Printing it (`toString()`, `description`) shows `***` for the value of a
/// secret-looking name (`Authorization`, `accessToken`, …), never the value itself.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct HttpHeader {
    /// Header name.
    pub name: String,
    /// Header value.
    pub value: String,
}

impl std::fmt::Display for HttpHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let value = if is_sensitive(&self.name) {
            REDACTED
        } else {
            &self.value
        };
        write!(f, "{}: {value}", self.name)
    }
}

impl std::fmt::Debug for HttpHeader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HttpHeader({self})")
    }
}

/// `[a: 1, authorization: ***]`, for printing requests and responses.
fn headers_shown(headers: &[HttpHeader]) -> String {
    let shown: Vec<String> = headers.iter().map(ToString::to_string).collect();
    format!("[{}]", shown.join(", "))
}

/// A request to send. An object rather than a record so that printing it (`toString()`,
/// `description`) redacts credentials instead of listing every header.
#[derive(uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct HttpRequest(Request);

#[uniffi::export]
impl HttpRequest {
    /// HTTP method.
    pub fn method(&self) -> String {
        self.0.method().to_string()
    }
    /// Absolute URL, secrets included: log the request object, not this.
    pub fn url(&self) -> String {
        self.0.uri().to_string()
    }
    /// Headers in order, secrets included: log the request object, not these.
    pub fn headers(&self) -> Vec<HttpHeader> {
        self.0
            .headers()
            .iter()
            .map(|(k, v)| HttpHeader {
                name: k.as_str().to_owned(),
                value: String::from_utf8_lossy(v.as_bytes()).into_owned(),
            })
            .collect()
    }
    /// Body bytes.
    pub fn body(&self) -> Vec<u8> {
        self.0.body().clone()
    }
}

impl HttpRequest {
    /// Wraps a request built by core, for the app's transport.
    pub(crate) fn from_core(request: Request) -> Self {
        Self(request)
    }
}

impl std::fmt::Display for HttpRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        RedactedRequest(&self.0).fmt(f)
    }
}

impl std::fmt::Debug for HttpRequest {
    /// Redacted too: `http::Request`'s own Debug would list the Authorization header.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "HttpRequest({self})")
    }
}

/// A whole response, whatever its status. Printing it shows the status, the headers with
/// secret-looking values as `***` (`set-cookie`, tokens), and the body's length only.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct HttpResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers in order.
    pub headers: Vec<HttpHeader>,
    /// Body bytes.
    pub body: Vec<u8>,
}

/// `Name(status=…, headers=[…redacted…], body=<n bytes>)`, shared by the response records.
pub(crate) fn write_response(
    f: &mut std::fmt::Formatter<'_>,
    name: &str,
    status: u16,
    headers: &[HttpHeader],
    body: &[u8],
) -> std::fmt::Result {
    write!(
        f,
        "{name}(status={status}, headers={}, body=<{} bytes>)",
        headers_shown(headers),
        body.len()
    )
}

impl std::fmt::Display for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_response(f, "HttpResponse", self.status, &self.headers, &self.body)
    }
}

impl std::fmt::Debug for HttpResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// Sends one request with the app's own HTTP stack. Return every response, whatever its status;
/// throw `ChainkitException.Network` (Kotlin) / `ChainkitError.Network` (Swift) only when no
/// response arrived. Timeouts and retries are chainkit's job.
#[uniffi::export(with_foreign)]
#[async_trait]
pub trait HttpTransport: Send + Sync {
    /// Sends `request`.
    async fn send(
        &self,
        request: Arc<HttpRequest>,
    ) -> std::result::Result<HttpResponse, ChainkitError>;
}

/// Core's view of a foreign transport.
pub struct Foreign(pub Arc<dyn HttpTransport>);

#[async_trait]
impl Transport for Foreign {
    async fn send(&self, request: Request) -> Result<Response> {
        let limit = chainkit_core::transport::MaxResponseBytes::of(&request);
        let response = self
            .0
            .send(Arc::new(HttpRequest::from_core(request)))
            .await?;
        // The app's transport hands over a whole body: measured here, so the limit still holds.
        if response.body.len() as u64 > limit {
            return Err(chainkit_core::transport::MaxResponseBytes::exceeded(limit));
        }
        let mut builder = http::Response::builder().status(response.status);
        for h in response.headers {
            builder = builder.header(h.name, h.value);
        }
        builder.body(response.body).map_err(|e| {
            Error::decode(format!(
                "the app's transport returned an invalid response: {e}"
            ))
        })
    }
}
