//! chainkit-core: the sans-IO heart of chainkit.
//!
//! Every endpoint is a pure pair (build a request, parse a response); signing is a pure function
//! of request, credentials, time and nonce; time, randomness, sleeping and HTTP are injected
//! ([`Clock`], [`Random`], [`Sleep`], [`Transport`]). The [`Executor`] ties them together with
//! retries and timeouts. Without default features this crate builds for `wasm32-unknown-unknown`
//! with no tokio and no native HTTP client.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

pub mod api;
pub mod auth;
pub mod bif;
pub mod dispatch;
pub mod endpoint;
pub mod error;
pub mod executor;
#[cfg(feature = "native")]
pub mod native;
pub mod redact;
pub mod response;
pub mod retry;
pub mod runtime;
pub mod secret;
pub mod token_cache;
pub mod transport;
pub mod vectors;

/// Registers the defined services: each one's module, its place in [`SERVICES`], and
/// `for_each_service!`, through which every binding expands every service. `$d` is a literal
/// `$`, which a macro needs to write another macro's parameters.
macro_rules! services {
    ($d:tt $($svc:ident $api:ident),* $(,)?) => {
        $(pub mod $svc;)*

        /// Every defined service, in registration order.
        pub static SERVICES: &[&api::ServiceSpec] = &[$(&$svc::SERVICE),*];

        /// Decodes `value`, a normalised answer of `service`'s `endpoint`, into its Rust
        /// output type (the `endpoint_response` vectors); `None` when it has no model answer.
        fn typed_output(
            service: &str,
            endpoint: &str,
            value: serde_json::Value,
        ) -> Option<Result<()>> {
            match service {
                $(stringify!($svc) => $svc::typed_output(endpoint, value),)*
                _ => None,
            }
        }

        /// Hands each service's module name and definition macro to `$cb`.
        #[doc(hidden)]
        #[macro_export]
        macro_rules! for_each_service {
            ($d cb:path) => { $( $d cb! { $svc $api } )* };
        }
    };
}

// One line per service: its module name and definition macro.
services!($
    dna dna_api,
    ddc ddc_api,
    ulord ulord_api,
    pool pool_api,
);

pub use endpoint::{Endpoint, RawRequest, RawResponse};
pub use error::{Error, ErrorKind, Result};
pub use executor::{AttemptContext, Authorizer, ClientConfig, Executor, NoAuth, Runtime};
pub use retry::RetryPolicy;
pub use runtime::{Clock, OsRandom, Random, Sleep, SystemClock};
pub use secret::Secret;
pub use transport::{Request, Response, Transport};

// Re-exported so bindings and users name one version of these crates.
pub use http;
pub use url;
