//! `Client`, `RawRequest` and `RawResponse` for Python.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::redact::redact_url;
use chainkit_core::{Authorizer, ClientConfig, Error, ErrorKind, Executor, Runtime};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::PyBytes;

use crate::auth::Credentials;
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

    /// Body parsed by Python's `json.loads`; raises `json.JSONDecodeError` (a `ValueError`).
    fn json<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        static LOADS: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
        LOADS
            .import(py, "json", "loads")?
            .call1((PyBytes::new(py, &self.0.body),))
    }

    fn __repr__(&self) -> String {
        format!(
            "RawResponse(status={}, body=<{} bytes>)",
            self.0.status,
            self.0.body.len()
        )
    }
}

/// How often a waiting call wakes up to let Python run signal handlers (Ctrl-C).
const SIGNAL_POLL: Duration = Duration::from_millis(100);

/// A chainkit client bound to one base URL. Safe to share between threads.
#[pyclass(frozen, module = "chainkit")]
pub struct Client {
    config: ClientConfig,
    credentials: CoreCredentials,
    /// The executor, the authorizer (its token fetches share the executor's transport) and
    /// the process they were built in. A forked child builds its own: the parent's pooled
    /// connections were driven by tasks on a runtime that does not exist there.
    executor: Mutex<(u32, Native)>,
}

type Native = (Executor, Arc<dyn Authorizer>);

impl Client {
    /// This process's executor and authorizer.
    pub(crate) fn executor(&self) -> Result<Native, Error> {
        let pid = std::process::id();
        let mut slot = self.executor.lock().unwrap_or_else(|e| e.into_inner());
        if slot.0 != pid {
            let fresh = native_executor(&self.config, &self.credentials)?;
            let inherited = std::mem::replace(&mut *slot, (pid, fresh));
            // Dropping the parent's connection pool could touch its (absent) runtime; leak it.
            std::mem::forget(inherited);
        }
        Ok(slot.1.clone())
    }
}

/// An executor with the native transport, on this process's runtime, and its authorizer.
fn native_executor(config: &ClientConfig, credentials: &CoreCredentials) -> Result<Native, Error> {
    let rt = crate::runtime::get()?;
    // reqwest wants a runtime context when it builds its connection pool.
    let _guard = rt.enter();
    let runtime = Runtime::native()?;
    let auth = credentials.authorizer(&config.base_url, runtime.transport.clone())?;
    Ok((Executor::new(config.clone(), runtime), auth))
}

/// The `threading.Event` that cancels calls in this context (`chainkit.cancel_on`), if any.
fn cancel_event(py: Python<'_>) -> PyResult<Option<Py<PyAny>>> {
    static EVENT: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let event = EVENT
        .import(py, "chainkit.cancel", "_event")?
        .call_method0("get")?;
    Ok((!event.is_none()).then(|| event.unbind()))
}

