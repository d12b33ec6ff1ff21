//! Ulord admin login (seed 001 一.B `POST /v1/users/login/`): the admin calls "需要登录开发这帐号"
//! (need a logged-in developer account), but the document never says how a later call proves the
//! login, and the returned `token` is marked "令牌认证暂时还未实现" (token auth not implemented
//! yet). Reference notes_000_001_003 §3 reads it as a session cookie.
//!
//! Decision: pluggable. [`AdminSession::Cookie`] (the default) sends back the cookies the login
//! answer set, as a browser would; [`AdminSession::Token`] sends `result.token` in a header the
//! caller names, for when the server starts honouring it. Either way the login is cached
//! single-flight and repeated once when the service answers errcode 10011 (当前没有登录用户).

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderName, Method};
use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::auth::token::{TokenAuthorizer, TokenScheme};
use crate::endpoint::join_url;
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::token_cache::CachedToken;
use crate::transport::{Request, Response, Transport};

/// The login endpoint, trailing slash included (every seed 001 path has one).
pub const LOGIN_PATH: &str = "/v1/users/login/";
/// errcode for "no logged-in user" (seed 001 附录A).
pub const NOT_LOGGED_IN: &str = "10011";
/// The session is kept this long when the answer states no lifetime; 10011 ends it sooner.
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(12 * 3600);
/// Log in again this long before a stated expiry.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// How admin calls carry the login.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(tag = "mode", rename_all = "camelCase", deny_unknown_fields)]
pub enum AdminSession {
    /// Send back the login answer's `Set-Cookie` name=value pairs in `Cookie`.
    #[default]
    Cookie,
    /// Send `result.token` in header `header`, after `prefix` (e.g. `Token `).
    Token {
        /// The header name.
        header: String,
        /// Text before the token in the header value.
        #[serde(default)]
        prefix: String,
    },
}

/// A developer account's login.
#[derive(Clone, Debug)]
pub struct UlordAdminLogin {
    /// 开发者帐号.
    pub username: String,
    /// 帐号密码.
    pub password: Secret,
    /// How later calls carry the login.
    pub session: AdminSession,
}

/// The login request: a JSON body (seed 001 errcode 20102 "参数必须为json格式").
pub fn login_request(base: &Url, login: &UlordAdminLogin) -> Result<Request> {
    if login.username.is_empty() || login.password.is_empty() {
        return Err(Error::config("Ulord username and password are required"));
    }
    let body = json!({ "username": login.username, "password": login.password.expose() });
    http::Request::builder()
        .method(Method::POST)
        .uri(join_url(base, LOGIN_PATH)?.as_str())
        .header("content-type", "application/json")
        .body(body.to_string().into_bytes())
        .map_err(|_| Error::config("the Ulord base URL does not make a valid login request"))
}

#[derive(Deserialize)]
struct LoginBody {
    errcode: i64,
    #[serde(default)]
    reason: String,
    result: Option<LoginResult>,
}

#[derive(Deserialize)]
struct LoginResult {
    token: Option<String>,
}

/// The credential later calls send, read from a login answer received at `now`.
pub fn parse_login(
    response: &Response,
    now: Duration,
    session: &AdminSession,
) -> Result<CachedToken<Secret>> {
    let status = response.status().as_u16();
    let body: LoginBody = crate::auth::token::token_body("ulord", "login", response, now)?;
    if body.errcode != 0 {
        // 20003 用户不存在 / 20004 密码错误 / 20006 用户被禁用: the credentials are wrong.
        let kind = match body.errcode {
            20003 | 20004 | 20006 => ErrorKind::Unauthorized,
            _ => ErrorKind::Api,
        };
        return Err(Error::new(kind, body.reason)
            .with_service("ulord")
            .with_code(body.errcode.to_string())
            .with_status(status));
    }
    let (value, lifetime) = match session {
        AdminSession::Cookie => session_cookies(response, now)?,
        AdminSession::Token { prefix, .. } => {
            let token = body
                .result
                .and_then(|r| r.token)
                .filter(|t| !t.is_empty())
                .ok_or_else(|| {
                    Error::decode("login answered errcode 0 without result.token")
                        .with_service("ulord")
                })?;
            (format!("{prefix}{token}"), None)
        }
    };
    Ok(CachedToken {
        value: Secret::new(value),
        expires_at: now.saturating_add(lifetime.unwrap_or(DEFAULT_LIFETIME)),
    })
}

