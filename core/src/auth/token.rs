//! The shared mechanism of the token schemes (DNA `accessToken`, Huawei `X-Auth-Token`): fetch a
//! token with a request of the scheme's own, cache it single-flight until shortly before it
//! expires, send it in a header, and drop it when the service rejects it.

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderName, HeaderValue};

use crate::error::{Error, Result};
use crate::executor::{AttemptContext, Authorizer};
use crate::secret::Secret;
use crate::token_cache::{CachedToken, Generation, TokenCache};
use crate::transport::{Request, Response, Transport};

/// The documented JSON body of a token answer (DNA getToken, the Ulord login), or the error to
/// give: a 429/5xx, or an HTTP error without that JSON, keeps its status and Retry-After
/// (`error_from_response`); other unreadable JSON is a decode error that quotes no value.
pub(crate) fn token_body<T: serde::de::DeserializeOwned>(
    service: &'static str,
    what: &str,
    response: &Response,
    now: Duration,
) -> Result<T> {
    let status = response.status().as_u16();
    if status == 429 || status >= 500 {
        return Err(crate::response::error_from_response(service, response, now));
    }
    serde_json::from_slice(response.body()).map_err(|e| {
        if status >= 400 {
            crate::response::error_from_response(service, response, now)
        } else {
            Error::decode(format!(
                "{what} answer is not the documented JSON: {}",
                crate::redact::json_error_without_values(&e)
            ))
            .with_service(service)
            .with_status(status)
        }
    })
}

/// Reads a token and its expiry from the token endpoint's answer, received at the given time.
pub type ParseToken = Arc<dyn Fn(&Response, Duration) -> Result<CachedToken<Secret>> + Send + Sync>;

/// How one scheme obtains and recognises its token.
pub struct TokenScheme {
    /// The service name fetch errors are tagged with.
    pub service: &'static str,
    /// The header the token is sent in.
    pub header: HeaderName,
    /// Refresh this long before expiry.
    pub margin: Duration,
    /// Builds the token request (it may carry secrets: never log it unredacted).
    pub request: Box<dyn Fn() -> Result<Request> + Send + Sync>,
    /// Reads the token and its expiry from the answer, received at the given time.
    pub parse: ParseToken,
    /// Whether an error from the service means the token was rejected.
    pub rejected: fn(&Error) -> bool,
    /// The credentials the token is fetched with, masked in errors.
    pub secrets: Vec<Secret>,
}

/// Sends a fetched, cached token in the scheme's header.
pub struct TokenAuthorizer {
    scheme: TokenScheme,
    transport: Arc<dyn Transport>,
    cache: TokenCache<Secret>,
}

impl TokenAuthorizer {
    /// An authorizer that fetches `scheme`'s tokens through `transport`.
    pub fn new(scheme: TokenScheme, transport: Arc<dyn Transport>) -> Self {
        let cache = TokenCache::new(scheme.margin);
        Self {
            scheme,
            transport,
            cache,
        }
    }

    /// The current token and its generation, fetching one if needed.
    pub async fn token(&self, now: Duration) -> Result<(Secret, Generation)> {
        let request = (self.scheme.request)()?;
        let (transport, parse, service) = (
            self.transport.clone(),
            self.scheme.parse.clone(),
            self.scheme.service,
        );
        self.cache
            .get(now, move || async move {
                tracing::debug!(service, url = %crate::redact::redact_url(&request.uri().to_string()), "fetching a token");
                let response = transport.send(request).await.map_err(|e| e.with_service(service))?;
                parse(&response, now)
            })
            .await
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Authorizer for TokenAuthorizer {
    async fn authorize(&self, request: &mut Request, ctx: &AttemptContext<'_>) -> Result<()> {
        let (token, generation) = self.token(ctx.now).await?;
        ctx.credential
            .store(generation, std::sync::atomic::Ordering::Relaxed);
        let mut value = HeaderValue::from_str(token.expose()).map_err(|_| {
            Error::decode(format!(
                "the {} token is not a valid header value",
                self.scheme.service
            ))
            .with_service(self.scheme.service)
        })?;
        value.set_sensitive(true);
        request
            .headers_mut()
            .insert(self.scheme.header.clone(), value);
        Ok(())
    }

    fn secrets(&self) -> Vec<Secret> {
        let mut secrets = self.scheme.secrets.clone();
        secrets.extend(self.cache.known());
        secrets
    }

    fn drop_stale(&self, error: &Error, credential: Generation) -> bool {
        if (self.scheme.rejected)(error) {
            self.cache.invalidate(credential);
            return true;
        }
        false
    }
}
