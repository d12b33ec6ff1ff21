//! `Credentials` for `Client`, and the two signers on their own (`sign_huawei`, `sign_pool`)
//! for callers with their own HTTP stack. Signing is core's; this file converts Python values.

use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::auth::huawei::{sign_parts, AkSk, Algorithm};
use chainkit_core::auth::pool::{sign_fresh, PoolCredentials, DEFAULT_TTL};
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::runtime::{Clock, OsRandom, SystemClock};
use chainkit_core::Error;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyDict;

use crate::errors::to_py;
use crate::secret::Secret;

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

/// A request signed by `sign_huawei`: send exactly this URL and these headers.
#[pyclass(frozen, module = "chainkit")]
pub struct SignedRequest {
    /// The URL, query in canonical order.
    #[pyo3(get)]
    url: String,
    /// Every header to send, `Authorization` included.
    #[pyo3(get)]
    headers: Vec<(String, String)>,
}

#[pymethods]
impl SignedRequest {
    fn __repr__(&self) -> String {
        format!(
            "SignedRequest(url={:?}, headers=<{}>)",
            chainkit_core::redact::redact_url(&self.url),
            self.headers.len()
        )
    }
}

/// Signs a request with Huawei AK/SK at `now` (seconds since the epoch; default: now).
#[pyfunction]
#[pyo3(signature = (method, url, headers = Vec::new(), body = None, *, access_key, secret_key, project_id = None, security_token = None, algorithm = "SDK-HMAC-SHA256", now = None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_huawei(
    method: &str,
    url: &str,
    headers: Vec<(String, String)>,
    // Borrowed from the `bytes` object: a `Vec<u8>` parameter is filled element by element.
    body: Option<&[u8]>,
    access_key: String,
    secret_key: SecretArg,
    project_id: Option<String>,
    security_token: Option<SecretArg>,
    algorithm: &str,
    now: Option<f64>,
) -> PyResult<SignedRequest> {
    let credentials = AkSk {
        access_key,
        secret_key: secret_key.into_core(),
        project_id,
        security_token: security_token.map(SecretArg::into_core),
    };
    let signed = sign_parts(
        method,
        url,
        &headers,
        body.unwrap_or_default(),
        &credentials,
        self::algorithm(algorithm)?,
        self::now(now)?,
    )
    .map_err(to_py)?;
    Ok(SignedRequest {
        url: signed.url,
        headers: signed.headers,
    })
}

/// One mining-pool call signed by `sign_pool`: POST `body` with `Authorization: authorization`.
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

/// `json.dumps` as compact as JS `JSON.stringify`, the seed 003 recipe's `data`. One encoder
/// is kept: `json.dumps` with options builds a new `JSONEncoder` per call, which cost more
/// than the signing itself.
fn compact_json(params: &Bound<'_, PyAny>) -> PyResult<String> {
    static ENCODE: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let py = params.py();
    let encode = ENCODE.get_or_try_init(py, || -> PyResult<Py<PyAny>> {
        let kwargs = PyDict::new(py);
        kwargs.set_item("ensure_ascii", false)?;
        kwargs.set_item("separators", (",", ":"))?;
        let encoder = py
            .import("json")?
            .getattr("JSONEncoder")?
            .call((), Some(&kwargs))?;
        Ok(encoder.getattr("encode")?.unbind())
    })?;
    encode.bind(py).call1((params,))?.extract()
}

/// Signs one mining-pool call (seed 003) with fresh `rnd` and `signNonce`. `params` is a dict
/// (sent as compact JSON) or that JSON text; `now` is seconds since the epoch (default: now).
#[pyfunction]
#[pyo3(signature = (client_id, secret_key, secret_salt, action, params = None, *, now = None, ttl_s = None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_pool(
    client_id: String,
    secret_key: SecretArg,
    secret_salt: SecretArg,
    action: &str,
    params: Option<&Bound<'_, PyAny>>,
    now: Option<f64>,
    ttl_s: Option<u64>,
) -> PyResult<PoolSignedCall> {
    let data = match params {
        None => "{}".to_owned(),
        Some(p) => match p.extract::<String>() {
            Ok(text) => text,
            Err(_) => compact_json(p)?,
        },
    };
    let credentials = PoolCredentials {
        client_id,
        secret_key: secret_key.into_core(),
        secret_salt: secret_salt.into_core(),
    };
    let call = sign_fresh(
        &credentials,
        action,
        &data,
        self::now(now)?,
        &OsRandom,
        ttl_s.map_or(DEFAULT_TTL, Duration::from_secs),
    )
    .map_err(to_py)?;
    Ok(PoolSignedCall {
        authorization: call.authorization,
        body: call.body.to_string(),
        sign: call.sign,
    })
}
