//! A field's definition type (`String`, `Vec<Account>`, a model name) in each language, and the
//! names each language uses.

use chainkit_core::api::FieldSpec;

/// A definition type, parsed from its `stringify!` text.
pub enum Ty {
    /// `String`.
    Text,
    /// `Secret`.
    Secret,
    /// `i32`, `i64`.
    Int,
    /// `f64`.
    Float,
    /// `bool`.
    Bool,
    /// `Vec<T>`.
    List(Box<Ty>),
    /// Another model.
    Model(String),
}

impl Ty {
    /// Parses `text`; unknown names are models.
    pub fn parse(text: &str) -> Ty {
        let text: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(inner) = text.strip_prefix("Vec<").and_then(|t| t.strip_suffix('>')) {
            return Ty::List(Box::new(Ty::parse(inner)));
        }
        match text.as_str() {
            "String" => Ty::Text,
            "Secret" => Ty::Secret,
            "i32" | "i64" | "u32" | "u64" => Ty::Int,
            "f64" => Ty::Float,
            "bool" => Ty::Bool,
            _ => Ty::Model(text),
        }
    }

    /// The Python annotation.
    pub fn python(&self) -> String {
        match self {
            Ty::Text => "str".into(),
            Ty::Secret => "Secret".into(),
            Ty::Int => "int".into(),
            Ty::Float => "float".into(),
            Ty::Bool => "bool".into(),
            Ty::List(t) => format!("list[{}]", t.python()),
            Ty::Model(m) => m.clone(),
        }
    }

    /// The TypeScript type (JS passes secrets as strings and uses the wire names).
    pub fn typescript(&self) -> String {
        match self {
            Ty::Text | Ty::Secret => "string".into(),
            Ty::Int | Ty::Float => "number".into(),
            Ty::Bool => "boolean".into(),
            Ty::List(t) => format!("{}[]", t.typescript()),
            Ty::Model(m) => m.clone(),
        }
    }
}

/// A field's Python annotation, `| None` when optional.
pub fn python_field(f: &FieldSpec) -> String {
    let t = Ty::parse(f.ty).python();
    if f.optional {
        format!("{t} | None")
    } else {
        t
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
