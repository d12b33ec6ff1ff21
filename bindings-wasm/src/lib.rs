//! chainkit for JavaScript and TypeScript: a thin wasm-bindgen layer over `chainkit-core`.
//!
//! It adapts types (serde-wasm-bindgen), errors (a JS `ChainkitError`), async (Promises) and the
//! transport (gloo-net over `fetch`). No service logic lives here.
//! It is empty on other targets, so `cargo build --workspace` on a host skips it cleanly.
#![cfg(target_arch = "wasm32")]

mod auth;
mod bif;
mod client;
mod ddc;
mod dna;
mod endpoints;
mod error;
mod guard;
mod input;
mod output;
mod secret;
mod transport;
mod types;

pub use types::{JsClientOptions, JsHuaweiSignInit, JsPoolSignInit, JsRawRequest};

pub use auth::{sign_huawei, sign_pool};
pub use bif::{BifKeyPair, BifPrivateKey, BifPublicKey};
pub use client::{Client, PreparedRequest, RawResponse};
pub use secret::Secret;

use wasm_bindgen::prelude::*;

/// Runs one golden-vector case; see `tests/vectors/README.md`. Returns the output as JSON text.
/// Test builds only (feature `vectors`): it pulls ~95 KB of code into the .wasm users download.
#[cfg(feature = "vectors")]
#[wasm_bindgen(js_name = evaluateVector)]
pub fn evaluate_vector(kind: &str, input_json: &str) -> Result<String, JsValue> {
    guard::sync(|| {
        chainkit_core::vectors::evaluate_json(kind, input_json).map_err(|e| error::to_js(&e))
    })
}

/// The vector kinds this build understands (test builds only, as `evaluateVector`).
#[cfg(feature = "vectors")]
#[wasm_bindgen(js_name = vectorKinds)]
pub fn vector_kinds() -> Vec<String> {
    chainkit_core::vectors::KINDS
        .iter()
        .map(|k| (*k).to_owned())
        .collect()
}

/// Internal, for the crash-safety tests: panics inside Rust, through the guard every export uses.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests, skip_typescript)]
pub fn panic_for_tests() -> Result<(), JsValue> {
    guard::sync(|| -> Result<(), JsValue> { deliberate_panic() })
}

/// Internal, for the crash-safety tests: panics inside an async call, after `afterMs`
/// milliseconds (a timer, so the panic happens in a later microtask, as a server's answer would).
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicLaterForTests, skip_typescript)]
pub async fn panic_later_for_tests(after_ms: u32) -> Result<(), JsValue> {
    guard::run(async move {
        gloo_timers::future::TimeoutFuture::new(after_ms).await;
        deliberate_panic()
    })
    .await
}

#[allow(clippy::panic)]
fn deliberate_panic() -> ! {
    panic!("deliberate panic for the crash-safety test");
}
