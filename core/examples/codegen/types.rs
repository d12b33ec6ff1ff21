//! A definition type (`spec::Ty`) in each language, and the names and doc text the outputs share.

use chainkit_core::api::{FieldSpec, ModelKind, Ty};

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

/// The type as the reference shows it, close to the definition's spelling.
pub fn rust(ty: &Ty) -> String {
    match ty {
        Ty::Str => "String".into(),
        Ty::Secret => "Secret".into(),
        Ty::Bool => "bool".into(),
        Ty::I32 => "i32".into(),
        Ty::I64 => "i64".into(),
        Ty::U32 => "u32".into(),
        Ty::U64 => "u64".into(),
        Ty::F64 => "f64".into(),
        Ty::Json => "Json".into(),
        Ty::Bytes => "Bytes".into(),
        Ty::List(t) => format!("Vec<{}>", rust(t)),
        Ty::Model(m) | Ty::Enum(m) => (*m).into(),
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
