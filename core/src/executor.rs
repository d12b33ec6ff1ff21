//! Runs an endpoint: build → authorize (every attempt) → send with timeout → parse → retry.

use std::sync::Arc;
use std::time::Duration;

use async_trait::async_trait;
use futures::future::{select, Either};
use url::Url;

use crate::endpoint::Endpoint;
use crate::error::{Error, ErrorKind, Result};
use crate::redact::RedactedRequest;
use crate::retry::{Decision, RetryPolicy};
use crate::runtime::{Clock, Random, Sleep};
use crate::transport::{MaybeSend, Request, Transport};

/// What an authorizer may use to sign one attempt.
pub struct AttemptContext<'a> {
    /// The injected clock's time for this attempt (since the Unix epoch).
    pub now: Duration,
    /// 1-based attempt number.
    pub attempt: u32,
    /// The injected randomness, for nonces.
    pub random: &'a dyn Random,
}

/// Adds credentials to a request. Called again on every attempt, so timestamps and nonces are fresh.
#[cfg_attr(not(target_arch = "wasm32"), async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait(?Send))]
pub trait Authorizer: MaybeSend {
    /// Signs or stamps `request` in place.
    async fn authorize(&self, request: &mut Request, ctx: &AttemptContext<'_>) -> Result<()>;

    /// Called when an attempt failed. Returns true when `error` shows the credentials were
    /// stale (an expired token) and they have been dropped: the executor then retries once at
    /// once, outside the retry policy, with freshly fetched credentials.
    fn drop_stale(&self, _error: &Error) -> bool {
        false
    }

    /// A path parameter the credentials carry (Huawei's `project_id`), for definitions that
    /// fill a placeholder from the credentials.
    fn path_param(&self, _name: &str) -> Option<String> {
        None
    }
}

/// An authorizer that adds nothing.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoAuth;

#[cfg_attr(not(target_arch = "wasm32"), async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait(?Send))]
impl Authorizer for NoAuth {
    async fn authorize(&self, _: &mut Request, _: &AttemptContext<'_>) -> Result<()> {
        Ok(())
    }
}

/// Client-wide settings.
#[derive(Clone, Debug)]
pub struct ClientConfig {
    /// Every endpoint path is resolved against this URL.
    pub base_url: Url,
    /// Limit for one attempt, from sending to the full response body.
    pub timeout: Duration,
    /// Retry bounds.
    pub retry: RetryPolicy,
}

impl ClientConfig {
    /// Settings with the default timeout (30 s) and retry policy, for an http(s) base URL.
    pub fn new(base_url: &str) -> Result<Self> {
        let parsed =
            Url::parse(base_url).map_err(|e| Error::config(format!("invalid base URL: {e}")))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host().is_none() {
            return Err(Error::config("base URL must be an http(s) URL with a host"));
        }
        Ok(Self {
            base_url: parsed,
            timeout: Duration::from_secs(30),
            retry: RetryPolicy::default(),
        })
    }
}

/// The injected environment a client runs in.
#[derive(Clone)]
pub struct Runtime {
    /// Sends requests.
    pub transport: Arc<dyn Transport>,
    /// Tells the time.
    pub clock: Arc<dyn Clock>,
    /// Waits between attempts and bounds each attempt.
    pub sleep: Arc<dyn Sleep>,
    /// Nonces and jitter.
    pub random: Arc<dyn Random>,
}

/// Runs endpoints against one base URL.
#[derive(Clone)]
pub struct Executor {
    config: ClientConfig,
    runtime: Runtime,
}

impl Executor {
    /// An executor with `config` in `runtime`.
    pub fn new(config: ClientConfig, runtime: Runtime) -> Self {
        Self { config, runtime }
    }

    /// The settings.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// The injected environment.
    pub fn runtime(&self) -> &Runtime {
        &self.runtime
    }

    /// Runs `endpoint`, authorizing each attempt with `auth`.
    pub async fn execute<E: Endpoint>(
        &self,
        endpoint: &E,
        auth: &dyn Authorizer,
    ) -> Result<E::Output> {
        let service = endpoint.service().to_owned();
        let tag = |e: Error| {
            if e.service().is_some() {
                e
            } else {
                e.with_service(service.clone())
            }
        };
        let rt = &self.runtime;
        let started = rt.clock.now().map_err(tag)?;
        let mut attempt = 0u32;
        let mut refreshed = false;
        loop {
            attempt += 1;
            let outcome = self.attempt(endpoint, auth, attempt).await;
            let err = match outcome {
                Ok(output) => return Ok(output),
                Err(e) => tag(e),
            };
            // Only once per call: a second rejection means the fresh credentials are bad too.
            if !refreshed && auth.drop_stale(&err) {
                refreshed = true;
                tracing::debug!(attempt, error = %err, "credentials were stale; retrying with fresh ones");
                continue;
            }
            let elapsed = rt.clock.now().map_err(tag)?.saturating_sub(started);
            let decision = self.config.retry.decide(
                attempt,
                &err,
                endpoint.idempotent(),
                elapsed,
                rt.random.next_u64(),
            );
            match decision {
                Decision::Stop => return Err(err),
                Decision::Retry(delay) => {
                    tracing::debug!(attempt, delay_ms = delay.as_millis() as u64, error = %err, "retrying");
                    rt.sleep.sleep(delay).await;
                }
            }
        }
    }

    /// The request `endpoint` would send now, built and authorized but not sent: for callers
    /// who bring their own HTTP stack and hand the response to [`Endpoint::parse`].
    pub async fn prepare<E: Endpoint>(
        &self,
        endpoint: &E,
        auth: &dyn Authorizer,
    ) -> Result<Request> {
        self.authorized(endpoint, auth, 1).await
    }