/// Runs `call` to completion with the GIL released, waking every [`SIGNAL_POLL`] so that a
/// signal handler (Ctrl-C's `KeyboardInterrupt`) can interrupt it, and so can the context's
/// cancel event (`chainkit.cancel_on`); the call is then dropped, which closes its connection.
pub(crate) fn wait<T, F>(py: Python<'_>, call: F) -> PyResult<T>
where
    T: Send,
    F: std::future::Future<Output = Result<T, Error>> + Send,
{
    let rt = crate::runtime::get().map_err(to_py)?;
    let cancel = cancel_event(py)?;
    let is_set = |py: Python<'_>, event: &Py<PyAny>| -> PyResult<bool> {
        event.bind(py).call_method0("is_set")?.is_truthy()
    };
    if let Some(event) = &cancel {
        if is_set(py, event)? {
            return Err(to_py(cancelled()));
        }
    }
    let outcome = py.detach(move || {
        let outcome = rt.block_on(async move {
            // Let connection tasks see what happened while no call drove the runtime (above
            // all a server closing an idle keep-alive connection), so that the call does not
            // pick a dead connection: a non-idempotent request sent there could not be retried.
            settle().await;
            let mut call = std::pin::pin!(call);
            loop {
                if let Ok(result) = tokio::time::timeout(SIGNAL_POLL, &mut call).await {
                    return Outcome::Done(result);
                }
                // `try_attach`: an interpreter that is shutting down is not attached to.
                let checked = Python::try_attach(|py| {
                    py.check_signals()?;
                    match &cancel {
                        Some(event) => is_set(py, event),
                        None => Ok(false),
                    }
                });
                match checked {
                    Some(Err(e)) => return Outcome::Interrupted(e),
                    Some(Ok(true)) => return Outcome::Done(Err(cancelled())),
                    _ => {}
                }
            }
        });
        if !matches!(outcome, Outcome::Done(Ok(_))) {
            // A failed, timed-out or cancelled call may have dropped a request in flight. On a
            // current-thread runtime its connection task only runs while some call drives the
            // runtime: let it run now, so that it closes the socket instead of leaving the
            // server working for nobody until the next call.
            rt.block_on(settle());
        }
        outcome
    });
    match outcome {
        Outcome::Done(result) => result.map_err(to_py),
        Outcome::Interrupted(e) => Err(e),
    }
}

/// Gives the runtime's other tasks (connections) a few turns, I/O events included.
async fn settle() {
    for _ in 0..3 {
        tokio::task::yield_now().await;
    }
}

fn cancelled() -> Error {
    Error::new(
        ErrorKind::Cancelled,
        "cancelled: the chainkit.cancel_on event was set",
    )
}

/// How a blocking call ended.
enum Outcome<T> {
    Done(Result<T, Error>),
    /// A signal handler raised (KeyboardInterrupt on Ctrl-C); the call was dropped.
    Interrupted(PyErr),
}

#[pymethods]
impl Client {
    #[new]
    #[pyo3(signature = (base_url, *, credentials = None, timeout = 30.0, max_attempts = 3, max_response_bytes = 16 << 20))]
    fn new(
        base_url: &str,
        credentials: Option<&Bound<'_, Credentials>>,
        timeout: f64,
        max_attempts: i64,
        max_response_bytes: u64,
    ) -> PyResult<Self> {
        let mut config = ClientConfig::new(base_url).map_err(to_py)?;
        config.max_response_bytes = max_response_bytes;
        config.timeout = Duration::try_from_secs_f64(timeout)
            .ok()
            .filter(|t| !t.is_zero())
            .ok_or_else(|| {
                to_py(Error::config(
                    "timeout must be a positive, finite number of seconds",
                ))
            })?;
        config.retry.max_attempts = u32::try_from(max_attempts)
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| to_py(Error::config("max_attempts must be at least 1")))?;
        let credentials = credentials.map_or(CoreCredentials::None, |c| c.get().0.clone());
        let executor = native_executor(&config, &credentials).map_err(to_py)?;
        Ok(Self {
            config,
            credentials,
            executor: Mutex::new((std::process::id(), executor)),
        })
    }

    /// Sends `request` and returns the response; raises a `chainkit.ChainkitError` subclass
    /// otherwise (a status of 400 or more included). The GIL is released while waiting, and
    /// signal handlers still run, so Ctrl-C interrupts a call with `KeyboardInterrupt`.
    fn request(&self, py: Python<'_>, request: &Bound<'_, RawRequest>) -> PyResult<RawResponse> {
        let request = request.get().0.clone();
        let (executor, auth) = self.executor().map_err(to_py)?;
        wait(py, async move { executor.execute(&request, &*auth).await }).map(RawResponse)
    }

    fn __repr__(&self) -> String {
        format!(
            "Client(base_url={:?}, credentials={:?}, timeout={:?}, max_attempts={})",
            redact_url(self.config.base_url.as_str()),
            self.credentials.scheme(),
            self.config.timeout.as_secs_f64(),
            self.config.retry.max_attempts
        )
    }
}
