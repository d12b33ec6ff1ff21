//! The one parser of chainkit's service definitions (docs/endpoints.md) and the code each Rust
//! crate expands them to. A definition is a block handed to one of these macros by its
//! `<service>_api!` macro in core; every expander reads the same parsed tree, so no crate
//! keeps its own copy of the grammar. JS/TS, stubs and docs are generated from the `SERVICE`
//! spec the core expansion emits (core/examples/codegen).

mod core;
mod parse;
mod pyo3;
mod text;
mod uniffi;

use proc_macro::TokenStream;

fn expand(
    input: TokenStream,
    emit: fn(&parse::Service) -> syn::Result<proc_macro2::TokenStream>,
) -> TokenStream {
    syn::parse::<parse::Service>(input)
        .and_then(|svc| emit(&svc))
        .unwrap_or_else(syn::Error::into_compile_error)
        .into()
}

/// Core's models, `SERVICE` spec, `specs` and typed client, in the service's module.
#[proc_macro]
pub fn core_service(input: TokenStream) -> TokenStream {
    expand(input, core::expand)
}

/// The Python classes and client of a service (chainkit-python).
#[proc_macro]
pub fn pyo3_service(input: TokenStream) -> TokenStream {
    expand(input, pyo3::expand)
}

/// The Kotlin/Swift records, enums, pagers and client of a service (chainkit-uniffi).
#[proc_macro]
pub fn uniffi_service(input: TokenStream) -> TokenStream {
    expand(input, uniffi::expand)
}
