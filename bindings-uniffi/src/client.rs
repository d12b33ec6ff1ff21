//! `Client` for Kotlin/Swift: the core executor behind `suspend`/`async` methods.

use std::sync::Arc;
use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::runtime::{OsRandom, SystemClock, TokioSleep};
use chainkit_core::{Authorizer, ClientConfig, Error, Executor, Runtime};

use crate::auth::Credentials;
use crate::error::ChainkitError;
use crate::transport::{write_response, Foreign, HttpHeader, HttpTransport};

/// Client-wide settings.
#[derive(Debug, Clone, uniffi::Record)]
pub struct ClientOptions {
    /// Limit for one attempt, in milliseconds.
    #[uniffi(default = 30000)]
    pub timeout_ms: u64,
    /// Attempts in total, the first included (1 disables retries).
    #[uniffi(default = 3)]
    pub max_attempts: u32,
    /// The largest answer accepted, in bytes (default 16 MiB): a longer one fails with
    /// `Decode` while it streams in, before it is all in memory.
    #[uniffi(default = 16777216)]
    pub max_response_bytes: u64,
}

/// A request chainkit has no typed method for, still sent with timeout, retry and typed errors.
/// Printing it redacts secret-looking header and query values.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct RawRequest(chainkit_core::RawRequest);

#[uniffi::export]
impl RawRequest {
    /// A request for `method` and `path` (resolved against the client's base URL).
    /// `idempotent` overrides the method's default (GET, HEAD, PUT, DELETE, OPTIONS are).
    #[uniffi::constructor(default(headers = [], body = None, idempotent = None))]
    pub fn new(
        method: String,
        path: String,
        headers: Vec<HttpHeader>,
        body: Option<Vec<u8>>,
        idempotent: Option<bool>,
    ) -> Self {
        Self(chainkit_core::RawRequest {
            method,
            path,
            headers: headers.into_iter().map(|h| (h.name, h.value)).collect(),
            body: body.unwrap_or_default(),
            idempotent,
        })
    }
}

impl std::fmt::Display for RawRequest {
    /// Core's `Debug`, which redacts secret-looking header and query values.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// A response with status below 400. Printing it shows the status, the headers with
/// secret-looking values as `***`, and the body's length only (it may hold a token).
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers in order, names lowercase.
    pub headers: Vec<HttpHeader>,
    /// Body bytes.
    pub body: Vec<u8>,
}

impl std::fmt::Display for RawResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write_response(f, "RawResponse", self.status, &self.headers, &self.body)
    }
}

impl std::fmt::Debug for RawResponse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// A chainkit client bound to one base URL. Safe to share between threads and coroutines.
#[derive(uniffi::Object)]
pub struct Client {
    executor: Executor,
    auth: Arc<dyn Authorizer>,
}

impl Client {
    /// The executor and authorizer a service's client object runs on.
    pub(crate) fn parts(&self) -> (Executor, Arc<dyn chainkit_core::Authorizer>) {
        (self.executor.clone(), self.auth.clone())
    }
}

#[uniffi::export(async_runtime = "tokio")]
impl Client {
    /// A client for `base_url`, authenticating with `credentials` (none when `null`/`nil`),
    /// sending with `transport` when given, else the built-in native client (rustls).
    #[uniffi::constructor(default(credentials = None, transport = None))]
    pub fn new(
        base_url: String,
        options: ClientOptions,
        credentials: Option<Credentials>,
        transport: Option<Arc<dyn HttpTransport>>,
    ) -> Result<Self, ChainkitError> {
        let mut config = ClientConfig::new(&base_url)?;
        if options.timeout_ms == 0 || options.max_attempts == 0 || options.max_response_bytes == 0 {
            return Err(Error::invalid_input(
                "timeoutMs, maxAttempts and maxResponseBytes must be at least 1",
            )
            .into());
        }
        config.max_response_bytes = options.max_response_bytes;
        config.timeout = Duration::from_millis(options.timeout_ms);
        config.retry.max_attempts = options.max_attempts;
        let runtime = match transport {
            None => Runtime::native()?,
            Some(t) => Runtime {
                transport: Arc::new(Foreign(t)),
                clock: Arc::new(SystemClock),
                sleep: Arc::new(TokioSleep),
                random: Arc::new(OsRandom),
            },
        };
        let auth = credentials
            .map_or(CoreCredentials::None, Into::into)
            .authorizer(&config.base_url, runtime.transport.clone())?;
        Ok(Self {
            executor: Executor::new(config, runtime),
            auth,
        })
    }

    /// Sends `request`; throws `ChainkitException` (Kotlin) / `ChainkitError` (Swift) on
    /// failure, a status of 400 or more included.
    pub async fn request(&self, request: Arc<RawRequest>) -> Result<RawResponse, ChainkitError> {
        let response = self.executor.execute(&request.0, &*self.auth).await?;
        Ok(RawResponse {
            status: response.status,
            headers: response
                .headers
                .into_iter()
                .map(|(name, value)| HttpHeader { name, value })
                .collect(),
            body: response.body,
        })
    }
}
