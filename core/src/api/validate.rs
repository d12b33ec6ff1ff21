//! Strict in what we send: an input in wire JSON checked against its model before any I/O —
//! types, required fields, unknown fields and every documented rule. Errors name the field by
//! its wire path (`data[2].dnaName`).

use serde_json::{Map, Value};

use super::spec::{ModelSpec, ServiceSpec, Ty};
use crate::error::{Error, Result};

fn invalid(field: &str, what: impl std::fmt::Display) -> Error {
    Error::invalid_input(format!("{field}: {what}"))
}

fn path(at: &str, field: &str) -> String {
    if at.is_empty() {
        field.to_owned()
    } else {
        format!("{at}.{field}")
    }
}

/// `value` as a valid instance of `model`, with `null` optional fields left out.
pub fn validate(service: &ServiceSpec, model: &ModelSpec, value: Value) -> Result<Value> {
    object(service, model, value, "")
}

fn object(service: &ServiceSpec, model: &ModelSpec, value: Value, at: &str) -> Result<Value> {
    let Value::Object(mut given) = value else {
        let what = if at.is_empty() { "input" } else { at };
        return Err(invalid(what, format!("must be an object ({})", model.name)));
    };
    if let Some(unknown) = given.keys().find(|k| model.field(k).is_none()) {
        // The caller's key is echoed, cut short: it is text we did not choose.
        let key: String = unknown.chars().take(64).collect();
        let known: Vec<&str> = model.fields.iter().map(|f| f.wire).collect();
        return Err(invalid(
            &path(at, &key),
            format!(
                "is not a field of {} (its fields: {})",
                model.name,
                known.join(", ")
            ),
        ));
    }
    if !model.one_of_required.is_empty()
        && !model
            .one_of_required
            .iter()
            .any(|k| given.get(*k).is_some_and(|v| !v.is_null()))
    {
        let what = if at.is_empty() { "input" } else { at };
        return Err(invalid(
            what,
            format!("give at least one of {}", model.one_of_required.join(", ")),
        ));
    }
    let mut out = Map::with_capacity(model.fields.len());
    for field in model.fields {
        let here = path(at, field.wire);
        match given.remove(field.wire) {
            None | Some(Value::Null) if field.optional => {}
            None | Some(Value::Null) => return Err(invalid(&here, "is required")),
            Some(v) => {
                let v = typed(service, &field.ty, v, &here)?;
                for rule in field.rules {
                    rule.check(&here, &v)?;
                }
                out.insert(field.wire.to_owned(), v);
            }
        }
    }
    Ok(Value::Object(out))
}

fn typed(service: &ServiceSpec, ty: &Ty, v: Value, at: &str) -> Result<Value> {
    match (ty, v) {
        (Ty::List(item), Value::Array(items)) => items
            .into_iter()
            .enumerate()
            .map(|(i, v)| typed(service, item, v, &format!("{at}[{i}]")))
            .collect::<Result<Vec<_>>>()
            .map(Value::Array),
        (Ty::Model(name), v @ Value::Object(_)) => {
            let model = service
                .model(name)
                .ok_or_else(|| Error::config(format!("no model {name}")))?;
            object(service, model, v, at)
        }
        (ty, v) => {
            let fits = match (ty, &v) {
                (Ty::Str | Ty::Secret | Ty::Bytes, Value::String(_)) => true,
                (Ty::Bool, Value::Bool(_)) => true,
                (Ty::I32, Value::Number(n)) => n.as_i64().is_some_and(|n| i32::try_from(n).is_ok()),
                (Ty::U32, Value::Number(n)) => n.as_u64().is_some_and(|n| u32::try_from(n).is_ok()),
                (Ty::I64, Value::Number(n)) => n.is_i64(),
                (Ty::U64, Value::Number(n)) => n.is_u64(),
                (Ty::F64, Value::Number(_)) | (Ty::Json, _) => true,
                (Ty::Enum(name), Value::String(s)) => service
                    .enumeration(name)
                    .is_some_and(|e| e.variants.iter().any(|x| x.wire == s)),
                _ => false,
            };
            if fits {
                Ok(whole_numbers_as_integers(ty, v))
            } else {
                Err(invalid(at, format!("must be {}", expected(service, ty))))
            }
        }
    }
}

/// A whole `f64` as an integer: `JSON.stringify` writes `1`, not `1.0`, so a request's text is
/// the same from every language and matches the documents' recipes (the pool signs that text).
fn whole_numbers_as_integers(ty: &Ty, v: Value) -> Value {
    match (ty, &v) {
        (Ty::F64, Value::Number(n)) if n.is_f64() => match n.as_f64() {
            Some(f) if f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0 => {
                Value::from(f as i64)
            }
            _ => v,
        },
        _ => v,
    }
}

/// A type in words, for errors.
fn expected(service: &ServiceSpec, ty: &Ty) -> String {
    match ty {
        Ty::Str | Ty::Secret => "a string".into(),
        Ty::Bytes => "file content".into(),
        Ty::Bool => "true or false".into(),
        Ty::I32 => "a 32-bit integer".into(),
        Ty::U32 => "a 32-bit unsigned integer".into(),
        Ty::I64 => "a 64-bit integer".into(),
        Ty::U64 => "a 64-bit unsigned integer".into(),
        Ty::F64 => "a finite number".into(),
        Ty::Json => "JSON".into(),
        Ty::List(_) => "a list".into(),
        Ty::Model(name) => format!("an object ({name})"),
        Ty::Enum(name) => match service.enumeration(name) {
            Some(e) => {
                let values: Vec<_> = e.variants.iter().map(|v| v.wire).collect();
                format!("one of {values:?}")
            }
            None => format!("a {name}"),
        },
    }
}
