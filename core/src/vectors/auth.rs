//! Vector kinds of the auth schemes: the two signers on their own, and `authorize`, which runs
//! any [`Credentials`] through its authorizer the way a client does on one attempt.

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use futures::FutureExt;
use serde::Deserialize;
use serde_json::{json, Value};
use url::Url;

use super::{header_map, parse};
use crate::auth::credentials::Credentials;
use crate::endpoint::{Endpoint, RawRequest};
use crate::error::{Error, ErrorKind, Result};
use crate::executor::AttemptContext;
use crate::runtime::Random;
use crate::transport::{Request, Response, Transport};

#[derive(Deserialize)]
struct AkSkInput {
    method: String,
    url: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
    access_key: String,
    secret_key: String,
    project_id: Option<String>,
    security_token: Option<String>,
    #[serde(default)]
    algorithm: Option<String>,
    #[serde(default)]
    now_s: u64,
}

pub(super) fn huawei_aksk(input: &Value) -> Result<Value> {
    let i: AkSkInput = parse(input)?;
    use crate::auth::huawei::{sign_parts, AkSk, Algorithm};
    let algorithm = match i.algorithm.as_deref() {
        None | Some("SDK-HMAC-SHA256") => Algorithm::HmacSha256,
        Some("SDK-HMAC-SM3") => Algorithm::HmacSm3,
        Some(other) => return Err(Error::invalid_input(format!("unknown algorithm {other:?}"))),
    };
    let credentials = AkSk {
        access_key: i.access_key,
        secret_key: i.secret_key.into(),
        project_id: i.project_id,
        security_token: i.security_token.map(Into::into),
    };
    let signed = sign_parts(
        &i.method,
        &i.url,
        &i.headers,
        i.body.as_bytes(),
        &credentials,
        algorithm,
        Duration::from_secs(i.now_s),
    )?;
    Ok(json!({ "authorization": signed.authorization, "url": signed.url }))
}

#[derive(Deserialize)]
struct PoolInput {
    client_id: String,
    secret_key: String,
    secret_salt: String,
    action: String,
    params: Value,
    now_s: u64,
    rnd: u64,
    sign_nonce: String,
    ttl_s: Option<u64>,
}

pub(super) fn pool_sign(input: &Value) -> Result<Value> {
    let i: PoolInput = parse(input)?;
    use crate::auth::pool::{PoolCredentials, Signer, DEFAULT_TTL};
    let signer = Signer::new(PoolCredentials {
        client_id: i.client_id,
        secret_key: i.secret_key.into(),
        secret_salt: i.secret_salt.into(),
    })?;
    let ttl = i.ttl_s.map_or(DEFAULT_TTL, Duration::from_secs);
    let call = signer.sign(
        &i.action,
        &i.params,
        Duration::from_secs(i.now_s),
        i.rnd,
        &i.sign_nonce,
        ttl,
    )?;
    let body: Value = serde_json::from_str(&call.body)
        .map_err(|e| Error::new(ErrorKind::Signing, format!("the body is not JSON: {e}")))?;
    Ok(json!({ "authorization": call.authorization, "sign": call.sign, "body": body }))
}

#[derive(Deserialize)]
struct AuthorizeInput {
    credentials: Value,
    base_url: String,
    request: RequestInput,
    now_s: u64,
    #[serde(default)]
    random: Vec<u64>,
    token_response: Option<ResponseInput>,
}

#[derive(Deserialize)]
struct RequestInput {
    method: String,
    path: String,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
}

#[derive(Deserialize)]
struct ResponseInput {
    status: u16,
    #[serde(default)]
    headers: Vec<(String, String)>,
    #[serde(default)]
    body: String,
}

/// Hands out the vector's numbers in order, then zeros.
struct ListRandom(Mutex<VecDeque<u64>>);

impl Random for ListRandom {
    fn next_u64(&self) -> u64 {
        self.0
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .pop_front()
            .unwrap_or(0)
    }
}

/// The token endpoint of a vector: records what was asked and answers `token_response`.
struct Replay {
    answer: Option<ResponseInput>,
    seen: Mutex<Vec<Request>>,
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Transport for Replay {
    async fn send(&self, request: Request) -> Result<Response> {
        self.seen
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push(request);
        let answer = self
            .answer
            .as_ref()
            .ok_or_else(|| Error::network("the vector gives no token_response"))?;
        let mut response = http::Response::new(answer.body.clone().into_bytes());
        *response.status_mut() = http::StatusCode::from_u16(answer.status)
            .map_err(|_| Error::invalid_input("invalid token_response status"))?;
        *response.headers_mut() = header_map(&answer.headers)?;
        Ok(response)
    }
}

pub(super) fn request_json(request: &Request) -> Value {
    let headers: Vec<(&str, String)> = request
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str(),
                String::from_utf8_lossy(v.as_bytes()).into_owned(),
            )
        })
        .collect();
    json!({
        "method": request.method().as_str(),
        "url": request.uri().to_string(),
        "headers": headers,
        "body": String::from_utf8_lossy(request.body()),
    })
}

/// One attempt's request as `credentials` authorize it, and the token request if one was made.
pub(super) fn authorize(input: &Value) -> Result<Value> {
    let i: AuthorizeInput = parse(input)?;
    let credentials = Credentials::from_json(&i.credentials.to_string())?;
    let base = Url::parse(&i.base_url)
        .map_err(|e| Error::invalid_input(format!("invalid base_url: {e}")))?;
    let replay = Arc::new(Replay {
        answer: i.token_response,
        seen: Mutex::default(),
    });
    let authorizer = credentials.authorizer(&base, replay.clone())?;
    let raw = RawRequest {
        method: i.request.method,
        path: i.request.path,
        headers: i.request.headers,
        body: i.request.body.into_bytes(),
        idempotent: None,
    };
    let mut request = raw.build(&base)?;
    let random = ListRandom(Mutex::new(i.random.into()));
    let ctx = AttemptContext {
        now: Duration::from_secs(i.now_s),
        attempt: 1,
        random: &random,
        credential: &std::sync::atomic::AtomicU64::new(0),
    };
    // Every transport here answers on its first poll, so one poll finishes the attempt.
    authorizer
        .authorize(&mut request, &ctx)
        .now_or_never()
        .ok_or_else(|| Error::invalid_input("the vector's authorization did not finish"))??;
    let mut out = request_json(&request);
    if let Some(token_request) = replay
        .seen
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .first()
    {
        out["token_request"] = request_json(token_request);
    }
    Ok(out)
}
