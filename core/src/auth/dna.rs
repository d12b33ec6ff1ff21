//! 星火·链网 DNA access tokens (seed 002 §3.1, §3.3.1): fetched with apiKey/apiSecret, sent in
//! the `accessToken` header, cached until shortly before they expire.
//!
//! Lifetime: §3.1 says 2 hours, but the §3.3.1 example token is a JWT whose `exp − iat` is 24 h
//! (reference notes_002 "Lifetime contradiction"). chainkit trusts the token's own `exp` when it
//! is a JWT and falls back to 2 h otherwise, and refreshes at once when the service answers that
//! the token expired.

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderName, Method};
use serde::Deserialize;
use url::Url;

use crate::auth::token::{token_body, TokenAuthorizer, TokenScheme};
use crate::endpoint::join_url;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::token_cache::CachedToken;
use crate::transport::{Request, Response, Transport};

/// The documented lifetime, used when the token carries no readable `exp` (§3.1).
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(2 * 3600);
/// Tokens are refreshed this long before they expire.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// The token endpoint (§3.3.1).
pub const TOKEN_PATH: &str = "/registration/api/v2/getToken";

/// apiKey/apiSecret issued when the application is approved.
#[derive(Clone, Debug)]
pub struct DnaCredentials {
    /// `apiKey`.
    pub api_key: String,
    /// `apiSecret`. It travels in the token URL's query as documented: chainkit never logs that URL.
    pub api_secret: Secret,
}

