//! Every scheme's credentials in one type: each binding maps its own idiomatic form onto this
//! one list, and environment variables are read here, once, for all of them.
//!
//! JSON form (binding options, config files): `{"scheme": "<name>", …camelCase fields}`, e.g.
//! `{"scheme": "dna", "apiKey": "…", "apiSecret": "…"}`.
//!
//! | scheme | fields | environment variables ([`Credentials::from_env`]) |
//! |---|---|---|
//! | `none` | | |
//! | `ddcApiToken` | `token` | `CHAINKIT_DDC_APITOKEN` |
//! | `ulordAppKey` | `appKey` | `CHAINKIT_ULORD_APPKEY` |
//! | `ulordAdmin` | `username`, `password`, `session?` | `CHAINKIT_ULORD_USERNAME`, `CHAINKIT_ULORD_PASSWORD` |
//! | `dna` | `apiKey`, `apiSecret` | `CHAINKIT_DNA_API_KEY`, `CHAINKIT_DNA_API_SECRET` |
//! | `pool` | `clientId`, `secretKey`, `secretSalt`, `ttlS?` | `CHAINKIT_POOL_CLIENT_ID`, `CHAINKIT_POOL_SECRET_KEY`, `CHAINKIT_POOL_SECRET_SALT` |
//! | `huaweiAkSk` | `accessKey`, `secretKey`, `projectId?`, `securityToken?`, `algorithm?` | `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK`, `HUAWEICLOUD_SDK_PROJECT_ID`, `HUAWEICLOUD_SDK_SECURITY_TOKEN` (the official SDKs' names) |
//! | `huaweiIam` | `iamUrl`, `userName`, `password`, `domainName`, `projectId` or `projectName` | `CHAINKIT_IAM_URL`, `CHAINKIT_IAM_USER_NAME`, `CHAINKIT_IAM_PASSWORD`, `CHAINKIT_IAM_DOMAIN_NAME`, `CHAINKIT_IAM_PROJECT_ID` or `CHAINKIT_IAM_PROJECT_NAME` |
//! | `huaweiToken` | `token` | `CHAINKIT_IAM_TOKEN` |

use std::sync::Arc;
use std::time::Duration;

use serde::Deserialize;
use url::Url;

use crate::auth::dna::{self, DnaCredentials};
use crate::auth::header::{HeaderAuthorizer, DDC_APITOKEN, ULORD_APPKEY, X_AUTH_TOKEN};
use crate::auth::huawei::{AkSk, AkSkAuthorizer, Algorithm, Signer};
use crate::auth::iam::{self, IamPassword, ProjectScope};
use crate::auth::pool::{PoolAuthorizer, PoolCredentials, Signer as PoolSigner, DEFAULT_TTL};
use crate::auth::ulord::{self, AdminSession, UlordAdminLogin};
use crate::error::{Error, Result};
use crate::executor::{Authorizer, NoAuth};
use crate::secret::Secret;
use crate::transport::Transport;

