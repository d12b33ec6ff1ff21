//! Core errors as instances of the pure-Python hierarchy in `chainkit/errors.py`.

use chainkit_core::{Error, ErrorKind};
use pyo3::prelude::*;
use pyo3::types::PyDict;

/// The `chainkit.errors` class for `kind`.
fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Network => "NetworkError",
        ErrorKind::Timeout => "RequestTimeoutError",
        ErrorKind::Cancelled => "RequestCancelledError",
        ErrorKind::Unauthorized => "UnauthorizedError",
        ErrorKind::RateLimited => "RateLimitedError",
        ErrorKind::Api => "ApiError",
        ErrorKind::InvalidInput => "InvalidInputError",
        ErrorKind::Decode => "DecodeError",
        ErrorKind::Signing => "SigningError",
        ErrorKind::Config => "ConfigError",
        _ => "ChainkitError",
    }
}

/// A `chainkit.errors` exception carrying every field of `e`; `str()` is core's Display.
pub fn to_py(e: Error) -> PyErr {
    Python::attach(|py| build(py, &e).unwrap_or_else(|failure| failure))
}

fn build(py: Python<'_>, e: &Error) -> Result<PyErr, PyErr> {
    let module = py.import("chainkit.errors")?;
    let class = module.getattr(class_name(e.kind()))?;
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
