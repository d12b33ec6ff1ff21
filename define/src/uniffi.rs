//! The Kotlin/Swift expansion (chainkit-uniffi): a record per model, an enum per documented
//! value set, the service's client object (`client.<svc>()`) with a `suspend`/`async` method
//! per endpoint, and a cursor object per paged list (`nextPage()` until null). Kotlin and
//! Swift see one namespace, so every model, enum and cursor type is named with its service's
//! prefix (`text::foreign_type`). Validation, wire names and decoding stay in core.

use proc_macro2::{Ident, TokenStream};
use quote::{format_ident, quote};

use crate::parse::{Field, Output, Service, Ty};
use crate::text::foreign_type;

struct Names<'a> {
    svc: &'a Service,
}

impl Names<'_> {
    fn of(&self, name: &Ident) -> Ident {
        format_ident!(
            "{}",
            foreign_type(&self.svc.module.to_string(), &name.to_string())
        )
    }

    fn ty(&self, ty: &Ty) -> TokenStream {
        match ty {
            Ty::Prim(p) => match p.to_string().as_str() {
                "Secret" => quote!(::std::sync::Arc<crate::secret::Secret>),
                "Json" => quote!(crate::conv::JsonText),
                "Bytes" => quote!(::std::vec::Vec<u8>),
                _ => quote!(#p),
            },
            Ty::List(t) => {
                let t = self.ty(t);
                quote!(::std::vec::Vec<#t>)
            }
            Ty::Model(n) | Ty::Enum(n) => {
                let n = self.of(n);
                quote!(#n)
            }
        }
    }

    fn field(&self, f: &Field) -> TokenStream {
        let name = &f.name;
        let docs = &f.docs;
        let t = self.ty(&f.ty);
        if f.optional {
            quote!(#(#[doc = #docs])* #[uniffi(default = None)] pub #name: ::core::option::Option<#t>,)
        } else {
            quote!(#(#[doc = #docs])* pub #name: #t,)
        }
    }
}

pub fn expand(svc: &Service) -> syn::Result<TokenStream> {
    let names = Names { svc };
    let module = &svc.module;
    let core = quote!(::chainkit_core::#module);
    let error = quote!(crate::error::ChainkitError);
    let mut out = TokenStream::new();

    for e in &svc.enums {
        let (name, ours) = (&e.name, names.of(&e.name));
        let docs = &e.docs;
        let vnames: Vec<_> = e.variants.iter().map(|v| &v.name).collect();
        let vdocs: Vec<_> = e.variants.iter().map(|v| &v.docs).collect();
        out.extend(quote! {
            #(#[doc = #docs])*
            #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, uniffi::Enum)]
            pub enum #ours {
                #( #(#[doc = #vdocs])* #vnames, )*
                /// A value this version of chainkit does not know (answers only).
                Unknown,
            }

            impl ::chainkit_core::api::Conv<#core::#name> for #ours {
                fn conv(self) -> #core::#name {
                    match self {
                        #( Self::#vnames => #core::#name::#vnames, )*
                        Self::Unknown => #core::#name::Unknown,
                    }
                }
            }

            impl ::chainkit_core::api::Conv<#ours> for #core::#name {
                fn conv(self) -> #ours {
                    match self {
                        #( Self::#vnames => #ours::#vnames, )*
                        Self::Unknown => #ours::Unknown,
                    }
                }
            }
        });
    }

    for m in &svc.models {
        let (name, ours) = (&m.name, names.of(&m.name));
        let docs = &m.docs;
        let fields = m.fields.iter().map(|f| names.field(f));
        let fnames: Vec<_> = m.fields.iter().map(|f| &f.name).collect();
        out.extend(quote! {
            #(#[doc = #docs])*
            #[derive(Clone, Debug, uniffi::Record)]
            pub struct #ours { #(#fields)* }

            impl ::chainkit_core::api::Conv<#core::#name> for #ours {
                fn conv(self) -> #core::#name {
                    #core::#name { #( #fnames: ::chainkit_core::api::Conv::conv(self.#fnames), )* }
                }
            }

            impl ::chainkit_core::api::Conv<#ours> for #core::#name {
                fn conv(self) -> #ours {
                    #ours { #( #fnames: ::chainkit_core::api::Conv::conv(self.#fnames), )* }
                }
            }
        });
    }

    let client = &svc.client;
    let mut methods = Vec::new();
    for ep in &svc.endpoints {
        let name = &ep.name;
        let docs = &ep.docs;
        let (out_ty, convert) = match &ep.output {
            Output::Empty => (quote!(()), quote!(out)),
            Output::Download => (
                quote!(crate::conv::Download),
                quote!(crate::conv::Download::from(out)),
            ),
            Output::Model(m) => {
                let m = names.of(m);
                (quote!(#m), quote!(::chainkit_core::api::Conv::conv(out)))
            }
        };
        let (param, call) = match &ep.input {
            Some(i) => {
                let ours = names.of(i);
                (
                    quote!(input: #ours),
                    quote! {
                        let input: #core::#i = ::chainkit_core::api::Conv::conv(input);
                        let out = self.0.#name(&input).await?;
                    },
                )
            }
            None => (quote!(), quote!(let out = self.0.#name().await?;)),
        };
        methods.push(quote! {
            #(#[doc = #docs])*
            pub async fn #name(&self, #param) -> ::core::result::Result<#out_ty, #error> {
                #call
                Ok(#convert)
            }
        });
        if let (Some(p), Some(input)) = (&ep.pages, &ep.input) {
            let (pname, pager, item) = (&p.name, names.of(&p.pager), &p.item);
            let (item_ours, input_ours) = (names.of(item), names.of(input));
            out.extend(quote! {
                /// A cursor over a paged list: each `nextPage()` fetches one page.
                #[derive(uniffi::Object)]
                pub struct #pager {
                    service: #core::#client,
                    /// Held across a page's fetch: concurrent `nextPage()` calls take turns
                    /// (else two would fetch the same page and one page would be lost).
                    pager: ::futures::lock::Mutex<::chainkit_core::api::paging::Pager>,
                }

                #[uniffi::export(async_runtime = "tokio")]
                impl #pager {
                    /// The next page's items, or null when the list is exhausted.
                    pub async fn next_page(&self) -> ::core::result::Result<::core::option::Option<::std::vec::Vec<#item_ours>>, #error> {
                        let mut pager = self.pager.lock().await;
                        let Some(input) = pager.next_input() else {
                            return Ok(None);
                        };
                        // A failed or cancelled fetch leaves the cursor where it was.
                        let output = self.service.call_value(&#core::specs::#name, input).await?;
                        let items = pager.record(output)?;
                        if items.is_empty() {
                            return Ok(None);
                        }
                        items
                            .into_iter()
                            .map(|v| {
                                let item: #core::#item = ::chainkit_core::api::from_wire(v)?;
                                Ok(::chainkit_core::api::Conv::conv(item))
                            })
                            .collect::<::core::result::Result<::std::vec::Vec<_>, #error>>()
                            .map(Some)
                    }
                }
            });
            methods.push(quote! {
                /// A cursor over every page of the list from `input`'s page on: call
                /// `nextPage()` until it returns null.
                pub fn #pname(&self, input: #input_ours) -> ::std::sync::Arc<#pager> {
                    let input: #core::#input = ::chainkit_core::api::Conv::conv(input);
                    let pages = #core::specs::#name.pages.as_ref();
                    let pager = ::chainkit_core::api::paging::Pager::new(
                        pages.unwrap_or_else(|| unreachable!("a paged endpoint has a walk")),
                        ::chainkit_core::api::WireValue::wire(&input).unwrap_or_default(),
                    );
                    ::std::sync::Arc::new(#pager {
                        service: self.0.clone(),
                        pager: ::futures::lock::Mutex::new(pager),
                    })
                }
            });
        }
    }
    let getter_doc = format!(
        "The `{module}` service's endpoints, sent with this client's options and credentials."
    );
    out.extend(quote! {
        use crate::client::Client;

        /// One service's endpoints, from the client's method named after the service.
        #[derive(uniffi::Object)]
        pub struct #client(pub(crate) #core::#client);

        #[uniffi::export(async_runtime = "tokio")]
        impl #client {
            #(#methods)*
        }

        #[uniffi::export]
        impl Client {
            #[doc = #getter_doc]
            pub fn #module(&self) -> ::std::sync::Arc<#client> {
                let (executor, auth) = self.parts();
                ::std::sync::Arc::new(#client(#core::#client::new(executor, auth)))
            }
        }
    });
    Ok(out)
}
