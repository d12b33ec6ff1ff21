//! `service!`: this binding's expander of a service definition block (core's `dna_api!` and
//! friends; grammar in core's `api/define.rs`, reasoning in docs/endpoints.md). Each model
//! becomes a Python class with keyword-only construction, attributes named like the Rust
//! fields (snake_case) and a `repr`; each endpoint a blocking method of the service's client
//! object, releasing the GIL while it waits. Validation, wire names and parsing stay in core.

use pyo3::prelude::*;
use pyo3::BoundObject as _;

/// `name=repr(value)` for a model's `repr`.
pub fn field_repr<'py, T: Clone + IntoPyObject<'py>>(
    py: Python<'py>,
    name: &str,
    value: &T,
) -> PyResult<String> {
    let shown = value
        .clone()
        .into_pyobject(py)
        .map_err(Into::into)?
        .into_any()
        .into_bound()
        .repr()?;
    Ok(format!("{name}={shown}"))
}

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
            $(#[doc = $mdoc])*
            #[pyclass(module = "chainkit", get_all, set_all, from_py_object)]
            #[derive(Clone)]
            pub struct $model {
                $( $(#[doc = $fdoc])* pub $field: ::chainkit_core::field_type!($($opt)? $fty), )*
            }

            service!(@new $model [] [] [] $( [$($opt)?] $field $fty; )*);

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

        /// Adds this service's classes to the native module.
        pub fn register(module: &Bound<'_, pyo3::types::PyModule>) -> PyResult<()> {
            use pyo3::types::PyModuleMethods as _;
            $( module.add_class::<$model>()?; )*
            module.add_class::<$client>()
        }

        /// One service's endpoints, from the client's attribute named after the service.
        #[pyclass(module = "chainkit", frozen)]
        pub struct $client {
            pub(crate) client: Py<$crate::client::Client>,
        }

        impl $client {
            /// Core's client on this process's executor (see `Client::executor` on forks).
            pub(crate) fn core(&self) -> PyResult<core_service::$client> {
                let (executor, auth) = self.client.get().executor().map_err($crate::errors::to_py)?;
                Ok(core_service::$client::new(executor, auth))
            }
        }

        #[pymethods]
        impl $client {
            $(
                $(#[doc = $edoc])*
                fn $ep(&self, py: Python<'_>, input: $in) -> PyResult<$out> {
                    let input: core_service::$in = ::chainkit_core::api::Conv::conv(input);
                    let service = self.core()?;
                    let out = $crate::client::wait(py, async move { service.$ep(&input).await })?;
                    Ok(::chainkit_core::api::Conv::conv(out))
                }

                $(
                    /// Iterates over every item of the list from `input`'s page on, fetching the
                    /// next page when the current one is used up.
                    fn $pages(&self, input: $in) -> PyResult<$crate::pages::PageIterator> {
                        let first: core_service::$in = ::chainkit_core::api::Conv::conv(input);
                        let service = self.core()?;
                        let (page_num, page_size) = (first.page_num, first.page_size);
                        let fetch = move |py: Python<'_>, page: i32| {
                            let input = core_service::$in { page_num: page, ..first.clone() };
                            let service = service.clone();
                            let out = $crate::client::wait(py, async move { service.$ep(&input).await })?;
                            let items = out
                                .data
                                .into_iter()
                                .map(|item| {
                                    let item: $item = ::chainkit_core::api::Conv::conv(item);
                                    Ok(Py::new(py, item)?.into_any())
                                })
                                .collect::<PyResult<Vec<_>>>()?;
                            Ok((out.total, items))
                        };
                        Ok($crate::pages::PageIterator::new(page_num, page_size, Box::new(fetch)))
                    }
                )?
            )*
        }
    };

    // A model's constructor, its fields gathered one by one so that optional ones get a
    // literal `None` default (what Python's signature, and so the stubs, then show).
    (@new $model:ident [$($sig:tt)*] [$($param:tt)*] [$($name:ident)*]) => {
        #[pymethods]
        impl $model {
            /// Keyword arguments only; optional fields default to `None`.
            #[new]
            #[pyo3(signature = (*, $($sig)*))]
            // One keyword argument per field, as Python callers expect.
            #[allow(clippy::too_many_arguments)]
            fn new($($param)*) -> Self {
                Self { $($name),* }
            }

            fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
                let fields: Vec<String> = vec![
                    $( $crate::service::field_repr(py, stringify!($name), &self.$name)?, )*
                ];
                Ok(format!("{}({})", stringify!($model), fields.join(", ")))
            }
        }
    };
    (@new $model:ident [$($sig:tt)*] [$($param:tt)*] [$($name:ident)*]
        [optional] $field:ident $fty:ty; $($rest:tt)*
    ) => {
        service!(@new $model [$($sig)* $field = None,] [$($param)* $field: Option<$fty>,]
            [$($name)* $field] $($rest)*);
    };
    (@new $model:ident [$($sig:tt)*] [$($param:tt)*] [$($name:ident)*]
        [] $field:ident $fty:ty; $($rest:tt)*
    ) => {
        service!(@new $model [$($sig)* $field,] [$($param)* $field: $fty,]
            [$($name)* $field] $($rest)*);
    };
}
