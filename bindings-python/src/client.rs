//! `Client`, `RawRequest` and `RawResponse` for Python.

use std::time::Duration;

use chainkit_core::{ClientConfig, Error, Executor, NoAuth, Runtime};
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::to_py;

/// A request chainkit has no typed method for, still sent with timeout, retry and typed errors.
/// Its `repr()` hides secret-looking header values and query parameters.
#[pyclass(frozen, module = "chainkit")]
pub struct RawRequest(chainkit_core::RawRequest);

#[pymethods]
impl RawRequest {
    #[new]
    #[pyo3(signature = (method, path, headers = Vec::new(), body = Vec::new(), idempotent = None))]
    fn new(
        method: String,
        path: String,
        headers: Vec<(String, String)>,
        body: Vec<u8>,
        idempotent: Option<bool>,
    ) -> Self {
        Self(chainkit_core::RawRequest {
            method,
            path,
            headers,
            body,
            idempotent,
        })
    }

    /// HTTP method.
    #[getter]
    fn method(&self) -> &str {
        &self.0.method
    }
    /// Path and query, resolved against the client's base URL.
    #[getter]
    fn path(&self) -> &str {
        &self.0.path
    }
    /// Headers in order; secrets included, so log the request itself, not this list.
    #[getter]
    fn headers(&self) -> Vec<(String, String)> {
        self.0.headers.clone()
    }
    /// Body bytes.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.body)
    }
    /// Idempotency override, or None for the method's default.
    #[getter]
    fn idempotent(&self) -> Option<bool> {
        self.0.idempotent
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// A response with status below 400.
#[pyclass(frozen, module = "chainkit")]
pub struct RawResponse(chainkit_core::RawResponse);

#[pymethods]
impl RawResponse {
    /// HTTP status.
    #[getter]
    fn status(&self) -> u16 {
        self.0.status
    }
    /// Headers as (name, value) pairs, names lowercase.
    #[getter]
    fn headers(&self) -> Vec<(String, String)> {
        self.0.headers.clone()
    }
    /// Body bytes.
    #[getter]
    fn body<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.body)
    }
    /// Body decoded as UTF-8 (invalid sequences replaced).
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.body).into_owned()
    }

    fn __repr__(&self) -> String {
        format!(
            "RawResponse(status={}, body=<{} bytes>)",
            self.0.status,
            self.0.body.len()
        )
    }
}

/// A chainkit client bound to one base URL. Safe to share between threads.
#[pyclass(frozen, module = "chainkit")]
pub struct Client {
    executor: Executor,
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (base_url, *, timeout = 30.0, max_attempts = 3))]
    fn new(base_url: &str, timeout: f64, max_attempts: u32) -> PyResult<Self> {
        let mut config = ClientConfig::new(base_url).map_err(to_py)?;
        if !(timeout.is_finite() && timeout > 0.0) {
            return Err(to_py(Error::invalid_input(
                "timeout must be a positive number of seconds",
            )));
        }
        if max_attempts == 0 {
            return Err(to_py(Error::invalid_input(
                "max_attempts must be at least 1",
            )));
        }
        config.timeout = Duration::from_secs_f64(timeout);
        config.retry.max_attempts = max_attempts;
        // reqwest needs a runtime context to build its connection pool.
        let rt = crate::runtime::get().map_err(to_py)?;
        let runtime = {
            let _guard = rt.enter();
            Runtime::native().map_err(to_py)?
        };
        Ok(Self {
            executor: Executor::new(config, runtime),
        })
    }

    /// Sends `request` and returns the response; raises a `chainkit.ChainkitError` subclass
    /// otherwise (a status of 400 or more included). The GIL is released while waiting.
    fn request(&self, py: Python<'_>, request: &Bound<'_, RawRequest>) -> PyResult<RawResponse> {
        let request = request.get().0.clone();
        let executor = self.executor.clone();
        let rt = crate::runtime::get().map_err(to_py)?;
        py.detach(move || rt.block_on(executor.execute(&request, &NoAuth)))
            .map(RawResponse)
            .map_err(to_py)
    }
}
