//! Core errors as instances of the JS `ChainkitError` class (`js/error.js`).

use chainkit_core::Error;
use js_sys::{Object, Reflect};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/js/error.js")]
extern "C" {
    pub(crate) type ChainkitError;
    #[wasm_bindgen(constructor)]
    pub(crate) fn new(message: &str, fields: &Object) -> ChainkitError;
}

/// A `ChainkitError` carrying every field of `e`; `message` is core's Display (code, message,
/// request id), `detail` the service's own message.
pub fn to_js(e: &Error) -> JsValue {
    let fields = Object::new();
    let set = |k: &str, v: JsValue| {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&fields, &JsValue::from_str(k), &v);
    };
    let opt = |s: Option<&str>| s.map_or(JsValue::NULL, JsValue::from_str);
    set("kind", JsValue::from_str(e.kind().as_str()));
    set("service", opt(e.service()));
    set("status", e.status().map_or(JsValue::NULL, JsValue::from));
    set("code", opt(e.code()));
    set("detail", JsValue::from_str(e.message()));
    set("requestId", opt(e.request_id()));
    set(
        "retryAfterMs",
        e.retry_after()
            .map_or(JsValue::NULL, |d| JsValue::from(d.as_millis() as f64)),
    );
    ChainkitError::new(&e.to_string(), &fields).into()
}
