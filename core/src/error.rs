//! The one error type of chainkit, shared by every service and projected by every binding.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use serde::Serialize;

/// What went wrong, coarsely: the part a caller branches on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorKind {
    /// The request could not be sent or the connection broke.
    Network,
    /// The call exceeded its per-attempt timeout.
    Timeout,
    /// The caller cancelled the call.
    Cancelled,
    /// The service rejected the credentials (HTTP 401/403 or a documented auth code).
    Unauthorized,
    /// The service asked us to slow down (HTTP 429 or a documented code).
    RateLimited,
    /// The service answered with an error.
    Api,
    /// Input failed validation: before any network call, or by a service's documented
    /// invalid-input code (the pool's 5010).
    InvalidInput,
    /// The response could not be understood.
    Decode,
    /// A signature or token could not be produced.
    Signing,
    /// The client is configured wrongly (bad base URL, missing credential).
    Config,
    /// The credentials were accepted but may not do this (a documented permission code, such
    /// as the pool's 5040).
    Forbidden,
}

impl ErrorKind {
    /// Stable snake_case name, used by every binding.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Network => "network",
            Self::Timeout => "timeout",
            Self::Cancelled => "cancelled",
            Self::Unauthorized => "unauthorized",
            Self::RateLimited => "rate_limited",
            Self::Api => "api",
            Self::InvalidInput => "invalid_input",
            Self::Decode => "decode",
            Self::Signing => "signing",
            Self::Config => "config",
            Self::Forbidden => "forbidden",
        }
    }

    /// Inverse of [`ErrorKind::as_str`].
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Every kind, in declaration order.
    pub const ALL: [ErrorKind; 11] = [
        Self::Network,
        Self::Timeout,
        Self::Cancelled,
        Self::Unauthorized,
        Self::RateLimited,
        Self::Api,
        Self::InvalidInput,
        Self::Decode,
        Self::Signing,
        Self::Config,
        Self::Forbidden,
    ];
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An error from any chainkit call.
///
/// Cloneable so that one failed token refresh can be handed to every caller waiting on it;
/// boxed so that `Result<T, Error>` stays one pointer wide on the happy path.
#[derive(Clone)]
pub struct Error(Box<Fields>);

#[derive(Clone)]
struct Fields {
    kind: ErrorKind,
    service: Option<String>,
    status: Option<u16>,
    code: Option<String>,
    message: String,
    request_id: Option<String>,
    retry_after: Option<Duration>,
    /// False only when the request provably had no effect: the transport knows it never left
    /// this process (DNS or connect failure), or the service's answer proves it did no work.
    /// That makes even a non-idempotent call safe to retry.
    request_sent: bool,
    /// The service reported a fault of its own that a repeat may not meet (like HTTP 502-504
    /// inside a 200 answer: the pool's 5050 系统错误), so an idempotent call may be retried.
    transient: bool,
    source: Option<Arc<dyn std::error::Error + Send + Sync>>,
}

