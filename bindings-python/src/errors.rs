//! Core errors as instances of the pure-Python hierarchy in `chainkit/errors.py`.

use chainkit_core::{Error, ErrorKind};
use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyType};

/// `chainkit.errors` class names, in the order of [`ErrorKind::ALL`], then the base class for
/// kinds a newer core may add (`ErrorKind` is `#[non_exhaustive]`).
const CLASS_NAMES: [&str; ErrorKind::ALL.len() + 1] = [
    "NetworkError",
    "RequestTimeoutError",
    "RequestCancelledError",
    "UnauthorizedError",
    "RateLimitedError",
    "ApiError",
    "InvalidInputError",
    "DecodeError",
    "SigningError",
    "ConfigError",
    "ForbiddenError",
    "ChainkitError",
];

/// The classes, imported once per process.
static CLASSES: [PyOnceLock<Py<PyType>>; CLASS_NAMES.len()] =
    [const { PyOnceLock::new() }; CLASS_NAMES.len()];

/// Index into [`CLASS_NAMES`] for `kind`.
fn class_index(kind: ErrorKind) -> usize {
    match kind {
        ErrorKind::Network => 0,
        ErrorKind::Timeout => 1,
        ErrorKind::Cancelled => 2,
        ErrorKind::Unauthorized => 3,
        ErrorKind::RateLimited => 4,
        ErrorKind::Api => 5,
        ErrorKind::InvalidInput => 6,
        ErrorKind::Decode => 7,
        ErrorKind::Signing => 8,
        ErrorKind::Config => 9,
        ErrorKind::Forbidden => 10,
        _ => CLASS_NAMES.len() - 1,
    }
}

/// A `chainkit.errors` exception carrying every field of `e`; `str()` is core's Display.
pub fn to_py(e: Error) -> PyErr {
    Python::attach(|py| {
        build(py, &e).unwrap_or_else(|failure| {
            // Only if `chainkit.errors` itself is broken: still say what went wrong.
            let err = PyRuntimeError::new_err(e.to_string());
            err.set_cause(py, Some(failure));
            err
        })
    })
}

fn build(py: Python<'_>, e: &Error) -> PyResult<PyErr> {
    let index = class_index(e.kind());
    let class = CLASSES[index].import(py, "chainkit.errors", CLASS_NAMES[index])?;
    let kwargs = PyDict::new(py);
    kwargs.set_item("kind", e.kind().as_str())?;
    kwargs.set_item("service", e.service())?;
    kwargs.set_item("status", e.status())?;
    kwargs.set_item("code", e.code())?;
    kwargs.set_item("message", e.message())?;
    kwargs.set_item("request_id", e.request_id())?;
    kwargs.set_item("retry_after", e.retry_after().map(|d| d.as_secs_f64()))?;
    let instance = class.call((e.to_string(),), Some(&kwargs))?;
    Ok(PyErr::from_value(instance))
}
