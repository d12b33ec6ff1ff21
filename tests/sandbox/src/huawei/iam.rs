//! IAM "Obtain User Token (password)" (seed 004 §1.4.1 / §2.4.1): project-scoped password login,
//! 201 with the token in `X-Subject-Token` and `token.expires_at` in the body; valid 24 h.

use std::collections::HashMap;
use std::sync::Mutex;

use axum::response::Response;
use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::OffsetDateTime;

use crate::app::{json, Req, Shared};

/// Token lifetime (seed 004 §1.4.1: 24 hours).
pub const TOKEN_TTL_SECS: i64 = 24 * 3600;

/// Issued tokens and their expiry.
#[derive(Default)]
pub struct State {
    tokens: Mutex<HashMap<String, i64>>,
}

impl State {
    /// Whether `token` was issued here and is not expired at `now`.
    pub fn token_valid(&self, token: &str, now: i64) -> bool {
        let tokens = self.tokens.lock().unwrap_or_else(|e| e.into_inner());
        tokens.get(token).is_some_and(|exp| *exp > now)
    }
}

/// IAM's own error body (not the APIGW one).
fn iam_error(status: u16, message: &str) -> Response {
    let title = if status == 401 {
        "Unauthorized"
    } else {
        "Bad Request"
    };
    json(
        status,
        json!({"error": {"code": status, "message": message, "title": title}}),
    )
}

/// `POST /v3/auth/tokens`.
pub fn issue(s: &Shared, req: &Req) -> Response {
    let c = &s.config.huawei;
    let Ok(body) = serde_json::from_slice::<Value>(&req.body) else {
        return iam_error(400, "The request body is not JSON.");
    };
    let auth = &body["auth"];
    let methods = auth["identity"]["methods"].as_array();
    if !methods.is_some_and(|m| m.iter().any(|m| m == "password")) {
        return iam_error(400, "Only the password method is emulated.");
    }
    let user = &auth["identity"]["password"]["user"];
    let (name, password, domain) = (
        user["name"].as_str(),
        user["password"].as_str(),
        user["domain"]["name"].as_str(),
    );
    if name != Some(c.user.as_str())
        || password != Some(c.password.as_str())
        || domain != Some(c.domain.as_str())
    {
        return iam_error(401, "The username or password is wrong.");
    }
    // The service needs a project-level token (§1.4.1): scope.project by id or by name.
    let project = &auth["scope"]["project"];
    let scoped = project["id"].as_str() == Some(c.project_id.as_str())
        || project["name"].as_str() == Some(c.project_name.as_str());
    if !scoped {
        return iam_error(
            400,
            "A project scope (auth.scope.project id or name) is required.",
        );
    }
    let now = OffsetDateTime::now_utc();
    let expires = now + time::Duration::seconds(TOKEN_TTL_SECS);
    let token = format!(
        "MIIsandbox{:x}{:x}",
        now.unix_timestamp_nanos(),
        std::process::id()
    );
    s.huawei
        .iam
        .tokens
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(token.clone(), expires.unix_timestamp());
    let iso = |t: OffsetDateTime| t.format(&Rfc3339).unwrap_or_default();
    let mut r = json(
        201,
        json!({"token": {
            "expires_at": iso(expires),
            "issued_at": iso(now),
            "methods": ["password"],
            "project": {"id": c.project_id, "name": c.project_name, "domain": {"name": c.domain}},
            "user": {"name": c.user, "domain": {"name": c.domain}},
        }}),
    );
    if let Ok(v) = token.parse() {
        r.headers_mut().insert("x-subject-token", v);
    }
    r
}
