//! Huawei IAM tokens (seed 004 §1.4.1, §2.4.1): `POST /v3/auth/tokens` with the password method
//! and a project scope (BCS needs a project-level token), the token from the `x-subject-token`
//! header of the 201 answer, sent as `X-Auth-Token`, cached until shortly before `expires_at`.
//! The official SDKs cannot authenticate this way at all; they only sign with AK/SK.

use std::sync::Arc;
use std::time::Duration;

use http::{HeaderName, Method};
use serde::Deserialize;
use serde_json::json;
use url::Url;

use crate::auth::token::{TokenAuthorizer, TokenScheme};
use crate::endpoint::join_url;
use crate::error::{Error, ErrorKind, Result};
use crate::response::error_from_response;
use crate::secret::Secret;
use crate::token_cache::CachedToken;
use crate::transport::{Request, Response, Transport};

/// The token endpoint on the IAM host (`https://iam.{region}.myhuaweicloud.com`).
pub const TOKEN_PATH: &str = "/v3/auth/tokens";
/// The documented lifetime, used when the answer has no readable `expires_at` (§1.4.1: 24 h).
pub const DEFAULT_LIFETIME: Duration = Duration::from_secs(24 * 3600);
/// Tokens are refreshed this long before they expire.
pub const REFRESH_MARGIN: Duration = Duration::from_secs(30 * 60);

/// Which project the token is scoped to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProjectScope {
    /// By project id.
    Id(String),
    /// By project name, which is the region name for a region's default project (`cn-north-4`).
    Name(String),
}

/// An IAM user's password credentials.
#[derive(Clone, Debug)]
pub struct IamPassword {
    /// IAM user name.
    pub user_name: String,
    /// The user's password.
    pub password: Secret,
    /// The account (domain) the user belongs to.
    pub domain_name: String,
    /// The project scope.
    pub project: ProjectScope,
}

/// The token request.
pub fn token_request(iam_base: &Url, credentials: &IamPassword) -> Result<Request> {
    if credentials.user_name.is_empty()
        || credentials.password.is_empty()
        || credentials.domain_name.is_empty()
    {
        return Err(Error::config(
            "IAM user name, password and domain name are required",
        ));
    }
    let project = match &credentials.project {
        ProjectScope::Id(id) => json!({ "id": id }),
        ProjectScope::Name(name) => json!({ "name": name }),
    };
    let body = json!({"auth": {
        "identity": {
            "methods": ["password"],
            "password": {"user": {
                "name": credentials.user_name,
                "password": credentials.password.expose(),
                "domain": {"name": credentials.domain_name},
            }},
        },
        "scope": {"project": project},
    }});
    http::Request::builder()
        .method(Method::POST)
        .uri(join_url(iam_base, TOKEN_PATH)?.as_str())
        .header("content-type", "application/json;charset=utf8")
        .body(body.to_string().into_bytes())
        .map_err(|_| Error::config("the IAM base URL does not make a valid token request"))
}

#[derive(Deserialize)]
struct TokenBody {
    token: Option<TokenInfo>,
}

#[derive(Deserialize)]
struct TokenInfo {
    expires_at: Option<String>,
}

/// The token and its expiry from the answer to [`token_request`], received at `now`.
pub fn parse_token(response: &Response, now: Duration) -> Result<CachedToken<Secret>> {
    if response.status().as_u16() != 201 {
        return Err(error_from_response("iam", response, now));
    }
    let token = response
        .headers()
        .get("x-subject-token")
        .and_then(|v| v.to_str().ok())
        .filter(|t| !t.is_empty())
        .ok_or_else(|| {
            Error::decode("IAM answered 201 without an x-subject-token header").with_service("iam")
        })?;
    let expires_at = serde_json::from_slice::<TokenBody>(response.body())
        .ok()
        .and_then(|b| b.token)
        .and_then(|t| t.expires_at)
        .and_then(|text| {
            time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339).ok()
        })
        .and_then(|t| u64::try_from(t.unix_timestamp()).ok())
        .map(Duration::from_secs);
    Ok(CachedToken {
        value: Secret::new(token),
        expires_at: expires_at.unwrap_or_else(|| now.saturating_add(DEFAULT_LIFETIME)),
    })
}

