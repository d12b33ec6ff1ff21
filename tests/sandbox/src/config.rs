//! The well-known test credentials of every service, overridable by `--credentials FILE`
//! (a JSON object with any subset of the sections below; missing fields keep their default).

use serde::Deserialize;

/// Every credential the sandbox accepts.
#[derive(Clone, Debug, Deserialize, Default)]
#[serde(default)]
pub struct Config {
    /// Seed 000.
    pub ddc: Ddc,
    /// Seed 001.
    pub ulord: Ulord,
    /// Seed 002.
    pub dna: Dna,
    /// Seed 003.
    pub pool: Pool,
    /// Seed 004.
    pub huawei: Huawei,
}

/// DDC: the `apitoken` header value.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Ddc {
    /// Accepted `apitoken`.
    pub apitoken: String,
}

/// Ulord: one app key and one developer account.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Ulord {
    /// Accepted `appkey` header (32 hex characters, like list_apps shows).
    pub appkey: String,
    /// Developer account for `/v1/users/login/`.
    pub username: String,
    /// Its password.
    pub password: String,
}

/// DNA: the application's apiKey / apiSecret for getToken.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Dna {
    /// apiKey (BID format).
    pub api_key: String,
    /// apiSecret.
    pub api_secret: String,
    /// Lifetime of an issued accessToken in seconds (seed 002 §3.3.1: 2 hours).
    pub token_ttl_secs: i64,
    /// How long a mint/transfer/burn message stays 已提交 before it succeeds (§3.5.10).
    pub message_delay_ms: u64,
}

/// Pool: one client issued by the authority (seed 003 §8).
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Pool {
    /// clientId.
    pub client_id: String,
    /// secretKey: JWT key and HMAC key.
    pub secret_key: String,
    /// secretSalt: appended to the string to sign.
    pub secret_salt: String,
}

/// Huawei: one IAM user and one AK/SK pair, in one project.
#[derive(Clone, Debug, Deserialize)]
#[serde(default)]
pub struct Huawei {
    /// IAM domain (account) name.
    pub domain: String,
    /// IAM user name.
    pub user: String,
    /// IAM password.
    pub password: String,
    /// Project id (32 hex characters, as IAM issues them).
    pub project_id: String,
    /// Project name (region), accepted instead of the id in the token scope.
    pub project_name: String,
    /// Access key id.
    pub ak: String,
    /// Secret access key.
    pub sk: String,
    /// How long BCS asynchronous work (operations, jobs, installs, backups) takes, in ms.
    pub op_delay_ms: u64,
}

impl Default for Ddc {
    fn default() -> Self {
        Self {
            apitoken: "sandbox-ddc-apitoken".into(),
        }
    }
}

impl Default for Ulord {
    fn default() -> Self {
        Self {
            appkey: "0123456789abcdef0123456789abcdef".into(),
            username: "sandbox-dev".into(),
            password: "sandbox-password".into(),
        }
    }
}

impl Default for Dna {
    fn default() -> Self {
        Self {
            api_key: "did:bid:efSandboxApiKey0000000000000".into(),
            api_secret: "sandbox-dna-api-secret".into(),
            token_ttl_secs: 7200,
            message_delay_ms: 300,
        }
    }
}

impl Default for Pool {
    fn default() -> Self {
        Self {
            client_id: "sandbox-client".into(),
            secret_key: "sandbox-secret-key".into(),
            secret_salt: "sandbox-secret-salt".into(),
        }
    }
}

impl Default for Huawei {
    fn default() -> Self {
        Self {
            domain: "sandbox-domain".into(),
            user: "sandbox-user".into(),
            password: "sandbox-password".into(),
            project_id: "0123456789abcdef0123456789abcdef".into(),
            project_name: "cn-north-4".into(),
            ak: "SANDBOXACCESSKEY0001".into(),
            sk: "sandbox-secret-access-key".into(),
            op_delay_ms: 300,
        }
    }
}

impl Config {
    /// Reads a JSON override file.
    pub fn from_file(path: &str) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        serde_json::from_str(&text).map_err(|e| format!("{path} is not a credentials file: {e}"))
    }
}
