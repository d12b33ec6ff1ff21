//! HTTP message types and the transport trait each binding implements.

use async_trait::async_trait;

use crate::error::Result;

/// An outgoing request: the `http` crate's type with a fully buffered body.
pub type Request = http::Request<Vec<u8>>;
/// A received response, fully buffered.
pub type Response = http::Response<Vec<u8>>;

/// The largest answer a transport accepts for one request, in bytes: put on a request's
/// extensions. The executor sets the client's limit ([`crate::ClientConfig::max_response_bytes`])
/// unless the endpoint's `build` set its own (a download may allow more). A transport stops
/// reading, with [`crate::ErrorKind::Decode`], as soon as more arrives: while streaming, not
/// after buffering it all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MaxResponseBytes(pub u64);

/// The default limit: 16 MiB. The largest answers the five services document are list pages
/// and transaction records (kilobytes); BCS certificate and archive downloads, the only big
/// ones, set their own limit. 16 MiB leaves three orders of magnitude of headroom while a
/// hostile or broken server can cost at most that much memory per call (issue 17: a 500 MB body
/// took a client past 1 GB).
pub const DEFAULT_MAX_RESPONSE_BYTES: u64 = 16 << 20;

impl MaxResponseBytes {
    /// The limit on `request`, or the default.
    pub fn of(request: &Request) -> u64 {
        request
            .extensions()
            .get::<Self>()
            .map_or(DEFAULT_MAX_RESPONSE_BYTES, |m| m.0)
    }

    /// The error for an answer over `limit` bytes.
    pub fn exceeded(limit: u64) -> crate::Error {
        crate::Error::decode(format!(
            "the answer is larger than the limit of {limit} bytes (max_response_bytes)"
        ))
    }
}

/// `Send + Sync` on native targets, nothing on wasm32 where JS values are single-threaded.
#[cfg(not(target_arch = "wasm32"))]
pub trait MaybeSend: Send + Sync {}
#[cfg(not(target_arch = "wasm32"))]
impl<T: Send + Sync + ?Sized> MaybeSend for T {}
/// `Send + Sync` on native targets, nothing on wasm32 where JS values are single-threaded.
#[cfg(target_arch = "wasm32")]
pub trait MaybeSend {}
#[cfg(target_arch = "wasm32")]
impl<T: ?Sized> MaybeSend for T {}

/// A boxed future that is `Send` except on wasm32.
#[cfg(not(target_arch = "wasm32"))]
pub type MaybeBoxFuture<'a, T> = futures::future::BoxFuture<'a, T>;
/// A boxed future that is `Send` except on wasm32.
#[cfg(target_arch = "wasm32")]
pub type MaybeBoxFuture<'a, T> = futures::future::LocalBoxFuture<'a, T>;

/// Sends one HTTP request and returns the whole response, whatever its status.
///
/// Errors are for requests that got no response: [`crate::ErrorKind::Network`] (mark it
/// [`crate::Error::not_sent`] when the request provably never left, e.g. a refused connection),
/// or [`crate::ErrorKind::Timeout`]. Timeouts and retries are the executor's job, not the transport's.
#[cfg_attr(not(target_arch = "wasm32"), async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait(?Send))]
pub trait Transport: MaybeSend {
    /// Sends `request`.
    async fn send(&self, request: Request) -> Result<Response>;
}
