//! Models to wire JSON. Inputs are written with this trait rather than `serde::Serialize` so
//! that a [`Secret`] field (getToken's apiSecret) reaches the wire while `Secret` itself stays
//! unserializable everywhere else.

use serde_json::{Map, Value};

use crate::secret::Secret;

/// A value as the documents spell it on the wire.
pub trait WireValue {
    /// The JSON value, or `None` to leave the field out (an absent `Option`).
    fn wire(&self) -> Option<Value>;
}

macro_rules! via_json {
    ($($t:ty),*) => {$(
        impl WireValue for $t {
            fn wire(&self) -> Option<Value> {
                Some(Value::from(self.clone()))
            }
        }
    )*};
}
via_json!(String, bool, u8, u16, u32, u64, i32, i64, f64);

impl WireValue for Secret {
    fn wire(&self) -> Option<Value> {
        Some(Value::String(self.expose().to_owned()))
    }
}

impl<T: WireValue> WireValue for Option<T> {
    fn wire(&self) -> Option<Value> {
        self.as_ref().and_then(WireValue::wire)
    }
}

impl<T: WireValue> WireValue for Vec<T> {
    fn wire(&self) -> Option<Value> {
        Some(Value::Array(
            self.iter()
                .map(|v| v.wire().unwrap_or(Value::Null))
                .collect(),
        ))
    }
}

/// Builds a model's object from `(wire name, value)` pairs, leaving out absent ones.
pub fn object(fields: impl IntoIterator<Item = (&'static str, Option<Value>)>) -> Value {
    let map: Map<String, Value> = fields
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k.to_owned(), v)))
        .collect();
    Value::Object(map)
}

/// A query or path value as text: strings as they are, numbers and booleans as JSON writes them.
pub fn text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

impl WireValue for Value {
    fn wire(&self) -> Option<Value> {
        Some(self.clone())
    }
}

impl WireValue for () {
    fn wire(&self) -> Option<Value> {
        None
    }
}
