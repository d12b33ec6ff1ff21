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
mod url;
use canonical::{canonical_query, push_canonical_uri};
use date::{DateText, DATE_FORMAT};
use header_text::{check_value, header_value, is_header_name, is_visible_ascii, may_be_padded};
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

/// Headers are gathered on the stack up to this many (requests rarely carry more); more go
/// to the heap. Small `Vec`s here were a measurable share of a signature.
const INLINE_HEADERS: usize = 24;

/// A header as the signer reads it: lowercase name, value (`None` if it is not UTF-8, an error
/// only where the value is signed: an unsigned header may carry any bytes the wire allows).
type Given<'a> = (&'a str, Option<&'a str>);

/// `len` slots, from `inline` when they fit.
fn header_slots<'s, T: Copy + Default>(
    inline: &'s mut [T],
    spill: &'s mut Vec<T>,
    len: usize,
) -> &'s mut [T] {
    match inline.get_mut(..len) {
        Some(slots) => slots,
        None => {
            spill.resize(len, T::default());
            spill
        }
    }
}

/// One signature, decided from borrowed parts; [`sign`] and [`sign_parts_with`] apply it to
/// their own request form.
struct Plan<'a> {
    signature: Signature,
    /// The canonical query, when it differs from the URL's: it is sent as signed (§3.3.2).
    query: Option<String>,
    added: Added<'a>,
}

impl Plan<'_> {
    /// The query to send on `url`: the URL's own when it was canonical already.
    fn sent_query<'q>(&'q self, url: &UrlParts<'q>) -> Option<&'q str> {
        match &self.query {
            Some(query) => Some(query.as_str()).filter(|q| !q.is_empty()),
            None => url.query,
        }
    }
}

/// The headers the signer sets (§2), each replacing a given header of that name.
struct Added<'a> {
    project_id: Option<&'a str>,
    security_token: Option<&'a str>,
    /// The content header, when the body is signed as `UNSIGNED-PAYLOAD` (§2.4).
    unsigned_payload: Option<&'static str>,
    date: Option<DateText>,
    host: Option<std::borrow::Cow<'a, str>>,
}

impl Added<'_> {
    /// `(name, value as sent)`, in the order the official SDK adds them. Values are sent
    /// trimmed like every signed header (§3.4).
    fn iter(&self) -> impl Iterator<Item = (&'static str, &str)> {
        [
            self.project_id.map(|v| ("x-project-id", v.trim())),
            self.security_token.map(|v| ("x-security-token", v.trim())),
            self.unsigned_payload.map(|name| (name, "UNSIGNED-PAYLOAD")),
            self.date.as_ref().map(|d| ("x-sdk-date", d.as_str())),
            self.host.as_deref().map(|h| ("host", h)),
        ]
        .into_iter()
        .flatten()
    }

    /// The value [`Added::iter`] gives `name`, by a match rather than a walk through all five:
    /// it is asked once or twice for every given header.
    fn get(&self, name: &str) -> Option<&str> {
        match name {
            "x-project-id" => self.project_id.map(str::trim),
            "x-security-token" => self.security_token.map(str::trim),
            "x-sdk-date" => self.date.as_ref().map(DateText::as_str),
            "host" => self.host.as_deref(),
            _ => self
                .unsigned_payload
                .filter(|own| *own == name)
                .map(|_| "UNSIGNED-PAYLOAD"),
        }
    }

    fn replaces(&self, name: &str) -> bool {
        self.get(name).is_some()
    }
}

/// What a given header is sent as: the signer's own value for the headers it sets, trimmed
/// when signed (§3.4), as given when unsignable (§11.3).
fn sent_value<'v>(added: &'v Added<'_>, name: &str, value: &'v str) -> &'v str {
    match added.get(name) {
        Some(own) => own,
        None if UNSIGNABLE.contains(&name) => value,
        None => value.trim(),
    }
}

