//! Names and doc text shared by the expanders.

use syn::LitStr;

/// Doc comment lines (`/// text` arrives as `" text"`) as one string.
pub fn doc_text(docs: &[LitStr]) -> LitStr {
    let text: Vec<String> = docs
        .iter()
        .map(|d| {
            let v = d.value();
            v.strip_prefix(' ').map(str::to_owned).unwrap_or(v)
        })
        .collect();
    let span = docs
        .first()
        .map_or_else(proc_macro2::Span::call_site, LitStr::span);
    LitStr::new(&text.join("\n"), span)
}

/// `snake_case` → `PascalCase`.
pub fn pascal(snake: &str) -> String {
    snake
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect::<String>())
                .unwrap_or_default()
        })
        .collect()
}

/// The Kotlin/Swift name of a model, enum or pager type: one namespace holds every service, so
/// a type is prefixed with its service's name unless it already starts with it.
pub fn foreign_type(service: &str, name: &str) -> String {
    let prefix = pascal(service);
    if name.starts_with(&prefix) {
        name.to_owned()
    } else {
        format!("{prefix}{name}")
    }
}
