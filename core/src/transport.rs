//! HTTP message types and the transport trait each binding implements.

use async_trait::async_trait;

use crate::error::Result;

/// An outgoing request: the `http` crate's type with a fully buffered body.
pub type Request = http::Request<Vec<u8>>;
/// A received response, fully buffered.
pub type Response = http::Response<Vec<u8>>;

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