/// `name=value; …` of every `Set-Cookie`, and the shortest stated lifetime. Hand-parsed: only
/// the first pair and `Max-Age`/`Expires` matter here, which a cookie-jar crate would bury.
fn session_cookies(response: &Response, now: Duration) -> Result<(String, Option<Duration>)> {
    let mut pairs = Vec::new();
    let mut lifetime: Option<Duration> = None;
    for value in response.headers().get_all(http::header::SET_COOKIE) {
        let Ok(text) = value.to_str() else { continue };
        let mut parts = text.split(';').map(str::trim);
        match parts.next() {
            Some(pair) if pair.contains('=') => pairs.push(pair.to_owned()),
            _ => continue,
        }
        for attribute in parts {
            let (key, val) = attribute.split_once('=').unwrap_or((attribute, ""));
            let stated = if key.eq_ignore_ascii_case("max-age") {
                val.parse::<u64>().ok().map(Duration::from_secs)
            } else if key.eq_ignore_ascii_case("expires") {
                httpdate::parse_http_date(val)
                    .ok()
                    .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                    .map(|at| at.saturating_sub(now))
            } else {
                None
            };
            if let Some(d) = stated {
                lifetime = Some(lifetime.map_or(d, |l| l.min(d)));
            }
        }
    }
    if pairs.is_empty() {
        return Err(
            Error::decode("login succeeded but set no cookie; use the token session mode")
                .with_service("ulord"),
        );
    }
    Ok((pairs.join("; "), lifetime))
}

/// Whether `error` is the service saying nobody is logged in.
pub fn is_login_rejection(error: &Error) -> bool {
    error.code() == Some(NOT_LOGGED_IN)
}

/// Logs in once, sends the session on every admin call, logs in again when it is rejected.
pub fn authorizer(
    base: Url,
    login: UlordAdminLogin,
    transport: Arc<dyn Transport>,
) -> Result<TokenAuthorizer> {
    let header = match &login.session {
        AdminSession::Cookie => http::header::COOKIE,
        AdminSession::Token { header, .. } => HeaderName::from_bytes(header.as_bytes())
            .map_err(|_| Error::config(format!("invalid header name {header:?}")))?,
    };
    let session = login.session.clone();
    let scheme = TokenScheme {
        secrets: vec![login.password.clone()],
        service: "ulord",
        header,
        margin: REFRESH_MARGIN,
        request: Box::new(move || login_request(&base, &login)),
        parse: Arc::new(move |response, now| parse_login(response, now, &session)),
        rejected: is_login_rejection,
    };
    Ok(TokenAuthorizer::new(scheme, transport))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(headers: &[(&str, &str)], body: &str) -> Response {
        let mut b = http::Response::builder().status(200);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.as_bytes().to_vec()).unwrap()
    }

    const OK: &str = r#"{"errcode":0,"reason":"success","result":{"token":"t-1"}}"#;

    #[test]
    fn cookie_mode_sends_back_every_cookie_with_the_shortest_lifetime() {
        let now = Duration::from_secs(1_000);
        let r = answer(
            &[
                ("set-cookie", "sessionid=abc; Path=/; HttpOnly; Max-Age=600"),
                ("set-cookie", "csrftoken=xyz; Max-Age=3600"),
            ],
            OK,
        );
        let t = parse_login(&r, now, &AdminSession::Cookie).unwrap();
        assert_eq!(t.value.expose(), "sessionid=abc; csrftoken=xyz");
        assert_eq!(t.expires_at, Duration::from_secs(1_600));
        let bare = answer(&[], OK);
        let err = parse_login(&bare, now, &AdminSession::Cookie).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Decode);
    }

    #[test]
    fn token_mode_and_failed_logins() {
        let mode = AdminSession::Token {
            header: "authorization".into(),
            prefix: "Token ".into(),
        };
        let t = parse_login(&answer(&[], OK), Duration::ZERO, &mode).unwrap();
        assert_eq!(t.value.expose(), "Token t-1");
        assert_eq!(t.expires_at, DEFAULT_LIFETIME);
        let wrong = answer(&[], r#"{"errcode":20004,"reason":"密码错误."}"#);
        let err = parse_login(&wrong, Duration::ZERO, &mode).unwrap_err();
        assert_eq!(
            (err.kind(), err.code(), err.message()),
            (ErrorKind::Unauthorized, Some("20004"), "密码错误.")
        );
        assert!(is_login_rejection(
            &Error::new(ErrorKind::Api, "x").with_code("10011")
        ));
        let busy = http::Response::builder()
            .status(429)
            .header("retry-after", "3")
            .body(b"slow down".to_vec())
            .unwrap();
        let err = parse_login(&busy, Duration::ZERO, &mode).unwrap_err();
        assert_eq!(
            (err.kind(), err.retry_after()),
            (ErrorKind::RateLimited, Some(Duration::from_secs(3)))
        );
    }

    #[test]
    fn login_request_is_json_and_needs_both_fields() {
        let base = Url::parse("http://ulord.example/api").unwrap();
        let login = UlordAdminLogin {
            username: "dev".into(),
            password: "pw".into(),
            session: AdminSession::Cookie,
        };
        let r = login_request(&base, &login).unwrap();
        assert_eq!(r.uri(), "http://ulord.example/api/v1/users/login/");
        let body: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(body, json!({"username": "dev", "password": "pw"}));
        let empty = UlordAdminLogin {
            password: "".into(),
            ..login
        };
        assert_eq!(
            login_request(&base, &empty).unwrap_err().kind(),
            ErrorKind::Config
        );
    }
}
