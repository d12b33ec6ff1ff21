//! Huawei AK/SK signing for callers with their own HTTP stack: `HuaweiSigner`, `sign_huawei`.

use chainkit_core::auth::huawei::{AkSk, Signer};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyBytes, PyDict, PyString, PyTuple};

use super::{algorithm, now, SecretArg};
use crate::errors::to_py;

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
