//! `Credentials` for `Client`, and the two signers on their own for callers with their own
//! HTTP stack: `HuaweiSigner` and `PoolSigner` (credentials converted once, for many requests)
//! and the one-shot `sign_huawei` and `sign_pool`. Signing is core's; this module converts
//! Python values, borrowing them where the C API allows.

use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::auth::huawei::Algorithm;
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::runtime::{Clock, SystemClock};
use chainkit_core::Error;
use pyo3::prelude::*;

use crate::errors::to_py;
use crate::secret::Secret;

mod huawei;
mod pool;
pub use huawei::{sign_huawei, HuaweiSigner, SignedRequest};
pub use pool::{sign_pool, PoolSignedCall, PoolSigner};

/// A secret argument: a `chainkit.Secret`, or a plain `str` wrapped at once.
#[derive(FromPyObject)]
pub enum SecretArg {
    /// Already wrapped.
    Wrapped(Py<Secret>),
    /// Plain text.
    Text(String),
}

impl SecretArg {
    fn into_core(self) -> chainkit_core::Secret {
        match self {
            Self::Wrapped(s) => s.get().0.clone(),
            Self::Text(t) => chainkit_core::Secret::new(t),
        }
    }
}

fn algorithm(name: &str) -> PyResult<Algorithm> {
    match name {
        "SDK-HMAC-SHA256" => Ok(Algorithm::HmacSha256),
        "SDK-HMAC-SM3" => Ok(Algorithm::HmacSm3),
        other => Err(to_py(Error::invalid_input(format!(
            "unknown algorithm {other:?} (SDK-HMAC-SHA256 or SDK-HMAC-SM3)"
        )))),
    }
}

fn now(now: Option<f64>) -> PyResult<Duration> {
    match now {
        Some(s) => Duration::try_from_secs_f64(s)
            .map_err(|_| to_py(Error::invalid_input("now must be non-negative seconds"))),
        None => SystemClock.now().map_err(to_py),
    }
}

/// How a `Client` authenticates: build one with the static method of its scheme.
/// `repr()` names the scheme only.
#[pyclass(frozen, module = "chainkit")]
pub struct Credentials(pub CoreCredentials);

#[pymethods]
impl Credentials {
    /// DDC (seed 000): header `apitoken`.
    #[staticmethod]
    fn ddc_api_token(token: SecretArg) -> Self {
        Self(CoreCredentials::DdcApiToken {
            token: token.into_core(),
        })
    }

    /// Ulord external calls (seed 001): header `appkey`.
    #[staticmethod]
    fn ulord_app_key(app_key: SecretArg) -> Self {
        Self(CoreCredentials::UlordAppKey {
            app_key: app_key.into_core(),
        })
    }

    /// Ulord admin calls: a developer login. The session cookie is sent back by default; with
    /// `token_header` the login's token is sent in that header instead, after `token_prefix`.
    #[staticmethod]
    #[pyo3(signature = (username, password, *, token_header = None, token_prefix = String::new()))]
    fn ulord_admin(
        username: String,
        password: SecretArg,
        token_header: Option<String>,
        token_prefix: String,
    ) -> Self {
        let session = match token_header {
            None => AdminSession::Cookie,
            Some(header) => AdminSession::Token {
                header,
                prefix: token_prefix,
            },
        };
        Self(CoreCredentials::UlordAdmin {
            username,
            password: password.into_core(),
            session,
        })
    }

    /// DNA (seed 002): `accessToken` fetched with apiKey/apiSecret, cached and refreshed.
    #[staticmethod]
    fn dna(api_key: String, api_secret: SecretArg) -> Self {
        Self(CoreCredentials::Dna {
            api_key,
            api_secret: api_secret.into_core(),
        })
    }

    /// Mining pool (seed 003): a fresh JWT and signed body envelope on every request.
    #[staticmethod]
    #[pyo3(signature = (client_id, secret_key, secret_salt, *, ttl_s = None))]
    fn pool(
        client_id: String,
        secret_key: SecretArg,
        secret_salt: SecretArg,
        ttl_s: Option<u64>,
    ) -> Self {
        Self(CoreCredentials::Pool {
            client_id,
            secret_key: secret_key.into_core(),
            secret_salt: secret_salt.into_core(),
            ttl_s,
        })
    }

    /// Huawei Cloud AK/SK signing (`SDK-HMAC-SHA256` or `SDK-HMAC-SM3`).
    #[staticmethod]
    #[pyo3(signature = (access_key, secret_key, *, project_id = None, security_token = None, algorithm = "SDK-HMAC-SHA256"))]
    fn huawei_aksk(
        access_key: String,
        secret_key: SecretArg,
        project_id: Option<String>,
        security_token: Option<SecretArg>,
        algorithm: &str,
    ) -> PyResult<Self> {
        Ok(Self(CoreCredentials::HuaweiAkSk {
            access_key,
            secret_key: secret_key.into_core(),
            project_id,
            security_token: security_token.map(SecretArg::into_core),
            algorithm: self::algorithm(algorithm)?,
        }))
    }

    /// Huawei IAM password token from `iam_url`, scoped by `project_id` or `project_name`.
    #[staticmethod]
    #[pyo3(signature = (iam_url, user_name, password, domain_name, *, project_id = None, project_name = None))]
    fn huawei_iam(
        iam_url: String,
        user_name: String,
        password: SecretArg,
        domain_name: String,
        project_id: Option<String>,
        project_name: Option<String>,
    ) -> Self {
        Self(CoreCredentials::HuaweiIam {
            iam_url,
            user_name,
            password: password.into_core(),
            domain_name,
            project_id,
            project_name,
        })
    }

    /// An IAM token you already hold, sent as `X-Auth-Token`.
    #[staticmethod]
    fn huawei_token(token: SecretArg) -> Self {
        Self(CoreCredentials::HuaweiToken {
            token: token.into_core(),
        })
    }

    /// The credentials of `scheme` (e.g. "dna", "huaweiAkSk") from environment variables.
    #[staticmethod]
    fn from_env(scheme: &str) -> PyResult<Self> {
        CoreCredentials::from_env(scheme).map(Self).map_err(to_py)
    }

    /// The scheme's name ("dna", "pool", "huaweiAkSk", …).
    #[getter]
    fn scheme(&self) -> &'static str {
        self.0.scheme()
    }

    fn __repr__(&self) -> String {
        format!("Credentials(scheme={:?})", self.0.scheme())
    }
}