fn plan<'a>(
    method: &str,
    url: UrlParts<'a>,
    given: &[Given<'a>],
    body: &[u8],
    keys: Keys<'a>,
    now: Duration,
) -> Result<Plan<'a>> {
    let Keys {
        credentials,
        algorithm,
        mac,
    } = keys;
    if given.iter().any(|(name, _)| *name == "authorization") {
        return Err(Error::invalid_input(
            "the request is already signed (it has an Authorization header)",
        ));
    }
    check_header_names(given)?;
    let added = added_headers(url, given, credentials, algorithm, now)?;

    let path = url.path;
    let query = url.query.unwrap_or("");
    let header_bytes: usize = given
        .iter()
        .map(|(n, v)| 2 * n.len() + v.map_or(0, str::len) + 3)
        .sum();
    let mut canonical =
        String::with_capacity(method.len() + path.len() + query.len() + header_bytes + 512);
    canonical.extend(method.chars().map(|c| c.to_ascii_uppercase()));
    canonical.push('\n');
    push_canonical_uri(&mut canonical, path)?;
    canonical.push('\n');
    let canonical_query = canonical_query(query)?;
    canonical.push_str(&canonical_query);
    canonical.push('\n');

    // §3.4: every header but the unsignable ones, names lowercase and sorted, values trimmed.
    let mut inline = [("", ""); INLINE_HEADERS];
    let mut spill = Vec::new();
    let entries = header_slots(&mut inline, &mut spill, given.len() + 5);
    let mut n = 0;
    let signed_given = given
        .iter()
        .filter(|(name, _)| !UNSIGNABLE.contains(name) && !added.replaces(name));
    for &(name, value) in signed_given {
        let text =
            value.ok_or_else(|| Error::invalid_input(format!("header {name} is not UTF-8")))?;
        entries[n] = (name, text.trim());
        n += 1;
    }
    for entry in added.iter() {
        entries[n] = entry;
        n += 1;
    }
    let entries = &mut entries[..n];
    // Names are unique (checked above), so the name alone orders them.
    entries.sort_unstable_by(|a, b| a.0.cmp(b.0));
    for (name, value) in entries.iter() {
        canonical.push_str(name);
        canonical.push(':');
        canonical.push_str(value);
        canonical.push('\n');
    }
    canonical.push('\n');
    let signed_start = canonical.len();
    for (i, (name, _)) in entries.iter().enumerate() {
        if i > 0 {
            canonical.push(';');
        }
        canonical.push_str(name);
    }
    let signed_end = canonical.len();
    canonical.push('\n');
    let find = |wanted: &str| {
        entries
            .iter()
            .find(|(name, _)| *name == wanted)
            .map(|(_, v)| *v)
    };
    // §3.5: empty body first, then the content header, then the hash of the bytes.
    match find(algorithm.content_header()) {
        _ if body.is_empty() => algorithm.push_hash_hex(&mut canonical, b""),
        Some(given) if given.bytes().all(is_visible_ascii) => canonical.push_str(given),
        _ => algorithm.push_hash_hex(&mut canonical, body),
    }

    let date = find("x-sdk-date").unwrap_or_default();
    let name = algorithm.name();
    let mut string_to_sign = String::with_capacity(name.len() + date.len() + 2 + 64);
    string_to_sign.push_str(name);
    string_to_sign.push('\n');
    string_to_sign.push_str(date);
    string_to_sign.push('\n');
    algorithm.push_hash_hex(&mut string_to_sign, canonical.as_bytes());

    let signed_headers = &canonical[signed_start..signed_end];
    let parts = [
        name,
        " Access=",
        &credentials.access_key,
        ", SignedHeaders=",
        signed_headers,
        ", Signature=",
    ];
    let mut authorization =
        String::with_capacity(parts.iter().map(|p| p.len()).sum::<usize>() + 64);
    parts.iter().for_each(|p| authorization.push_str(p));
    mac.push_hex(&mut authorization, string_to_sign.as_bytes());
    let query = (canonical_query != query).then(|| canonical_query.into_owned());
    Ok(Plan {
        signature: Signature {
            canonical_request: canonical,
            string_to_sign,
            authorization,
        },
        query,
        added,
    })
}

