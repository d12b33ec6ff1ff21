//! The sans-IO contract of one API call: build a request, parse a response.

use std::time::Duration;

use http::{HeaderName, HeaderValue, Method};
use serde::{Deserialize, Serialize};
use url::Url;

use crate::error::{Error, Result};
use crate::redact::{is_sensitive, redact_path};
use crate::response::error_from_response;
use crate::secret::REDACTED;
use crate::transport::{Request, Response};

/// One API call, defined without I/O.
pub trait Endpoint {
    /// The typed result.
    type Output;

    /// The service name errors are tagged with (`dna`, `bcs`, …).
    fn service(&self) -> &str;

    /// True when sending the call twice has the effect of sending it once, which makes
    /// a timed-out or reset attempt safe to retry.
    fn idempotent(&self) -> bool;

    /// The unsigned request, resolved against the client's base URL.
    fn build(&self, base: &Url) -> Result<Request>;

    /// The typed result or error. `now` is the injected clock's time, for `Retry-After` dates.
    fn parse(&self, response: Response, now: Duration) -> Result<Self::Output>;
}

/// A request described by the caller: the escape hatch for calls chainkit has no type for,
/// still sent through the executor (auth, timeout, retry, typed errors).
/// `Debug` redacts secret-looking header and query values.
#[derive(Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawRequest {
    /// HTTP method, e.g. `GET`.
    pub method: String,
    /// Path and query, resolved against the base URL (`/v1/x?a=1`).
    pub path: String,
    /// Headers in order; repeated names are sent repeatedly.
    #[serde(default)]
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    #[serde(default, with = "serde_bytes")]
    pub body: Vec<u8>,
    /// Overrides the method's idempotency (GET, HEAD, PUT, DELETE and OPTIONS are idempotent).
    #[serde(default)]
    pub idempotent: Option<bool>,
}

impl std::fmt::Debug for RawRequest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    if is_sensitive(k) {
                        REDACTED
                    } else {
                        v.as_str()
                    },
                )
            })
            .collect();
        f.debug_struct("RawRequest")
            .field("method", &self.method)
            .field("path", &redact_path(&self.path))
            .field("headers", &headers)
            .field("body", &format_args!("<{} bytes>", self.body.len()))
            .field("idempotent", &self.idempotent)
            .finish()
    }
}

/// A response to a [`RawRequest`] with a status below 400.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RawResponse {
    /// HTTP status.
    pub status: u16,
    /// Headers in order, names lowercase; non-UTF-8 values are decoded lossily.
    pub headers: Vec<(String, String)>,
    /// Body bytes.
    #[serde(with = "serde_bytes")]
    pub body: Vec<u8>,
}

/// Resolves `path` against `base` so that a base with a path prefix keeps it
/// (`https://h/api` + `/v1/x` → `https://h/api/v1/x`).
pub fn join_url(base: &Url, path: &str) -> Result<Url> {
    // Only the path part decides: a query value may itself be a URL (`?callback=https://…`).
    let path_part = path.split(['?', '#']).next().unwrap_or_default();
    if path_part.contains("://") {
        return Err(Error::invalid_input(
            "path must be relative to the client's base URL",
        ));
    }
    let prefix = base.as_str().trim_end_matches('/');
    let suffix = path.trim_start_matches('/');
    Url::parse(&format!("{prefix}/{suffix}"))
        .map_err(|e| Error::invalid_input(format!("invalid path {path:?}: {e}")))
}

impl Endpoint for RawRequest {
    type Output = RawResponse;

    fn service(&self) -> &str {
        "raw"
    }

    fn idempotent(&self) -> bool {
        self.idempotent.unwrap_or(matches!(
            self.method.to_ascii_uppercase().as_str(),
            "GET" | "HEAD" | "PUT" | "DELETE" | "OPTIONS"
        ))
    }

    fn build(&self, base: &Url) -> Result<Request> {
        let method = Method::from_bytes(self.method.as_bytes())
            .map_err(|_| Error::invalid_input(format!("invalid HTTP method {:?}", self.method)))?;
        let url = join_url(base, &self.path)?;
        let mut request = http::Request::builder()
            .method(method)
            .uri(url.as_str())
            .body(self.body.clone())
            .map_err(|e| Error::invalid_input(format!("invalid request: {e}")))?;
        for (name, value) in &self.headers {
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::invalid_input(format!("invalid header name {name:?}")))?;
            // The value is not echoed: it may be a credential.
            let value = HeaderValue::from_str(value)
                .map_err(|_| Error::invalid_input(format!("invalid value for header {name}")))?;
            // `append` panics past http's limit of 32,768 headers: a caller's list may be longer.
            request
                .headers_mut()
                .try_append(name, value)
                .map_err(|_| Error::invalid_input("too many headers (at most 32768)"))?;
        }
        Ok(request)
    }

    fn parse(&self, response: Response, now: Duration) -> Result<RawResponse> {
        if response.status().as_u16() >= 400 {
            return Err(error_from_response(self.service(), &response, now));
        }
        let headers = response
            .headers()
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str().to_owned(),
                    String::from_utf8_lossy(v.as_bytes()).into_owned(),
                )
            })
            .collect();
        Ok(RawResponse {
            status: response.status().as_u16(),
            headers,
            body: response.into_body(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builds_with_base_prefix_and_rejects_bad_input() {
        let base = Url::parse("https://h.example/api/").unwrap_or_else(|_| unreachable!());
        let req = RawRequest {
            method: "post".into(),
            path: "/v1/x?a=1".into(),
            headers: vec![("X-A".into(), "1".into()), ("x-a".into(), "2".into())],
            ..Default::default()
        };
        assert!(!req.idempotent());
        let built = req.build(&base);
        let built = built.as_ref().map_err(ToString::to_string);
        let built = built.unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(built.uri(), "https://h.example/api/v1/x?a=1");
        let with_url_value = RawRequest {
            path: "/v1/x?callback=https://cb.example/p".into(),
            ..req.clone()
        };
        assert_eq!(
            with_url_value.build(&base).unwrap().uri(),
            "https://h.example/api/v1/x?callback=https://cb.example/p"
        );
        assert_eq!(built.headers().get_all("x-a").iter().count(), 2);
        let secret = RawRequest {
            path: "/t?apiSecret=s3cr3t&page=1".into(),
            headers: vec![
                ("Authorization".into(), "Bearer s3cr3t".into()),
                ("x-b".into(), "shown".into()),
            ],
            ..req.clone()
        };
        let shown = format!("{secret:?}");
        assert!(
            !shown.contains("s3cr3t") && shown.contains("shown") && shown.contains("page=1"),
            "{shown}"
        );
        for bad in [
            RawRequest {
                headers: (0..40_000)
                    .map(|i| (format!("x-{i}"), "v".into()))
                    .collect(),
                ..req.clone()
            },
            RawRequest {
                method: "GE T".into(),
                ..req.clone()
            },
            RawRequest {
                path: "http://evil/".into(),
                ..req.clone()
            },
            RawRequest {
                headers: vec![("bad header".into(), "v".into())],
                ..req.clone()
            },
            RawRequest {
                headers: vec![("h".into(), "line\nbreak".into())],
                ..req.clone()
            },
        ] {
            let err = bad.build(&base).err().map(|e| e.kind());
            assert_eq!(err, Some(crate::ErrorKind::InvalidInput), "{bad:?}");
        }
    }
}
