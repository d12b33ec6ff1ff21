//! Answers as JS values, typed by the definition: wire JSON through `serde-wasm-bindgen`,
//! except where a JS number would lose what the answer says. 64-bit integers (`Ty::I64`,
//! `Ty::U64`) become `bigint`, exact past 2^53; a download's body becomes a `Uint8Array`.
//! Every other value, and every field the definition does not name, is as JSON has it.

use base64::Engine as _;
use chainkit_core::api::{EndpointSpec, Output, ServiceSpec, Ty};
use chainkit_core::Error;
use js_sys::{Array, BigInt, Object, Reflect, Uint8Array};
use serde::Serialize as _;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::error::to_js;

/// `value`, the normalised answer of `spec`, for JS.
pub fn answer(spec: &EndpointSpec, value: Value) -> Result<JsValue, JsValue> {
    match spec.output {
        Output::Download => download(value),
        Output::Model(name) => to_js_typed(spec.service, &Ty::Model(name), value),
        Output::Empty => Ok(JsValue::UNDEFINED),
    }
}

/// `value` as a JS value of type `ty` (a type of `service`'s definition).
pub fn to_js_typed(service: &ServiceSpec, ty: &Ty, value: Value) -> Result<JsValue, JsValue> {
    match (ty, value) {
        (Ty::I64 | Ty::U64, Value::Number(n)) if n.is_i64() || n.is_u64() => Ok(n
            .as_i64()
            .map_or_else(
                || BigInt::from(n.as_u64().unwrap_or_default()),
                BigInt::from,
            )
            .into()),
        (Ty::List(item), Value::Array(items)) => {
            let list = Array::new();
            for v in items {
                list.push(&to_js_typed(service, item, v)?);
            }
            Ok(list.into())
        }
        (Ty::Model(name), Value::Object(fields)) => {
            let model = service.model(name);
            let object = Object::new();
            for (key, v) in fields {
                let ty = model
                    .and_then(|m| m.field(&key))
                    .map_or(&Ty::Json, |f| &f.ty);
                let v = to_js_typed(service, ty, v)?;
                Reflect::set(&object, &key.into(), &v)?;
            }
            Ok(object.into())
        }
        (_, value) => plain(&value),
    }
}

fn plain(value: &Value) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            to_js(&Error::decode(format!(
                "answer not representable in JS: {e}"
            )))
        })
}

/// `{fileName, contentType, body}` with the base64 body (its wire form) as bytes.
fn download(value: Value) -> Result<JsValue, JsValue> {
    let mut value = value;
    let body = value
        .get_mut("body")
        .map(Value::take)
        .and_then(|b| b.as_str().map(str::to_owned))
        .unwrap_or_default();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(body)
        .map_err(|e| to_js(&Error::decode(format!("a download's body: {e}"))))?;
    let object = plain(&value)?;
    Reflect::set(&object, &"body".into(), &Uint8Array::from(&bytes[..]))?;
    Ok(object)
}
