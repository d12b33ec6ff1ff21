//! `Credentials` for `Client` (a Kotlin sealed class / Swift enum), and the two signers on their
//! own for apps with their own HTTP stack. Signing is core's; this file converts values.

use std::sync::Arc;
use std::time::Duration;

use chainkit_core::auth::credentials::Credentials as CoreCredentials;
use chainkit_core::auth::huawei::{sign_parts, AkSk, Algorithm};
use chainkit_core::auth::pool::{PoolCredentials, Signer as PoolSigner, DEFAULT_TTL};
use chainkit_core::auth::ulord::AdminSession;
use chainkit_core::runtime::{Clock, OsRandom, SystemClock};

use crate::error::ChainkitError;
use crate::secret::Secret;
use crate::transport::HttpHeader;

/// Huawei's signature algorithm.
#[derive(Debug, Clone, Copy, Default, uniffi::Enum)]
pub enum HuaweiAlgorithm {
    /// `SDK-HMAC-SHA256`.
    #[default]
    HmacSha256,
    /// `SDK-HMAC-SM3`.
    HmacSm3,
}

impl From<HuaweiAlgorithm> for Algorithm {
    fn from(a: HuaweiAlgorithm) -> Self {
        match a {
            HuaweiAlgorithm::HmacSha256 => Algorithm::HmacSha256,
            HuaweiAlgorithm::HmacSm3 => Algorithm::HmacSm3,
        }
    }
}

/// How a `Client` authenticates: one case per scheme of the five services.
#[derive(Debug, Clone, uniffi::Enum)]
pub enum Credentials {
    /// DDC (seed 000): header `apitoken`.
    DdcApiToken {
        /// The token.
        token: Arc<Secret>,
    },
    /// Ulord external calls (seed 001): header `appkey`.
    UlordAppKey {
        /// The application key.
        app_key: Arc<Secret>,
    },
    /// Ulord admin calls: a developer login. The session cookie is sent back unless
    /// `token_header` is set; then the login's token goes in that header after `token_prefix`.
    UlordAdmin {
        /// 开发者帐号.
        username: String,
        /// 帐号密码.
        password: Arc<Secret>,
        /// Header for the token mode; `null`/`nil` for the session cookie.
        token_header: Option<String>,
        /// Text before the token in token mode.
        token_prefix: String,
    },
    /// DNA (seed 002): `accessToken` fetched with apiKey/apiSecret, cached and refreshed.
    Dna {
        /// `apiKey`.
        api_key: String,
        /// `apiSecret`.
        api_secret: Arc<Secret>,
    },
    /// Mining pool (seed 003): a fresh JWT and signed body envelope on every request.
    Pool {
        /// `clientId`.
        client_id: String,
        /// `secretKey`.
        secret_key: Arc<Secret>,
        /// `secretSalt`.
        secret_salt: Arc<Secret>,
        /// JWT lifetime in seconds (`null`/`nil`: 180).
        ttl_s: Option<u64>,
    },
    /// Huawei Cloud AK/SK signing.
    HuaweiAkSk {
        /// Access key id.
        access_key: String,
        /// Secret access key.
        secret_key: Arc<Secret>,
        /// Sent as `X-Project-Id`.
        project_id: Option<String>,
        /// For temporary credentials.
        security_token: Option<Arc<Secret>>,
        /// The signature algorithm.
        algorithm: HuaweiAlgorithm,
    },
    /// Huawei IAM password token from `iam_url`, scoped by `project_id` or `project_name`.
    HuaweiIam {
        /// The IAM endpoint.
        iam_url: String,
        /// IAM user name.
        user_name: String,
        /// The user's password.
        password: Arc<Secret>,
        /// The account (domain) name.
        domain_name: String,
        /// Project scope by id…
        project_id: Option<String>,
        /// …or by name.
        project_name: Option<String>,
    },
    /// An IAM token you already hold, sent as `X-Auth-Token`.
    HuaweiToken {
        /// The token.
        token: Arc<Secret>,
    },
}

