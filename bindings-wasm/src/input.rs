//! Values from JS (typed inputs, options, credentials) into JSON, refusing what JSON cannot hold
//! instead of altering it, before anything is sent.
//!
//! Hand-written rather than serde-wasm-bindgen's `from_value`, which recurses without a limit (a
//! 10,000-deep object overflowed the stack and broke the module), turns NaN and ±Infinity into
//! `null` (a field then silently disappeared from the request) and replaces lone surrogates with
//! U+FFFD. Errors name the field by its path (`input.data[1].dnaPrice`), never its value.

use std::fmt::Write;

use base64::Engine as _;
use chainkit_core::Error;
use js_sys::{Array, ArrayBuffer, BigInt, JsString, Object};
use serde::Deserialize;
use serde_json::{Map, Number, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::error::to_js;

/// Deepest nesting accepted; the documented inputs need fewer than ten levels.
pub const MAX_DEPTH: usize = 64;

/// `value` as JSON; `what` names it in errors. Top-level properties named in `skip` are left
/// out (the caller reads them as JS values: a body's bytes, a signal, a function).
pub fn to_json(value: &JsValue, what: &str, skip: &[&str]) -> Result<Value, Error> {
    let mut path = what.to_owned();
    convert(value, &mut path, 0, skip)
}

/// `value` as a `T`, through [`to_json`]. Errors never quote a value (it may be a secret).
pub fn from_js<T: for<'de> Deserialize<'de>>(
    value: &JsValue,
    what: &str,
    skip: &[&str],
) -> Result<T, JsValue> {
    let json = to_json(value, what, skip).map_err(|e| to_js(&e))?;
    // Through text, whose errors have a value-free form.
    serde_json::from_str(&json.to_string()).map_err(|e| {
        to_js(&Error::invalid_input(format!(
            "invalid {what}: {}",
            chainkit_core::redact::json_error_without_values(&e)
        )))
    })
}

/// A JS string as Rust text; a lone surrogate is an error rather than U+FFFD.
pub fn text(value: &JsValue, path: &str) -> Result<String, Error> {
    let s: &JsString = value
        .dyn_ref()
        .ok_or_else(|| invalid(path, "must be a string"))?;
    if !s.is_valid_utf16() {
        return Err(invalid(
            path,
            "contains a lone surrogate (half of a UTF-16 pair), which is not valid Unicode",
        ));
    }
    Ok(s.into())
}

fn invalid(path: &str, what: &str) -> Error {
    Error::invalid_input(format!("{path}: {what}"))
}

fn convert(
    value: &JsValue,
    path: &mut String,
    depth: usize,
    skip: &[&str],
) -> Result<Value, Error> {
    if value.is_null() || value.is_undefined() {
        return Ok(Value::Null);
    }
    if let Some(b) = value.as_bool() {
        return Ok(Value::Bool(b));
    }
    if let Some(n) = value.as_f64() {
        return number(n).ok_or_else(|| {
            // As JS writes them.
            let n = match n {
                n if n.is_nan() => "NaN",
                n if n > 0.0 => "Infinity",
                _ => "-Infinity",
            };
            invalid(path, &format!("must be a finite number, not {n}"))
        });
    }
    if value.is_string() {
        return text(value, path).map(Value::String);
    }
    if value.is_bigint() {
        let big: BigInt = value.clone().unchecked_into();
        return u64::try_from(big.clone())
            .map(Value::from)
            .or_else(|_| i64::try_from(big).map(Value::from))
            .map_err(|_| invalid(path, "is outside the 64-bit integer range"));
    }
    if value.is_instance_of::<js_sys::Uint8Array>() {
        // File content: its wire form is base64 text (core's `api::Bytes`).
        let bytes = js_sys::Uint8Array::from(value.clone()).to_vec();
        return Ok(Value::String(
            base64::engine::general_purpose::STANDARD.encode(bytes),
        ));
    }
    if depth >= MAX_DEPTH {
        return Err(invalid(
            path,
            &format!("is nested more than {MAX_DEPTH} levels deep"),
        ));
    }
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        let mut out = Vec::with_capacity(array.length() as usize);
        for (i, item) in array.iter().enumerate() {
            let len = path.len();
            let _ = write!(path, "[{i}]");
            out.push(convert(&item, path, depth + 1, &[])?);
            path.truncate(len);
        }
        return Ok(Value::Array(out));
    }
    if is_plain_object(value) {
        let mut out = Map::new();
        for entry in Object::entries(value.unchecked_ref()).iter() {
            let entry: Array = entry.unchecked_into();
            let key = text(&entry.get(0), path)?;
            let item = entry.get(1);
            // Absent, as in JSON.stringify.
            if item.is_undefined() || (depth == 0 && skip.contains(&key.as_str())) {
                continue;
            }
            let len = path.len();
            path.push('.');
            path.push_str(&key);
            let item = convert(&item, path, depth + 1, &[])?;
            path.truncate(len);
            out.insert(key, item);
        }
        return Ok(Value::Object(out));
    }
    Err(invalid(
        path,
        "must be a string, number, boolean, array or plain object",
    ))
}

/// Whole numbers as integers (as serde-wasm-bindgen did), others as floats; None if not finite.
fn number(n: f64) -> Option<Value> {
    if !n.is_finite() {
        return None;
    }
    const SAFE: f64 = 9_007_199_254_740_991.0; // Number.MAX_SAFE_INTEGER
    if n.fract() == 0.0 && n.abs() <= SAFE {
        // Exact: a whole number within ±2^53 fits both types.
        return Some(if n >= 0.0 {
            Value::from(n as u64)
        } else {
            Value::from(n as i64)
        });
    }
    Number::from_f64(n).map(Value::Number)
}

/// An object whose own properties are its data: not a function, a byte buffer, a Map, a Date…
fn is_plain_object(value: &JsValue) -> bool {
    value.is_object()
        && !value.is_function()
        && !ArrayBuffer::is_view(value)
        && !value.is_instance_of::<ArrayBuffer>()
        && !value.is_instance_of::<js_sys::Map>()
        && !value.is_instance_of::<js_sys::Set>()
        && !value.is_instance_of::<js_sys::Date>()
        && !value.is_instance_of::<js_sys::Promise>()
}
