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
                    $(, pages $pages:ident $pages_js:literal of $item:ident)?;
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
                    /// Every item of the list, from `input`'s page on: fetches the pages one after
                    /// another and returns them together.
                    pub async fn $pages(&self, input: $in) -> Result<Vec<$item>, $crate::error::ChainkitError> {
                        use ::futures::TryStreamExt as _;
                        let input: core_service::$in = ::chainkit_core::api::Conv::conv(input);
                        let items: Vec<_> = self.0.$pages(&input).try_collect().await?;
                        Ok(::chainkit_core::api::Conv::conv(items))
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
