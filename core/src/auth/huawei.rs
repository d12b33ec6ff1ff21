//! Huawei Cloud AK/SK signing, `SDK-HMAC-SHA256` and `SDK-HMAC-SM3`.
//!
//! The official Python SDK's signer (`huaweicloudsdkcore/signer/signer.py`) is normative; every
//! rule below cites the section of `reference/huawei-aksk-spec.md` that states it. The signer
//! also rewrites the request so that what is sent is exactly what was signed: the query in
//! canonical order (§3.3.2), header values trimmed (§3.4).

use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use http::{HeaderName, HeaderValue};
use sha2::{Digest, Sha256};
use sm3::Sm3;

use crate::auth::push_lower_hex;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{AttemptContext, Authorizer};
use crate::secret::Secret;
use crate::transport::Request;

mod canonical;
mod date;
mod header_text;
mod plan;
mod url;
use header_text::{check_value, header_value, is_header_name, may_be_padded};
use plan::{header_slots, plan, sent_value, validate_key, INLINE_HEADERS};
use url::UrlParts;

/// Headers an HTTP stack may add or rewrite after signing; never signed (§11.3).
const UNSIGNABLE: [&str; 4] = [
    "content-length",
    "transfer-encoding",
    "connection",
    "accept-encoding",
];

/// AK/SK credentials; temporary ones carry a security token.
#[derive(Clone, Debug)]
pub struct AkSk {
    /// Access key id (not secret, but validated).
    pub access_key: String,
    /// Secret access key.
    pub secret_key: Secret,
    /// Sent as `X-Project-Id` when set (§2.1).
    pub project_id: Option<String>,
    /// Sent as `X-Security-Token` for temporary credentials (§2.3).
    pub security_token: Option<Secret>,
}

/// The environment variables [`AkSk::from_env`] reads, named as the official SDKs name them.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
/// See [`ENV_AK`].
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
/// See [`ENV_AK`].
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// See [`ENV_AK`]; set for temporary credentials.
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";

impl AkSk {
    /// Credentials from the process environment (`HUAWEICLOUD_SDK_AK`, `_SK`, `_PROJECT_ID`,
    /// `_SECURITY_TOKEN`), as the official SDKs read them.
    pub fn from_env() -> Result<Self> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// Credentials from any name → value lookup (a config file, a secrets manager, a test map).
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Result<Self> {
        let get = |name: &str| lookup(name).filter(|v| !v.is_empty());
        let access_key =
            get(ENV_AK).ok_or_else(|| Error::config(format!("{ENV_AK} is not set")))?;
        let secret_key =
            get(ENV_SK).ok_or_else(|| Error::config(format!("{ENV_SK} is not set")))?;
        Ok(Self {
            access_key,
            secret_key: secret_key.into(),
            project_id: get(ENV_PROJECT_ID),
            security_token: get(ENV_SECURITY_TOKEN).map(Into::into),
        })
    }
}

/// Signs every attempt afresh (new `X-Sdk-Date`), so a retry after a long backoff is not
/// rejected as expired (spec §10: the gateway allows about 15 minutes of skew).
#[derive(Clone, Debug)]
pub struct AkSkAuthorizer(Signer);

impl AkSkAuthorizer {
    /// An authorizer over `signer`.
    pub fn new(signer: Signer) -> Self {
        Self(signer)
    }
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Authorizer for AkSkAuthorizer {
    async fn authorize(&self, request: &mut Request, ctx: &AttemptContext<'_>) -> Result<()> {
        self.0.sign(request, ctx.now).map(|_| ())
    }

    fn secrets(&self) -> Vec<Secret> {
        let c = self.0.credentials();
        std::iter::once(c.secret_key.clone())
            .chain(c.security_token.clone())
            .collect()
    }
}

/// Which hash the signature uses (§7.1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Deserialize)]
pub enum Algorithm {
    /// `SDK-HMAC-SHA256`, the default.
    #[default]
    #[serde(rename = "SDK-HMAC-SHA256")]
    HmacSha256,
    /// `SDK-HMAC-SM3`, for regions that require Chinese national algorithms.
    #[serde(rename = "SDK-HMAC-SM3")]
    HmacSm3,
}

impl Algorithm {
    /// The name sent in `Authorization` (§6).
    pub fn name(self) -> &'static str {
        match self {
            Self::HmacSha256 => "SDK-HMAC-SHA256",
            Self::HmacSm3 => "SDK-HMAC-SM3",
        }
    }

