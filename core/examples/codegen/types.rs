//! A definition type (`spec::Ty`) in each language, and the names and doc text the outputs share.

use chainkit_core::api::{FieldSpec, ModelKind, ServiceSpec, Ty};

/// The Python annotation (model and enum names are the service module's own).
pub fn python(ty: &Ty) -> String {
    match ty {
        Ty::Str => "str".into(),
        Ty::Secret => "Secret".into(),
        Ty::Bool => "bool".into(),
        Ty::I32 | Ty::I64 | Ty::U32 | Ty::U64 => "int".into(),
        Ty::F64 => "float".into(),
        Ty::Json => "_Json".into(),
        Ty::Bytes => "bytes".into(),
        Ty::List(t) => format!("list[{}]", python(t)),
        Ty::Model(m) | Ty::Enum(m) => (*m).into(),
    }
}

/// A field's Python annotation, `| None` when optional.
pub fn python_field(f: &FieldSpec) -> String {
    let t = python(&f.ty);
    if f.optional {
        format!("{t} | None")
    } else {
        t
    }
}

/// The TypeScript type, inside the service's namespace. JS passes secrets as strings; 64-bit
/// integers are `bigint` in answers and `bigint | number` in inputs (a number is exact up to
/// 2^53); file content is a `Uint8Array` in inputs (base64 text on the wire).
pub fn typescript(ty: &Ty, kind: ModelKind) -> String {
    match ty {
        Ty::Str | Ty::Secret => "string".into(),
        Ty::Bool => "boolean".into(),
        Ty::I32 | Ty::U32 | Ty::F64 => "number".into(),
        Ty::I64 | Ty::U64 => match kind {
            ModelKind::Input => "bigint | number".into(),
            ModelKind::Output => "bigint".into(),
        },
        Ty::Json => "JsonValue".into(),
        Ty::Bytes => match kind {
            ModelKind::Input => "Uint8Array | string".into(),
            ModelKind::Output => "string".into(),
        },
        Ty::List(t) => match **t {
            Ty::I64 | Ty::U64 | Ty::Bytes if kind == ModelKind::Input => {
                format!("({})[]", typescript(t, kind))
            }
            _ => format!("{}[]", typescript(t, kind)),
        },
        Ty::Model(m) | Ty::Enum(m) => (*m).into(),
    }
}

/// The Kotlin/Swift name of a model or enum of `s` (prefixed with the service).
fn foreign_name(s: &ServiceSpec, name: &str) -> String {
    s.model(name)
        .map(|m| m.foreign)
        .or_else(|| s.enumeration(name).map(|e| e.foreign))
        .unwrap_or(name)
        .to_owned()
}

/// The Kotlin type (uniffi's mapping; free-form JSON is its text).
pub fn kotlin(ty: &Ty, s: &ServiceSpec) -> String {
    match ty {
        Ty::Str | Ty::Json => "String".into(),
        Ty::Secret => "Secret".into(),
        Ty::Bool => "Boolean".into(),
        Ty::I32 => "Int".into(),
        Ty::I64 => "Long".into(),
        Ty::U32 => "UInt".into(),
        Ty::U64 => "ULong".into(),
        Ty::F64 => "Double".into(),
        Ty::Bytes => "ByteArray".into(),
        Ty::List(t) => format!("List<{}>", kotlin(t, s)),
        Ty::Model(m) | Ty::Enum(m) => foreign_name(s, m),
    }
}

/// The Swift type (uniffi's mapping; free-form JSON is its text).
pub fn swift(ty: &Ty, s: &ServiceSpec) -> String {
    match ty {
        Ty::Str | Ty::Json => "String".into(),
        Ty::Secret => "Secret".into(),
        Ty::Bool => "Bool".into(),
        Ty::I32 => "Int32".into(),
        Ty::I64 => "Int64".into(),
        Ty::U32 => "UInt32".into(),
        Ty::U64 => "UInt64".into(),
        Ty::F64 => "Double".into(),
        Ty::Bytes => "Data".into(),
        Ty::List(t) => format!("[{}]", swift(t, s)),
        Ty::Model(m) | Ty::Enum(m) => foreign_name(s, m),
    }
}

/// `series_add` → `seriesAdd` (uniffi's Kotlin/Swift naming).
pub fn lower_camel(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Doc text without rustdoc's leading space on each line, trimmed.
pub fn doc(text: &str) -> String {
    text.lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n")
        .trim()
        .to_owned()
}
