//! `Credentials` for `Client`, and the two signers on their own for callers with their own
//! HTTP stack: `HuaweiSigner` and `PoolSigner` (credentials converted once, for many requests)
//! and the one-shot `sign_huawei` and `sign_pool`. Signing is core's; this file converts
//! Python values, borrowing them where the C API allows.

use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::auth::huawei::{AkSk, Algorithm, Signer};
use chainkit_core::auth::pool::{PoolCredentials, Signer as CorePoolSigner, DEFAULT_TTL};
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::runtime::{Clock, SystemClock};
use chainkit_core::Error;
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use crate::errors::to_py;
use crate::json_text::compact_json;
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

/// Signs Huawei AK/SK requests with credentials converted once: the way to sign many.
/// `repr()` shows the algorithm only.
#[pyclass(frozen, module = "chainkit")]
pub struct HuaweiSigner(Signer);

#[pymethods]
impl HuaweiSigner {
    #[new]
    #[pyo3(signature = (access_key, secret_key, *, project_id = None, security_token = None, algorithm = "SDK-HMAC-SHA256"))]
    fn new(
        access_key: String,
        secret_key: SecretArg,
        project_id: Option<String>,
        security_token: Option<SecretArg>,
        algorithm: &str,
    ) -> PyResult<Self> {
        let credentials = AkSk {
            access_key,
            secret_key: secret_key.into_core(),
            project_id,
            security_token: security_token.map(SecretArg::into_core),
        };
        Signer::new(credentials, self::algorithm(algorithm)?)
            .map(Self)
            .map_err(to_py)
    }

    /// Signs one request at `now` (seconds since the epoch; default: now). `headers` is a dict
    /// or a sequence of `(name, value)` pairs; `body` is `bytes` or `str` (sent as UTF-8).
    #[pyo3(signature = (method, url, headers = None, body = None, *, now = None))]
    fn sign<'py>(
        &self,
        method: PyBackedStr,
        url: &Bound<'py, PyString>,
        headers: Option<&Bound<'py, PyAny>>,
        body: Option<&Bound<'py, PyAny>>,
        now: Option<f64>,
    ) -> PyResult<SignedRequest> {
        sign_request(&self.0, &method, url, headers, body, now)
    }

    fn __repr__(&self) -> String {
        format!("HuaweiSigner(algorithm={:?})", self.0.algorithm().name())
    }
}

/// A request signed by `HuaweiSigner.sign` or `sign_huawei`: send exactly this URL and these
/// headers.
#[pyclass(frozen, module = "chainkit")]
pub struct SignedRequest {
    url: Py<PyString>,
    headers: Py<PyTuple>,
}

#[pymethods]
impl SignedRequest {
    /// The URL, query in canonical order.
    #[getter]
    fn url(&self, py: Python<'_>) -> Py<PyString> {
        self.url.clone_ref(py)
    }

    /// Every header to send, `Authorization` included, as `(name, value)` pairs: a tuple, so
    /// the one object is handed out on every access and nobody can change what was signed.
    #[getter]
    fn headers(&self, py: Python<'_>) -> Py<PyTuple> {
        self.headers.clone_ref(py)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        Ok(format!(
            "SignedRequest(url={:?}, headers=<{}>)",
            chainkit_core::redact::redact_url(&self.url.bind(py).to_cow()?),
            self.headers.bind(py).len()
        ))
    }
}

/// A request body: `bytes` borrowed, `str` as its UTF-8.
enum Body<'py> {
    Bytes(Bound<'py, PyBytes>),
    Text(PyBackedStr),
}

impl Body<'_> {
    fn as_bytes(&self) -> &[u8] {
        match self {
            Self::Bytes(b) => b.as_bytes(),
            Self::Text(t) => t.as_bytes(),
        }
    }
}

fn body<'py>(body: Option<&Bound<'py, PyAny>>) -> PyResult<Option<Body<'py>>> {
    let Some(body) = body.filter(|b| !b.is_none()) else {
        return Ok(None);
    };
    if let Ok(bytes) = body.cast::<PyBytes>() {
        return Ok(Some(Body::Bytes(bytes.clone())));
    }
    Ok(Some(Body::Text(body.extract()?)))
}

/// Headers as given: a dict or a sequence of `(name, value)` pairs, each as the Python
/// strings (reused in the result when sent unchanged) and their text.
type GivenHeaders<'py> = (
    Vec<(Bound<'py, PyString>, Bound<'py, PyString>)>,
    Vec<(PyBackedStr, PyBackedStr)>,
);