/// Keys are printable ASCII without spaces or commas: anything else cannot appear in the
/// `Authorization` header unambiguously, and the official SDKs never produce it.
fn validate_key(what: &str, key: &str) -> Result<()> {
    if key.is_empty() {
        return Err(Error::invalid_input(format!("the {what} is empty")));
    }
    if !key
        .bytes()
        .fold(true, |ok, b| ok & (b.is_ascii_graphic() && b != b','))
    {
        return Err(Error::invalid_input(format!(
            "the {what} must be printable ASCII without spaces or commas"
        )));
    }
    Ok(())
}

/// Names with `_` are never signed by the official SDKs (§3.4) and gateways may drop them, so a
/// request carrying one would not mean what it says; duplicate names cannot be signed (§3.4).
/// Quadratic over a handful of headers, which beats hashing them; a caller's list of thousands
/// is counted in a map instead (100k headers would otherwise take billions of comparisons).
fn check_header_names(given: &[Given<'_>]) -> Result<()> {
    const FEW: usize = 32;
    let counts: Option<std::collections::HashMap<&str, usize>> = (given.len() > FEW).then(|| {
        let mut counts = std::collections::HashMap::new();
        for (name, _) in given {
            *counts.entry(*name).or_insert(0) += 1;
        }
        counts
    });
    let mut reported = std::collections::HashSet::new();
    for (i, (name, _)) in given.iter().enumerate() {
        let first = match &counts {
            None => !given[..i].iter().any(|(n, _)| n == name),
            Some(_) => reported.insert(*name),
        };
        if !first {
            continue; // reported at its first occurrence
        }
        if name.contains('_') {
            return Err(Error::invalid_input(format!(
                "header name {name} contains '_', which AK/SK signing cannot cover"
            )));
        }
        let repeated = match &counts {
            None => given[i + 1..].iter().any(|(n, _)| n == name),
            Some(counts) => counts.get(name).is_some_and(|c| *c > 1),
        };
        if repeated {
            return Err(Error::invalid_input(format!(
                "header {name} is given more than once"
            )));
        }
    }
    Ok(())
}

fn added_headers<'a>(
    url: UrlParts<'a>,
    given: &[Given<'a>],
    credentials: &'a AkSk,
    algorithm: Algorithm,
    now: Duration,
) -> Result<Added<'a>> {
    // Both were checked when the MAC was keyed.
    let project_id = credentials.project_id.as_deref();
    let security_token = credentials.security_token.as_ref().map(Secret::expose);
    // §2.4: a body that is not JSON is signed as UNSIGNED-PAYLOAD.
    let unsigned_payload = given_text(given, "content-type")?.is_some_and(|ct| {
        let ct = ct.trim_start();
        !ct.starts_with("application/json") && !ct.starts_with("application/bson")
    });
    let date = match given_text(given, "x-sdk-date")? {
        // §2.5: a caller-supplied date must be in the signing format.
        Some(given) => {
            time::PrimitiveDateTime::parse(given.trim(), DATE_FORMAT).map_err(|_| {
                Error::invalid_input(format!("X-Sdk-Date {given:?} is not YYYYMMDDTHHMMSSZ"))
            })?;
            None
        }
        None => Some(DateText::new(now)?),
    };
    let host = if given.iter().any(|(name, _)| *name == "host") {
        None
    } else {
        // §2.6: the netloc, with an explicit port kept.
        Some(match url.port {
            Some(port) => format!("{}:{port}", url.host).into(),
            None => url.host.into(),
        })
    };
    Ok(Added {
        project_id,
        security_token,
        unsigned_payload: unsigned_payload.then(|| algorithm.content_header()),
        date,
        host,
    })
}

