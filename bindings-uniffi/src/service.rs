//! Every registered service's Kotlin/Swift surface, expanded from its definition by
//! `chainkit_define::uniffi_service` (one module per service, re-exported at the crate root:
//! uniffi has one namespace, so generated type names carry their service's prefix). Nothing
//! here names a service.

macro_rules! expand {
    ($svc:ident $api:ident) => {
        #[doc = concat!(
            "The `", stringify!($svc), "` service's records, enums, cursors and client object."
        )]
        pub mod $svc {
            ::chainkit_core::$api!(::chainkit_define::uniffi_service);
        }
        pub use $svc::*;
    };
}
chainkit_core::for_each_service!(expand);
