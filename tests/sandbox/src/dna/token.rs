//! The §3.3.1 accessToken: an HS256 JWT shaped like the document's example.

use std::sync::Mutex;

use axum::response::Response;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};

use super::ret;
use crate::config;

/// Issues and checks access tokens.
pub struct Tokens {
    keys: Mutex<Keys>,
    base: String,
    ttl: i64,
}

struct Keys {
    current: Vec<u8>,
    /// Retired by `POST /_sandbox/dna/expire-tokens`: a token they signed is ours but expired.
    retired: Vec<Vec<u8>>,
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

impl Tokens {
    /// A fresh signing key per process: tokens from an earlier run are `accessToken不正确`.
    pub fn new(c: &config::Dna) -> Self {
        let base = format!(
            "{}:{}:{}",
            c.api_secret,
            crate::now_secs(),
            std::process::id()
        );
        Self {
            keys: Mutex::new(Keys {
                current: base.clone().into_bytes(),
                retired: Vec::new(),
            }),
            base,
            ttl: c.token_ttl_secs,
        }
    }

    fn keys(&self) -> std::sync::MutexGuard<'_, Keys> {
        self.keys.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// A token for the application `app_id` whose chain account is `bid`.
    pub fn issue(&self, app_id: &str, bid: &str) -> Option<String> {
        let now = crate::now_secs();
        let claims = Claims {
            AppId: app_id.to_owned(),
            BifUserBid: bid.to_owned(),
            exp: now + self.ttl,
            iat: now,
        };
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &EncodingKey::from_secret(&self.keys().current),
        )
        .ok()
    }

    /// From now on every token issued so far answers `accessToken过期` (tokens carry only
    /// second-resolution times, so a new key, not a cut-off time, tells old from new).
    pub fn expire_all(&self) {
        let mut keys = self.keys();
        let next = format!("{}:{}", self.base, keys.retired.len() + 1).into_bytes();
        let old = std::mem::replace(&mut keys.current, next);
        keys.retired.push(old);
    }

    /// `None` when valid, else the documented 400 (§3.4.1 and every authenticated endpoint).
    pub fn check(&self, token: Option<&str>) -> Option<Response> {
        let token = match token {
            None | Some("") => return Some(ret(400, "accessToken必填")),
            Some(t) => t,
        };
        let mut v = Validation::new(Algorithm::HS256);
        v.leeway = 0;
        let keys = self.keys();
        let decode = |key: &[u8], v: &Validation| {
            jsonwebtoken::decode::<Claims>(token, &DecodingKey::from_secret(key), v)
        };
        match decode(&keys.current, &v) {
            Ok(_) => None,
            Err(e) if matches!(e.kind(), jsonwebtoken::errors::ErrorKind::ExpiredSignature) => {
                Some(ret(400, "accessToken过期"))
            }
            Err(_) => {
                v.validate_exp = false;
                if keys.retired.iter().any(|key| decode(key, &v).is_ok()) {
                    Some(ret(400, "accessToken过期"))
                } else {
                    Some(ret(400, "accessToken不正确"))
                }
            }
        }
    }
}
