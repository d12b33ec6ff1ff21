//! Tolerant in what we accept: an answer's payload normalised to its output model before it is
//! typed. The policy (docs/endpoints.md, "Decoding"), each step a way real servers vary:
//! - fields the model does not name are dropped (services add fields);
//! - `null` or a missing value is absent for an optional field and an empty list for a list;
//! - a number sent as a string is read as the number, and a number or boolean sent where text
//!   is documented is read as its text (the documents contradict their own examples);
//! - `"true"`/`"false"` (and `1`/`0`) are read as booleans;
//! - an enum value the definition does not list is kept as the text the server sent.
//!
//! Anything else that does not fit — a required field missing, an object where a number is
//! documented — is a decode error naming the field: never a silent default.

use serde_json::{Map, Number, Value};

use super::spec::{ModelSpec, ServiceSpec, Ty};
use crate::error::{Error, Result};

/// `value` normalised to `model`; the error names the field by its wire path.
pub fn normalize(service: &ServiceSpec, model: &ModelSpec, value: Value) -> Result<Value> {
    object(service, model, value, "")
}

fn mismatch(at: &str, what: &str, got: &Value) -> Error {
    let got = match got {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    };
    let at = if at.is_empty() { "the answer" } else { at };
    Error::decode(format!("{at}: expected {what}, got {got}"))
}

fn object(service: &ServiceSpec, model: &ModelSpec, value: Value, at: &str) -> Result<Value> {
    let Value::Object(mut given) = value else {
        return Err(mismatch(at, "an object", &value));
    };
    let mut out = Map::with_capacity(model.fields.len());
    for field in model.fields {
        let here = if at.is_empty() {
            field.wire.to_owned()
        } else {
            format!("{at}.{}", field.wire)
        };
        match (given.remove(field.wire), &field.ty) {
            (None | Some(Value::Null), Ty::List(_)) => {
                out.insert(field.wire.to_owned(), Value::Array(Vec::new()));
            }
            (None | Some(Value::Null), _) if field.optional => {}
            (None | Some(Value::Null), _) => {
                return Err(Error::decode(format!("{here}: missing")));
            }
            (Some(v), ty) => {
                out.insert(field.wire.to_owned(), typed(service, ty, v, &here)?);
            }
        }
    }
    Ok(Value::Object(out))
}

fn typed(service: &ServiceSpec, ty: &Ty, v: Value, at: &str) -> Result<Value> {
    Ok(match (ty, v) {
        (Ty::Json, v) => v,
        (Ty::Str | Ty::Secret | Ty::Bytes | Ty::Enum(_), v) => match v {
            Value::String(_) => v,
            Value::Number(n) => Value::String(n.to_string()),
            Value::Bool(b) => Value::String(b.to_string()),
            other => return Err(mismatch(at, "text", &other)),
        },
        (Ty::Bool, v) => match v {
            Value::Bool(_) => v,
            Value::String(s) if s == "true" => Value::Bool(true),
            Value::String(s) if s == "false" => Value::Bool(false),
            Value::Number(n) if n.as_u64() == Some(1) => Value::Bool(true),
            Value::Number(n) if n.as_u64() == Some(0) => Value::Bool(false),
            other => return Err(mismatch(at, "true or false", &other)),
        },
        (Ty::I32 | Ty::I64 | Ty::U32 | Ty::U64 | Ty::F64, v) => number(ty, v, at)?,
        (Ty::List(item), Value::Array(items)) => Value::Array(
            items
                .into_iter()
                .enumerate()
                .map(|(i, v)| typed(service, item, v, &format!("{at}[{i}]")))
                .collect::<Result<_>>()?,
        ),
        // A lone object where a list of objects is documented is a list of one (the pool's
        // system speed is documented as an object and shown as a list).
        (Ty::List(item), v @ Value::Object(_)) if matches!(**item, Ty::Model(_)) => {
            Value::Array(vec![typed(service, item, v, &format!("{at}[0]"))?])
        }
        (Ty::List(_), other) => return Err(mismatch(at, "a list", &other)),
        (Ty::Model(name), v) => {
            let model = service
                .model(name)
                .ok_or_else(|| Error::config(format!("no model {name}")))?;
            object(service, model, v, at)?
        }
    })
}

/// A number of type `ty`, from a number or from text holding one.
fn number(ty: &Ty, v: Value, at: &str) -> Result<Value> {
    let what = match ty {
        Ty::F64 => "a number",
        Ty::U32 | Ty::U64 => "a non-negative integer",
        _ => "an integer",
    };
    let n = match &v {
        Value::Number(n) => Some(n.clone()),
        Value::String(s) => {
            let s = s.trim();
            match ty {
                // Integer text stays an integer, as the server wrote it.
                Ty::F64 => s
                    .parse::<i64>()
                    .ok()
                    .map(Number::from)
                    .or_else(|| s.parse::<f64>().ok().and_then(Number::from_f64)),
                Ty::U32 | Ty::U64 => s.parse::<u64>().ok().map(Number::from),
                _ => s.parse::<i64>().ok().map(Number::from),
            }
        }
        _ => None,
    };
    let fits = |n: &Number| match ty {
        Ty::I32 => n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
        Ty::U32 => n.as_u64().is_some_and(|n| u32::try_from(n).is_ok()),
        Ty::I64 => n.is_i64(),
        Ty::U64 => n.is_u64(),
        _ => true,
    };
    match n {
        Some(n) if fits(&n) => Ok(Value::Number(n)),
        _ => Err(mismatch(at, what, &v)),
    }
}