/// The credentials a client authenticates with: one variant per scheme of the five services.
#[derive(Clone, Debug, Deserialize)]
#[serde(
    tag = "scheme",
    rename_all = "camelCase",
    rename_all_fields = "camelCase",
    deny_unknown_fields
)]
pub enum Credentials {
    /// Nothing is added.
    None,
    /// DDC (seed 000): header `apitoken`.
    DdcApiToken {
        /// The token.
        token: Secret,
    },
    /// Ulord external calls (seed 001 二): header `appkey`.
    UlordAppKey {
        /// The application key.
        app_key: Secret,
    },
    /// Ulord admin calls (seed 001 一): a developer login, see [`ulord`].
    UlordAdmin {
        /// 开发者帐号.
        username: String,
        /// 帐号密码.
        password: Secret,
        /// How later calls carry the login (default: the session cookie).
        #[serde(default)]
        session: AdminSession,
    },
    /// DNA (seed 002 §3.3.1): an `accessToken` fetched with apiKey/apiSecret.
    Dna {
        /// `apiKey`.
        api_key: String,
        /// `apiSecret`.
        api_secret: Secret,
    },
    /// Mining pool (seed 003): JWT + signed body on every request.
    Pool {
        /// `clientId`.
        client_id: String,
        /// `secretKey`.
        secret_key: Secret,
        /// `secretSalt`.
        secret_salt: Secret,
        /// JWT lifetime in seconds (default 180).
        #[serde(default)]
        ttl_s: Option<u64>,
    },
    /// Huawei Cloud AK/SK signing (seed 004 §1.4.2).
    HuaweiAkSk {
        /// Access key id.
        access_key: String,
        /// Secret access key.
        secret_key: Secret,
        /// Sent as `X-Project-Id`.
        #[serde(default)]
        project_id: Option<String>,
        /// For temporary credentials.
        #[serde(default)]
        security_token: Option<Secret>,
        /// `SDK-HMAC-SHA256` (default) or `SDK-HMAC-SM3`.
        #[serde(default)]
        algorithm: Algorithm,
    },
    /// Huawei IAM password token (seed 004 §1.4.1), fetched from `iam_url`.
    HuaweiIam {
        /// The IAM endpoint, e.g. `https://iam.cn-north-4.myhuaweicloud.com`.
        iam_url: String,
        /// IAM user name.
        user_name: String,
        /// The user's password.
        password: Secret,
        /// The account (domain) name.
        domain_name: String,
        /// Scope by project id…
        #[serde(default)]
        project_id: Option<String>,
        /// …or by project name (a region's default project is named after the region).
        #[serde(default)]
        project_name: Option<String>,
    },
    /// An IAM token the caller already holds, sent as `X-Auth-Token`.
    HuaweiToken {
        /// The token.
        token: Secret,
    },
}

