//! `define_service!`: core's expander of a service definition block (see `docs/endpoints.md`).
//!
//! The block's grammar, shared by every expander:
//!
//! ```text
//! service <module> <Client> envelope <path to an Envelope>;
//! models {
//!     /// doc
//!     input|output <Model> {
//!         /// doc
//!         <rust_name> "<wireName>" [optional]: <Type> [<rule>, …],   // [rules] may be left out
//!     }
//! }
//! endpoints {
//!     /// doc
//!     <rust_name> "<jsName>": <METHOD> "<path with {wireName}>", auth <service|none>,
//!         <Input> => <Output>, <idempotent|once>
//!         [, pages <rust_name> "<jsName>" of <Item> by <Pager>];   // Pager: the cursor type
//!                                                                  // bindings without generic
//!                                                                  // iterators (uniffi) export
//! }
//! ```
//! Core turns it into: the models (serde `Deserialize` with the wire names, [`WireValue`],
//! [`Validate`] running the rules), one [`EndpointSpec`] per endpoint in module `specs`, a client
//! with one `async fn` per endpoint, JSON entry points for vectors and dynamic callers, and
//! `SERVICE`, the [`ServiceSpec`] that docs, stubs and coverage lists are generated from.
//!
//! [`WireValue`]: crate::api::WireValue
//! [`Validate`]: crate::api::Validate
//! [`EndpointSpec`]: crate::api::EndpointSpec
//! [`ServiceSpec`]: crate::api::ServiceSpec

/// A field's Rust type: `optional T` is `Option<T>`. Expanders use it so that each can also
/// act on the marker (a default of `None`, an optional TypeScript property).
#[doc(hidden)]
#[macro_export]
macro_rules! field_type {
    (@optional optional) => { true };
    (@optional) => { false };
    (optional $t:ty) => { ::core::option::Option<$t> };
    ($t:ty) => { $t };
}