    /// The header that replaces the body hash (§2.4, §7.1).
    fn content_header(self) -> &'static str {
        match self {
            Self::HmacSha256 => "x-sdk-content-sha256",
            Self::HmacSm3 => "x-sdk-content-sm3",
        }
    }

    fn push_hash_hex(self, out: &mut String, data: &[u8]) {
        match self {
            Self::HmacSha256 => push_lower_hex(out, &Sha256::digest(data)),
            Self::HmacSm3 => push_lower_hex(out, &Sm3::digest(data)),
        }
    }
}

/// The secret key's HMAC state after absorbing the key (RFC 2104's inner and outer pads), kept
/// so that each signature starts from a copy instead of hashing the key twice more.
#[derive(Clone)]
enum KeyedMac {
    Sha256(Hmac<Sha256>),
    Sm3(Hmac<Sm3>),
}

impl KeyedMac {
    /// Validates everything the credentials contribute to a signature, then keys the MAC.
    fn new(credentials: &AkSk, algorithm: Algorithm) -> Result<Self> {
        validate_key("access key", &credentials.access_key)?;
        let key = credentials.secret_key.expose();
        validate_key("secret key", key)?;
        if let Some(project) = &credentials.project_id {
            check_value("x-project-id", project)?;
        }
        if let Some(token) = &credentials.security_token {
            check_value("x-security-token", token.expose())?;
        }
        let bad_key = |_| Error::new(ErrorKind::Signing, "HMAC key rejected");
        Ok(match algorithm {
            Algorithm::HmacSha256 => {
                Self::Sha256(Hmac::new_from_slice(key.as_bytes()).map_err(bad_key)?)
            }
            Algorithm::HmacSm3 => Self::Sm3(Hmac::new_from_slice(key.as_bytes()).map_err(bad_key)?),
        })
    }

    fn push_hex(&self, out: &mut String, data: &[u8]) {
        match self {
            Self::Sha256(mac) => {
                let mut mac = mac.clone();
                mac.update(data);
                push_lower_hex(out, &mac.finalize().into_bytes());
            }
            Self::Sm3(mac) => {
                let mut mac = mac.clone();
                mac.update(data);
                push_lower_hex(out, &mac.finalize().into_bytes());
            }
        }
    }
}

/// AK/SK credentials checked and keyed once: the way to sign many requests. Building one
/// reports bad credentials (empty or non-ASCII keys, a project id no header can carry) before
/// any request exists. `Debug` shows the access key and algorithm only.
#[derive(Clone)]
pub struct Signer {
    credentials: AkSk,
    algorithm: Algorithm,
    mac: KeyedMac,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("access_key", &self.credentials.access_key)
            .field("algorithm", &self.algorithm)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// Checks `credentials` and keys the HMAC for `algorithm`.
    pub fn new(credentials: AkSk, algorithm: Algorithm) -> Result<Self> {
        let mac = KeyedMac::new(&credentials, algorithm)?;
        Ok(Self {
            credentials,
            algorithm,
            mac,
        })
    }

    /// The credentials it signs with.
    pub fn credentials(&self) -> &AkSk {
        &self.credentials
    }

    /// The signature algorithm.
    pub fn algorithm(&self) -> Algorithm {
        self.algorithm
    }

    fn keys(&self) -> Keys<'_> {
        Keys {
            credentials: &self.credentials,
            algorithm: self.algorithm,
            mac: &self.mac,
        }
    }

    /// [`sign`] with these credentials.
    pub fn sign(&self, request: &mut Request, now: Duration) -> Result<Signature> {
        sign_with(request, self.keys(), now)
    }

    /// [`sign_parts`] with these credentials.
    pub fn sign_parts<K: AsRef<str>, V: AsRef<str>>(
        &self,
        method: &str,
        url: &str,
        headers: &[(K, V)],
        body: &[u8],
        now: Duration,
    ) -> Result<SignedParts> {
        sign_parts_keyed(method, url, headers, body, self.keys(), now)
    }

    /// [`sign_parts_with`] with these credentials.
    pub fn sign_parts_with<K: AsRef<str>, V: AsRef<str>>(
        &self,
        method: &str,
        url: &str,
        headers: &[(K, V)],
        body: &[u8],
        now: Duration,
        emit: impl FnMut(&str, &str),
    ) -> Result<SignedUrl> {
        sign_parts_with_keys(method, url, headers, body, self.keys(), now, emit)
    }
}

