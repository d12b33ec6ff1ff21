//! Mining-pool (seed 003) call signing on its own: `PoolSigner`, `sign_pool`.

use std::time::Duration;

use chainkit_core::auth::pool::{PoolCredentials, Signer as CorePoolSigner, DEFAULT_TTL};
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::PyString;

use super::{now, SecretArg};
use crate::errors::to_py;
use crate::json_text::compact_json;

/// Signs mining-pool calls (seed 003) with the key prepared once: the way to sign many.
/// Empty credentials raise `InvalidInputError` here; `repr()` shows no secret.
#[pyclass(frozen, module = "chainkit")]
pub struct PoolSigner {
    signer: CorePoolSigner,
    ttl: Duration,
}

#[pymethods]
impl PoolSigner {
    #[new]
    #[pyo3(signature = (client_id, secret_key, secret_salt, *, ttl_s = None))]
    fn new(
        client_id: String,
        secret_key: SecretArg,
        secret_salt: SecretArg,
        ttl_s: Option<u64>,
    ) -> PyResult<Self> {
        let signer = CorePoolSigner::new(PoolCredentials {
            client_id,
            secret_key: secret_key.into_core(),
            secret_salt: secret_salt.into_core(),
        })
        .map_err(to_py)?;
        Ok(Self {
            signer,
            ttl: ttl_s.map_or(DEFAULT_TTL, Duration::from_secs),
        })
    }

    /// Signs one call with fresh `rnd` and `signNonce`. `params` is a dict (sent as compact
    /// JSON) or that JSON text; `now` is seconds since the epoch (default: now).
    #[pyo3(signature = (action, params = None, *, now = None))]
    fn sign(
        &self,
        action: PyBackedStr,
        params: Option<&Bound<'_, PyAny>>,
        now: Option<f64>,
    ) -> PyResult<PoolSignedCall> {
        let json;
        let text;
        let data: &str = match params.filter(|p| !p.is_none()) {
            None => "{}",
            Some(p) => match p.cast::<PyString>() {
                Ok(s) => {
                    text = PyBackedStr::try_from(s.clone())?;
                    &text
                }
                Err(_) => {
                    json = compact_json(p)?;
                    &json
                }
            },
        };
        let call = self
            .signer
            .sign_os_random(&action, data, self::now(now)?, self.ttl)
            .map_err(to_py)?;
        Ok(PoolSignedCall {
            authorization: call.authorization,
            body: call.body,
            sign: call.sign,
        })
    }

    fn __repr__(&self) -> String {
        format!(
            "PoolSigner(client_id={:?})",
            self.signer.credentials().client_id
        )
    }
}

/// One mining-pool call signed by `PoolSigner.sign` or `sign_pool`: POST `body` with
/// `Authorization: authorization`.
#[pyclass(frozen, module = "chainkit")]
pub struct PoolSignedCall {
    /// The bare JWT for `Authorization`.
    #[pyo3(get)]
    authorization: String,
    /// The JSON body text `{action, at, data, signNonce, sign}`.
    #[pyo3(get)]
    body: String,
    /// The body's `sign`.
    #[pyo3(get)]
    sign: String,
}

#[pymethods]
impl PoolSignedCall {
    fn __repr__(&self) -> String {
        format!("PoolSignedCall(sign={:?}, authorization=***)", self.sign)
    }
}

/// Signs one mining-pool call (seed 003) with fresh `rnd` and `signNonce`. `params` is a dict
/// (sent as compact JSON) or that JSON text; `now` is seconds since the epoch (default: now).
/// To sign many, build a `PoolSigner` once instead.
#[pyfunction]
#[pyo3(signature = (client_id, secret_key, secret_salt, action, params = None, *, now = None, ttl_s = None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_pool(
    client_id: String,
    secret_key: SecretArg,
    secret_salt: SecretArg,
    action: PyBackedStr,
    params: Option<&Bound<'_, PyAny>>,
    now: Option<f64>,
    ttl_s: Option<u64>,
) -> PyResult<PoolSignedCall> {
    PoolSigner::new(client_id, secret_key, secret_salt, ttl_s)?.sign(action, params, now)
}