/// Expands a service definition block into core's types, endpoints and client.
#[doc(hidden)]
#[macro_export]
macro_rules! define_service {
    (
        service $svc:ident $client:ident envelope $envelope:path;
        models { $(
            $(#[doc = $mdoc:literal])*
            $kind:ident $model:ident {
                $(
                    $(#[doc = $fdoc:literal])*
                    $field:ident $wire:literal $($opt:ident)? : $fty:ty $([$($rule:expr),* $(,)?])?
                ),* $(,)?
            }
        )* }
        endpoints {
            $(
                $(#[doc = $edoc:literal])*
                $ep:ident $js:literal : $method:ident $path:literal, auth $auth:ident,
                    $in:ident => $out:ident, $idem:ident
                    $(, pages $pages:ident $pages_js:literal of $item:ident by $pager:ident)?;
            )*
        }
    ) => {
        $(
            $crate::define_service!(@model $kind
                $(#[doc = $mdoc])*
                $model { $( $(#[doc = $fdoc])* $field $wire $($opt)? : $fty $([$($rule),*])? ),* }
            );
        )*

        /// One [`EndpointSpec`]($crate::api::EndpointSpec) per endpoint, named like its method.
        #[allow(non_upper_case_globals)]
        pub mod specs {
            $(
                #[doc = concat!("`", stringify!($ep), "`")]
                pub const $ep: $crate::api::EndpointSpec = $crate::api::EndpointSpec {
                    service: stringify!($svc),
                    name: stringify!($ep),
                    js_name: $js,
                    method: stringify!($method),
                    path: $path,
                    auth: $crate::define_service!(@auth $auth),
                    idempotent: $crate::define_service!(@idempotent $idem),
                    input: Some(stringify!($in)),
                    output: stringify!($out),
                    doc: concat!($($edoc, "\n"),*),
                    pages: $crate::define_service!(@pages $($pages $pages_js $item $pager)?),
                };
            )*
        }

        /// Everything stated in this service's definition, for generated docs, stubs and coverage.
        pub static SERVICE: $crate::api::ServiceSpec = $crate::api::ServiceSpec {
            name: stringify!($svc),
            client: stringify!($client),
            models: &[$(
                $crate::api::ModelSpec {
                    name: stringify!($model),
                    kind: stringify!($kind),
                    doc: concat!($($mdoc, "\n"),*),
                    fields: &[$(
                        $crate::api::FieldSpec {
                            name: stringify!($field),
                            wire: $wire,
                            ty: stringify!($fty),
                            optional: $crate::field_type!(@optional $($opt)?),
                            doc: concat!($($fdoc, "\n"),*),
                            rules: concat!($($(stringify!($rule), " "),*)?),
                        }
                    ),*],
                }
            ),*],
            endpoints: &[$(specs::$ep),*],
        };

        #[doc = concat!("The `", stringify!($svc), "` service's endpoints, each an `async fn`.")]
        #[derive(Clone)]
        pub struct $client {
            executor: $crate::Executor,
            auth: ::std::sync::Arc<dyn $crate::Authorizer>,
        }

        impl $client {
            /// Calls go through `executor`; endpoints that need the service's auth use `auth`.
            pub fn new(
                executor: $crate::Executor,
                auth: ::std::sync::Arc<dyn $crate::Authorizer>,
            ) -> Self {
                Self { executor, auth }
            }

            async fn call<I, O>(&self, spec: &'static $crate::api::EndpointSpec, input: &I) -> $crate::Result<O>
            where
                I: $crate::api::Validate + $crate::api::WireValue,
                O: ::serde::de::DeserializeOwned,
            {
                let call = Self::prepare_call::<I, O>(spec, input)?;
                let auth: &dyn $crate::Authorizer = match spec.auth {
                    $crate::api::AuthKind::Service => &*self.auth,
                    $crate::api::AuthKind::None => &$crate::NoAuth,
                };
                self.executor.execute(&call, auth).await
            }

            fn prepare_call<I, O>(
                spec: &'static $crate::api::EndpointSpec,
                input: &I,
            ) -> $crate::Result<$crate::api::Call<O, $envelope>>
            where
                I: $crate::api::Validate + $crate::api::WireValue,
            {
                input
                    .validate()
                    .map_err(|e| e.with_service(stringify!($svc)).not_sent())?;
                let wire = $crate::api::WireValue::wire(input).unwrap_or_default();
                $crate::api::Call::new(spec, wire)
            }

            $(
                $(#[doc = $edoc])*
                pub async fn $ep(&self, input: &$in) -> $crate::Result<$out> {
                    self.call(&specs::$ep, input).await
                }

                $(
                    #[doc = concat!("Every `", stringify!($item), "` of [`Self::", stringify!($ep),
                        "`], from `input`'s page on, fetching one page at a time.")]
                    pub fn $pages<'a>(
                        &'a self,
                        input: &$in,
                    ) -> impl ::futures::Stream<Item = $crate::Result<$item>> + 'a {
                        let first = input.clone();
                        $crate::api::paging::items(first.page_num, first.page_size, move |page| {
                            let input = $in { page_num: page, ..first.clone() };
                            async move {
                                let out = self.$ep(&input).await?;
                                Ok((out.total, out.data))
                            }
                        })
                    }
                )?
            )*

            /// Calls the endpoint named `name` (its Rust name) with `input` in wire JSON and
            /// answers in wire JSON: for dynamic callers and bindings without typed methods.
            pub async fn call_json(
                &self,
                name: &str,
                input: &::serde_json::Value,
            ) -> $crate::Result<::serde_json::Value> {
                match name {
                    $(
                        stringify!($ep) => {
                            let input: $in = $crate::api::from_wire(stringify!($svc), input)?;
                            let out = self.$ep(&input).await?;
                            Ok($crate::api::WireValue::wire(&out).unwrap_or_default())
                        }
                    )*
                    other => Err($crate::Error::invalid_input(format!(
                        "{} has no endpoint {other:?}", stringify!($svc)
                    ))),
                }
            }

            /// The unsigned request `name` builds from `input` (wire JSON) against `base`.
            pub fn build_json(
                name: &str,
                base: &$crate::url::Url,
                input: &::serde_json::Value,
            ) -> $crate::Result<$crate::Request> {
                use $crate::Endpoint as _;
                match name {
                    $(
                        stringify!($ep) => {
                            let input: $in = $crate::api::from_wire(stringify!($svc), input)?;
                            Self::prepare_call::<$in, $out>(&specs::$ep, &input)?.build(base)
                        }
                    )*
                    other => Err($crate::Error::invalid_input(format!(
                        "{} has no endpoint {other:?}", stringify!($svc)
                    ))),
                }
            }
        }
    };

    // Inputs reject unknown fields (a typo is an error, not a silently dropped parameter);
    // outputs accept them (services add fields).
    (@model input $($rest:tt)*) => {
        $crate::define_service!(@struct [#[serde(deny_unknown_fields)]] $($rest)*);
    };
    (@model output $($rest:tt)*) => {
        $crate::define_service!(@struct [] $($rest)*);
    };

    (@struct [$(#[$extra:meta])*]
        $(#[doc = $mdoc:literal])*
        $model:ident { $( $(#[doc = $fdoc:literal])* $field:ident $wire:literal $($opt:ident)? : $fty:ty $([$($rule:expr),*])? ),* }
    ) => {
        $(#[doc = $mdoc])*
        #[derive(Clone, Debug, PartialEq, ::serde::Deserialize)]
        $(#[$extra])*
        pub struct $model {
            $(
                $(#[doc = $fdoc])*
                #[serde(rename = $wire)]
                pub $field: $crate::field_type!($($opt)? $fty),
            )*
        }

        impl $crate::api::WireValue for $model {
            fn wire(&self) -> Option<::serde_json::Value> {
                Some($crate::api::wire::object([
                    $( ($wire, $crate::api::WireValue::wire(&self.$field)) ),*
                ]))
            }
        }

        impl $crate::api::Validate for $model {
            #[allow(unused_imports)]
            fn validate_at(&self, at: &str) -> $crate::Result<()> {
                use $crate::api::rules::*;
                $(
                    let field = $crate::api::rules::path(at, $wire);
                    $($( $crate::api::rules::check(&$rule, &field, &self.$field)?; )*)?
                    $crate::api::Validate::validate_at(&self.$field, &field)?;
                )*
                Ok(())
            }
        }
    };

    (@pages) => { None };
    (@pages $pages:ident $pages_js:literal $item:ident $pager:ident) => {
        Some($crate::api::PagesSpec {
            name: stringify!($pages),
            js_name: $pages_js,
            item: stringify!($item),
            pager: stringify!($pager),
        })
    };
    (@auth service) => { $crate::api::AuthKind::Service };
    (@auth none) => { $crate::api::AuthKind::None };
    (@idempotent idempotent) => { true };
    (@idempotent once) => { false };
}