fn secret(s: &Secret) -> chainkit_core::Secret {
    s.0.clone()
}

impl From<Credentials> for CoreCredentials {
    fn from(c: Credentials) -> Self {
        match c {
            Credentials::DdcApiToken { token } => Self::DdcApiToken {
                token: secret(&token),
            },
            Credentials::UlordAppKey { app_key } => Self::UlordAppKey {
                app_key: secret(&app_key),
            },
            Credentials::UlordAdmin {
                username,
                password,
                token_header,
                token_prefix,
            } => Self::UlordAdmin {
                username,
                password: secret(&password),
                session: match token_header {
                    None => AdminSession::Cookie,
                    Some(header) => AdminSession::Token {
                        header,
                        prefix: token_prefix,
                    },
                },
            },
            Credentials::Dna {
                api_key,
                api_secret,
            } => Self::Dna {
                api_key,
                api_secret: secret(&api_secret),
            },
            Credentials::Pool {
                client_id,
                secret_key,
                secret_salt,
                ttl_s,
            } => Self::Pool {
                client_id,
                secret_key: secret(&secret_key),
                secret_salt: secret(&secret_salt),
                ttl_s,
            },
            Credentials::HuaweiAkSk {
                access_key,
                secret_key,
                project_id,
                security_token,
                algorithm,
            } => Self::HuaweiAkSk {
                access_key,
                secret_key: secret(&secret_key),
                project_id,
                security_token: security_token.as_deref().map(secret),
                algorithm: algorithm.into(),
            },
            Credentials::HuaweiIam {
                iam_url,
                user_name,
                password,
                domain_name,
                project_id,
                project_name,
            } => Self::HuaweiIam {
                iam_url,
                user_name,
                password: secret(&password),
                domain_name,
                project_id,
                project_name,
            },
            Credentials::HuaweiToken { token } => Self::HuaweiToken {
                token: secret(&token),
            },
        }
    }
}

/// The credentials of `scheme` (`"dna"`, `"huaweiAkSk"`, …) from environment variables, in
/// the form `Client` takes.
#[uniffi::export]
pub fn credentials_from_env(scheme: String) -> Result<Credentials, ChainkitError> {
    let wrap = |s: chainkit_core::Secret| Arc::new(Secret(s));
    Ok(match CoreCredentials::from_env(&scheme)? {
        CoreCredentials::None => {
            return Err(chainkit_core::Error::config("scheme none has no credentials").into())
        }
        CoreCredentials::DdcApiToken { token } => Credentials::DdcApiToken { token: wrap(token) },
        CoreCredentials::UlordAppKey { app_key } => Credentials::UlordAppKey {
            app_key: wrap(app_key),
        },
        CoreCredentials::UlordAdmin {
            username, password, ..
        } => Credentials::UlordAdmin {
            username,
            password: wrap(password),
            token_header: None,
            token_prefix: String::new(),
        },
        CoreCredentials::Dna {
            api_key,
            api_secret,
        } => Credentials::Dna {
            api_key,
            api_secret: wrap(api_secret),
        },
        CoreCredentials::Pool {
            client_id,
            secret_key,
            secret_salt,
            ttl_s,
        } => Credentials::Pool {
            client_id,
            secret_key: wrap(secret_key),
            secret_salt: wrap(secret_salt),
            ttl_s,
        },
        CoreCredentials::HuaweiAkSk {
            access_key,
            secret_key,
            project_id,
            security_token,
            ..
        } => Credentials::HuaweiAkSk {
            access_key,
            secret_key: wrap(secret_key),
            project_id,
            security_token: security_token.map(wrap),
            algorithm: HuaweiAlgorithm::HmacSha256,
        },
        CoreCredentials::HuaweiIam {
            iam_url,
            user_name,
            password,
            domain_name,
            project_id,
            project_name,
        } => Credentials::HuaweiIam {
            iam_url,
            user_name,
            password: wrap(password),
            domain_name,
            project_id,
            project_name,
        },
        CoreCredentials::HuaweiToken { token } => Credentials::HuaweiToken { token: wrap(token) },
    })
}