/// The value of the given header `name`, which must be UTF-8.
fn given_text<'a>(given: &[Given<'a>], name: &str) -> Result<Option<&'a str>> {
    given
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, v)| v.ok_or_else(|| Error::invalid_input(format!("header {name} is not UTF-8"))))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(method: &str, url: &str, headers: &[(&str, &str)], body: &str) -> Request {
        let mut b = http::Request::builder().method(method).uri(url);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.as_bytes().to_vec()).unwrap()
    }

    fn creds() -> AkSk {
        AkSk {
            access_key: "AccessKey".into(),
            secret_key: "SecretKey".into(),
            project_id: None,
            security_token: None,
        }
    }

    /// The official PY-T `test_signer1` vector, as quoted in the spec's §1 worked example.
    #[test]
    fn official_python_sdk_vector() {
        let mut req = request(
            "GET",
            "https://service.endpoint.myhuaweicloud.com/resources?size=1",
            &[("X-Sdk-Date", "20200608T023900Z")],
            "",
        );
        let sig = sign(&mut req, &creds(), Algorithm::HmacSha256, Duration::ZERO).unwrap();
        assert_eq!(
            sig.canonical_request,
            "GET\n/resources/\nsize=1\nhost:service.endpoint.myhuaweicloud.com\nx-sdk-date:20200608T023900Z\n\nhost;x-sdk-date\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sig.string_to_sign,
            "SDK-HMAC-SHA256\n20200608T023900Z\nde94dd1e1ccdb730b403ce35d7e14f7c7b04337f6def1c3a3a2ba936852b133f"
        );
        assert_eq!(
            req.headers()["authorization"],
            "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842"
        );
    }

    #[test]
    fn added_headers_get_what_they_iterate() {
        let credentials = AkSk {
            project_id: Some("p1 ".into()),
            security_token: Some(" token ".into()),
            ..creds()
        };
        for unsigned_payload in [None, Some("x-sdk-content-sha256")] {
            let added = Added {
                project_id: credentials.project_id.as_deref(),
                security_token: credentials.security_token.as_ref().map(Secret::expose),
                unsigned_payload,
                date: Some(DateText::new(Duration::from_secs(1_764_000_000)).unwrap()),
                host: Some("h:1".into()),
            };
            for (name, value) in added.iter() {
                assert_eq!(added.get(name), Some(value), "{name}");
            }
            for name in ["content-type", "x-sdk-content-sm3", "authorization"] {
                assert_eq!(added.get(name), None, "{name}");
            }
            assert_eq!(
                added.iter().count(),
                4 + usize::from(unsigned_payload.is_some())
            );
        }
    }

    #[test]
    fn fifty_thousand_headers_are_checked_without_comparing_every_pair() {
        let mut headers: Vec<(String, String)> = (0..50_000)
            .map(|i| (format!("x-h{i}"), "v".into()))
            .collect();
        let url = "https://bcs.example/v2/p/blockchains";
        let now = Duration::from_secs(1_764_000_000);
        let signed = sign_parts(
            "GET",
            url,
            &headers,
            b"",
            &creds(),
            Algorithm::HmacSha256,
            now,
        );
        assert!(signed.is_ok());
        headers.push(("x-h5".into(), "again".into()));
        let err = sign_parts(
            "GET",
            url,
            &headers,
            b"",
            &creds(),
            Algorithm::HmacSha256,
            now,
        )
        .unwrap_err();
        assert!(
            err.message().contains("x-h5 is given more than once"),
            "{err}"
        );
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let cases: Vec<(Request, AkSk)> = vec![
            (
                request("GET", "https://h/x", &[("x_under", "1")], ""),
                creds(),
            ),
            (
                request("GET", "https://h/x", &[("x-a", "1"), ("x-a", "2")], ""),
                creds(),
            ),
            (
                request("GET", "https://h/x", &[("X-Sdk-Date", "yesterday")], ""),
                creds(),
            ),
            (
                request("GET", "https://h/x", &[("Authorization", "x")], ""),
                creds(),
            ),
            (
                request("GET", "https://h/x", &[], ""),
                AkSk {
                    access_key: String::new(),
                    ..creds()
                },
            ),
            (
                request("GET", "https://h/x", &[], ""),
                AkSk {
                    secret_key: "密钥".into(),
                    ..creds()
                },
            ),
            (request("GET", "https://h/%FF", &[], ""), creds()),
            (request("GET", "/relative", &[], ""), creds()),
        ];
        for (mut req, c) in cases {
            let err = sign(&mut req, &c, Algorithm::HmacSha256, Duration::ZERO).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        }
    }

    /// A prepared signer (HMAC keyed once) signs exactly as the one-shot functions, for both
    /// algorithms and temporary credentials, and reports bad credentials when it is built.
    #[test]
    fn a_prepared_signer_signs_as_the_one_shot_functions() {
        let c = AkSk {
            project_id: Some("p1".into()),
            security_token: Some("sts".into()),
            ..creds()
        };
        let headers = [("Content-Type", "application/json"), ("X-A", " 1 ")];
        let now = Duration::from_secs(1_764_000_000);
        for algorithm in [Algorithm::HmacSha256, Algorithm::HmacSm3] {
            let signer = Signer::new(c.clone(), algorithm).unwrap();
            for _ in 0..2 {
                let url = "https://h.example/v2/x?b=2&a=1";
                let prepared = signer
                    .sign_parts("POST", url, &headers, b"{}", now)
                    .unwrap();
                let one_shot =
                    sign_parts("POST", url, &headers, b"{}", &c, algorithm, now).unwrap();
                assert_eq!(prepared, one_shot);
                let mut req = request("POST", url, &headers, "{}");
                let sig = signer.sign(&mut req, now).unwrap();
                assert_eq!(sig.authorization, one_shot.authorization);
            }
            assert!(!format!("{signer:?}").contains("SecretKey"), "{signer:?}");
        }
        for bad in [
            AkSk {
                secret_key: "密钥".into(),
                ..creds()
            },
            AkSk {
                access_key: String::new(),
                ..creds()
            },
            AkSk {
                project_id: Some("p\n1".into()),
                ..creds()
            },
        ] {
            let err = Signer::new(bad, Algorithm::HmacSha256).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{err}");
        }
    }

    #[test]
    fn credentials_from_the_official_environment_names() {
        let env = |name: &str| match name {
            "HUAWEICLOUD_SDK_AK" => Some("ak".to_owned()),
            "HUAWEICLOUD_SDK_SK" => Some("sk".to_owned()),
            "HUAWEICLOUD_SDK_PROJECT_ID" => Some("p1".to_owned()),
            _ => None,
        };
        let c = AkSk::from_lookup(env).unwrap();
        assert_eq!(
            (
                c.access_key.as_str(),
                c.secret_key.expose(),
                c.project_id.as_deref()
            ),
            ("ak", "sk", Some("p1"))
        );
        assert!(c.security_token.is_none());
        assert!(!format!("{c:?}").contains("\"sk\""), "{c:?}");
        let err = AkSk::from_lookup(|n| (n == "HUAWEICLOUD_SDK_AK").then(|| "ak".to_owned()))
            .unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        assert!(err.message().contains("HUAWEICLOUD_SDK_SK"));
    }

    /// The two entry points share one plan; this pins that they send the same thing, including
    /// the rewrites: a given header the signer replaces, a trimmed value, an unsignable value
    /// left alone, an explicit port, a query put in order.
    #[test]
    fn sign_parts_sends_what_sign_puts_on_the_request() {
        let headers = [
            ("Content-Type", "text/plain"),
            ("X-Project-Id", "stale"),
            ("X-Pad", " \u{a0}v\t"),
            ("Content-Length", " 3 "),
        ];
        let url = "https://h.example:8443/a%20b/c?z=1&a=%2F&k";
        let c = AkSk {
            project_id: Some("p1".into()),
            security_token: Some("sts".into()),
            ..creds()
        };
        let now = Duration::from_secs(1_764_000_000);
        let parts =
            sign_parts("put", url, &headers, b"abc", &c, Algorithm::HmacSha256, now).unwrap();
        let mut req = request("put", url, &headers, "abc");
        let sig = sign(&mut req, &c, Algorithm::HmacSha256, now).unwrap();
        let on_request: Vec<(String, String)> = req
            .headers()
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_str().unwrap_or("?").to_owned()))
            .collect();
        assert_eq!(parts.headers, on_request);
        assert_eq!(parts.url, req.uri().to_string());
        assert_eq!(parts.url, "https://h.example:8443/a%20b/c?a=%2F&k=&z=1");
        assert_eq!(parts.authorization, sig.authorization);
        let sent: Vec<(&str, &str)> = parts
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        assert_eq!(
            sent[..6],
            [
                ("content-type", "text/plain"),
                ("x-project-id", "p1"),
                ("x-pad", "v"),
                ("content-length", " 3 "),
                ("x-security-token", "sts"),
                ("x-sdk-content-sha256", "UNSIGNED-PAYLOAD"),
            ]
        );
        assert!(sig.canonical_request.starts_with(
            "PUT\n/a%20b/c/\na=%2F&k=&z=1\ncontent-type:text/plain\nhost:h.example:8443\nx-pad:v\n"
        ));
        assert!(sig.canonical_request.ends_with("\nUNSIGNED-PAYLOAD"));
        assert!(
            sig.string_to_sign.contains("\n20251124T160000Z\n"),
            "{}",
            sig.string_to_sign
        );
    }

    /// More headers than the stack array holds take the heap path, with the same result.
    #[test]
    fn many_headers_spill_to_the_heap() {
        let headers: Vec<(String, String)> = (0..INLINE_HEADERS + 6)
            .rev()
            .map(|i| (format!("X-H{i:02}"), format!(" {i} ")))
            .collect();
        let refs: Vec<(&str, &str)> = headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        let parts = sign_parts(
            "GET",
            "https://h/x",
            &headers,
            b"",
            &creds(),
            Algorithm::HmacSha256,
            Duration::ZERO,
        )
        .unwrap();
        let mut req = request("GET", "https://h/x", &refs, "");
        let sig = sign(&mut req, &creds(), Algorithm::HmacSha256, Duration::ZERO).unwrap();
        assert_eq!(parts.authorization, sig.authorization);
        assert_eq!(parts.headers.len(), INLINE_HEADERS + 6 + 3);
        assert!(sig.canonical_request.contains("\nx-h00:0\nx-h01:1\n"));
        assert!(sig
            .authorization
            .contains("SignedHeaders=host;x-h00;x-h01;"));
    }

    #[test]
    fn query_is_sent_in_canonical_order_and_values_trimmed() {
        let mut req = request(
            "get",
            "http://h.example:8080/v2/p/x?b=2&a=%E4%B8%80%20(1)&a=0&flag",
            &[("X-Custom", "  spaced   value  ")],
            "",
        );
        let sig = sign(
            &mut req,
            &creds(),
            Algorithm::HmacSha256,
            Duration::from_secs(1_591_583_940),
        )
        .unwrap();
        assert_eq!(
            req.uri(),
            "http://h.example:8080/v2/p/x?a=0&a=%E4%B8%80%20%281%29&b=2&flag="
        );
        assert_eq!(req.headers()["x-custom"], "spaced   value");
        assert_eq!(req.headers()["host"], "h.example:8080");
        assert_eq!(req.headers()["x-sdk-date"], "20200608T023900Z");
        assert!(sig
            .canonical_request
            .starts_with("GET\n/v2/p/x/\na=0&a=%E4%B8%80%20%281%29&b=2&flag=\n"));
    }
}
