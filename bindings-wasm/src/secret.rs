//! `Secret` for JS: the value stays in Rust memory (zeroized on `free()`), printing shows `Secret(***)`.

use wasm_bindgen::prelude::*;

/// A credential or token. `toString()` and `JSON.stringify` give `Secret(***)`.
///
/// Lives in WebAssembly memory: `free()` it (or declare it with `using`) when done (it is zeroized then); see the README.
#[wasm_bindgen]
pub struct Secret(chainkit_core::Secret);

#[wasm_bindgen]
impl Secret {
    /// Wraps `value`. The JS string you pass in is not ours to wipe; only the Rust copy is zeroized.
    #[wasm_bindgen(constructor)]
    pub fn new(value: String) -> Secret {
        Secret(chainkit_core::Secret::new(value))
    }

    /// The secret itself. Never log what this returns.
    pub fn expose(&self) -> String {
        self.0.expose().to_owned()
    }

    /// `Secret(***)`.
    #[wasm_bindgen(js_name = toString)]
    #[allow(clippy::inherent_to_string)]
    pub fn to_string(&self) -> String {
        self.0.to_string()
    }

    /// `Secret(***)`, so `JSON.stringify` never serializes the value.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> String {
        self.0.to_string()
    }
}

impl Secret {
    /// The core value, for other adapters (BIF keys).
    pub(crate) fn inner(&self) -> &chainkit_core::Secret {
        &self.0
    }

    /// Wraps a core secret.
    pub(crate) fn from_core(secret: chainkit_core::Secret) -> Self {
        Self(secret)
    }
}