fn given_headers<'py>(headers: Option<&Bound<'py, PyAny>>) -> PyResult<GivenHeaders<'py>> {
    let mut objects = Vec::new();
    let mut texts = Vec::new();
    let mut add = |name: Bound<'py, PyAny>, value: Bound<'py, PyAny>| -> PyResult<()> {
        let (name, value) = (
            name.cast_into::<PyString>()?,
            value.cast_into::<PyString>()?,
        );
        texts.push((
            PyBackedStr::try_from(name.clone())?,
            PyBackedStr::try_from(value.clone())?,
        ));
        objects.push((name, value));
        Ok(())
    };
    match headers.filter(|h| !h.is_none()) {
        None => {}
        Some(h) => match h.cast::<PyDict>() {
            Ok(dict) => {
                for (name, value) in dict.iter() {
                    add(name, value)?;
                }
            }
            Err(_) => {
                for pair in h.try_iter()? {
                    let (name, value) = pair?.extract()?;
                    add(name, value)?;
                }
            }
        },
    }
    Ok((objects, texts))
}

/// A signer's own header name, as one interned Python string.
fn header_name<'py>(py: Python<'py>, name: &str) -> Bound<'py, PyString> {
    let interned = match name {
        "authorization" => intern!(py, "authorization"),
        "content-type" => intern!(py, "content-type"),
        "host" => intern!(py, "host"),
        "x-project-id" => intern!(py, "x-project-id"),
        "x-sdk-content-sha256" => intern!(py, "x-sdk-content-sha256"),
        "x-sdk-content-sm3" => intern!(py, "x-sdk-content-sm3"),
        "x-sdk-date" => intern!(py, "x-sdk-date"),
        "x-security-token" => intern!(py, "x-security-token"),
        other => return PyString::new(py, other),
    };
    interned.clone()
}

fn sign_request<'py>(
    signer: &Signer,
    method: &str,
    url: &Bound<'py, PyString>,
    headers: Option<&Bound<'py, PyAny>>,
    body: Option<&Bound<'py, PyAny>>,
    now: Option<f64>,
) -> PyResult<SignedRequest> {
    let py = url.py();
    let url_text = PyBackedStr::try_from(url.clone())?;
    let (objects, texts) = given_headers(headers)?;
    let body = self::body(body)?;
    let mut sent = Vec::with_capacity(texts.len() + 6);
    let signed = signer
        .sign_parts_with(
            method,
            &url_text,
            &texts,
            body.as_ref().map_or(&[][..], Body::as_bytes),
            self::now(now)?,
            |name, value| {
                // The given headers come first, in order: their Python strings are reused when
                // the signer sends them unchanged.
                let given = objects.get(sent.len()).zip(texts.get(sent.len()));
                let (name, value) = match given {
                    Some(((name_obj, value_obj), (name_text, value_text))) => (
                        if **name_text == *name {
                            name_obj.clone()
                        } else {
                            header_name(py, name)
                        },
                        if **value_text == *value {
                            value_obj.clone()
                        } else {
                            PyString::new(py, value)
                        },
                    ),
                    None => (header_name(py, name), PyString::new(py, value)),
                };
                sent.push((name, value));
            },
        )
        .map_err(to_py)?;
    let url = if signed.url == *url_text {
        url.clone()
    } else {
        PyString::new(py, &signed.url)
    };
    Ok(SignedRequest {
        url: url.unbind(),
        headers: PyTuple::new(py, sent)?.unbind(),
    })
}

/// Signs a request with Huawei AK/SK at `now` (seconds since the epoch; default: now).
/// To sign many, build a `HuaweiSigner` once instead.
#[pyfunction]
#[pyo3(signature = (method, url, headers = None, body = None, *, access_key, secret_key, project_id = None, security_token = None, algorithm = "SDK-HMAC-SHA256", now = None))]
#[allow(clippy::too_many_arguments)]
pub fn sign_huawei<'py>(
    method: PyBackedStr,
    url: &Bound<'py, PyString>,
    headers: Option<&Bound<'py, PyAny>>,
    body: Option<&Bound<'py, PyAny>>,
    access_key: String,
    secret_key: SecretArg,
    project_id: Option<String>,
    security_token: Option<SecretArg>,
    algorithm: &str,
    now: Option<f64>,
) -> PyResult<SignedRequest> {
    HuaweiSigner::new(
        access_key,
        secret_key,
        project_id,
        security_token,
        algorithm,
    )?
    .sign(method, url, headers, body, now)
}

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