impl Credentials {
    /// The scheme's name, as in the JSON form.
    pub fn scheme(&self) -> &'static str {
        match self {
            Self::None => "none",
            Self::DdcApiToken { .. } => "ddcApiToken",
            Self::UlordAppKey { .. } => "ulordAppKey",
            Self::UlordAdmin { .. } => "ulordAdmin",
            Self::Dna { .. } => "dna",
            Self::Pool { .. } => "pool",
            Self::HuaweiAkSk { .. } => "huaweiAkSk",
            Self::HuaweiIam { .. } => "huaweiIam",
            Self::HuaweiToken { .. } => "huaweiToken",
        }
    }

    /// Credentials from their JSON form; the error never quotes the input (it holds secrets).
    pub fn from_json(text: &str) -> Result<Self> {
        serde_json::from_str(text).map_err(|e| {
            let why = crate::redact::json_error_without_values(&e);
            // A position helps only in text someone wrote over several lines (the bindings pass
            // an object as one line, where "line 1, column 16" is parser detail), and only for
            // syntax: a wrong value inside a scheme is reported at line 0.
            if text.contains('\n') && e.line() > 0 {
                Error::config(format!(
                    "invalid credentials (line {}, column {}): {why}",
                    e.line(),
                    e.column()
                ))
            } else {
                Error::config(format!("invalid credentials: {why}"))
            }
        })
    }

    /// Credentials of `scheme` from the process environment (names in the module docs).
    pub fn from_env(scheme: &str) -> Result<Self> {
        Self::from_lookup(scheme, |name| std::env::var(name).ok())
    }

    /// Credentials of `scheme` from any name → value lookup; empty values count as unset.
    pub fn from_lookup(scheme: &str, lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        let need =
            |name: &str| get(name).ok_or_else(|| Error::config(format!("{name} is not set")));
        Ok(match scheme {
            "none" => Self::None,
            "ddcApiToken" => Self::DdcApiToken {
                token: need("CHAINKIT_DDC_APITOKEN")?.into(),
            },
            "ulordAppKey" => Self::UlordAppKey {
                app_key: need("CHAINKIT_ULORD_APPKEY")?.into(),
            },
            "ulordAdmin" => Self::UlordAdmin {
                username: need("CHAINKIT_ULORD_USERNAME")?,
                password: need("CHAINKIT_ULORD_PASSWORD")?.into(),
                session: AdminSession::Cookie,
            },
            "dna" => Self::Dna {
                api_key: need("CHAINKIT_DNA_API_KEY")?,
                api_secret: need("CHAINKIT_DNA_API_SECRET")?.into(),
            },
            "pool" => Self::Pool {
                client_id: need("CHAINKIT_POOL_CLIENT_ID")?,
                secret_key: need("CHAINKIT_POOL_SECRET_KEY")?.into(),
                secret_salt: need("CHAINKIT_POOL_SECRET_SALT")?.into(),
                ttl_s: None,
            },
            "huaweiAkSk" => {
                let c = AkSk::from_lookup(&lookup)?;
                Self::HuaweiAkSk {
                    access_key: c.access_key,
                    secret_key: c.secret_key,
                    project_id: c.project_id,
                    security_token: c.security_token,
                    algorithm: Algorithm::HmacSha256,
                }
            }
            "huaweiIam" => Self::HuaweiIam {
                iam_url: need("CHAINKIT_IAM_URL")?,
                user_name: need("CHAINKIT_IAM_USER_NAME")?,
                password: need("CHAINKIT_IAM_PASSWORD")?.into(),
                domain_name: need("CHAINKIT_IAM_DOMAIN_NAME")?,
                project_id: get("CHAINKIT_IAM_PROJECT_ID"),
                project_name: get("CHAINKIT_IAM_PROJECT_NAME"),
            },
            "huaweiToken" => Self::HuaweiToken {
                token: need("CHAINKIT_IAM_TOKEN")?.into(),
            },
            other => {
                return Err(Error::config(format!(
                    "unknown credentials scheme {other:?}"
                )))
            }
        })
    }

    /// The authorizer that applies these credentials to every attempt against `base`; token
    /// schemes fetch through `transport`. Fails for missing or unusable values before any I/O.
    // On wasm32 transports are not Send (one thread), so neither are token authorizers.
    #[cfg_attr(target_arch = "wasm32", allow(clippy::arc_with_non_send_sync))]
    pub fn authorizer(
        &self,
        base: &Url,
        transport: Arc<dyn Transport>,
    ) -> Result<Arc<dyn Authorizer>> {
        Ok(match self.clone() {
            Self::None => Arc::new(NoAuth),
            Self::DdcApiToken { token } => Arc::new(HeaderAuthorizer::new(DDC_APITOKEN, token)?),
            Self::UlordAppKey { app_key } => {
                Arc::new(HeaderAuthorizer::new(ULORD_APPKEY, app_key)?)
            }
            Self::HuaweiToken { token } => Arc::new(HeaderAuthorizer::new(X_AUTH_TOKEN, token)?),
            Self::UlordAdmin {
                username,
                password,
                session,
            } => {
                let login = UlordAdminLogin {
                    username,
                    password,
                    session,
                };
                ulord::login_request(base, &login)?;
                Arc::new(ulord::authorizer(base.clone(), login, transport)?)
            }
            Self::Dna {
                api_key,
                api_secret,
            } => {
                let credentials = DnaCredentials {
                    api_key,
                    api_secret,
                };
                dna::token_request(base, &credentials)?;
                Arc::new(dna::authorizer(base.clone(), credentials, transport))
            }
            Self::Pool {
                client_id,
                secret_key,
                secret_salt,
                ttl_s,
            } => {
                let signer = PoolSigner::new(PoolCredentials {
                    client_id,
                    secret_key,
                    secret_salt,
                })
                .map_err(|e| Error::config(e.message()))?;
                Arc::new(PoolAuthorizer::new(
                    signer,
                    ttl_s.map_or(DEFAULT_TTL, Duration::from_secs),
                ))
            }
            Self::HuaweiAkSk {
                access_key,
                secret_key,
                project_id,
                security_token,
                algorithm,
            } => {
                if access_key.is_empty() || secret_key.is_empty() {
                    return Err(Error::config(
                        "Huawei access key and secret key are required",
                    ));
                }
                let credentials = AkSk {
                    access_key,
                    secret_key,
                    project_id,
                    security_token,
                };
                // Keys no signature can carry are a configuration error, found here once.
                let signer = Signer::new(credentials, algorithm)
                    .map_err(|e| Error::config(e.message().to_owned()))?;
                Arc::new(AkSkAuthorizer::new(signer))
            }
            Self::HuaweiIam {
                iam_url,
                user_name,
                password,
                domain_name,
                project_id,
                project_name,
            } => {
                let project = match (project_id, project_name) {
                    (Some(id), None) => ProjectScope::Id(id),
                    (None, Some(name)) => ProjectScope::Name(name),
                    _ => {
                        return Err(Error::config(
                            "give exactly one of projectId and projectName for an IAM token",
                        ))
                    }
                };
                let iam_base = Url::parse(&iam_url)
                    .map_err(|e| Error::config(format!("invalid IAM URL: {e}")))?;
                let credentials = IamPassword {
                    user_name,
                    password,
                    domain_name,
                    project,
                };
                iam::token_request(&iam_base, &credentials)?;
                Arc::new(iam::authorizer(iam_base, credentials, transport))
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;
    use crate::executor::AttemptContext;
    use crate::runtime::SeqRandom;
    use crate::transport::{Request, Response};

    struct NoNetwork;

    #[async_trait::async_trait]
    impl Transport for NoNetwork {
        async fn send(&self, _: Request) -> Result<Response> {
            Err(Error::network("no network in this test"))
        }
    }

    fn base() -> Url {
        Url::parse("https://svc.example").unwrap()
    }

    #[test]
    fn json_form_names_every_scheme_and_hides_values() {
        let c = Credentials::from_json(r#"{"scheme":"dna","apiKey":"k","apiSecret":"s3cr3t"}"#)
            .unwrap();
        assert_eq!(c.scheme(), "dna");
        assert!(!format!("{c:?}").contains("s3cr3t"));
        let c = Credentials::from_json(
            r#"{"scheme":"huaweiAkSk","accessKey":"AK","secretKey":"SK","algorithm":"SDK-HMAC-SM3"}"#,
        )
        .unwrap();
        assert!(matches!(
            c,
            Credentials::HuaweiAkSk {
                algorithm: Algorithm::HmacSm3,
                ..
            }
        ));
        for bad in [
            r#"{"scheme":"dna","apiKey":"k","apiSecret":"s3cr3t","extra":1}"#,
            r#"{"scheme":"nope","token":"s3cr3t"}"#,
            r#"{"scheme":"ddcApiToken","token":5}"#,
            r#"{"scheme":"pool","clientId":"c","secretKey":"s3cr3t","secretSalt":"x","ttlS":"s3cr3t"}"#,
        ] {
            let err = Credentials::from_json(bad).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::Config);
            assert!(!err.to_string().contains("s3cr3t"), "{err}");
            assert!(!err.to_string().contains("column"), "{err}");
        }
        let written = "{\n  \"scheme\": \"ddcApiToken\",\n  \"token\": \n}";
        let err = Credentials::from_json(written).unwrap_err();
        assert!(err.to_string().contains("(line 4, column 1)"), "{err}");
    }

    #[test]
    fn environment_names_are_the_documented_ones() {
        let env = |name: &str| {
            Some(
                match name {
                    "CHAINKIT_POOL_CLIENT_ID" => "c",
                    "CHAINKIT_POOL_SECRET_KEY" => "k",
                    "CHAINKIT_POOL_SECRET_SALT" => "s",
                    "HUAWEICLOUD_SDK_AK" => "AK",
                    "HUAWEICLOUD_SDK_SK" => "SK",
                    "CHAINKIT_DDC_APITOKEN" => "",
                    _ => return None,
                }
                .to_owned(),
            )
        };
        assert_eq!(
            Credentials::from_lookup("pool", env).unwrap().scheme(),
            "pool"
        );
        assert_eq!(
            Credentials::from_lookup("huaweiAkSk", env)
                .unwrap()
                .scheme(),
            "huaweiAkSk"
        );
        let err = Credentials::from_lookup("ddcApiToken", env).unwrap_err();
        assert_eq!(err.message(), "CHAINKIT_DDC_APITOKEN is not set");
        let err = Credentials::from_lookup("dna", env).unwrap_err();
        assert_eq!(err.message(), "CHAINKIT_DNA_API_KEY is not set");
    }

    #[test]
    fn unusable_credentials_fail_before_any_io() {
        for json in [
            r#"{"scheme":"ddcApiToken","token":""}"#,
            r#"{"scheme":"dna","apiKey":"","apiSecret":"s"}"#,
            r#"{"scheme":"pool","clientId":"c","secretKey":"k","secretSalt":""}"#,
            r#"{"scheme":"huaweiAkSk","accessKey":"","secretKey":"SK"}"#,
            r#"{"scheme":"ulordAdmin","username":"u","password":""}"#,
            r#"{"scheme":"ulordAdmin","username":"u","password":"p","session":{"mode":"token","header":"bad name"}}"#,
            r#"{"scheme":"huaweiIam","iamUrl":"https://iam.example","userName":"u","password":"p","domainName":"d"}"#,
            r#"{"scheme":"huaweiIam","iamUrl":"not a url","userName":"u","password":"p","domainName":"d","projectId":"x"}"#,
        ] {
            let c = Credentials::from_json(json).unwrap();
            let err = c.authorizer(&base(), Arc::new(NoNetwork)).err().unwrap();
            assert_eq!(err.kind(), ErrorKind::Config, "{json}: {err}");
        }
    }

    #[tokio::test]
    async fn pool_authorizer_wraps_the_body_and_signs_each_attempt_afresh() {
        let c = Credentials::from_json(
            r#"{"scheme":"pool","clientId":"client-1","secretKey":"test-secret-key","secretSalt":"test-secret-salt"}"#,
        )
        .unwrap();
        let auth = c.authorizer(&base(), Arc::new(NoNetwork)).unwrap();
        let random = SeqRandom::new(7, 1);
        let ctx = AttemptContext {
            now: Duration::from_secs(1_585_012_345),
            attempt: 1,
            random: &random,
            credential: &std::sync::atomic::AtomicU64::new(0),
        };
        let unsigned = br#"{"action":"Account.GetBindInfo","data":{"account":"alice"}}"#;
        let mut first: Request = http::Request::new(unsigned.to_vec());
        auth.authorize(&mut first, &ctx).await.unwrap();
        let body: serde_json::Value = serde_json::from_slice(first.body()).unwrap();
        assert_eq!(body["data"], r#"{"account":"alice"}"#);
        assert_eq!(body["at"], 1_585_012_345);
        assert_eq!(body["signNonce"], "1000000008");
        assert_eq!(first.headers()["content-type"], "application/json");
        let mut second: Request = http::Request::new(unsigned.to_vec());
        auth.authorize(&mut second, &ctx).await.unwrap();
        assert_ne!(
            first.headers()["authorization"],
            second.headers()["authorization"]
        );
        let mut bad: Request = http::Request::new(b"[1]".to_vec());
        let err = auth.authorize(&mut bad, &ctx).await.unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
    }
}

#[cfg(test)]
mod echo_tests {
    //! Issue 17 finding 6: a server that echoes secrets must not put them in our error text.

    use std::sync::Arc;

    use super::*;
    use crate::endpoint::RawRequest;
    use crate::executor::{ClientConfig, Executor, Runtime};
    use crate::runtime::{FixedClock, InstantSleep, SeqRandom};
    use crate::transport::{Request, Response};

    /// Every credential value of the test, and the tokens the server hands out.
    const SECRETS: [&str; 11] = [
        "dna-api-secret-1",
        "dna-access-token-1",
        "huawei-sk-1",
        "huawei-security-token-1",
        "pool-secret-key-1",
        "pool-secret-salt-1",
        "iam-password-1",
        "iam-token-1",
        "ddc-apitoken-1",
        "ulord-appkey-1",
        "ulord-password-1",
    ];

    /// Hands out tokens, then answers every call with an error that quotes everything it
    /// received and every credential value it knows, raw, percent-encoded and JSON-escaped
    /// (as `error_from_response` would read a body's message, and as a non-JSON body is quoted).
    struct Echo;

    fn reply(status: u16, headers: &[(&str, &str)], body: String) -> Response {
        let mut b = http::Response::builder().status(status);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.into_bytes()).unwrap()
    }

    #[async_trait::async_trait]
    impl Transport for Echo {
        async fn send(&self, request: Request) -> Result<Response> {
            let path = request.uri().path().to_owned();
            if path.ends_with("/getToken") {
                let body = serde_json::json!({"retCode": 200, "accessToken": SECRETS[1]});
                return Ok(reply(200, &[], body.to_string()));
            }
            if path == crate::auth::iam::TOKEN_PATH {
                return Ok(reply(201, &[("x-subject-token", SECRETS[7])], "{}".into()));
            }
            let seen = format!(
                "{} {:?} {}",
                request.uri(),
                request.headers(),
                String::from_utf8_lossy(request.body())
            );
            let known = SECRETS.join(" ");
            let encoded: String = url::form_urlencoded::byte_serialize(known.as_bytes()).collect();
            let message = format!("bad credentials: {seen} {known} {encoded}");
            if path.ends_with("/text") {
                return Ok(reply(401, &[], message));
            }
            let body =
                serde_json::json!({"code": "AUTH", "message": message, "requestId": SECRETS[0]});
            Ok(reply(401, &[], body.to_string()))
        }
    }

    #[tokio::test]
    async fn no_credential_a_server_echoes_reaches_the_error_text() {
        let schemes = [
            r#"{"scheme":"dna","apiKey":"key","apiSecret":"dna-api-secret-1"}"#,
            r#"{"scheme":"huaweiAkSk","accessKey":"AK","secretKey":"huawei-sk-1","securityToken":"huawei-security-token-1"}"#,
            r#"{"scheme":"pool","clientId":"c","secretKey":"pool-secret-key-1","secretSalt":"pool-secret-salt-1"}"#,
            r#"{"scheme":"huaweiIam","iamUrl":"https://iam.example","userName":"u","password":"iam-password-1","domainName":"d","projectName":"p"}"#,
            r#"{"scheme":"ddcApiToken","token":"ddc-apitoken-1"}"#,
            r#"{"scheme":"ulordAppKey","appKey":"ulord-appkey-1"}"#,
            // The login itself is answered with the echo.
            r#"{"scheme":"ulordAdmin","username":"u","password":"ulord-password-1"}"#,
        ];
        let base = Url::parse("https://svc.example").unwrap();
        let mut config = ClientConfig::new(base.as_str()).unwrap();
        config.retry.max_attempts = 1;
        let executor = Executor::new(
            config,
            Runtime {
                transport: Arc::new(Echo),
                clock: Arc::new(FixedClock(std::time::Duration::from_secs(1_700_000_000))),
                sleep: Arc::new(InstantSleep::default()),
                random: Arc::new(SeqRandom::new(0, 1)),
            },
        );
        for json in schemes {
            let creds = Credentials::from_json(json).unwrap();
            let auth = creds.authorizer(&base, Arc::new(Echo)).unwrap();
            let held: Vec<&str> = SECRETS
                .iter()
                .copied()
                .filter(|s| json.contains(s))
                .chain(match creds.scheme() {
                    "dna" => Some(SECRETS[1]),
                    "huaweiIam" => Some(SECRETS[7]),
                    _ => None,
                })
                .collect();
            for path in ["/json", "/text"] {
                let call = RawRequest {
                    method: "POST".into(),
                    path: path.into(),
                    body: br#"{"action":"A.B","data":{}}"#.to_vec(),
                    ..Default::default()
                };
                let err = executor.execute(&call, auth.as_ref()).await.unwrap_err();
                let shown = format!("{err} {err:?}");
                assert!(shown.contains("bad credentials"), "{shown}");
                for secret in &held {
                    assert!(
                        !shown.contains(secret),
                        "{}: {secret} in {shown}",
                        creds.scheme()
                    );
                    let encoded: String =
                        url::form_urlencoded::byte_serialize(secret.as_bytes()).collect();
                    assert!(!shown.contains(&encoded), "{encoded} in {shown}");
                }
            }
        }
    }
}
