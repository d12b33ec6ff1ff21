//! Seed 004's request tables as rules: required fields, JSON types, enums, string lengths and
//! numeric ranges of every query parameter and JSON body, from `catalog/bcs_requests.json`
//! (derived by `catalog/derive_bcs.py`). Rules the document states only in prose are checked by
//! the handlers.

use std::collections::HashMap;

use serde::Deserialize;
use serde_json::Value;

use super::state::{Fail, Part};
use crate::app::Req;

/// One endpoint's documented request.
#[derive(Deserialize)]
pub struct Schema {
    part: String,
    query: Vec<Field>,
    /// `None` when the body is not JSON (multipart) or there is none.
    body: Option<Vec<Field>>,
}

impl Schema {
    /// The error envelope of this endpoint.
    pub fn part(&self) -> Part {
        if self.part == "engine" {
            Part::Engine
        } else {
            Part::Fabric
        }
    }
}

#[derive(Deserialize)]
struct Field {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    required: bool,
    #[serde(rename = "enum")]
    one_of: Option<Vec<Value>>,
    min_length: Option<usize>,
    max_length: Option<usize>,
    minimum: Option<f64>,
    maximum: Option<f64>,
    exclusive_minimum: Option<f64>,
    /// A comma-separated list of values in one query parameter.
    #[serde(default)]
    list: bool,
    /// Members of an object, or of each object in an array.
    fields: Option<Vec<Field>>,
}

/// Every BCS endpoint's rules, by catalog id.
pub struct Schemas(HashMap<String, Schema>);

impl Default for Schemas {
    /// Parses the embedded table; a broken table is a build defect, caught by the tests.
    fn default() -> Self {
        Self(
            serde_json::from_str(include_str!("../../catalog/bcs_requests.json"))
                .unwrap_or_default(),
        )
    }
}

impl Schemas {
    /// The rules of endpoint `id`.
    pub fn get(&self, id: &str) -> Option<&Schema> {
        self.0.get(id)
    }
}

/// Checks `req` against `schema`; returns the parsed JSON body (`Null` without one).
pub fn check(schema: &Schema, req: &Req) -> Result<Value, Fail> {
    for f in &schema.query {
        match req.query_param(&f.name) {
            None if f.required => return Err(Fail::param(&f.name, "is required")),
            None => {}
            Some(v) => query_value(f, &v)?,
        }
    }
    let Some(fields) = &schema.body else {
        return Ok(Value::Null);
    };
    let body = if req.body.is_empty() {
        Value::Object(Default::default())
    } else {
        serde_json::from_slice(&req.body).map_err(|_| Fail::param("body", "is not JSON"))?
    };
    if !body.is_object() {
        return Err(Fail::param("body", "must be a JSON object"));
    }
    object(fields, &body, "")?;
    Ok(body)
}

fn query_value(f: &Field, v: &str) -> Result<(), Fail> {
    let parts: Vec<&str> = if f.list {
        v.split(',').collect()
    } else {
        vec![v]
    };
    for p in parts {
        let value = match f.kind.as_str() {
            "integer" => Value::from(
                p.parse::<i64>()
                    .map_err(|_| Fail::param(&f.name, "must be an integer"))?,
            ),
            // The seed's own example: "Invalid Parameter is_delete_obs ,must be true or false".
            "boolean" => Value::Bool(match p {
                "true" => true,
                "false" => false,
                _ => return Err(Fail::param(&f.name, "must be true or false")),
            }),
            _ => Value::from(p),
        };
        constraints(f, &value, &f.name)?;
    }
    Ok(())
}

fn object(fields: &[Field], obj: &Value, at: &str) -> Result<(), Fail> {
    for f in fields {
        let path = if at.is_empty() {
            f.name.clone()
        } else {
            format!("{at}.{}", f.name)
        };
        match obj.get(&f.name) {
            None | Some(Value::Null) if f.required => {
                return Err(Fail::param(&path, "is required"))
            }
            None | Some(Value::Null) => {}
            Some(v) => value(f, v, &path)?,
        }
    }
    Ok(())
}

fn value(f: &Field, v: &Value, path: &str) -> Result<(), Fail> {
    let typed = match f.kind.as_str() {
        "string" => v.is_string(),
        "integer" => v.is_i64() || v.is_u64(),
        "boolean" => v.is_boolean(),
        "array" => v.is_array(),
        "object" => v.is_object(),
        _ => true,
    };
    if !typed {
        return Err(Fail::param(path, format_args!("must be {}", f.kind)));
    }
    constraints(f, v, path)?;
    match (v, &f.fields) {
        (Value::Array(items), Some(fields)) => {
            for (i, item) in items.iter().enumerate() {
                let at = format!("{path}[{i}]");
                if !item.is_object() {
                    return Err(Fail::param(&at, "must be object"));
                }
                object(fields, item, &at)?;
            }
        }
        (Value::Object(_), Some(fields)) => object(fields, v, path)?,
        _ => {}
    }
    Ok(())
}

fn constraints(f: &Field, v: &Value, path: &str) -> Result<(), Fail> {
    if let Some(allowed) = &f.one_of {
        if !allowed.iter().any(|a| same(a, v)) {
            let list: Vec<String> = allowed.iter().map(|a| a.to_string()).collect();
            return Err(Fail::param(
                path,
                format_args!("must be one of {}", list.join(", ")),
            ));
        }
    }
    if let Value::String(s) = v {
        let n = s.chars().count();
        if f.min_length.is_some_and(|m| n < m) || f.max_length.is_some_and(|m| n > m) {
            let (lo, hi) = (
                f.min_length.unwrap_or(0),
                f.max_length.unwrap_or(usize::MAX),
            );
            return Err(Fail::param(
                path,
                format_args!("length must be {lo}-{hi} characters"),
            ));
        }
    }
    if let Some(n) = v.as_f64() {
        let low = f.minimum.is_some_and(|m| n < m) || f.exclusive_minimum.is_some_and(|m| n <= m);
        if low || f.maximum.is_some_and(|m| n > m) {
            return Err(Fail::param(path, "is out of the documented range"));
        }
    }
    Ok(())
}

/// Enum members compare as JSON values; numbers by value (`4` equals `4.0`).
fn same(a: &Value, v: &Value) -> bool {
    match (a.as_f64(), v.as_f64()) {
        (Some(x), Some(y)) => x == y,
        _ => a == v,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bcs_route_has_rules() {
        let schemas = Schemas::default();
        let catalog = crate::catalog::Catalog::load();
        let bcs: Vec<_> = catalog
            .routes()
            .iter()
            .filter(|r| r.service == "bcs")
            .collect();
        assert_eq!(bcs.len(), 82);
        for r in bcs {
            assert!(schemas.get(&r.id).is_some(), "{} has no rules", r.id);
        }
        assert_eq!(
            schemas.get("create_engine_instance").map(Schema::part),
            Some(Part::Engine)
        );
        assert_eq!(
            schemas.get("e2ee_encrypt_message").map(Schema::part),
            Some(Part::Fabric)
        );
    }
}