/// Adds `X-Auth-Token`, fetching and caching it; drops it when the service answers 401.
pub fn authorizer(
    iam_base: Url,
    credentials: IamPassword,
    transport: Arc<dyn Transport>,
) -> TokenAuthorizer {
    let scheme = TokenScheme {
        secrets: vec![credentials.password.clone()],
        service: "iam",
        header: HeaderName::from_static("x-auth-token"),
        margin: REFRESH_MARGIN,
        request: Box::new(move || token_request(&iam_base, &credentials)),
        parse: Arc::new(parse_token),
        rejected: is_token_rejection,
    };
    TokenAuthorizer::new(scheme, transport)
}

/// A 401 from the service (not from IAM itself) means the cached token went bad.
pub fn is_token_rejection(error: &Error) -> bool {
    error.kind() == ErrorKind::Unauthorized && error.service() != Some("iam")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn creds() -> IamPassword {
        IamPassword {
            user_name: "username".into(),
            password: "p@ss".into(),
            domain_name: "domainname".into(),
            project: ProjectScope::Name("cn-north-4".into()),
        }
    }

    #[test]
    fn request_is_the_documented_password_body() {
        let base = Url::parse("https://iam.cn-north-4.myhuaweicloud.com").unwrap();
        let req = token_request(&base, &creds()).unwrap();
        assert_eq!(req.method(), Method::POST);
        assert_eq!(
            req.uri(),
            "https://iam.cn-north-4.myhuaweicloud.com/v3/auth/tokens"
        );
        let body: serde_json::Value = serde_json::from_slice(req.body()).unwrap();
        // Seed 004 §2.4.1's example, with its placeholders filled.
        assert_eq!(
            body,
            json!({"auth": {
            "identity": {"methods": ["password"], "password": {"user": {
                "name": "username", "password": "p@ss", "domain": {"name": "domainname"}}}},
            "scope": {"project": {"name": "cn-north-4"}}}})
        );
        let missing = IamPassword {
            password: "".into(),
            ..creds()
        };
        assert_eq!(
            token_request(&base, &missing).unwrap_err().kind(),
            ErrorKind::Config
        );
    }

    fn answer(status: u16, token: Option<&str>, body: &str) -> Response {
        let mut b = http::Response::builder().status(status);
        if let Some(t) = token {
            b = b.header("x-subject-token", t);
        }
        b.body(body.as_bytes().to_vec()).unwrap()
    }

    #[test]
    fn token_comes_from_the_header_and_expiry_from_the_body() {
        // Seed 004 §1.4.1's example expires_at.
        let r = answer(
            201,
            Some("MIIxyz"),
            r#"{"token":{"expires_at":"2019-02-13T06:52:13.855000Z"}}"#,
        );
        let t = parse_token(&r, Duration::ZERO).unwrap();
        assert_eq!(t.value.expose(), "MIIxyz");
        assert_eq!(t.expires_at, Duration::from_secs(1_550_040_733));
        let t = parse_token(&answer(201, Some("tok"), "{}"), Duration::from_secs(10)).unwrap();
        assert_eq!(t.expires_at, Duration::from_secs(10) + DEFAULT_LIFETIME);
        assert_eq!(
            parse_token(&answer(201, None, "{}"), Duration::ZERO)
                .unwrap_err()
                .kind(),
            ErrorKind::Decode
        );
        let denied = parse_token(
            &answer(401, None, r#"{"error":{"code":"APIGW.0301","message":"Incorrect IAM authentication information"}}"#),
            Duration::ZERO,
        )
        .unwrap_err();
        assert_eq!(
            (denied.kind(), denied.code(), denied.service()),
            (ErrorKind::Unauthorized, Some("APIGW.0301"), Some("iam"))
        );
    }
}
