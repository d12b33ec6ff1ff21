//! The error enum Kotlin sees as `ChainkitException` and Swift as `ChainkitError`:
//! one variant per core `ErrorKind`, every field kept (never `flat_error`, which keeps only text).

use chainkit_core::{Error, ErrorKind};

/// Declares the enum with identical fields on every variant, and the conversion from core.
macro_rules! chainkit_error {
    ($($(#[$doc:meta])* $variant:ident => $kind:ident,)*) => {
        /// An error from any chainkit call. `detail` is the service's own message alone.
        /// Kotlin's `message` and `toString()`, and Swift's `description`, are the one-line text
        /// every binding prints (core's Display): `[service] kind code: detail (HTTP status, request id …)`.
        /// (The field is not called `message`: Kotlin's `Throwable.message` would clash with it,
        /// mozilla/uniffi-rs#1434. `bindings-uniffi/generate.sh` points Kotlin's `message` at
        /// this Display, since uniffi 0.32 generates a `field=value` listing there.)
        #[derive(Debug, Clone, PartialEq, Eq, uniffi::Error)]
        #[uniffi::export(Display)]
        pub enum ChainkitError {
            $(
                $(#[$doc])*
                $variant {
                    /// The service the error came from (`dna`, `bcs`, …), if any.
                    service: Option<String>,
                    /// HTTP status, when a response was received.
                    status: Option<u16>,
                    /// The service's own error code.
                    code: Option<String>,
                    /// The service's message (or chainkit's), without code or request id.
                    detail: String,
                    /// The request id from the response.
                    request_id: Option<String>,
                    /// How long the service asked to wait, in milliseconds.
                    retry_after_ms: Option<u64>,
                },
            )*
        }

        impl From<Error> for ChainkitError {
            fn from(e: Error) -> Self {
                let service = e.service().map(str::to_owned);
                let status = e.status();
                let code = e.code().map(str::to_owned);
                let detail = e.message().to_owned();
                let request_id = e.request_id().map(str::to_owned);
                let retry_after_ms = e.retry_after().map(|d| d.as_millis() as u64);
                match e.kind() {
                    $(ErrorKind::$kind => Self::$variant { service, status, code, detail, request_id, retry_after_ms },)*
                    // ErrorKind is non_exhaustive: a kind added later is still an API error here.
                    _ => Self::Api { service, status, code, detail, request_id, retry_after_ms },
                }
            }
        }

        impl From<ChainkitError> for Error {
            /// Errors raised by a foreign [`crate::HttpTransport`] re-enter core with their fields.
            fn from(e: ChainkitError) -> Self {
                let (kind, detail, service, status, code, request_id, retry_after_ms) = match e {
                    $(ChainkitError::$variant { detail, service, status, code, request_id, retry_after_ms } =>
                        (ErrorKind::$kind, detail, service, status, code, request_id, retry_after_ms),)*
                };
                let mut out = Error::new(kind, detail);
                if let Some(s) = service {
                    out = out.with_service(s);
                }
                if let Some(s) = status {
                    out = out.with_status(s);
                }
                if let Some(c) = code {
                    out = out.with_code(c);
                }
                if let Some(r) = request_id {
                    out = out.with_request_id(r);
                }
                if let Some(ms) = retry_after_ms {
                    out = out.with_retry_after(std::time::Duration::from_millis(ms));
                }
                out
            }
        }

        impl std::fmt::Display for ChainkitError {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                Error::from(self.clone()).fmt(f)
            }
        }

        impl std::error::Error for ChainkitError {}

        impl From<uniffi::UnexpectedUniFFICallbackError> for ChainkitError {
            /// An app's [`crate::HttpTransport`] threw something other than a `ChainkitException`
            /// (an `IOException`, say): no response arrived, so it is a network error.
            fn from(e: uniffi::UnexpectedUniFFICallbackError) -> Self {
                Error::network(format!("the app's HttpTransport failed: {}", e.reason)).into()
            }
        }
    };
}

chainkit_error! {
    /// The request could not be sent or the connection broke.
    Network => Network,
    /// An attempt exceeded the client's timeout.
    Timeout => Timeout,
    /// The call was cancelled.
    Cancelled => Cancelled,
    /// The service rejected the credentials.
    Unauthorized => Unauthorized,
    /// The service asked us to slow down.
    RateLimited => RateLimited,
    /// The service answered with an error.
    Api => Api,
    /// Input failed validation before any network call.
    InvalidInput => InvalidInput,
    /// The response could not be understood.
    Decode => Decode,
    /// A signature or token could not be produced.
    Signing => Signing,
    /// The client is configured wrongly.
    Config => Config,
    /// The credentials were accepted but may not do this.
    Forbidden => Forbidden,
}