/// What one signature needs of the credentials, borrowed from a [`Signer`] or, for the
/// one-shot functions, from the caller's [`AkSk`] and a MAC keyed for the call.
#[derive(Clone, Copy)]
struct Keys<'a> {
    credentials: &'a AkSk,
    algorithm: Algorithm,
    mac: &'a KeyedMac,
}

/// Runs `f` with `credentials` keyed for this one call: the one-shot functions' [`Keys`].
fn with_keys<T>(
    credentials: &AkSk,
    algorithm: Algorithm,
    f: impl FnOnce(Keys<'_>) -> Result<T>,
) -> Result<T> {
    let mac = KeyedMac::new(credentials, algorithm)?;
    f(Keys {
        credentials,
        algorithm,
        mac: &mac,
    })
}

/// The intermediate strings of one signature, for golden vectors and debugging.
/// They contain no secret (the SK never enters them), but do contain header values.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// The canonical request (§3).
    pub canonical_request: String,
    /// The string to sign (§4).
    pub string_to_sign: String,
    /// The `Authorization` header value (§6).
    pub authorization: String,
}

/// Signs `request` in place at time `now` (since the Unix epoch), adding `X-Project-Id`,
/// `X-Security-Token`, `X-Sdk-Content-Sha256`, `X-Sdk-Date`, `Host` and `Authorization` as the
/// official SDK does, and rewriting the query into canonical order.
/// To sign many requests with the same credentials, build a [`Signer`] once instead.
pub fn sign(
    request: &mut Request,
    credentials: &AkSk,
    algorithm: Algorithm,
    now: Duration,
) -> Result<Signature> {
    with_keys(credentials, algorithm, |keys| sign_with(request, keys, now))
}

fn sign_with(request: &mut Request, keys: Keys<'_>, now: Duration) -> Result<Signature> {
    let mut inline = [("", None); INLINE_HEADERS];
    let mut spill = Vec::new();
    let given = header_slots(&mut inline, &mut spill, request.headers().len());
    for (slot, (name, value)) in given.iter_mut().zip(request.headers()) {
        *slot = (name.as_str(), std::str::from_utf8(value.as_bytes()).ok());
    }
    let url = UrlParts::of(request.uri())?;
    let plan = plan(
        request.method().as_str(),
        url,
        given,
        request.body(),
        keys,
        now,
    )?;
    // Everything to change, made owned first: the plan borrows from the request.
    let uri = match plan.query {
        Some(_) => Some(
            url.with_query(plan.sent_query(&url))
                .parse::<http::Uri>()
                .map_err(|e| {
                    Error::invalid_input(format!("invalid URL after canonicalising the query: {e}"))
                })?,
        ),
        None => None,
    };
    let mut updates: [Option<(HeaderName, HeaderValue)>; 5] = Default::default();
    for (slot, (name, value)) in updates.iter_mut().zip(plan.added.iter()) {
        *slot = Some((HeaderName::from_static(name), header_value(name, value)?));
    }
    let mut trimmed = Vec::new();
    // Only unsignable headers get here non-UTF-8 (plan rejects the others); they are sent as is.
    for &(name, value) in given.iter() {
        let Some(text) = value.filter(|v| may_be_padded(v)) else {
            continue;
        };
        let sent = sent_value(&plan.added, name, text);
        if sent.len() != text.len() && !plan.added.replaces(name) {
            let value = header_value(name, sent)?;
            let name = HeaderName::from_bytes(name.as_bytes())
                .map_err(|_| Error::invalid_input(format!("invalid header name {name:?}")))?;
            trimmed.push((name, value));
        }
    }
    let signature = plan.signature;
    let authorization = header_value("authorization", &signature.authorization)?;

    let headers = request.headers_mut();
    for (name, value) in updates.into_iter().flatten().chain(trimmed) {
        headers.insert(name, value);
    }
    headers.insert(http::header::AUTHORIZATION, authorization);
    if let Some(uri) = uri {
        *request.uri_mut() = uri;
    }
    Ok(signature)
}

/// A request signed by [`sign_parts`]: what to send.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedParts {
    /// The URL to send to (query in canonical order, exactly as signed).
    pub url: String,
    /// Every header to send, the given ones and the added ones, names lowercase.
    pub headers: Vec<(String, String)>,
    /// The `Authorization` value, also among `headers`.
    pub authorization: String,
}

