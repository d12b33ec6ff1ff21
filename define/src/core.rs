//! Core's expansion: the Rust models, the `SERVICE` spec the engine runs on, and the typed
//! client whose methods go through the engine (`crate::api::client`).

use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use syn::LitStr;

use crate::parse::{Body, Endpoint, Field, Output, Rule, Service, Ty, Walk};
use crate::text::{doc_text, foreign_type};

/// A doc text for the runtime spec. Only native tools read it (codegen writes docs, stubs and JS
/// from it), so a wasm32 build carries an empty string instead: the text is already in the
/// generated `.d.ts` and would only grow the `.wasm`.
fn spec_doc(docs: &[LitStr]) -> TokenStream {
    let text = doc_text(docs);
    quote!(if cfg!(target_arch = "wasm32") { "" } else { #text })
}

/// A field's Rust type in core.
pub fn rust_type(ty: &Ty) -> TokenStream {
    match ty {
        Ty::Prim(p) => match p.to_string().as_str() {
            "Secret" => quote!(crate::secret::Secret),
            "Json" => quote!(::serde_json::Value),
            "Bytes" => quote!(crate::api::Bytes),
            _ => quote!(#p),
        },
        Ty::List(t) => {
            let t = rust_type(t);
            quote!(::std::vec::Vec<#t>)
        }
        Ty::Model(n) | Ty::Enum(n) => quote!(#n),
    }
}

fn ty_spec(ty: &Ty) -> TokenStream {
    match ty {
        Ty::Prim(p) => {
            let v = match p.to_string().as_str() {
                "String" => "Str",
                "Secret" => "Secret",
                "bool" => "Bool",
                "i32" => "I32",
                "i64" => "I64",
                "u32" => "U32",
                "u64" => "U64",
                "f64" => "F64",
                "Json" => "Json",
                _ => "Bytes",
            };
            let v = format_ident!("{v}");
            quote!(crate::api::Ty::#v)
        }
        Ty::List(t) => {
            let t = ty_spec(t);
            quote!(crate::api::Ty::List(&#t))
        }
        Ty::Model(n) => {
            let n = n.to_string();
            quote!(crate::api::Ty::Model(#n))
        }
        Ty::Enum(n) => {
            let n = n.to_string();
            quote!(crate::api::Ty::Enum(#n))
        }
    }
}

fn rule_spec(rule: &Rule) -> TokenStream {
    match rule {
        Rule::Chars(a, b) => quote!(crate::api::Rule::Chars(#a, #b)),
        Rule::Items(a, b) => quote!(crate::api::Rule::Items(#a, #b)),
        Rule::Hex(n) => quote!(crate::api::Rule::Hex(#n)),
        Rule::HexBytes => quote!(crate::api::Rule::HexBytes),
        Rule::Bid => quote!(crate::api::Rule::Bid),
        Rule::OneOfStr(v) => quote!(crate::api::Rule::OneOfStr(&[#(#v),*])),
        Rule::OneOfInt(v) => quote!(crate::api::Rule::OneOfInt(&[#((#v) as i64),*])),
        Rule::OneOfNum(v) => quote!(crate::api::Rule::OneOfNum(&[#(#v),*])),
        Rule::Range(a, b) => quote!(crate::api::Rule::Range((#a) as f64, (#b) as f64)),
        Rule::Date => quote!(crate::api::Rule::Date),
        Rule::DateTime => quote!(crate::api::Rule::DateTime),
    }
}

fn field_type(f: &Field) -> TokenStream {
    let t = rust_type(&f.ty);
    if f.optional {
        quote!(::core::option::Option<#t>)
    } else {
        t
    }
}

fn field_spec(f: &Field) -> TokenStream {
    let name = f.name.to_string();
    let wire = &f.wire;
    let ty = ty_spec(&f.ty);
    let optional = f.optional;
    let doc = spec_doc(&f.docs);
    let location = match f.location.as_ref().map(ToString::to_string).as_deref() {
        Some("header") => quote!(Header),
        Some("query") => quote!(Query),
        _ => quote!(Auto),
    };
    let rules = f.rules.iter().map(rule_spec);
    quote! {
        crate::api::FieldSpec {
            name: #name,
            wire: #wire,
            ty: #ty,
            optional: #optional,
            location: crate::api::Location::#location,
            doc: #doc,
            rules: &[#(#rules),*],
        }
    }
}

fn wire_path(paths: &[LitStr]) -> TokenStream {
    quote!(&[#(#paths),*])
}

fn endpoint_spec(svc: &Service, ep: &Endpoint) -> syn::Result<TokenStream> {
    let name = &ep.name;
    let name_s = name.to_string();
    let js = &ep.js;
    let method = ep.method.to_string();
    let path = &ep.path;
    let body = match (&ep.body, method.as_str()) {
        (Body::Default, "GET" | "HEAD" | "DELETE") => quote!(None),
        (Body::Default | Body::Json, _) => quote!(Json),
        (Body::Form, _) => quote!(Form),
        (Body::Multipart, _) => quote!(Multipart),
        (Body::Action(a), _) => quote!(Action(#a)),
    };
    let auth = if ep.auth {
        quote!(Service)
    } else {
        quote!(None)
    };
    let idempotent = ep.idempotent;
    let input = match &ep.input {
        Some(i) => {
            let i = i.to_string();
            quote!(Some(#i))
        }
        None => quote!(None),
    };
    let output = match &ep.output {
        Output::Empty => quote!(crate::api::Output::Empty),
        Output::Download => quote!(crate::api::Output::Download),
        Output::Model(m) => {
            let m = m.to_string();
            quote!(crate::api::Output::Model(#m))
        }
    };
    let whole = ep.whole;
    let doc = spec_doc(&ep.docs);
    let pages = match &ep.pages {
        None => quote!(None),
        Some(p) => {
            let missing = || syn::Error::new(p.name.span(), "a walk needs an input and an output");
            let in_model = ep.input.as_ref().ok_or_else(missing)?;
            let in_model = svc.model(in_model).ok_or_else(missing)?;
            let out = match &ep.output {
                Output::Model(out) => svc.model(out).ok_or_else(missing)?,
                _ => return Err(missing()),
            };
            let walk = match &p.walk {
                Walk::Page(a, b) => {
                    let (a, b) = (svc.dotted(in_model, a)?, svc.dotted(in_model, b)?);
                    quote!(crate::api::Walk::Page { page: #a, size: #b })
                }
                Walk::Offset(a, b) => {
                    let (a, b) = (svc.dotted(in_model, a)?, svc.dotted(in_model, b)?);
                    quote!(crate::api::Walk::Offset { offset: #a, limit: #b })
                }
                Walk::Marker(m, next) => {
                    let m = svc.dotted(in_model, m)?;
                    let next = wire_path(&svc.wire_path(out, next)?);
                    quote!(crate::api::Walk::Marker { marker: #m, next: #next })
                }
            };
            let items = wire_path(&svc.wire_path(out, &p.items)?);
            let total = match &p.total {
                Some(t) => {
                    let t = wire_path(&svc.wire_path(out, t)?);
                    quote!(Some(#t))
                }
                None => quote!(None),
            };
            let (pname, pjs, item, pager) = (
                p.name.to_string(),
                &p.js,
                p.item.to_string(),
                p.pager.to_string(),
            );
            let foreign_pager = foreign_type(&svc.module.to_string(), &pager);
            quote!(Some(crate::api::PagesSpec {
                name: #pname,
                js_name: #pjs,
                item: #item,
                pager: #pager,
                foreign_pager: #foreign_pager,
                walk: #walk,
                items: #items,
                total: #total,
            }))
        }
    };
    Ok(quote! {
        #[doc = concat!("`", #name_s, "`")]
        pub static #name: crate::api::EndpointSpec = crate::api::EndpointSpec {
            service: &super::SERVICE,
            name: #name_s,
            js_name: #js,
            method: #method,
            path: #path,
            body: crate::api::Body::#body,
            auth: crate::api::AuthKind::#auth,
            idempotent: #idempotent,
            input: #input,
            output: #output,
            whole: #whole,
            doc: #doc,
            pages: #pages,
        };
    })
}

fn doc_attrs(docs: &[LitStr]) -> TokenStream {
    quote!(#(#[doc = #docs])*)
}

pub fn expand(svc: &Service) -> syn::Result<TokenStream> {
    let mut out = TokenStream::new();
    for e in &svc.enums {
        let name = &e.name;
        let docs = doc_attrs(&e.docs);
        let vnames: Vec<_> = e.variants.iter().map(|v| &v.name).collect();
        let vwires: Vec<_> = e.variants.iter().map(|v| &v.wire).collect();
        let vdocs: Vec<_> = e.variants.iter().map(|v| doc_attrs(&v.docs)).collect();
        out.extend(quote! {
            #docs
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
            pub enum #name {
                #( #vdocs #vnames, )*
                /// A value this version of chainkit does not know (answers only; never sent).
                Unknown,
            }

            impl #name {
                /// The value as the service spells it (empty for `Unknown`).
                pub fn as_str(&self) -> &'static str {
                    match self {
                        #( Self::#vnames => #vwires, )*
                        Self::Unknown => "",
                    }
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #name {
                fn deserialize<D: ::serde::Deserializer<'de>>(d: D) -> ::core::result::Result<Self, D::Error> {
                    let text = <::std::string::String as ::serde::Deserialize>::deserialize(d)?;
                    Ok(match text.as_str() {
                        #( #vwires => Self::#vnames, )*
                        _ => Self::Unknown,
                    })
                }
            }

            impl crate::api::WireValue for #name {
                fn wire(&self) -> ::core::option::Option<::serde_json::Value> {
                    match self {
                        Self::Unknown => None,
                        v => Some(::serde_json::Value::String(v.as_str().into())),
                    }
                }
            }
        });
    }

    for m in &svc.models {
        let name = &m.name;
        let docs = doc_attrs(&m.docs);
        let deny = m.input.then(|| quote!(#[serde(deny_unknown_fields)]));
        let fnames: Vec<_> = m.fields.iter().map(|f| &f.name).collect();
        let fwires: Vec<_> = m.fields.iter().map(|f| &f.wire).collect();
        let ftypes: Vec<_> = m.fields.iter().map(field_type).collect();
        let fdocs: Vec<_> = m.fields.iter().map(|f| doc_attrs(&f.docs)).collect();
        out.extend(quote! {
            #docs
            #[derive(Clone, Debug, PartialEq, ::serde::Deserialize)]
            #deny
            pub struct #name {
                #( #fdocs #[serde(rename = #fwires)] pub #fnames: #ftypes, )*
            }

            impl crate::api::WireValue for #name {
                fn wire(&self) -> ::core::option::Option<::serde_json::Value> {
                    Some(crate::api::wire::object([
                        #( (#fwires, crate::api::WireValue::wire(&self.#fnames)) ),*
                    ]))
                }
            }
        });
    }

    let specs = svc
        .endpoints
        .iter()
        .map(|ep| endpoint_spec(svc, ep))
        .collect::<syn::Result<Vec<_>>>()?;
    let ep_names: Vec<_> = svc.endpoints.iter().map(|e| &e.name).collect();
    let module = svc.module.to_string();
    let client = &svc.client;
    let client_s = client.to_string();
    let envelope = &svc.envelope;
    let credentials: Vec<String> = svc.credentials.iter().map(ToString::to_string).collect();
    let models = svc.models.iter().map(|m| {
        let name = m.name.to_string();
        let kind = if m.input {
            quote!(Input)
        } else {
            quote!(Output)
        };
        let doc = spec_doc(&m.docs);
        let fields = m.fields.iter().map(field_spec);
        let foreign = foreign_type(&svc.module.to_string(), &name);
        let one_of_required = &m.one_of_required;
        quote! {
            crate::api::ModelSpec {
                name: #name,
                foreign: #foreign,
                kind: crate::api::ModelKind::#kind,
                doc: #doc,
                one_of_required: &[#(#one_of_required),*],
                fields: &[#(#fields),*],
            }
        }
    });
    let enums = svc.enums.iter().map(|e| {
        let name = e.name.to_string();
        let foreign = foreign_type(&svc.module.to_string(), &name);
        let doc = spec_doc(&e.docs);
        let variants = e.variants.iter().map(|v| {
            let (vn, vw, vd) = (v.name.to_string(), &v.wire, spec_doc(&v.docs));
            quote!(crate::api::VariantSpec { name: #vn, wire: #vw, doc: #vd })
        });
        quote! {
            crate::api::EnumSpec { name: #name, foreign: #foreign, doc: #doc, variants: &[#(#variants),*] }
        }
    });
    out.extend(quote! {
        /// One [`EndpointSpec`](crate::api::EndpointSpec) per endpoint, named like its method.
        #[allow(non_upper_case_globals)]
        pub mod specs {
            #(#specs)*
        }

        /// Everything stated in this service's definition: what the engine runs on and what
        /// generated docs, stubs and coverage lists are written from.
        pub static SERVICE: crate::api::ServiceSpec = crate::api::ServiceSpec {
            name: #module,
            client: #client_s,
            envelope: &#envelope,
            credentials: &[#(#credentials),*],
            models: &[#(#models),*],
            enums: &[#(#enums),*],
            endpoints: &[#(&specs::#ep_names),*],
        };
    });

    // The typed decode of each model answer, for the `endpoint_response` vectors (referenced
    // from `crate::vectors` only, so builds without vectors drop it).
    let typed = svc.endpoints.iter().filter_map(|ep| match &ep.output {
        Output::Model(m) => {
            let name = ep.name.to_string();
            Some(quote!(#name => Some(crate::api::from_wire::<#m>(value).map(|_| ()))))
        }
        _ => None,
    });
    out.extend(quote! {
        /// Decodes `value` (an answer of `endpoint`, normalised) into the endpoint's Rust output
        /// type; `None` for an endpoint without a model answer.
        #[doc(hidden)]
        pub fn typed_output(endpoint: &str, value: ::serde_json::Value) -> Option<crate::Result<()>> {
            match endpoint {
                #(#typed,)*
                _ => {
                    let _ = value;
                    None
                }
            }
        }
    });

    let methods = svc.endpoints.iter().map(|ep| {
        let name = &ep.name;
        let docs = doc_attrs(&ep.docs);
        let out_ty = match &ep.output {
            Output::Empty => quote!(()),
            Output::Download => quote!(crate::api::Download),
            Output::Model(m) => quote!(#m),
        };
        let (param, arg, in_ty) = match &ep.input {
            Some(i) => (quote!(, input: &#i), quote!(Some(input)), quote!(#i)),
            None => (quote!(), quote!(None), quote!(())),
        };
        let pages = ep.pages.as_ref().map(|p| {
            let pname = &p.name;
            let item = &p.item;
            let doc = format!(
                "Every `{item}` of [`Self::{name}`], from `input`'s page on, fetching one page at a time."
            );
            quote! {
                #[doc = #doc]
                pub fn #pname<'a>(
                    &'a self,
                    input: &#in_ty,
                ) -> impl ::futures::Stream<Item = crate::Result<#item>> + 'a {
                    crate::api::client::pages(&specs::#name, &self.executor, &self.auth, input)
                }
            }
        });
        quote! {
            #docs
            pub async fn #name(&self #param) -> crate::Result<#out_ty> {
                crate::api::client::call::<#in_ty, #out_ty>(&specs::#name, &self.executor, &self.auth, #arg).await
            }
            #pages
        }
    });
    let client_doc = format!("The `{module}` service's endpoints, each an `async fn`.");
    out.extend(quote! {
        #[doc = #client_doc]
        #[derive(Clone)]
        pub struct #client {
            executor: crate::Executor,
            auth: ::std::sync::Arc<dyn crate::Authorizer>,
        }

        impl #client {
            /// Calls go through `executor`; endpoints that need the service's auth use `auth`.
            pub fn new(
                executor: crate::Executor,
                auth: ::std::sync::Arc<dyn crate::Authorizer>,
            ) -> Self {
                Self { executor, auth }
            }

            /// Calls one of this service's endpoints in wire JSON (page walks, dynamic callers).
            pub async fn call_value(
                &self,
                spec: &'static crate::api::EndpointSpec,
                input: ::serde_json::Value,
            ) -> crate::Result<::serde_json::Value> {
                crate::api::client::call_value(spec, &self.executor, &self.auth, input).await
            }

            #(#methods)*
        }
    });
    Ok(out)
}