/// The `GET …/getToken?apiKey=…&apiSecret=…` request. Where the parameters go is not stated
/// (§3.3.1 shows only a screenshot); the query string is assumed (notes_002 "Parameter location").
pub fn token_request(base: &Url, credentials: &DnaCredentials) -> Result<Request> {
    if credentials.api_key.is_empty() || credentials.api_secret.is_empty() {
        return Err(Error::config("DNA apiKey and apiSecret are required"));
    }
    let mut url = join_url(base, TOKEN_PATH)?;
    url.query_pairs_mut()
        .append_pair("apiKey", &credentials.api_key)
        .append_pair("apiSecret", credentials.api_secret.expose());
    http::Request::builder()
        .method(Method::GET)
        .uri(url.as_str())
        .body(Vec::new())
        // The builder's error could quote the URL, which holds apiSecret: say nothing of it.
        .map_err(|_| Error::config("the DNA base URL does not make a valid token request"))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TokenBody {
    ret_code: i64,
    ret_msg: Option<String>,
    access_token: Option<String>,
}

#[derive(Deserialize)]
struct Expiry {
    exp: Option<f64>,
}

/// The token and its expiry from a getToken answer received at `now`.
///
/// An HTTP 429 or 5xx (a gateway's, or the service's own when overloaded), or any HTTP error
/// without the documented JSON, is the typed error of [`crate::response::error_from_response`], keeping the status
/// and `Retry-After` for the retry policy.
pub fn parse_token(response: &Response, now: Duration) -> Result<CachedToken<Secret>> {
    let status = response.status().as_u16();
    let parsed: TokenBody = token_body("dna", "getToken", response, now)?;
    let message = parsed.ret_msg.unwrap_or_default();
    let token = match (parsed.ret_code, parsed.access_token) {
        (200, Some(token)) if !token.is_empty() => token,
        (200, _) => {
            return Err(
                Error::decode("getToken answered 200 without an accessToken").with_service("dna"),
            )
        }
        // §3.3.1: 400 = missing or wrong apiKey/apiSecret.
        (400, _) => {
            return Err(Error::new(ErrorKind::Unauthorized, message)
                .with_service("dna")
                .with_code("400")
                .with_status(status))
        }
        (code, _) => {
            return Err(Error::new(ErrorKind::Api, message)
                .with_service("dna")
                .with_code(code.to_string())
                .with_status(status))
        }
    };
    // `exp` is the server's number: anything a Duration cannot hold (negative, NaN, ≥ 2^64 s,
    // e.g. 1e308) counts as unreadable rather than panicking.
    let exp = jsonwebtoken::dangerous::insecure_decode_claims::<Expiry>(&token)
        .ok()
        .and_then(|c| c.exp)
        .and_then(|e| Duration::try_from_secs_f64(e).ok())
        .filter(|e| !e.is_zero());
    Ok(CachedToken {
        value: Secret::new(token),
        expires_at: exp.unwrap_or_else(|| now.saturating_add(DEFAULT_LIFETIME)),
    })
}

/// Whether `error` is the service saying the token is missing, wrong or expired (the 400
/// messages of every authenticated endpoint, e.g. §3.4.1 `accessToken过期`).
pub fn is_token_rejection(error: &Error) -> bool {
    error.code() == Some("400") && error.message().contains("accessToken")
}

/// Adds `accessToken`, fetching and caching it; drops it when the service rejects it.
pub fn authorizer(
    base: Url,
    credentials: DnaCredentials,
    transport: Arc<dyn Transport>,
) -> TokenAuthorizer {
    let scheme = TokenScheme {
        secrets: vec![credentials.api_secret.clone()],
        service: "dna",
        header: HeaderName::from_static("accesstoken"),
        margin: REFRESH_MARGIN,
        request: Box::new(move || token_request(&base, &credentials)),
        parse: Arc::new(parse_token),
        rejected: is_token_rejection,
    };
    TokenAuthorizer::new(scheme, transport)
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Mutex;

    use async_trait::async_trait;

    use super::*;
    use crate::auth::jwt::sign_hs256;
    use crate::endpoint::RawRequest;
    use crate::executor::{ClientConfig, Executor, Runtime};
    use crate::runtime::{ManualClock, SeqRandom};
    use crate::transport::Response;

    const T0: u64 = 1_656_587_439;

    /// A DNA stand-in: getToken hands out JWTs (24 h like the seed's example) or fails;
    /// `/protected` accepts only the newest token, answering the documented 400 otherwise.
    #[derive(Default)]
    struct FakeDna {
        token_calls: AtomicUsize,
        other_calls: AtomicUsize,
        issued: Mutex<Vec<String>>,
        token_fails: Mutex<bool>,
        /// An HTTP status getToken answers with instead (a gateway in trouble).
        token_status: Mutex<Option<u16>>,
        reject_all: Mutex<bool>,
    }

    fn reply(status: u16, body: impl ToString) -> Response {
        http::Response::builder()
            .status(status)
            .body(body.to_string().into_bytes())
            .unwrap()
    }

    #[async_trait]
    impl Transport for FakeDna {
        async fn send(&self, request: Request) -> Result<Response> {
            let uri = request.uri().to_string();
            if uri.contains("/getToken") {
                let n = self.token_calls.fetch_add(1, Ordering::SeqCst);
                tokio::time::sleep(Duration::from_millis(20)).await;
                if let Some(status) = *self.token_status.lock().unwrap() {
                    return Ok(reply(status, "<html>Service Unavailable</html>"));
                }
                if *self.token_fails.lock().unwrap() {
                    return Ok(reply(
                        200,
                        serde_json::json!({"retCode": 400, "retMsg": "apiKey或apiSecret不正确"}),
                    ));
                }
                assert!(
                    uri.contains("apiKey=key") && uri.contains("apiSecret=s3cr3t"),
                    "{uri}"
                );
                let claims =
                    serde_json::json!({"AppId": "app", "n": n, "exp": T0 + 86_400, "iat": T0});
                let token = sign_hs256(&claims, b"server").unwrap();
                self.issued.lock().unwrap().push(token.clone());
                return Ok(reply(
                    200,
                    serde_json::json!({"retCode": 200, "retMsg": "ok", "accessToken": token}),
                ));
            }
            // Answers take 0–39 ms, so some rejections of an old token arrive after the
            // 20 ms refresh it caused.
            let n = self.other_calls.fetch_add(1, Ordering::SeqCst) as u64;
            tokio::time::sleep(Duration::from_millis(n % 40)).await;
            let sent = request
                .headers()
                .get("accesstoken")
                .and_then(|v| v.to_str().ok())
                .unwrap_or_default();
            let current = self.issued.lock().unwrap().last().map(String::as_str) == Some(sent);
            Ok(if current && !*self.reject_all.lock().unwrap() {
                reply(200, serde_json::json!({"retCode": 200, "retMsg": "OK"}))
            } else {
                reply(
                    400,
                    serde_json::json!({"retCode": 400, "retMsg": "accessToken过期"}),
                )
            })
        }
    }

    fn setup() -> (
        Arc<FakeDna>,
        Arc<ManualClock>,
        Executor,
        Arc<TokenAuthorizer>,
    ) {
        let fake = Arc::new(FakeDna::default());
        let clock = Arc::new(ManualClock::new(Duration::from_secs(T0)));
        let config = ClientConfig::new("https://dna.example").unwrap();
        let auth = Arc::new(authorizer(
            config.base_url.clone(),
            DnaCredentials {
                api_key: "key".into(),
                api_secret: "s3cr3t".into(),
            },
            fake.clone(),
        ));
        let runtime = Runtime {
            transport: fake.clone(),
            clock: clock.clone(),
            // Real sleeping: the fake's getToken takes 20 ms, and an instant sleep would fire
            // the executor's per-attempt deadline first.
            sleep: Arc::new(crate::runtime::TokioSleep),
            random: Arc::new(SeqRandom::new(0, 1)),
        };
        (fake, clock, Executor::new(config, runtime), auth)
    }

    fn protected() -> RawRequest {
        RawRequest {
            method: "GET".into(),
            path: "/protected".into(),
            ..Default::default()
        }
    }

    #[test]
    fn expiry_comes_from_the_tokens_own_exp_else_two_hours() {
        let jwt = sign_hs256(&serde_json::json!({"exp": T0 + 86_400}), b"k").unwrap();
        let body = serde_json::json!({"retCode": 200, "accessToken": jwt}).to_string();
        let t = parse_token(&reply(200, &body), Duration::from_secs(T0)).unwrap();
        assert_eq!(t.expires_at, Duration::from_secs(T0 + 86_400));
        let opaque = reply(200, r#"{"retCode":200,"accessToken":"not-a-jwt"}"#);
        let t = parse_token(&opaque, Duration::from_secs(T0)).unwrap();
        assert_eq!(t.expires_at, Duration::from_secs(T0) + DEFAULT_LIFETIME);
        let denied = parse_token(
            &reply(200, r#"{"retCode":400,"retMsg":"apiSecret必填"}"#),
            Duration::ZERO,
        )
        .unwrap_err();
        assert_eq!(
            (denied.kind(), denied.code()),
            (ErrorKind::Unauthorized, Some("400"))
        );
        assert_eq!(
            parse_token(&reply(200, "<html>"), Duration::ZERO)
                .unwrap_err()
                .kind(),
            ErrorKind::Decode
        );
    }

    #[test]
    fn an_exp_no_duration_can_hold_falls_back_to_two_hours() {
        // Issue 17: `exp: 1e308` panicked in Duration::from_secs_f64. JSON has no NaN, but
        // huge, negative and fractional values all reach the conversion.
        for exp in ["1e308", "1.8446744073709552e19", "-5", "0", "1e-300"] {
            let claims: serde_json::Value =
                serde_json::from_str(&format!(r#"{{"exp":{exp}}}"#)).unwrap();
            let jwt = sign_hs256(&claims, b"k").unwrap();
            let body = serde_json::json!({"retCode": 200, "accessToken": jwt}).to_string();
            let t = parse_token(&reply(200, &body), Duration::from_secs(T0)).unwrap();
            assert_eq!(
                t.expires_at,
                Duration::from_secs(T0) + DEFAULT_LIFETIME,
                "{exp}"
            );
        }
    }

    #[test]
    fn an_overloaded_token_endpoint_is_a_typed_error_with_status_and_retry_after() {
        for (status, kind) in [
            (500, ErrorKind::Api),
            (502, ErrorKind::Api),
            (503, ErrorKind::Api),
            (504, ErrorKind::Api),
            (429, ErrorKind::RateLimited),
        ] {
            let answer = http::Response::builder()
                .status(status)
                .header("retry-after", "7")
                .body(b"<html>busy</html>".to_vec())
                .unwrap();
            let err = parse_token(&answer, Duration::ZERO).unwrap_err();
            assert_eq!(
                (err.kind(), err.status(), err.retry_after(), err.service()),
                (
                    kind,
                    Some(status),
                    Some(Duration::from_secs(7)),
                    Some("dna")
                ),
                "{err}"
            );
        }
        // Even a JSON body with a retCode: the HTTP status decides.
        let json = reply(503, r#"{"retCode":200,"accessToken":"x"}"#);
        assert_eq!(
            parse_token(&json, Duration::ZERO).unwrap_err().status(),
            Some(503)
        );
    }

    #[tokio::test]
    async fn cached_until_the_refresh_margin_then_refreshed() {
        let (fake, clock, executor, auth) = setup();
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        clock.advance(Duration::from_secs(86_400 - 61));
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 1);
        clock.advance(Duration::from_secs(2));
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_hundred_callers_rejected_at_once_share_one_refresh() {
        let (fake, _, executor, auth) = setup();
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        // The service stops honouring the token (it expired on its clock); all callers find out.
        fake.issued.lock().unwrap().push("expired".into());
        let calls: Vec<_> = (0..100)
            .map(|_| {
                let (executor, auth) = (executor.clone(), auth.clone());
                tokio::spawn(async move { executor.execute(&protected(), auth.as_ref()).await })
            })
            .collect();
        for c in calls {
            c.await.unwrap().unwrap();
        }
        // Issue 17: a late rejection of the expired token threw away the one fetched just
        // before, for 1–3 refreshes.
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 2);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_failing_token_endpoint_sees_one_fetch_for_a_hundred_retrying_callers() {
        let (fake, _, executor, auth) = setup();
        *fake.token_status.lock().unwrap() = Some(503);
        let calls: Vec<_> = (0..100)
            .map(|_| {
                let (executor, auth) = (executor.clone(), auth.clone());
                tokio::spawn(async move { executor.execute(&protected(), auth.as_ref()).await })
            })
            .collect();
        for c in calls {
            let err = c.await.unwrap().unwrap_err();
            assert_eq!((err.kind(), err.status()), (ErrorKind::Api, Some(503)));
        }
        // Each caller retried (503 on an idempotent call), but the failure was shared and held:
        // issue 17 counted 109 fetches for 100 callers.
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_hundred_concurrent_callers_share_one_fetch() {
        let (fake, _, executor, auth) = setup();
        let calls: Vec<_> = (0..100)
            .map(|_| {
                let (executor, auth) = (executor.clone(), auth.clone());
                tokio::spawn(async move { executor.execute(&protected(), auth.as_ref()).await })
            })
            .collect();
        for c in calls {
            c.await.unwrap().unwrap();
        }
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 1);
    }

    #[tokio::test]
    async fn a_rejected_token_is_refreshed_and_the_call_retried_once() {
        let (fake, _, executor, auth) = setup();
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        // The server revokes it (a newer token exists); the next call refreshes once and succeeds.
        fake.issued.lock().unwrap().push("revoked-elsewhere".into());
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        assert_eq!(fake.token_calls.load(Ordering::SeqCst), 2);
    }

    /// A token endpoint that never answers.
    struct Silent;

    #[async_trait]
    impl Transport for Silent {
        async fn send(&self, _: Request) -> Result<Response> {
            futures::future::pending().await
        }
    }

    #[tokio::test]
    async fn a_hanging_token_endpoint_times_the_call_out() {
        let mut config = ClientConfig::new("https://dna.example").unwrap();
        config.timeout = Duration::from_millis(100);
        config.retry.max_attempts = 1;
        let auth = authorizer(
            config.base_url.clone(),
            DnaCredentials {
                api_key: "key".into(),
                api_secret: "s3cr3t".into(),
            },
            Arc::new(Silent),
        );
        let runtime = Runtime {
            transport: Arc::new(Silent),
            clock: Arc::new(crate::runtime::SystemClock),
            sleep: Arc::new(crate::runtime::TokioSleep),
            random: Arc::new(SeqRandom::new(0, 1)),
        };
        let err = Executor::new(config, runtime)
            .execute(&protected(), &auth)
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Timeout);
    }

    #[tokio::test]
    async fn a_second_rejection_is_returned_not_retried_forever() {
        let (fake, _, executor, auth) = setup();
        *fake.reject_all.lock().unwrap() = true;
        let err = executor
            .execute(&protected(), auth.as_ref())
            .await
            .unwrap_err();
        assert!(is_token_rejection(&err), "{err}");
        assert_eq!(
            fake.token_calls.load(Ordering::SeqCst),
            2,
            "one refresh, then the error"
        );
    }

    #[tokio::test]
    async fn a_failing_token_endpoint_is_not_cached_and_not_stormed() {
        let (fake, clock, executor, auth) = setup();
        *fake.token_fails.lock().unwrap() = true;
        let err = executor
            .execute(&protected(), auth.as_ref())
            .await
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Unauthorized);
        assert_eq!(
            fake.token_calls.load(Ordering::SeqCst),
            1,
            "no refresh loop on a bad secret"
        );
        *fake.token_fails.lock().unwrap() = false;
        let held = executor.execute(&protected(), auth.as_ref()).await;
        assert_eq!(held.unwrap_err().kind(), ErrorKind::Unauthorized);
        assert_eq!(
            fake.token_calls.load(Ordering::SeqCst),
            1,
            "the failure is held for a moment"
        );
        clock.advance(crate::token_cache::FAILURE_HOLD);
        executor.execute(&protected(), auth.as_ref()).await.unwrap();
        assert_eq!(
            fake.token_calls.load(Ordering::SeqCst),
            2,
            "and then forgotten"
        );
    }
}