fn now(now_ms: Option<u64>) -> Result<Duration, ChainkitError> {
    match now_ms {
        Some(ms) => Ok(Duration::from_millis(ms)),
        None => Ok(SystemClock.now()?),
    }
}

/// A request signed by [`sign_huawei`]: send exactly this URL and these headers. Printing it
/// redacts the `Authorization` value (see `HttpHeader`).
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct SignedRequest {
    /// The URL, query in canonical order.
    pub url: String,
    /// Every header to send, `Authorization` included.
    pub headers: Vec<HttpHeader>,
}

/// Signs a request with Huawei AK/SK at `now_ms` (ms since the epoch; `null`/`nil`: now).
#[uniffi::export(default(headers = [], body = None, now_ms = None))]
pub fn sign_huawei(
    method: String,
    url: String,
    headers: Vec<HttpHeader>,
    body: Option<Vec<u8>>,
    credentials: Credentials,
    now_ms: Option<u64>,
) -> Result<SignedRequest, ChainkitError> {
    let CoreCredentials::HuaweiAkSk {
        access_key,
        secret_key,
        project_id,
        security_token,
        algorithm,
    } = credentials.into()
    else {
        return Err(
            chainkit_core::Error::invalid_input("signHuawei needs Credentials.HuaweiAkSk").into(),
        );
    };
    let pairs: Vec<(String, String)> = headers.into_iter().map(|h| (h.name, h.value)).collect();
    let signed = sign_parts(
        &method,
        &url,
        &pairs,
        body.as_deref().unwrap_or_default(),
        &AkSk {
            access_key,
            secret_key,
            project_id,
            security_token,
        },
        algorithm,
        now(now_ms)?,
    )?;
    Ok(SignedRequest {
        url: signed.url,
        headers: signed
            .headers
            .into_iter()
            .map(|(name, value)| HttpHeader { name, value })
            .collect(),
    })
}

/// One mining-pool call signed by [`sign_pool`]: POST `body` with `Authorization:
/// authorization`. Printing it shows `sign` only.
#[derive(Clone, PartialEq, Eq, uniffi::Record)]
#[uniffi::export(Debug, Display)]
pub struct PoolSignedCall {
    /// The bare JWT for `Authorization`.
    pub authorization: String,
    /// The JSON body text `{action, at, data, signNonce, sign}`.
    pub body: String,
    /// The body's `sign`.
    pub sign: String,
}

impl std::fmt::Display for PoolSignedCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PoolSignedCall(sign={}, authorization=***)", self.sign)
    }
}

impl std::fmt::Debug for PoolSignedCall {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// Signs one mining-pool call (seed 003) with fresh `rnd` and `signNonce`. `params_json` is
/// the parameters' JSON text, sent and signed byte for byte (`"{}"` when `null`/`nil`).
#[uniffi::export(default(params_json = None, now_ms = None))]
pub fn sign_pool(
    credentials: Credentials,
    action: String,
    params_json: Option<String>,
    now_ms: Option<u64>,
) -> Result<PoolSignedCall, ChainkitError> {
    let CoreCredentials::Pool {
        client_id,
        secret_key,
        secret_salt,
        ttl_s,
    } = credentials.into()
    else {
        return Err(chainkit_core::Error::invalid_input("signPool needs Credentials.Pool").into());
    };
    let call = PoolSigner::new(PoolCredentials {
        client_id,
        secret_key,
        secret_salt,
    })?
    .sign_fresh(
        &action,
        params_json.as_deref().unwrap_or("{}"),
        now(now_ms)?,
        &OsRandom,
        ttl_s.map_or(DEFAULT_TTL, Duration::from_secs),
    )?;
    Ok(PoolSignedCall {
        authorization: call.authorization,
        body: call.body,
        sign: call.sign,
    })
}
