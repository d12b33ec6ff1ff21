//! `service!`: this binding's expander of a service definition block (core's `dna_api!` and
//! friends; grammar in core's `api/define.rs`). Each model becomes a uniffi record (a Kotlin data
//! class, a Swift struct) with the definition's docs, each endpoint a `suspend`/`async` method
//! of the service's client object. Validation, wire names and parsing stay in core.

/// Expands a definition block; `$core` is the core module that holds the same definitions.
macro_rules! service {
    ($core:path;
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
        use $core as core_service;
        $(
            service!(@record $(#[doc = $mdoc])* $model []
                $( [$(#[doc = $fdoc])*] $($opt)? $field $fty; )*
            );

            impl ::chainkit_core::api::Conv<core_service::$model> for $model {
                fn conv(self) -> core_service::$model {
                    core_service::$model { $( $field: ::chainkit_core::api::Conv::conv(self.$field), )* }
                }
            }

            impl ::chainkit_core::api::Conv<$model> for core_service::$model {
                fn conv(self) -> $model {
                    $model { $( $field: ::chainkit_core::api::Conv::conv(self.$field), )* }
                }
            }
        )*

        $($(
            /// A cursor over a paged list: each `nextPage()` fetches one page.
            #[derive(uniffi::Object)]
            pub struct $pager {
                service: core_service::$client,
                state: ::std::sync::Mutex<(core_service::$in, ::chainkit_core::api::paging::Pager)>,
            }

            #[uniffi::export(async_runtime = "tokio")]
            impl $pager {
                /// The next page's items, or null when the list is exhausted.
                pub async fn next_page(&self) -> Result<Option<Vec<$item>>, $crate::error::ChainkitError> {
                    let lock = || self.state.lock().unwrap_or_else(|e| e.into_inner());
                    let input = {
                        let state = lock();
                        let Some(page) = state.1.next_page() else {
                            return Ok(None);
                        };
                        core_service::$in { page_num: page, ..state.0.clone() }
                    };
                    let out = self.service.$ep(&input).await?;
                    lock().1.record(out.total, out.data.len());
                    if out.data.is_empty() {
                        return Ok(None);
                    }
                    Ok(Some(::chainkit_core::api::Conv::conv(out.data)))
                }
            }
        )?)*

        /// One service's endpoints, from the client's method named after the service.
        #[derive(uniffi::Object)]
        pub struct $client(pub(crate) core_service::$client);

        #[uniffi::export(async_runtime = "tokio")]
        impl $client {
            $(
                $(#[doc = $edoc])*
                pub async fn $ep(&self, input: $in) -> Result<$out, $crate::error::ChainkitError> {
                    let input: core_service::$in = ::chainkit_core::api::Conv::conv(input);
                    Ok(::chainkit_core::api::Conv::conv(self.0.$ep(&input).await?))
                }

                $(
                    /// A cursor over every page of the list from `input`'s page on: call
                    /// `nextPage()` until it returns null.
                    pub fn $pages(&self, input: $in) -> ::std::sync::Arc<$pager> {
                        let input: core_service::$in = ::chainkit_core::api::Conv::conv(input);
                        let pager = ::chainkit_core::api::paging::Pager::new(input.page_num, input.page_size);
                        ::std::sync::Arc::new($pager {
                            service: self.0.clone(),
                            state: ::std::sync::Mutex::new((input, pager)),
                        })
                    }
                )?
            )*
        }
    };

    // A record, its fields gathered one by one so that optional ones get a `None` default.
    (@record $(#[doc = $mdoc:literal])* $model:ident [$($done:tt)*]) => {
        $(#[doc = $mdoc])*
        #[derive(Clone, Debug, uniffi::Record)]
        pub struct $model { $($done)* }
    };
    (@record $(#[doc = $mdoc:literal])* $model:ident [$($done:tt)*]
        [$(#[doc = $fdoc:literal])*] optional $field:ident $fty:ty; $($rest:tt)*
    ) => {
        service!(@record $(#[doc = $mdoc])* $model
            [$($done)* $(#[doc = $fdoc])* #[uniffi(default = None)] pub $field: Option<$fty>,]
            $($rest)*);
    };
    (@record $(#[doc = $mdoc:literal])* $model:ident [$($done:tt)*]
        [$(#[doc = $fdoc:literal])*] $field:ident $fty:ty; $($rest:tt)*
    ) => {
        service!(@record $(#[doc = $mdoc])* $model
            [$($done)* $(#[doc = $fdoc])* pub $field: $fty,]
            $($rest)*);
    };
}
