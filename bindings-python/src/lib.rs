//! chainkit for Python: a thin pyo3 layer over `chainkit-core`.
//!
//! It adapts types, errors (the `chainkit.errors` hierarchy), blocking I/O (the GIL is released
//! while a request is in flight) and the native transport. No service logic lives here.

mod client;
mod errors;
mod runtime;
mod secret;

use pyo3::prelude::*;

/// The native half of the `chainkit` package; import `chainkit`, not this module.
#[pymodule(name = "_native")]
mod native {
    #[pymodule_export]
    use crate::client::{Client, RawRequest, RawResponse};
    #[pymodule_export]
    use crate::secret::Secret;

    use pyo3::prelude::*;

    /// Runs one golden-vector case (see tests/vectors/README.md); returns the output as JSON text.
    #[pyfunction]
    fn evaluate_vector(kind: &str, input_json: &str) -> PyResult<String> {
        chainkit_core::vectors::evaluate_json(kind, input_json).map_err(crate::errors::to_py)
    }

    /// The vector kinds this build understands.
    #[pyfunction]
    fn vector_kinds() -> Vec<&'static str> {
        chainkit_core::vectors::KINDS.to_vec()
    }

    /// Internal, for the crash-safety test: panics inside Rust.
    #[pyfunction]
    #[allow(clippy::panic)]
    fn _panic_for_tests() {
        panic!("deliberate panic for the crash-safety test");
    }
}