    async fn authorized<E: Endpoint>(
        &self,
        endpoint: &E,
        auth: &dyn Authorizer,
        attempt: u32,
    ) -> Result<Request> {
        let rt = &self.runtime;
        let mut request = endpoint.build(&self.config.base_url)?;
        let ctx = AttemptContext {
            now: rt.clock.now()?,
            attempt,
            random: rt.random.as_ref(),
        };
        auth.authorize(&mut request, &ctx).await?;
        Ok(request)
    }

    async fn attempt<E: Endpoint>(
        &self,
        endpoint: &E,
        auth: &dyn Authorizer,
        attempt: u32,
    ) -> Result<E::Output> {
        let rt = &self.runtime;
        // The deadline covers authorization too: a token fetch that hangs must not hang the call.
        // Dropping a token refresh midway is safe (the cache's refresh is shared, see TokenCache).
        let exchange = async {
            let request = self.authorized(endpoint, auth, attempt).await?;
            tracing::debug!(attempt, request = %RedactedRequest(&request), "sending");
            rt.transport.send(request).await
        };
        let deadline = rt.sleep.sleep(self.config.timeout);
        let response = match select(std::pin::pin!(exchange), deadline).await {
            Either::Left((result, _)) => result?,
            Either::Right(((), _)) => {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!("no response within {} ms", self.config.timeout.as_millis()),
                ))
            }
        };
        tracing::debug!(attempt, status = response.status().as_u16(), "received");
        endpoint.parse(response, rt.clock.now()?)
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;
    use crate::auth::huawei::{AkSk, AkSkAuthorizer, Algorithm, Signer};
    use crate::endpoint::RawRequest;
    use crate::runtime::{InstantSleep, ManualClock, SeqRandom};
    use crate::transport::Response;

    /// Answers 503 + `Retry-After: 600` until `failures` run out, then 200; records what it got.
    struct Flaky {
        failures: Mutex<u32>,
        seen: Mutex<Vec<Request>>,
    }

    #[async_trait]
    impl Transport for Flaky {
        async fn send(&self, request: Request) -> Result<Response> {
            self.seen.lock().unwrap().push(request);
            let mut left = self.failures.lock().unwrap();
            let status = if *left > 0 { 503 } else { 200 };
            *left = left.saturating_sub(1);
            Ok(http::Response::builder()
                .status(status)
                .header("retry-after", "600")
                .body(Vec::new())
                .unwrap())
        }
    }

    fn aksk() -> AkSkAuthorizer {
        let credentials = AkSk {
            access_key: "AK".into(),
            secret_key: "SK".into(),
            project_id: None,
            security_token: None,
        };
        AkSkAuthorizer::new(Signer::new(credentials, Algorithm::HmacSha256).unwrap())
    }

    fn blockchains() -> RawRequest {
        RawRequest {
            method: "GET".into(),
            path: "/v2/p/blockchains".into(),
            ..Default::default()
        }
    }

    #[tokio::test]
    async fn every_retry_is_restamped_and_resigned() {
        let clock = Arc::new(ManualClock::new(Duration::from_secs(1_591_583_940)));
        let transport = Arc::new(Flaky {
            failures: Mutex::new(1),
            seen: Mutex::default(),
        });
        let mut config = ClientConfig::new("https://bcs.example").unwrap();
        config.retry.max_elapsed = Duration::from_secs(3600);
        let executor = Executor::new(
            config,
            Runtime {
                transport: transport.clone(),
                clock: clock.clone(),
                sleep: Arc::new(InstantSleep::advancing(clock)),
                random: Arc::new(SeqRandom::new(0, 1)),
            },
        );
        let (auth, get) = (aksk(), blockchains());
        executor.execute(&get, &auth).await.unwrap();
        let seen = transport.seen.lock().unwrap();
        assert_eq!(seen.len(), 2);
        let stamp = |r: &Request| r.headers()["x-sdk-date"].to_str().unwrap().to_owned();
        let sig = |r: &Request| r.headers()["authorization"].to_str().unwrap().to_owned();
        // The retry waited the server's 600 s, and its date and signature moved with the clock.
        assert_eq!(stamp(&seen[0]), "20200608T023900Z");
        assert_eq!(stamp(&seen[1]), "20200608T024900Z");
        assert_ne!(sig(&seen[0]), sig(&seen[1]));
    }

    /// A clock set before 1970 (`SystemClock` reports it as this error).
    struct Before1970;

    impl Clock for Before1970 {
        fn now(&self) -> Result<Duration> {
            Err(Error::new(
                ErrorKind::Config,
                "system clock is set before 1970",
            ))
        }
    }

    #[tokio::test]
    async fn a_clock_before_1970_is_a_typed_error_and_nothing_is_sent() {
        let transport = Arc::new(Flaky {
            failures: Mutex::new(0),
            seen: Mutex::default(),
        });
        let executor = Executor::new(
            ClientConfig::new("https://bcs.example").unwrap(),
            Runtime {
                transport: transport.clone(),
                clock: Arc::new(Before1970),
                sleep: Arc::new(InstantSleep::default()),
                random: Arc::new(SeqRandom::new(0, 1)),
            },
        );
        let (auth, get) = (aksk(), blockchains());
        for err in [
            executor.execute(&get, &auth).await.unwrap_err(),
            executor.prepare(&get, &auth).await.unwrap_err(),
        ] {
            assert_eq!(err.kind(), ErrorKind::Config);
            assert!(err.to_string().contains("before 1970"), "{err}");
        }
        assert!(transport.seen.lock().unwrap().is_empty());
    }
}
