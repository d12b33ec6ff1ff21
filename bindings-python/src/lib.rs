//! chainkit for Python: a thin pyo3 layer over `chainkit-core`.
//!
//! It adapts types, errors (the `chainkit.errors` hierarchy), blocking I/O (the GIL is released
//! while a request is in flight) and the native transport. No service logic lives here.

#[macro_use]
mod service;

mod auth;
mod bif;
mod client;
mod ddc;
mod dna;
mod errors;
mod json_text;
mod json_value;
mod pages;
mod runtime;
mod secret;

use pyo3::prelude::*;

/// The native half of the `chainkit` package; import `chainkit`, not this module.
#[pymodule(name = "_native")]
mod native {
    #[pymodule_export]
    use crate::auth::{
        sign_huawei, sign_pool, Credentials, HuaweiSigner, PoolSignedCall, PoolSigner,
        SignedRequest,
    };
    #[pymodule_export]
    use crate::bif::{
        bif_burn_input, bif_decode_transaction, bif_is_valid_address, bif_sign_contract_call,
        bif_transfer_input, bif_tx_hash, KeyPair, PrivateKey, PublicKey, PyAddress,
        SignedTransaction,
    };
    #[pymodule_export]
    use crate::client::{Client, RawRequest, RawResponse};
    #[pymodule_export]
    use crate::secret::Secret;
    #[pymodule_export]
    use crate::service::Download;

    use pyo3::prelude::*;

    /// Every service's generated classes (their definitions list them; nothing here does).
    #[pymodule_init]
    fn init(module: &Bound<'_, PyModule>) -> PyResult<()> {
        module.add("__version__", env!("CARGO_PKG_VERSION"))?;
        crate::service::register_all(module)
    }

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

    /// Internal, for the crash-safety test: panics inside Rust. pyo3 turns the panic into
    /// `pyo3_runtime.PanicException` (a `BaseException`); the interpreter keeps running.
    #[pyfunction]
    #[allow(clippy::panic)]
    fn _panic_for_tests() {
        panic!("deliberate panic for the crash-safety test");
    }

    /// Internal, for the error-mapping test: raises what a core error of `kind` (an
    /// `ErrorKind::as_str` name) becomes in Python, with every field set.
    #[pyfunction]
    fn _raise_for_tests(kind: &str) -> PyResult<()> {
        use chainkit_core::{Error, ErrorKind};
        let kind = ErrorKind::parse(kind).ok_or_else(|| {
            pyo3::exceptions::PyValueError::new_err(format!("unknown error kind {kind:?}"))
        })?;
        Err(crate::errors::to_py(
            Error::new(kind, "raised for tests")
                .with_service("test")
                .with_status(418)
                .with_code("T1")
                .with_request_id("req-1")
                .with_retry_after(std::time::Duration::from_millis(1500)),
        ))
    }
}
