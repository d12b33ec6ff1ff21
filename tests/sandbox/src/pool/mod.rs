//! Seed 003, the mining pool: 45 actions POSTed to one URL (here `/`), authenticated twice: a JWT
//! in `Authorization` and an HMAC-signed body envelope `{action, at, data, signNonce, sign}`.
//!
//! Failures answer HTTP 200 with the §7 envelope `{code, message, data: null}`: 5020 (用户身份验证
//! 失败) for every authentication failure, 5010 (输入内容无效) for a malformed envelope or an unknown
//! action. The document states no HTTP status and no per-check message; the messages are ours.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use axum::response::Response;
use serde_json::{json, Value};

use crate::app::{json, Req, Shared};
use crate::verify::pool as verify;

mod accounts;
mod hashrate;
mod period;
mod profit;
mod speed;
pub mod state;
#[cfg(test)]
mod tests;
mod workers;

pub use state::State;

/// Decision (notes §4.2.4: the window is undocumented): `at` must be within 300 s of the server
/// clock either way, the same order as the recommended 3-5 minute JWT lifetime. `at` is read as the
/// JSON number the client sent (integer or float seconds) and signed as JS `String(at)` would print it.
pub const AT_WINDOW_SECS: f64 = 300.0;

/// Seen `(clientId, rnd)` pairs and `signNonce`s, each remembered until it could no longer pass
/// the freshness checks anyway. Expired entries are dropped in time order, so a request costs
/// O(log n) plus the entries that expired, not a scan of every entry (which made pool
/// throughput fall as a run went on, issue 17).
#[derive(Default)]
pub struct Replay(Mutex<Seen>);

#[derive(Default)]
struct Seen {
    until: HashMap<String, i64>,
    by_time: BTreeSet<(i64, String)>,
}

impl Replay {
    /// Records `key` until `until`; false if it was already there.
    fn first_use(&self, key: String, until: i64) -> bool {
        let now = crate::now_secs();
        let mut seen = self.0.lock().unwrap_or_else(|e| e.into_inner());
        while let Some((t, _)) = seen.by_time.first() {
            if *t >= now {
                break;
            }
            if let Some((_, old)) = seen.by_time.pop_first() {
                seen.until.remove(&old);
            }
        }
        if seen.until.contains_key(&key) {
            return false;
        }
        seen.by_time.insert((until, key.clone()));
        seen.until.insert(key, until);
        true
    }

    /// How many entries are remembered.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).until.len()
    }
}

fn fail(code: u32, message: &str) -> Response {
    json(200, json!({"code": code, "message": message, "data": null}))
}

/// Handles one pool request.
pub fn handle(s: &Shared, req: &Req) -> Response {
    if req.method != axum::http::Method::POST {
        return json(
            405,
            json!({"code": 5010, "message": "POST only", "data": null}),
        );
    }
    let c = &s.config.pool;
    let now = crate::now_secs();
    // 1. The JWT: a bare token, no "Bearer " (§8 sample `headers: { Authorization: token }`).
    let Some(token) = req.header("authorization") else {
        return fail(5020, "missing Authorization");
    };
    let claims = match verify::jwt(token, &c.secret_key, now) {
        Ok(claims) => claims,
        Err(why) => return fail(5020, why),
    };
    if claims.clientId != c.client_id {
        return fail(5020, "unknown clientId");
    }
    let Some(rnd) = verify::rnd_digits(&claims.rnd) else {
        return fail(5020, "rnd must be a number of at least 8 digits");
    };
    // 2. The envelope.
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return fail(5010, "body is not JSON");
    };
    let (Some(action), Some(Value::Number(at)), Some(data), Some(nonce), Some(sign)) = (
        body["action"].as_str(),
        body.get("at"),
        body["data"].as_str(),
        body["signNonce"].as_str(),
        body["sign"].as_str(),
    ) else {
        return fail(
            5010,
            "envelope needs action, at (number), data, signNonce, sign (strings)",
        );
    };
    let at_text = verify::js_number_text(at);
    if !verify::sign_ok(
        &c.secret_key,
        &c.secret_salt,
        action,
        &at_text,
        data,
        nonce,
        sign,
    ) {
        return fail(5020, "sign mismatch");
    }
    let at_secs = at.as_f64().unwrap_or_default();
    if (at_secs - now as f64).abs() > AT_WINDOW_SECS {
        return fail(5020, "at outside the freshness window");
    }
    // 3. Replays, recorded only for requests that passed every check above.
    let jwt_until = claims.exp.ceil() as i64;
    if !s
        .pool
        .first_use(format!("rnd:{}:{rnd}", claims.clientId), jwt_until)
    {
        return fail(5020, "repeated (clientId, rnd)");
    }
    if !s.pool.first_use(
        format!("nonce:{}:{nonce}", claims.clientId),
        now + AT_WINDOW_SECS as i64 + 1,
    ) {
        return fail(5020, "repeated signNonce");
    }
    // 4. The action and its parameters.
    let Ok(Value::Object(params)) = serde_json::from_str::<Value>(data) else {
        return fail(5010, "data must be a JSON object string");
    };
    match s.pool_state.answer(action, &params, now) {
        Ok(data) => json(200, json!({"code": 0, "message": null, "data": data})),
        Err(state::Fail(code, message)) => fail(code, &message),
    }
}

#[cfg(test)]
mod replay_tests {
    use super::*;

    #[test]
    fn entries_are_refused_until_they_expire_and_then_forgotten() {
        let replay = Replay::default();
        let now = crate::now_secs();
        assert!(replay.first_use("a".into(), now + 100));
        assert!(!replay.first_use("a".into(), now + 100));
        assert!(replay.first_use("old".into(), now - 1));
        // The expired entry goes on the next request; the live one stays.
        assert!(replay.first_use("b".into(), now + 100));
        assert_eq!(replay.len(), 2);
        assert!(!replay.first_use("a".into(), now + 100));
        assert!(replay.first_use("old".into(), now + 100));
    }
}
