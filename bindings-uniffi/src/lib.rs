//! chainkit for Kotlin and Swift: a thin uniffi layer over `chainkit-core`.
//!
//! It adapts types, errors (`ChainkitException` / `ChainkitError` with every field kept), async
//! (Kotlin `suspend`, Swift `async`) and the transport (native by default, or the app's own
//! through [`HttpTransport`]). No service logic lives here.
#![cfg_attr(test, allow(clippy::unwrap_used, clippy::expect_used))]

mod auth;
mod bif;
mod client;
mod conv;
mod ddc_flows;
mod dna_flows;
mod error;
mod secret;
mod service;
mod transport;

pub use auth::{
    credentials_from_env, sign_huawei, sign_pool, Credentials, HuaweiAlgorithm, PoolSignedCall,
    SignedRequest,
};
pub use bif::{
    BifContractCall, BifKeyPair, BifKeyType, BifPrivateKey, BifPublicKey, BifSignedTransaction,
};
pub use client::{Client, ClientOptions, RawRequest, RawResponse};
pub use conv::{Download, JsonText};
pub use error::ChainkitError;
pub use secret::Secret;
pub use service::*;
pub use transport::{HttpHeader, HttpRequest, HttpResponse, HttpTransport};

uniffi::setup_scaffolding!();

/// Runs one golden-vector case (see tests/vectors/README.md); returns the output as JSON text.
#[uniffi::export]
pub fn evaluate_vector(kind: String, input_json: String) -> Result<String, ChainkitError> {
    Ok(chainkit_core::vectors::evaluate_json(&kind, &input_json)?)
}

/// The vector kinds this build understands.
#[uniffi::export]
pub fn vector_kinds() -> Vec<String> {
    chainkit_core::vectors::KINDS
        .iter()
        .map(|k| (*k).to_owned())
        .collect()
}

/// Internal, for the Kotlin crash-safety test only: panics inside Rust (Kotlin gets an
/// `InternalException`; in Swift, where this function does not throw, it is a crash). Not part
/// of the API.
#[doc(hidden)]
#[uniffi::export]
#[allow(clippy::panic)]
pub fn panic_for_tests() {
    panic!("deliberate panic for the crash-safety test");
}

/// Internal, for the Kotlin crash-safety test only: panics inside an async call after
/// `after_ms`, on the runtime's thread, as a bad server answer would. Throwing, so Swift gets
/// `UniffiInternalError.rustPanic` rather than a crash. Not part of the API.
#[doc(hidden)]
#[uniffi::export(async_runtime = "tokio")]
#[allow(clippy::panic)]
pub async fn panic_later_for_tests(after_ms: u64) -> Result<(), ChainkitError> {
    use chainkit_core::runtime::Sleep;
    chainkit_core::runtime::TokioSleep
        .sleep(std::time::Duration::from_millis(after_ms))
        .await;
    panic!("deliberate panic for the crash-safety test");
}

#[cfg(test)]
mod tests;
