//! Seed 001, the Ulord API platform under `/v1/…`: part 二 needs header `appkey`; part 一 (admin)
//! needs a logged-in developer.

use std::collections::HashSet;
use std::sync::Mutex;

use axum::response::Response;
use serde_json::{json, Value};

use crate::app::{json, Req, Shared};

mod admin;
mod resources;
pub mod state;
mod wallets;

pub use state::State;

/// Session ids handed out by `/v1/users/login/`.
#[derive(Default)]
pub struct Sessions(Mutex<HashSet<String>>);

/// The session cookie name.
pub const COOKIE: &str = "sessionid";

/// What precedes the login token in an `Authorization` header.
pub const TOKEN_PREFIX: &str = "Token ";

fn err(code: u32, reason: &str) -> Response {
    // Seed 001 附录A: failures are `{errcode, reason}`; the HTTP status is undocumented, so 200.
    json(200, json!({"errcode": code, "reason": reason}))
}

/// Handles one Ulord request.
pub fn handle(s: &Shared, req: &Req) -> Response {
    let Some(route) = s.catalog.find(req.method.as_str(), &req.path) else {
        // Paths are byte-exact, trailing slash included (notes §3.4); 附录A errcode 404.
        return json(404, json!({"errcode": 404, "reason": "Not found."}));
    };
    match route.auth.as_deref() {
        Some("appkey") => match req.header("appkey") {
            None | Some("") => return err(10012, "缺少应用KEY值."),
            // Any live app's key: the configured one (app 1) or one `add_app` handed out.
            Some(k) if !s.ulord_state.knows_appkey(k) => return err(10001, "错误的请求KEY."),
            Some(_) => {}
        },
        Some("developer_login") if !s.ulord.logged_in(req) => {
            return err(10011, "当前没有登录用户,请登录.")
        }
        _ => {}
    }
    if req.method == axum::http::Method::POST && serde_json::from_slice::<Value>(&req.body).is_err()
    {
        return err(20102, "参数必须为json格式.");
    }
    if route.id == "login_developer" {
        return s.ulord.login(s, req);
    }
    let params = crate::catalog::params(&route.path, &req.path);
    match s
        .ulord_state
        .answer(&route.id, &params, req.header("appkey"), &req.body)
    {
        Some(Ok(Some(result))) => json(
            200,
            json!({"errcode": 0, "reason": "success", "result": result}),
        ),
        Some(Ok(None)) => json(200, json!({"errcode": 0, "reason": "success"})),
        Some(Err(state::Fail(code))) => err(code, state::reason(code)),
        None => json(route.status, route.response.clone()),
    }
}

impl Sessions {
    /// Decision (seed 001 一 says only "需要登录开发这帐号"; login's `token` is "令牌认证暂时还未实现"):
    /// login sets a `sessionid` cookie, as the Django-style backend would, and returns the same
    /// value as `result.token`; admin calls must carry the cookie or that token.
    fn login(&self, s: &Shared, req: &Req) -> Response {
        let body: Value = serde_json::from_slice(&req.body).unwrap_or_default();
        let (user, pass) = (body["username"].as_str(), body["password"].as_str());
        let (Some(user), Some(pass)) = (user, pass) else {
            return err(20100, "缺少参数.");
        };
        // The developers registered so far (the configured one first) and their passwords.
        if let Err(state::Fail(code)) = s.ulord_state.login(user, pass) {
            return err(code, state::reason(code));
        }
        let sid = format!(
            "sbx{:032x}",
            crate::now_secs() as u128 * 7919 + self.len() as u128
        );
        if let Ok(mut set) = self.0.lock() {
            set.insert(sid.clone());
        }
        let mut r = json(
            200,
            json!({"errcode": 0, "reason": "success", "result": {"token": sid}}),
        );
        if let Ok(v) = format!("{COOKIE}={sid}; Path=/; HttpOnly").parse() {
            r.headers_mut().insert("set-cookie", v);
        }
        r
    }

    fn len(&self) -> usize {
        self.0.lock().map(|s| s.len()).unwrap_or_default()
    }

    /// The session cookie, or (decision) the login's token as `Authorization: Token <token>`,
    /// Django REST framework's token header: a browser can neither read `Set-Cookie` nor send
    /// `Cookie` itself, so a browser admin client needs the token session mode.
    fn logged_in(&self, req: &Req) -> bool {
        let set = self.0.lock().unwrap_or_else(|e| e.into_inner());
        let token = req
            .header("authorization")
            .and_then(|v| v.strip_prefix(TOKEN_PREFIX));
        if token.is_some_and(|t| set.contains(t)) {
            return true;
        }
        let Some(cookies) = req.header("cookie") else {
            return false;
        };
        cookies
            .split(';')
            .filter_map(|c| {
                c.trim()
                    .strip_prefix(COOKIE)
                    .and_then(|c| c.strip_prefix('='))
            })
            .any(|sid| set.contains(sid))
    }
}
