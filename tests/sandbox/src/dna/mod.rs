//! Seed 002, DNA registration (`/registration/api/v2/…`) and auth (`/auth/api/v1/…`): an
//! `accessToken` header obtained from getToken (§3.3.1).
//!
//! Decision: the document does not say whether the HTTP status mirrors `retCode`; the sandbox sets
//! it to the `retCode` (200/400/500), with the payload at the top level next to `retCode`/`retMsg`.

use axum::response::Response;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::app::{json, Req, Shared};
use crate::config;

/// Issues and checks access tokens.
pub struct Tokens {
    key: Vec<u8>,
    ttl: i64,
}

/// The payload of the document's example token (notes_002: `{AppId, BifUserBid, exp, iat}`).
#[derive(Serialize, Deserialize)]
#[allow(non_snake_case)]
struct Claims {
    AppId: String,
    BifUserBid: String,
    exp: i64,
    iat: i64,
}

fn ret(code: u16, msg: &str) -> Response {
    json(code, json!({"retCode": code, "retMsg": msg}))
}

impl Tokens {
    /// A fresh signing key per process: tokens from an earlier run are `accessToken不正确`.
    pub fn new(c: &config::Dna) -> Self {
        let key = format!(
            "{}:{}:{}",
            c.api_secret,
            crate::now_secs(),
            std::process::id()
        );
        Self {
            key: key.into_bytes(),
            ttl: c.token_ttl_secs,
        }
    }

    fn issue(&self, app: &str) -> Option<String> {
        let now = crate::now_secs();
        let claims = Claims {
            AppId: app.to_owned(),
            BifUserBid: app.to_owned(),
            exp: now + self.ttl,
            iat: now,
        };
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&self.key),
        )
        .ok()
    }

    /// `None` when valid, else the documented 400 (§3.4.1 and every authenticated endpoint).
    fn check(&self, token: Option<&str>) -> Option<Response> {
        let token = match token {
            None | Some("") => return Some(ret(400, "accessToken必填")),
            Some(t) => t,
        };
        let mut v = Validation::new(Algorithm::HS256);
        v.leeway = 0;
        match jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(&self.key), &v) {
            Ok(_) => None,
            Err(e) if matches!(e.kind(), jsonwebtoken::errors::ErrorKind::ExpiredSignature) => {
                Some(ret(400, "accessToken过期"))
            }
            Err(_) => Some(ret(400, "accessToken不正确")),
        }
    }
}

/// Handles one DNA request.
pub fn handle(s: &Shared, req: &Req) -> Response {
    // §3.4.2 writes `series/list/` and §3.4.4 `//registration`: a Spring-style server ignores a
    // trailing slash, so both spellings match.
    let path = req.path.trim_end_matches('/');
    let Some(route) = s.catalog.find(req.method.as_str(), path) else {
        return json(404, json!({"retCode": 404, "retMsg": "Not Found"}));
    };
    if route.id == "get_token" {
        return get_token(s, req);
    }
    if let Some(rejected) = s.dna.check(req.header("accesstoken")) {
        return rejected;
    }
    json(route.status, route.response.clone())
}

/// §3.3.1: `GET getToken?apiKey=…&apiSecret=…` (GET, so the query string).
fn get_token(s: &Shared, req: &Req) -> Response {
    let c = &s.config.dna;
    let key = req.query_param("apiKey").filter(|k| !k.is_empty());
    let secret = req.query_param("apiSecret").filter(|k| !k.is_empty());
    let (Some(key), Some(secret)) = (key, secret) else {
        let missing = if req.query_param("apiKey").unwrap_or_default().is_empty() {
            "apiKey必填"
        } else {
            "apiSecret必填"
        };
        return ret(400, missing);
    };
    if key != c.api_key || secret != c.api_secret {
        return ret(400, "apiKey或apiSecret不正确");
    }
    match s.dna.issue(&key) {
        Some(token) => json(
            200,
            json!({"retCode": 200, "retMsg": "OK", "accessToken": token}),
        ),
        None => ret(500, "服务错误"),
    }
}
