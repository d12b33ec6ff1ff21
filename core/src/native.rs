//! The native default transport: reqwest on rustls (no OpenSSL), and a runtime built from it.

use std::sync::Arc;

use async_trait::async_trait;

use crate::error::{Error, ErrorKind, Result};
use crate::executor::Runtime;
use crate::runtime::{OsRandom, SystemClock, TokioSleep};
use crate::transport::{MaxResponseBytes, Request, Response, Transport};

/// Sends requests with a shared `reqwest::Client` (connection pooling, rustls with webpki roots).
#[derive(Clone, Debug)]
pub struct ReqwestTransport {
    client: reqwest::Client,
}

impl ReqwestTransport {
    /// A transport with default settings. Timeouts are left to the executor.
    pub fn new() -> Result<Self> {
        let client = reqwest::Client::builder()
            .build()
            .map_err(|e| Error::config(format!("cannot build the HTTP client: {e}")))?;
        Ok(Self { client })
    }
}

#[async_trait]
impl Transport for ReqwestTransport {
    async fn send(&self, request: Request) -> Result<Response> {
        let limit = MaxResponseBytes::of(&request);
        let request = reqwest::Request::try_from(request).map_err(|e| {
            Error::invalid_input(format!("unsendable request: {}", without_url(&e)))
        })?;
        let mut response = self
            .client
            .execute(request)
            .await
            .map_err(transport_error)?;
        // A stated length over the limit is refused before reading any of the body.
        if response.content_length().is_some_and(|n| n > limit) {
            return Err(MaxResponseBytes::exceeded(limit));
        }
        let mut builder = http::Response::builder()
            .status(response.status())
            .version(response.version());
        if let Some(headers) = builder.headers_mut() {
            *headers = response.headers().clone();
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(transport_error)? {
            if (body.len() + chunk.len()) as u64 > limit {
                return Err(MaxResponseBytes::exceeded(limit));
            }
            body.extend_from_slice(&chunk);
        }
        builder
            .body(body)
            .map_err(|e| Error::decode(format!("invalid response: {e}")))
    }
}

/// reqwest errors print the URL, which may carry a secret (DNA's apiSecret travels in the query).
fn without_url(e: &reqwest::Error) -> String {
    let mut text = e.to_string();
    if let Some(url) = e.url() {
        text = text.replace(url.as_str(), &crate::redact::redact_url(url.as_str()));
    }
    let mut source = std::error::Error::source(e);
    while let Some(cause) = source {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        source = cause.source();
    }
    text
}

fn transport_error(e: reqwest::Error) -> Error {
    let message = without_url(&e);
    if e.is_timeout() {
        Error::new(ErrorKind::Timeout, message)
    } else if e.is_connect() {
        // The connection was never established, so the request cannot have been received.
        Error::network(message).not_sent()
    } else {
        Error::network(message)
    }
}

impl Runtime {
    /// The native default: reqwest, the system clock, the OS RNG and tokio's timer.
    /// Must be used inside a tokio runtime.
    pub fn native() -> Result<Self> {
        Ok(Self {
            transport: Arc::new(ReqwestTransport::new()?),
            clock: Arc::new(SystemClock),
            sleep: Arc::new(TokioSleep),
            random: Arc::new(OsRandom),
        })
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::TcpListener;

    use super::*;
    use crate::endpoint::RawRequest;
    use crate::executor::{ClientConfig, Executor, NoAuth};
    use crate::transport::MaxResponseBytes;

    /// A loopback server answering every connection with `head`, then (if `endless`) 64 KiB
    /// chunks until the client hangs up.
    async fn server(head: &'static str, endless: bool) -> String {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let url = format!("http://{}", listener.local_addr().unwrap());
        tokio::spawn(async move {
            while let Ok((mut socket, _)) = listener.accept().await {
                tokio::spawn(async move {
                    let mut buf = [0u8; 4096];
                    let _ = socket.read(&mut buf).await;
                    if socket.write_all(head.as_bytes()).await.is_err() || !endless {
                        return;
                    }
                    let chunk = format!("10000\r\n{}\r\n", "x".repeat(0x10000));
                    while socket.write_all(chunk.as_bytes()).await.is_ok() {}
                });
            }
        });
        url
    }

    async fn get(url: &str, limit: u64, per_call: Option<u64>) -> Result<crate::RawResponse> {
        let mut config = ClientConfig::new(url).unwrap();
        config.max_response_bytes = limit;
        config.retry.max_attempts = 1;
        config.timeout = Duration::from_secs(20);
        let executor = Executor::new(config, Runtime::native().unwrap());
        struct Download(RawRequest, Option<u64>);
        impl crate::Endpoint for Download {
            type Output = crate::RawResponse;
            fn service(&self) -> &str {
                "raw"
            }
            fn idempotent(&self) -> bool {
                true
            }
            fn build(&self, base: &url::Url) -> Result<Request> {
                let mut request = self.0.build(base)?;
                if let Some(limit) = self.1 {
                    request.extensions_mut().insert(MaxResponseBytes(limit));
                }
                Ok(request)
            }
            fn parse(&self, response: Response, now: Duration) -> Result<Self::Output> {
                self.0.parse(response, now)
            }
        }
        let call = RawRequest {
            method: "GET".into(),
            path: "/big".into(),
            ..Default::default()
        };
        executor.execute(&Download(call, per_call), &NoAuth).await
    }

    #[tokio::test]
    async fn an_endless_chunked_answer_fails_at_the_limit_while_streaming() {
        // Issue 17: a 500 MB chunked body took clients past 1 GB. This one never ends: only
        // stopping at the limit can finish the call (else it times out after 20 s).
        let url = server(
            "HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n",
            true,
        )
        .await;
        let err = get(&url, 1 << 20, None).await.unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::Decode, "{err}");
        assert!(err.message().contains("limit of 1048576 bytes"), "{err}");
        // A download may set its own limit on the request; the client's is then not used.
        let err = get(&url, 1 << 30, Some(100_000)).await.unwrap_err();
        assert!(err.message().contains("limit of 100000 bytes"), "{err}");
    }

    #[tokio::test]
    async fn a_stated_length_over_the_limit_is_refused_before_the_body() {
        // Claims 100 MB and sends none of it: only the header can have refused it.
        let url = server(
            "HTTP/1.1 200 OK\r\ncontent-length: 100000000\r\n\r\n",
            false,
        )
        .await;
        let err = get(&url, 16 << 20, None).await.unwrap_err();
        assert!(err.message().contains("larger than the limit"), "{err}");
        let small = server("HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\nok", false).await;
        assert_eq!(get(&small, 2, None).await.unwrap().body, b"ok");
    }
}
