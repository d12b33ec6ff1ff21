//! What every BCS handler shares: the service state, one request as a handler sees it, the two
//! documented error envelopes, ids and clocks.

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use axum::response::Response;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;

use super::{engine, fabric, iam, validate};
use crate::app::{json, Req};

/// IAM tokens, the documented request rules, and the state of both BCS parts.
#[derive(Default)]
pub struct State {
    /// Issued IAM tokens.
    pub iam: iam::State,
    /// Request rules per endpoint, derived from seed 004.
    pub schemas: validate::Schemas,
    /// Part 1: Fabric instances, channels, operation records, consortium members.
    pub fabric: Mutex<fabric::Fabric>,
    /// Part 2: engine instances, jobs, contracts, tags, backups.
    pub engine: Mutex<engine::Engine>,
    ids: AtomicU64,
}

impl State {
    /// A fresh identifier unique in this process.
    pub fn next_id(&self) -> u64 {
        self.ids.fetch_add(1, Ordering::Relaxed) + 1
    }
}

/// A poisoned lock only means another handler panicked; its state is still consistent enough.
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// One authenticated BCS request, its body validated against the document.
pub struct Call<'a> {
    /// Catalog id of the route.
    pub id: &'a str,
    /// Decoded path parameters after `{project_id}`, in order.
    pub params: Vec<String>,
    /// The request.
    pub req: &'a Req,
    /// The parsed JSON body (`Null` when the endpoint takes none).
    pub body: Value,
    /// The project in the path.
    pub project: &'a str,
    /// IAM domain (account) name of the credentials.
    pub domain: &'a str,
    /// How long asynchronous work takes before it finishes.
    pub delay: Duration,
    /// Id source.
    pub ids: &'a State,
}

impl Call<'_> {
    /// Path parameter `i` (after the project id), empty when absent.
    pub fn param(&self, i: usize) -> &str {
        self.params.get(i).map_or("", String::as_str)
    }

    /// A fresh UUID-shaped id, like the ones the seed's examples show.
    pub fn uuid(&self) -> String {
        let n = self.ids.next_id();
        let t = now_nanos() as u64;
        format!(
            "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
            t >> 32,
            (t >> 16) & 0xffff,
            t & 0xffff,
            n & 0xffff,
            n
        )
    }
}

/// Which documented error envelope a route answers with.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Part {
    /// Part 1 and E2EE: `{error_code, error_msg}` (seed 004 §1.4.3, §2.5.11).
    Fabric,
    /// Part 2: `{code, error_code, error_msg, message}` (seed 004 §2.5, every error table).
    Engine,
}

/// A documented BCS failure.
#[derive(Debug)]
pub struct Fail {
    /// HTTP status.
    pub status: u16,
    /// `BCS.…` code from appendix 1.7.2 or the seed's examples.
    pub code: &'static str,
    /// Message.
    pub msg: String,
}

impl Fail {
    /// A 400 with `code`.
    pub fn bad(code: &'static str, msg: impl Into<String>) -> Self {
        Self {
            status: 400,
            code,
            msg: msg.into(),
        }
    }

    /// `BCS.4006014 Invalid Parameter …`: the seed's examples answer every malformed parameter
    /// this way (e.g. "Invalid Parameter is_delete_obs ,must be true or false").
    pub fn param(name: &str, why: impl std::fmt::Display) -> Self {
        Self::bad("BCS.4006014", format!("Invalid Parameter {name}: {why}"))
    }

    /// The body in `part`'s envelope. Part 2 documents `code` as "状态码" without examples; it
    /// carries the HTTP status as text, and `message` repeats `error_msg`.
    pub fn render(&self, part: Part) -> Response {
        let body = match part {
            Part::Fabric => json!({"error_code": self.code, "error_msg": self.msg}),
            Part::Engine => json!({
                "code": self.status.to_string(),
                "error_code": self.code,
                "error_msg": self.msg,
                "message": self.msg,
            }),
        };
        json(self.status, body)
    }
}

/// What a handler answers.
pub type Answer = Result<Response, Fail>;

/// A 200 JSON answer.
pub fn ok(body: Value) -> Answer {
    Ok(json(200, body))
}

/// Whether asynchronous work begun at `start` has finished.
pub fn finished(start: Instant, delay: Duration) -> bool {
    start.elapsed() >= delay
}

/// Unix time in nanoseconds (seed 004 §1.5.1.17 gives operation times in ns).
pub fn now_nanos() -> i128 {
    time::OffsetDateTime::now_utc().unix_timestamp_nanos()
}

/// An RFC 3339 UTC timestamp in whole seconds, as the seed's examples write them.
pub fn rfc3339(nanos: i128) -> String {
    time::OffsetDateTime::from_unix_timestamp_nanos(nanos - nanos % 1_000_000_000)
        .ok()
        .and_then(|t| t.format(&Rfc3339).ok())
        .unwrap_or_default()
}

/// Hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    hex::encode(sha2::Sha256::digest(bytes))
}

/// `offset`/`limit` paging (seed 004 §2.5: start position and page size, no defaults stated:
/// offset 0 and the whole list when absent).
pub fn page<'a, T>(items: &'a [T], req: &Req) -> Vec<&'a T> {
    let offset = req
        .query_param("offset")
        .and_then(|v| v.parse().ok())
        .unwrap_or(0);
    let limit = req
        .query_param("limit")
        .and_then(|v| v.parse().ok())
        .unwrap_or(usize::MAX);
    items.iter().skip(offset).take(limit).collect()
}
