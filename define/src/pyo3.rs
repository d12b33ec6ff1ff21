//! The Python expansion (chainkit-python): a class per model in the submodule `chainkit.<svc>`
//! (keyword-only constructor, snake_case attributes, `repr`, value equality), an enum class per
//! documented value set, the service's client (`client.<svc>`) whose methods release the GIL
//! while they wait, and an iterator per paged list. Validation, wire names and decoding stay
//! in core; values convert field by field (`Conv`).

use proc_macro2::TokenStream;
use quote::quote;

use crate::parse::{Field, Output, Service, Ty};

fn py_type(ty: &Ty) -> TokenStream {
    match ty {
        Ty::Prim(p) => match p.to_string().as_str() {
            "Secret" => quote!(crate::secret::Secret),
            "Json" => quote!(crate::json_value::Json),
            "Bytes" => quote!(::std::vec::Vec<u8>),
            _ => quote!(#p),
        },
        Ty::List(t) => {
            let t = py_type(t);
            quote!(::std::vec::Vec<#t>)
        }
        Ty::Model(n) | Ty::Enum(n) => quote!(#n),
    }
}

fn field_type(f: &Field) -> TokenStream {
    let t = py_type(&f.ty);
    if f.optional {
        quote!(::core::option::Option<#t>)
    } else {
        t
    }
}

/// `PascalCase` → `UPPER_SNAKE`, Python's spelling of enum members.
fn upper_snake(name: &str) -> String {
    let mut out = String::new();
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_uppercase());
    }
    out
}

pub fn expand(svc: &Service) -> syn::Result<TokenStream> {
    let module = &svc.module;
    let py_module = format!("chainkit.{module}");
    let core = quote!(::chainkit_core::#module);
    let mut out = TokenStream::new();
    let mut classes = Vec::new();

    for e in &svc.enums {
        let name = &e.name;
        let docs = &e.docs;
        let vnames: Vec<_> = e.variants.iter().map(|v| &v.name).collect();
        let vdocs: Vec<_> = e.variants.iter().map(|v| &v.docs).collect();
        let py_names: Vec<String> = e
            .variants
            .iter()
            .map(|v| upper_snake(&v.name.to_string()))
            .collect();
        let name_s = name.to_string();
        classes.push(name.clone());
        out.extend(quote! {
            #(#[doc = #docs])*
            #[::pyo3::pyclass(module = #py_module, name = #name_s, eq, eq_int, frozen, hash, from_py_object)]
            #[derive(Clone, Copy, PartialEq, Eq, Hash)]
            pub enum #name {
                #( #(#[doc = #vdocs])* #[pyo3(name = #py_names)] #vnames, )*
                /// A value this version of chainkit does not know (answers only).
                #[pyo3(name = "UNKNOWN")]
                Unknown,
            }

            impl ::chainkit_core::api::Conv<#core::#name> for #name {
                fn conv(self) -> #core::#name {
                    match self {
                        #( Self::#vnames => #core::#name::#vnames, )*
                        Self::Unknown => #core::#name::Unknown,
                    }
                }
            }

            impl ::chainkit_core::api::Conv<#name> for #core::#name {
                fn conv(self) -> #name {
                    match self {
                        #( Self::#vnames => #name::#vnames, )*
                        Self::Unknown => #name::Unknown,
                    }
                }
            }
        });
    }

    for m in &svc.models {
        let name = &m.name;
        let name_s = name.to_string();
        let docs = &m.docs;
        let fnames: Vec<_> = m.fields.iter().map(|f| &f.name).collect();
        let ftypes: Vec<_> = m.fields.iter().map(field_type).collect();
        let fdocs: Vec<_> = m.fields.iter().map(|f| &f.docs).collect();
        let sig = m.fields.iter().map(|f| {
            let n = &f.name;
            if f.optional {
                quote!(#n = None)
            } else {
                quote!(#n)
            }
        });
        classes.push(name.clone());
        out.extend(quote! {
            #(#[doc = #docs])*
            #[::pyo3::pyclass(module = #py_module, name = #name_s, get_all, set_all, from_py_object, eq)]
            #[derive(Clone, PartialEq)]
            pub struct #name {
                #( #(#[doc = #fdocs])* pub #fnames: #ftypes, )*
            }

            #[::pyo3::pymethods]
            impl #name {
                /// Keyword arguments only; optional fields default to `None`.
                #[new]
                #[pyo3(signature = (*, #(#sig),*))]
                // One keyword argument per field, as Python callers expect.
                #[allow(clippy::too_many_arguments)]
                fn new(#(#fnames: #ftypes),*) -> Self {
                    Self { #(#fnames),* }
                }

                fn __repr__(&self, py: ::pyo3::Python<'_>) -> ::pyo3::PyResult<String> {
                    let fields: Vec<String> = vec![
                        #( crate::service::field_repr(py, stringify!(#fnames), &self.#fnames)?, )*
                    ];
                    Ok(format!("{}({})", #name_s, fields.join(", ")))
                }
            }

            impl ::chainkit_core::api::Conv<#core::#name> for #name {
                fn conv(self) -> #core::#name {
                    #core::#name { #( #fnames: ::chainkit_core::api::Conv::conv(self.#fnames), )* }
                }
            }

            impl ::chainkit_core::api::Conv<#name> for #core::#name {
                fn conv(self) -> #name {
                    #name { #( #fnames: ::chainkit_core::api::Conv::conv(self.#fnames), )* }
                }
            }
        });
    }

    let client = &svc.client;
    let client_s = client.to_string();
    let methods = svc.endpoints.iter().map(|ep| {
        let name = &ep.name;
        let docs = &ep.docs;
        let (out_ty, convert) = match &ep.output {
            Output::Empty => (quote!(()), quote!(out)),
            Output::Download => (
                quote!(crate::service::Download),
                quote!(crate::service::Download::from(out)),
            ),
            Output::Model(m) => (quote!(#m), quote!(::chainkit_core::api::Conv::conv(out))),
        };
        let (param, call) = match &ep.input {
            Some(i) => (
                quote!(, input: #i),
                quote! {
                    let input: #core::#i = ::chainkit_core::api::Conv::conv(input);
                    let out = crate::client::wait(py, async move { service.#name(&input).await })?;
                },
            ),
            None => (
                quote!(),
                quote! {
                    let out = crate::client::wait(py, async move { service.#name().await })?;
                },
            ),
        };
        let pages = ep.pages.as_ref().map(|p| {
            let pname = &p.name;
            let item = &p.item;
            let input = ep.input.as_ref();
            quote! {
                /// Iterates over every item of the list from `input`'s page on, fetching the
                /// next page when the current one is used up.
                fn #pname(&self, py: ::pyo3::Python<'_>, input: #input) -> ::pyo3::PyResult<crate::pages::PageIterator> {
                    let input: #core::#input = ::chainkit_core::api::Conv::conv(input);
                    let item = |py: ::pyo3::Python<'_>, value: ::serde_json::Value| {
                        let item: #core::#item = ::chainkit_core::api::from_wire(value)
                            .map_err(crate::errors::to_py)?;
                        let item: #item = ::chainkit_core::api::Conv::conv(item);
                        Ok(::pyo3::Py::new(py, item)?.into_any())
                    };
                    crate::pages::PageIterator::new(
                        self.client.clone_ref(py),
                        &#core::specs::#name,
                        &input,
                        Box::new(item),
                    )
                }
            }
        });
        quote! {
            #(#[doc = #docs])*
            fn #name(&self, py: ::pyo3::Python<'_> #param) -> ::pyo3::PyResult<#out_ty> {
                let service = self.core()?;
                #call
                Ok(#convert)
            }
            #pages
        }
    });
    let getter_doc = format!(
        "The `{module}` service's endpoints, sent with this client's options and credentials."
    );
    out.extend(quote! {
        /// One service's endpoints, from the client's attribute named after the service.
        #[::pyo3::pyclass(module = #py_module, name = #client_s, frozen)]
        pub struct #client {
            pub(crate) client: ::pyo3::Py<crate::client::Client>,
        }

        impl #client {
            /// Core's client on this process's executor (see `Client::executor` on forks).
            pub(crate) fn core(&self) -> ::pyo3::PyResult<#core::#client> {
                let (executor, auth) = self.client.get().executor().map_err(crate::errors::to_py)?;
                Ok(#core::#client::new(executor, auth))
            }
        }

        #[::pyo3::pymethods]
        impl #client {
            #(#methods)*
        }

        #[::pyo3::pymethods]
        impl crate::client::Client {
            #[doc = #getter_doc]
            #[getter]
            fn #module(slf: ::pyo3::Py<Self>) -> #client {
                #client { client: slf }
            }
        }

        /// Adds the submodule `<svc>` with this service's classes to the native module.
        pub fn register(parent: &::pyo3::Bound<'_, ::pyo3::types::PyModule>) -> ::pyo3::PyResult<()> {
            use ::pyo3::types::PyModuleMethods as _;
            let module = ::pyo3::types::PyModule::new(parent.py(), stringify!(#module))?;
            #( module.add_class::<#classes>()?; )*
            module.add_class::<#client>()?;
            crate::service::add_submodule(parent, &module)
        }
    });
    Ok(out)
}
