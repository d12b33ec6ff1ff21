//! Every registered service's Python surface, expanded from its definition by
//! `chainkit_define::pyo3_service` (one module per service, `chainkit.<svc>`), and the helpers
//! the expansion uses. Nothing here names a service.

use pyo3::prelude::*;
use pyo3::types::PyModule;
use pyo3::BoundObject as _;

macro_rules! expand {
    ($svc:ident $api:ident) => {
        pub mod $svc {
            ::chainkit_core::$api!(::chainkit_define::pyo3_service);
        }
    };
}
chainkit_core::for_each_service!(expand);

/// Adds every service's submodule to the native module.
pub fn register_all(parent: &Bound<'_, PyModule>) -> PyResult<()> {
    macro_rules! register {
        ($svc:ident $api:ident) => {
            $svc::register(parent)?;
        };
    }
    chainkit_core::for_each_service!(register);
    Ok(())
}

/// Makes `module` importable as `chainkit._native.<name>` (`from chainkit._native.dna import
/// …`), which an attribute alone does not.
pub fn add_submodule(parent: &Bound<'_, PyModule>, module: &Bound<'_, PyModule>) -> PyResult<()> {
    parent.add_submodule(module)?;
    let name = format!("chainkit._native.{}", module.name()?);
    parent
        .py()
        .import("sys")?
        .getattr("modules")?
        .set_item(name, module)
}

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

/// A binary answer: the bytes, and what the answer's headers say of them.
#[pyclass(module = "chainkit", frozen, get_all)]
pub struct Download {
    /// The file name from `Content-Disposition`, when the answer names one.
    pub file_name: Option<String>,
    /// The answer's `Content-Type`.
    pub content_type: Option<String>,
    /// The content.
    pub body: Vec<u8>,
}

impl From<chainkit_core::api::Download> for Download {
    fn from(d: chainkit_core::api::Download) -> Self {
        Self {
            file_name: d.file_name,
            content_type: d.content_type,
            body: d.body,
        }
    }
}
