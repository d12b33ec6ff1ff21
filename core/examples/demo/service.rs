//! One service's executor + authorizer, and the raw calls every non-typed step makes.

use std::sync::Arc;

use chainkit_core::auth::credentials::Credentials;
use chainkit_core::{Authorizer, Error, Executor, RawRequest, RawResponse};
use serde_json::Value;

/// The demo fails on chainkit errors and on answers it did not expect alike.
pub type DemoResult<T> = Result<T, Box<dyn std::error::Error>>;

/// How a service reports failure inside a 2xx answer.
#[derive(Clone, Copy)]
pub enum Success {
    /// The HTTP status says it all (Huawei BCS).
    Http,
    /// This top-level field is 0 on success (DDC `code`, Ulord `errcode`, pool `code`).
    ZeroField(&'static str),
}

/// A service as the demo talks to it.
pub struct Service {
    /// Printed as `[rust/<name>]`.
    pub name: &'static str,
    /// The credentials scheme, printed with every step.
    scheme: &'static str,
    executor: Executor,
    auth: Arc<dyn Authorizer>,
    success: Success,
}

impl Service {
    /// `credentials` applied to every call through `executor`.
    pub fn new(
        name: &'static str,
        executor: &Executor,
        credentials: &Credentials,
        success: Success,
    ) -> Result<Self, Error> {
        let auth = credentials.authorizer(
            &executor.config().base_url,
            executor.runtime().transport.clone(),
        )?;
        Ok(Self {
            name,
            scheme: credentials.scheme(),
            executor: executor.clone(),
            auth,
            success,
        })
    }

    /// Sends `method path` with an optional JSON body through chainkit (timeout, retries,
    /// typed errors for statuses of 400 and more).
    pub async fn send(
        &self,
        method: &str,
        path: &str,
        body: Option<&Value>,
    ) -> Result<RawResponse, Error> {
        let (headers, body) = match body {
            Some(b) => (
                vec![("content-type".to_owned(), "application/json".to_owned())],
                b.to_string().into_bytes(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        let request = RawRequest {
            method: method.into(),
            path: path.into(),
            headers,
            body,
            ..Default::default()
        };
        self.executor.execute(&request, &*self.auth).await
    }

    /// [`Service::call_as`] labelled `method path`.
    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> DemoResult<Value> {
        self.call_as(&format!("{method} {path}"), method, path, body)
            .await
    }

    /// Sends the request, prints `label`, the status and a summary of the JSON answer, and
    /// fails on an in-band error too (the pool and Ulord report those with HTTP 200).
    pub async fn call_as(
        &self,
        label: &str,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> DemoResult<Value> {
        let response = self.send(method, path, body.as_ref()).await?;
        let json: Value = serde_json::from_slice(&response.body)
            .map_err(|e| format!("{} {label}: the answer is not JSON: {e}", self.name))?;
        println!(
            "[rust/{}] {label} ({}) -> {} {}",
            self.name,
            self.scheme,
            response.status,
            summary(&json, 2)
        );
        match self.success {
            Success::ZeroField(field) if json[field] != 0 => {
                Err(format!("{} {label}: {field} is {}, not 0", self.name, json[field]).into())
            }
            _ => Ok(json),
        }
    }

    /// Sends a request that must fail and prints chainkit's typed error for it.
    pub async fn expect_error(
        &self,
        label: &str,
        method: &str,
        path: &str,
        body: Option<Value>,
    ) -> DemoResult<()> {
        match self.send(method, path, body.as_ref()).await {
            Ok(r) => Err(format!("{} {label}: unexpected success {}", self.name, r.status).into()),
            Err(e) => {
                println!(
                    "[rust/{}] {label} ({}) -> typed error kind={} status={:?} code={:?}: {e}",
                    self.name,
                    self.scheme,
                    e.kind(),
                    e.status(),
                    e.code()
                );
                Ok(())
            }
        }
    }
}

/// A one-line shape of `v`: scalars (long strings cut), array lengths, objects `depth` deep.
pub fn summary(v: &Value, depth: usize) -> String {
    match v {
        Value::String(s) if s.chars().count() > 40 => {
            format!("\"{}…\"", s.chars().take(40).collect::<String>())
        }
        Value::Array(items) => format!("[{} item(s)]", items.len()),
        Value::Object(map) if depth == 0 => format!("{{{} field(s)}}", map.len()),
        Value::Object(map) => {
            let mut parts: Vec<String> = map
                .iter()
                .take(6)
                .map(|(k, v)| format!("{k}: {}", summary(v, depth - 1)))
                .collect();
            if map.len() > 6 {
                parts.push("…".into());
            }
            format!("{{{}}}", parts.join(", "))
        }
        other => other.to_string(),
    }
}
