//! `Secret` for Python: the value stays in Rust memory (zeroized when collected).

use pyo3::exceptions::PyTypeError;
use pyo3::prelude::*;

/// A credential or token. `repr()` and `str()` give `Secret(***)`; it cannot be pickled.
#[pyclass(frozen, module = "chainkit", from_py_object)]
#[derive(Clone)]
pub struct Secret(pub chainkit_core::Secret);

/// Models compare by value, secrets included; the comparison does not stop at the first
/// differing byte, so its time says nothing of where two secrets differ.
impl PartialEq for Secret {
    fn eq(&self, other: &Self) -> bool {
        let (a, b) = (self.0.expose().as_bytes(), other.0.expose().as_bytes());
        a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
    }
}

#[pymethods]
impl Secret {
    #[new]
    fn new(value: String) -> Self {
        Self(chainkit_core::Secret::new(value))
    }

    /// The secret itself. Never log what this returns.
    fn expose(&self) -> &str {
        self.0.expose()
    }

    fn __repr__(&self) -> String {
        self.0.to_string()
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __reduce__(&self) -> PyResult<()> {
        Err(PyTypeError::new_err("a Secret cannot be pickled"))
    }
}

impl chainkit_core::api::Conv<chainkit_core::Secret> for Secret {
    fn conv(self) -> chainkit_core::Secret {
        self.0
    }
}

impl chainkit_core::api::Conv<Secret> for chainkit_core::Secret {
    fn conv(self) -> Secret {
        Secret(self)
    }
}
