//! Free-form JSON fields (`Json` in a definition) as Python's own values: dicts, lists,
//! strings, numbers, booleans and `None`, converted through the standard `json` module so that
//! Python's rules (e.g. integer size) apply unchanged.

use pyo3::prelude::*;
use pyo3::types::PyAny;

/// A JSON value held for a model field.
#[derive(Clone, Debug, PartialEq)]
pub struct Json(pub serde_json::Value);

impl<'a, 'py> FromPyObject<'a, 'py> for Json {
    type Error = PyErr;

    fn extract(obj: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        let text: String = obj
            .py()
            .import("json")?
            .call_method1("dumps", (obj,))?
            .extract()?;
        serde_json::from_str(&text)
            .map(Json)
            .map_err(|e| pyo3::exceptions::PyValueError::new_err(format!("not JSON: {e}")))
    }
}

impl<'py> IntoPyObject<'py> for Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        py.import("json")?
            .call_method1("loads", (self.0.to_string(),))
    }
}

impl<'py> IntoPyObject<'py> for &Json {
    type Target = PyAny;
    type Output = Bound<'py, PyAny>;
    type Error = PyErr;

    fn into_pyobject(self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.clone().into_pyobject(py)
    }
}

impl chainkit_core::api::Conv<serde_json::Value> for Json {
    fn conv(self) -> serde_json::Value {
        self.0
    }
}

impl chainkit_core::api::Conv<Json> for serde_json::Value {
    fn conv(self) -> Json {
        Json(self)
    }
}
