//! Seed 002, DNA registration (`/registration/api/v2/…`) and auth (`/auth/api/v1/…`): an
//! `accessToken` header obtained from getToken (§3.3.1), then a stateful, in-memory platform.
//!
//! State rules (details next to the code):
//! - Accounts (§3.3.5) are uploaded BIDs with a phone hash and a nonce that starts at 0;
//!   `chain/nonce` answers the current nonce and a signed transaction must carry current + 1
//!   (state.rs).
//! - Series names are unique; `dnaNumber` is unique within a series; tokenBids are generated.
//! - Mint, batch mint, transfer and burn answer a `messageId` at once (state 0) and take effect
//!   `message_delay_ms` later (state 2, or 1 when the owner changed meanwhile); every query
//!   reads the state as of its own arrival.
//! - Transfer and burn carry a BIF transaction checked independently of chainkit-core (tx.rs).
//! - The four auth reports are checked and kept apart from the registration data (reports.rs).
//! - `POST /_sandbox/dna/expire-tokens` makes every token issued so far `accessToken过期`.
//!
//! Decision: the document does not say whether the HTTP status mirrors `retCode`; the sandbox sets
//! it to the `retCode` (200/400/500), with the payload at the top level next to `retCode`/`retMsg`.
//! Success says `"retMsg": "ok"` as every example does (the tables write `200-OK`).

mod bid;
mod registration;
mod reports;
mod state;
mod token;
pub mod tx;
mod validate;

use axum::http::Method;
use axum::response::Response;
use serde_json::{json, Map, Value};

use crate::app::{json, Req, Shared};
use crate::config;

/// The DNA platform: tokens, registration state and auth reports.
pub struct Dna {
    tokens: token::Tokens,
    store: state::Store,
    reports: reports::Reports,
    app_id: String,
}

impl Dna {
    /// An empty platform for the application configured in `c`.
    pub fn new(c: &config::Dna) -> Self {
        Self {
            tokens: token::Tokens::new(c),
            store: state::Store::new(&c.api_key, c.message_delay_ms),
            reports: reports::Reports::default(),
            app_id: state::app_id(&c.api_key),
        }
    }
}

fn ret(code: u16, msg: &str) -> Response {
    json(code, json!({"retCode": code, "retMsg": msg}))
}

/// A JSON object from `(name, value)` pairs.
fn fields<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}

/// 200 with the payload's fields next to `retCode`/`retMsg`, or the 400 `retMsg`.
fn answer(result: validate::Checked<Map<String, Value>>) -> Response {
    match result {
        Ok(payload) => {
            let mut body = fields([("retCode", 200.into()), ("retMsg", "ok".into())]);
            body.extend(payload);
            json(200, Value::Object(body))
        }
        Err(msg) => ret(400, &msg),
    }
}

/// Handles one DNA request.
pub fn handle(s: &Shared, req: &Req) -> Response {
    // §3.4.2 writes `series/list/` (chainkit sends it so) and §3.4.4 `//registration`; whether
    // the real server also takes `series/list` is unknown, so the sandbox accepts both spellings.
    let path = req.path.trim_end_matches('/');
    let Some(route) = s.catalog.find(req.method.as_str(), path) else {
        return json(404, json!({"retCode": 404, "retMsg": "Not Found"}));
    };
    if route.id == "get_token" {
        return get_token(s, req);
    }
    if let Some(rejected) = s.dna.tokens.check(req.header("accesstoken")) {
        return rejected;
    }
    // BIDs in paths contain `:`, which a client may or may not percent-encode.
    let params: Vec<String> = crate::catalog::params(&route.path, path)
        .into_iter()
        .map(|p| {
            percent_encoding::percent_decode_str(p)
                .decode_utf8_lossy()
                .into_owned()
        })
        .collect();
    answer(registration::route(&s.dna, &route.id, req, &params))
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
    // The apiKey is the application's BID (§3.3.1 "该字段为bid格式"): the token's BifUserBid.
    match s.dna.tokens.issue(&s.dna.app_id, &key) {
        Some(token) => answer(Ok(fields([("accessToken", token.into())]))),
        None => ret(500, "服务错误"),
    }
}

/// Test-support routes under `/_sandbox/dna/`: `POST expire-tokens` lets SDK tests prove that a
/// client refreshes its token transparently after `accessToken过期`.
pub fn control(s: &Shared, req: &Req) -> Response {
    if req.method == Method::POST && req.path == "/_sandbox/dna/expire-tokens" {
        s.dna.tokens.expire_all();
        json(200, json!({"expired": true}))
    } else {
        json(404, json!({"retCode": 404, "retMsg": "Not Found"}))
    }
}