impl Error {
    /// A new error of `kind` with a human-readable message.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self(Box::new(Fields {
            kind,
            service: None,
            status: None,
            code: None,
            message: message.into(),
            request_id: None,
            retry_after: None,
            request_sent: true,
            transient: false,
            source: None,
        }))
    }

    /// Shorthand for an [`ErrorKind::InvalidInput`] error.
    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }

    /// Shorthand for an [`ErrorKind::Decode`] error.
    pub fn decode(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Decode, message)
    }

    /// Shorthand for an [`ErrorKind::Config`] error.
    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    /// Shorthand for an [`ErrorKind::Network`] error.
    pub fn network(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Network, message)
    }

    /// Names the service (`ddc`, `ulord`, `dna`, `pool`, `bcs`, …) the error came from.
    pub fn with_service(mut self, service: impl Into<String>) -> Self {
        self.0.service = Some(service.into());
        self
    }

    /// Records the HTTP status of the response.
    pub fn with_status(mut self, status: u16) -> Self {
        self.0.status = Some(status);
        self
    }

    /// Records the service's own error code.
    pub fn with_code(mut self, code: impl Into<String>) -> Self {
        self.0.code = Some(code.into());
        self
    }

    /// Records the request id the service returned.
    pub fn with_request_id(mut self, request_id: impl Into<String>) -> Self {
        self.0.request_id = Some(request_id.into());
        self
    }

    /// Records how long the service asked us to wait.
    pub fn with_retry_after(mut self, after: Duration) -> Self {
        self.0.retry_after = Some(after);
        self
    }

    /// Marks a fault of the service's own that a repeat may not meet (see [`Error::transient`]).
    pub fn with_transient(mut self) -> Self {
        self.0.transient = true;
        self
    }

    /// Marks that the request provably had no effect: it never reached the server, or the
    /// service's answer proves it did no work.
    pub fn not_sent(mut self) -> Self {
        self.0.request_sent = false;
        self
    }

    /// The same error with every credential value in `secrets` masked in the text that came
    /// from the server (message, code, request id): a server may echo what it was sent.
    pub fn masked(mut self, secrets: &[crate::secret::Secret]) -> Self {
        use crate::redact::mask_secrets;
        if secrets.is_empty() {
            return self;
        }
        let fields = &mut *self.0;
        if let std::borrow::Cow::Owned(m) = mask_secrets(&fields.message, secrets) {
            fields.message = m;
        }
        for text in [&mut fields.code, &mut fields.request_id]
            .into_iter()
            .flatten()
        {
            if let std::borrow::Cow::Owned(m) = mask_secrets(text, secrets) {
                *text = m;
            }
        }
        self
    }

    /// Attaches the underlying cause.
    pub fn with_source(mut self, source: impl std::error::Error + Send + Sync + 'static) -> Self {
        self.0.source = Some(Arc::new(source));
        self
    }

    /// The coarse kind.
    pub fn kind(&self) -> ErrorKind {
        self.0.kind
    }
    /// The service the error came from, if any.
    pub fn service(&self) -> Option<&str> {
        self.0.service.as_deref()
    }
    /// The HTTP status, when a response was received.
    pub fn status(&self) -> Option<u16> {
        self.0.status
    }
    /// The service's error code, when it gave one.
    pub fn code(&self) -> Option<&str> {
        self.0.code.as_deref()
    }
    /// The message, from the service when it gave one.
    pub fn message(&self) -> &str {
        &self.0.message
    }
    /// The request id, from the response headers or body.
    pub fn request_id(&self) -> Option<&str> {
        self.0.request_id.as_deref()
    }
    /// How long the service asked us to wait before retrying.
    pub fn retry_after(&self) -> Option<Duration> {
        self.0.retry_after
    }
    /// False when the request provably had no effect (see [`Error::not_sent`]).
    pub fn request_sent(&self) -> bool {
        self.0.request_sent
    }
    /// True when the service reported a fault of its own that a repeat may not meet: an
    /// idempotent call is retried on it.
    pub fn transient(&self) -> bool {
        self.0.transient
    }
}

impl fmt::Display for Error {
    /// `[service] kind code: message (HTTP status, request id …)`; absent parts are left out.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(service) = &self.0.service {
            write!(f, "[{service}] ")?;
        }
        write!(f, "{}", self.0.kind)?;
        if let Some(code) = &self.0.code {
            write!(f, " {code}")?;
        }
        write!(f, ": {}", self.0.message)?;
        let mut extra = Vec::new();
        if let Some(status) = self.0.status {
            extra.push(format!("HTTP {status}"));
        }
        if let Some(id) = &self.0.request_id {
            extra.push(format!("request id {id}"));
        }
        if let Some(after) = self.0.retry_after {
            extra.push(format!("retry after {}s", after.as_secs_f64()));
        }
        if !extra.is_empty() {
            write!(f, " ({})", extra.join(", "))?;
        }
        Ok(())
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("service", &self.0.service)
            .field("status", &self.0.status)
            .field("code", &self.0.code)
            .field("message", &self.0.message)
            .field("request_id", &self.0.request_id)
            .field("retry_after", &self.0.retry_after)
            .field("request_sent", &self.0.request_sent)
            .field("source", &self.0.source.as_ref().map(|s| s.to_string()))
            .finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0
            .source
            .as_deref()
            .map(|s| s as &(dyn std::error::Error + 'static))
    }
}

/// Result alias used across chainkit.
pub type Result<T, E = Error> = std::result::Result<T, E>;