/// [`sign`] for callers with their own HTTP stack, over plain parts instead of an
/// [`http::Request`]: the form every binding exposes. To sign many requests with the same
/// credentials, build a [`Signer`] once instead.
pub fn sign_parts<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    url: &str,
    headers: &[(K, V)],
    body: &[u8],
    credentials: &AkSk,
    algorithm: Algorithm,
    now: Duration,
) -> Result<SignedParts> {
    with_keys(credentials, algorithm, |keys| {
        sign_parts_keyed(method, url, headers, body, keys, now)
    })
}

fn sign_parts_keyed<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    url: &str,
    headers: &[(K, V)],
    body: &[u8],
    keys: Keys<'_>,
    now: Duration,
) -> Result<SignedParts> {
    let mut sent = Vec::with_capacity(headers.len() + 6);
    let signed = sign_parts_with_keys(method, url, headers, body, keys, now, |name, value| {
        sent.push((name.to_owned(), value.to_owned()))
    })?;
    Ok(SignedParts {
        url: signed.url,
        headers: sent,
        authorization: signed.authorization,
    })
}

/// What [`sign_parts_with`] returns besides the headers it hands out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedUrl {
    /// The URL to send to (query in canonical order, exactly as signed).
    pub url: String,
    /// The `Authorization` value, also handed to `emit`.
    pub authorization: String,
}

/// [`sign_parts`] handing every header to send, in order, to `emit` instead of collecting
/// owned strings: for bindings that turn them straight into their own language's strings.
#[allow(clippy::too_many_arguments)]
pub fn sign_parts_with<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    url: &str,
    headers: &[(K, V)],
    body: &[u8],
    credentials: &AkSk,
    algorithm: Algorithm,
    now: Duration,
    emit: impl FnMut(&str, &str),
) -> Result<SignedUrl> {
    with_keys(credentials, algorithm, |keys| {
        sign_parts_with_keys(method, url, headers, body, keys, now, emit)
    })
}

fn sign_parts_with_keys<K: AsRef<str>, V: AsRef<str>>(
    method: &str,
    url: &str,
    headers: &[(K, V)],
    body: &[u8],
    keys: Keys<'_>,
    now: Duration,
    mut emit: impl FnMut(&str, &str),
) -> Result<SignedUrl> {
    let method = http::Method::from_bytes(method.as_bytes())
        .map_err(|_| Error::invalid_input(format!("invalid method {method:?}")))?;
    let parsed: http::Uri;
    let url = match UrlParts::plain(url) {
        Some(parts) => parts,
        None => {
            parsed = url
                .parse()
                .map_err(|e| Error::invalid_input(format!("invalid URL: {e}")))?;
            UrlParts::of(&parsed)?
        }
    };
    let mut has_upper = false;
    for (k, v) in headers {
        let (k, v) = (k.as_ref(), v.as_ref());
        if !is_header_name(k) {
            return Err(Error::invalid_input(format!("invalid header name {k:?}")));
        }
        check_value(k, v)?;
        has_upper |= k.bytes().any(|b| b.is_ascii_uppercase());
    }
    // Lowercase names (as http::HeaderName stores them) in one buffer, only when needed.
    let mut lower = String::new();
    if has_upper {
        lower.reserve(headers.iter().map(|(k, _)| k.as_ref().len()).sum());
        for (k, _) in headers {
            lower.extend(
                k.as_ref()
                    .bytes()
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
        }
    }
    let mut inline = [("", None); INLINE_HEADERS];
    let mut spill = Vec::new();
    let given = header_slots(&mut inline, &mut spill, headers.len());
    let mut at = 0;
    for (slot, (k, v)) in given.iter_mut().zip(headers) {
        let k = k.as_ref();
        let name = if has_upper {
            &lower[at..at + k.len()]
        } else {
            k
        };
        at += k.len();
        *slot = (name, Some(v.as_ref()));
    }
    let plan = plan(method.as_str(), url, given, body, keys, now)?;
    for (&(name, _), (_, value)) in given.iter().zip(headers) {
        emit(name, sent_value(&plan.added, name, value.as_ref()));
    }
    for (name, value) in plan.added.iter() {
        if !given.iter().any(|(n, _)| *n == name) {
            emit(name, value);
        }
    }
    let url = url.with_query(plan.sent_query(&url));
    let authorization = plan.signature.authorization;
    emit("authorization", &authorization);
    Ok(SignedUrl { url, authorization })
}

#[cfg(test)]
mod tests;
