//! chainkit for JavaScript and TypeScript: a thin wasm-bindgen layer over `chainkit-core`.
//!
//! It adapts types (serde-wasm-bindgen), errors (a JS `ChainkitError`), async (Promises) and the
//! transport (gloo-net over `fetch`). No service logic lives here.
//! It is empty on other targets, so `cargo build --workspace` on a host skips it cleanly.
#![cfg(target_arch = "wasm32")]

mod auth;
mod bif;
mod client;
mod dna;
mod error;
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
    chainkit_core::vectors::evaluate_json(kind, input_json).map_err(|e| error::to_js(&e))
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

/// Internal, for the crash-safety test: panics inside Rust.
#[doc(hidden)]
#[wasm_bindgen(js_name = __panicForTests)]
pub fn panic_for_tests() {
    #[allow(clippy::panic)]
    {
        panic!("deliberate panic for the crash-safety test");
    }
}
