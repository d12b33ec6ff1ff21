//! The mining pool's request signing (seed 003): a fresh HS256 JWT in `Authorization` and an
//! HMAC-SHA256-signed body envelope.
//!
//! Decision on `at` (reference notes_000_001_003 §4.1.2): chainkit sends integer Unix seconds.
//! The seed's sample sends `Date.now()/1000`, a float whose JS text drops trailing zeros; an
//! integer has one text in every language, and the signed text is exactly the text sent.

use std::time::Duration;

use hmac::{Hmac, KeyInit, Mac};
use serde::Serialize;
use serde_json::Value;
use sha2::Sha256;

use crate::auth::jwt::Hs256Key;
use crate::error::{Error, ErrorKind, Result};
use crate::executor::{AttemptContext, Authorizer};
use crate::runtime::{OsRandom, Random};
use crate::secret::Secret;
use crate::transport::Request;

/// Token lifetime when none is given (seed 003 sample: 180 s).
pub const DEFAULT_TTL: Duration = Duration::from_secs(180);

/// The smallest `rnd` with the 8 digits the seed requires.
pub const MIN_RND: u64 = 10_000_000;

/// Credentials issued by the pool's authority (授权处).
#[derive(Clone, Debug)]
pub struct PoolCredentials {
    /// `clientId`, carried in the JWT.
    pub client_id: String,
    /// Keys both the JWT and the body HMAC.
    pub secret_key: Secret,
    /// Appended to the signed text, never sent.
    pub secret_salt: Secret,
}

/// One signed call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedCall {
    /// The bare JWT for the `Authorization` header (no `Bearer`).
    pub authorization: String,
    /// The JSON text to POST: `{action, at, data, signNonce, sign}`.
    pub body: String,
    /// `sign`, also inside `body`.
    pub sign: String,
}

#[derive(Serialize)]
struct Claims<'a> {
    #[serde(rename = "clientId")]
    client_id: &'a str,
    rnd: u64,
    exp: u64,
    iat: u64,
}

/// Signs pool calls with one set of credentials, checked and keyed once by [`Signer::new`]:
/// the body HMAC starts from the key's inner and outer pad states, and the JWT key is already
/// in jsonwebtoken's form (jsonwebtoken's provider still keys its own HMAC per token).
#[derive(Clone)]
pub struct Signer {
    credentials: PoolCredentials,
    mac: Hmac<Sha256>,
    jwt_key: Hs256Key,
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("client_id", &self.credentials.client_id)
            .finish_non_exhaustive()
    }
}

impl Signer {
    /// Checks and keys `credentials`: `clientId`, `secretKey` and `secretSalt` are required.
    pub fn new(credentials: PoolCredentials) -> Result<Self> {
        if credentials.client_id.is_empty()
            || credentials.secret_key.is_empty()
            || credentials.secret_salt.is_empty()
        {
            return Err(Error::invalid_input(
                "pool clientId, secretKey and secretSalt are required",
            ));
        }
        let key = credentials.secret_key.expose().as_bytes();
        let mac = Hmac::new_from_slice(key)
            .map_err(|_| Error::new(ErrorKind::Signing, "HMAC key rejected"))?;
        let jwt_key = Hs256Key::new(key);
        Ok(Self {
            credentials,
            mac,
            jwt_key,
        })
    }

    /// The credentials this signer keys.
    pub fn credentials(&self) -> &PoolCredentials {
        &self.credentials
    }

    /// Signs `action` with parameters `params` at `now`, with JWT nonce `rnd` (≥ 8 digits),
    /// body nonce `sign_nonce` and token lifetime `ttl`. `data` is the compact JSON text of
    /// `params` (`"{}"` for none); it is signed and sent as that exact string.
    pub fn sign(
        &self,
        action: &str,
        params: &Value,
        now: Duration,
        rnd: u64,
        sign_nonce: &str,
        ttl: Duration,
    ) -> Result<SignedCall> {
        if !params.is_object() {
            return Err(Error::invalid_input("the parameters must be a JSON object"));
        }
        self.sign_data(action, &params.to_string(), now, rnd, sign_nonce, ttl)
    }

    /// [`Signer::sign`] with `data` given as JSON text, which is signed and sent byte for byte.
    pub fn sign_data(
        &self,
        action: &str,
        data: &str,
        now: Duration,
        rnd: u64,
        sign_nonce: &str,
        ttl: Duration,
    ) -> Result<SignedCall> {
        if action.is_empty() || sign_nonce.is_empty() {
            return Err(Error::invalid_input(
                "action and signNonce must not be empty",
            ));
        }
        if rnd < MIN_RND {
            return Err(Error::invalid_input("rnd must have at least 8 digits"));
        }
        // Checked without building a Value: an object's text starts with `{` once trimmed.
        let is_object = data.trim_start().starts_with('{')
            && serde_json::from_str::<serde::de::IgnoredAny>(data).is_ok();
        if !is_object {
            return Err(Error::invalid_input(
                "data must be the JSON text of an object",
            ));
        }
        let at = now.as_secs();
        let sign = self.body_signature(action, itoa::Buffer::new().format(at), data, sign_nonce);
        let authorization = self.jwt_key.sign(&Claims {
            client_id: &self.credentials.client_id,
            rnd,
            exp: at.saturating_add(ttl.as_secs()),
            iat: at,
        })?;
        Ok(SignedCall {
            authorization,
            body: envelope(action, at, data, &sign, sign_nonce)?,
            sign,
        })
    }

    /// [`Signer::sign_data`] with fresh `rnd` and `signNonce` drawn from `random`, as every
    /// request needs.
    pub fn sign_fresh(
        &self,
        action: &str,
        data: &str,
        now: Duration,
        random: &dyn Random,
        ttl: Duration,
    ) -> Result<SignedCall> {
        let rnd = NONCE_LOW + random.next_u64() % NONCE_SPAN;
        let sign_nonce = (NONCE_LOW + random.next_u64() % NONCE_SPAN).to_string();
        self.sign_data(action, data, now, rnd, &sign_nonce, ttl)
    }

    /// [`Signer::sign_fresh`] with the OS CSPRNG, both nonces from one `getrandom` call: a
    /// call costs a syscall (~0.4 µs here), a tenth of a Python `sign_pool`.
    pub fn sign_os_random(
        &self,
        action: &str,
        data: &str,
        now: Duration,
        ttl: Duration,
    ) -> Result<SignedCall> {
        let mut bytes = [0u8; 16];
        if getrandom::getrandom(&mut bytes).is_err() {
            // OsRandom's own fallback, one value at a time.
            return self.sign_fresh(action, data, now, &OsRandom, ttl);
        }
        let (first, second) = bytes.split_at(8);
        let draw = |half: &[u8]| {
            let mut word = [0u8; 8];
            word.copy_from_slice(half);
            NONCE_LOW + u64::from_le_bytes(word) % NONCE_SPAN
        };
        let sign_nonce = draw(second).to_string();
        self.sign_data(action, data, now, draw(first), &sign_nonce, ttl)
    }

    /// `hex(HMAC-SHA256(secretKey, action + at + data + signNonce + secretSalt))` (seed 003
    /// §签名), `at` as the text sent.
    pub fn body_signature(
        &self,
        action: &str,
        at_text: &str,
        data: &str,
        sign_nonce: &str,
    ) -> String {
        let mut mac = self.mac.clone();
        for part in [
            action,
            at_text,
            data,
            sign_nonce,
            self.credentials.secret_salt.expose(),
        ] {
            mac.update(part.as_bytes());
        }
        crate::auth::lower_hex(&mac.finalize().into_bytes())
    }
}

/// Signs every attempt afresh: a new JWT (new `rnd`), `at` and `signNonce` each time, as the
/// seed's sample does per request, so a retry is never rejected as a replay.
///
/// `rnd` and `signNonce` are unique per authorizer: each starts at a random point of the seed's
/// range and counts up, wrapping within it. Drawn at random, 9×10⁹ values gave a client about one
/// false `repeated (clientId, rnd)` in 20,000 requests at 1,000 requests/s (issue 17). Should
/// the service still answer that (another process with the same clientId), the attempt is signed
/// afresh and repeated once ([`Authorizer::drop_stale`]): the rejection proves no work was done.
///
/// The unsigned request's body is `{"action": "...", "data": {params}}` (or `data` already a
/// JSON string, signed as given); it becomes `{action, at, data, signNonce, sign}`.
#[derive(Debug)]
pub struct PoolAuthorizer {
    signer: Signer,
    ttl: Duration,
    /// Where the two counters start, drawn from the injected randomness on first use.
    starts: std::sync::OnceLock<(u64, u64)>,
    /// Nonces handed out so far.
    count: std::sync::atomic::AtomicU64,
}

impl PoolAuthorizer {
    /// An authorizer signing with `signer`, tokens valid for `ttl`.
    pub fn new(signer: Signer, ttl: Duration) -> Self {
        Self {
            signer,
            ttl,
            starts: std::sync::OnceLock::new(),
            count: std::sync::atomic::AtomicU64::new(0),
        }
    }

    /// The next `(rnd, signNonce)`: distinct from every earlier pair until the range wraps.
    fn next_nonces(&self, random: &dyn Random) -> (u64, u64) {
        let (rnd0, nonce0) = *self.starts.get_or_init(|| {
            (
                random.next_u64() % NONCE_SPAN,
                random.next_u64() % NONCE_SPAN,
            )
        });
        let n = self
            .count
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            % NONCE_SPAN;
        let at = |start: u64| NONCE_LOW + (start + n) % NONCE_SPAN;
        (at(rnd0), at(nonce0))
    }
}

/// The message of the pool's rejection of a reused `rnd` (5020, the sandbox's wording; the seed
/// gives the code only).
pub const REPEATED_RND: &str = "repeated (clientId, rnd)";

/// Whether `error` is the pool rejecting a reused `(clientId, rnd)`: nothing was done.
pub fn is_replay_rejection(error: &Error) -> bool {
    error.code() == Some("5020") && error.message().contains(REPEATED_RND)
}

/// The body text `{"action","at","data","sign","signNonce"}` (key order, as a
/// `serde_json::Value` object writes it). Written by hand around serde_json's string escaping
/// because `sign` is hex and needs none: scanning it byte by byte was ~7% of a call.
fn envelope(action: &str, at: u64, data: &str, sign: &str, sign_nonce: &str) -> Result<String> {
    let failed = |e: serde_json::Error| {
        Error::new(ErrorKind::Signing, format!("cannot write the body: {e}"))
    };
    // Sized for the keys, quotes, digits and data's escapes, so it is written in one go.
    let mut body = Vec::with_capacity(action.len() + data.len() * 5 / 4 + sign.len() + 96);
    body.extend_from_slice(br#"{"action":"#);
    serde_json::to_writer(&mut body, action).map_err(failed)?;
    body.extend_from_slice(br#","at":"#);
    body.extend_from_slice(itoa::Buffer::new().format(at).as_bytes());
    body.extend_from_slice(br#","data":"#);
    serde_json::to_writer(&mut body, data).map_err(failed)?;
    body.extend_from_slice(br#","sign":""#);
    body.extend_from_slice(sign.as_bytes());
    body.extend_from_slice(br#"","signNonce":"#);
    serde_json::to_writer(&mut body, sign_nonce).map_err(failed)?;
    body.push(b'}');
    String::from_utf8(body).map_err(|_| Error::new(ErrorKind::Signing, "the body is not UTF-8"))
}

/// `rnd` and `signNonce` span the seed sample's range, `_.random(1000000000, 9999999999)`:
/// 10 digits, and below 2^53 so a JS server reads `rnd` exactly.
const NONCE_LOW: u64 = 1_000_000_000;
const NONCE_SPAN: u64 = 9_000_000_000;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Unsigned {
    action: String,
    #[serde(default)]
    data: Option<Value>,
}

#[cfg_attr(not(target_arch = "wasm32"), async_trait::async_trait)]
#[cfg_attr(target_arch = "wasm32", async_trait::async_trait(?Send))]
impl Authorizer for PoolAuthorizer {
    async fn authorize(&self, request: &mut Request, ctx: &AttemptContext<'_>) -> Result<()> {
        let unsigned: Unsigned = serde_json::from_slice(request.body()).map_err(|e| {
            Error::invalid_input(format!(
                "a pool request body must be {{\"action\": \"…\", \"data\": {{…}}}}: {e}"
            ))
        })?;
        // Parameterless actions send "{}" (reference notes_000_001_003 §4.1.1).
        let data = match unsigned.data {
            None | Some(Value::Null) => "{}".to_owned(),
            Some(Value::String(text)) => text,
            Some(v) => v.to_string(),
        };
        let (rnd, nonce) = self.next_nonces(ctx.random);
        let call = self.signer.sign_data(
            &unsigned.action,
            &data,
            ctx.now,
            rnd,
            itoa::Buffer::new().format(nonce),
            self.ttl,
        )?;
        let mut token = http::HeaderValue::from_str(&call.authorization)
            .map_err(|_| Error::new(ErrorKind::Signing, "the JWT is not a header value"))?;
        token.set_sensitive(true);
        let headers = request.headers_mut();
        headers.insert(http::header::AUTHORIZATION, token);
        headers.insert(
            http::header::CONTENT_TYPE,
            http::HeaderValue::from_static("application/json"),
        );
        *request.body_mut() = call.body.into_bytes();
        Ok(())
    }

    fn secrets(&self) -> Vec<Secret> {
        let c = self.signer.credentials();
        vec![c.secret_key.clone(), c.secret_salt.clone()]
    }

    fn drop_stale(&self, error: &Error, _credential: u64) -> bool {
        // Every attempt is signed with fresh nonces anyway: repeating it is all there is to do.
        is_replay_rejection(error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::auth::jwt::verify_hs256;
    use serde_json::json;

    fn creds() -> PoolCredentials {
        PoolCredentials {
            client_id: "client-1".into(),
            secret_key: "test-secret-key".into(),
            secret_salt: "test-secret-salt".into(),
        }
    }

    fn signer() -> Signer {
        Signer::new(creds()).unwrap()
    }

    /// The vectors in reference notes_000_001_003 §4.1, computed there with Node crypto.
    #[test]
    fn reference_sign_vectors() {
        let data = r#"{"account":"alice"}"#;
        let s =
            signer().body_signature("Account.GetBindInfo", "1585012345.678", data, "1234567890");
        assert_eq!(
            s,
            "bd59f24ba6055eeabd0df54a09d7cba43660820d897316308410084019e0051f"
        );
        let call = signer()
            .sign(
                "Account.GetBindInfo",
                &json!({"account": "alice"}),
                Duration::from_secs(1_585_012_345),
                1_234_567_890,
                "1234567890",
                DEFAULT_TTL,
            )
            .unwrap();
        assert_eq!(
            call.sign,
            "4d01a29231ec27a59da32efa5999057fc69fffdd9f531614e10c098c006126af"
        );
        assert_eq!(
            call.body,
            format!(
                r#"{{"action":"Account.GetBindInfo","at":1585012345,"data":{},"sign":"{}","signNonce":"1234567890"}}"#,
                Value::from(data),
                call.sign
            )
        );
        let claims: Value = verify_hs256(&call.authorization, b"test-secret-key", false).unwrap();
        assert_eq!(
            claims,
            json!({"clientId": "client-1", "rnd": 1_234_567_890u64, "exp": 1_585_012_525u64, "iat": 1_585_012_345u64})
        );
        assert!(verify_hs256::<Value>(&call.authorization, b"wrong", false).is_err());
    }

    #[test]
    fn os_random_nonces_are_in_the_seed_range_and_signed() {
        let now = Duration::from_secs(1_585_012_345);
        let a = signer()
            .sign_os_random("A.B", "{}", now, DEFAULT_TTL)
            .unwrap();
        let b = signer()
            .sign_os_random("A.B", "{}", now, DEFAULT_TTL)
            .unwrap();
        let body = |call: &SignedCall| serde_json::from_str::<Value>(&call.body).unwrap();
        assert_ne!(body(&a)["signNonce"], body(&b)["signNonce"]);
        for call in [a, b] {
            let body = body(&call);
            let nonce = body["signNonce"].as_str().unwrap();
            assert!((NONCE_LOW..NONCE_LOW + NONCE_SPAN).contains(&nonce.parse().unwrap()));
            let expected = signer().body_signature("A.B", "1585012345", "{}", nonce);
            assert_eq!(call.sign, expected);
            let claims: Value =
                verify_hs256(&call.authorization, b"test-secret-key", false).unwrap();
            let rnd = claims["rnd"].as_u64().unwrap();
            assert!((NONCE_LOW..NONCE_LOW + NONCE_SPAN).contains(&rnd));
        }
    }

    #[test]
    fn bad_input_is_a_typed_error() {
        let now = Duration::from_secs(1);
        for (action, params, rnd, nonce) in [
            ("A", json!({}), 9_999_999, "n"),
            ("", json!({}), MIN_RND, "n"),
            ("A", json!({}), MIN_RND, ""),
            ("A", json!([1]), MIN_RND, "n"),
        ] {
            let err = signer()
                .sign(action, &params, now, rnd, nonce, DEFAULT_TTL)
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        }
        for data in ["", "[]", "{", r#"{"a":1} x"#, " 1"] {
            let err = signer()
                .sign_data("A", data, now, MIN_RND, "n", DEFAULT_TTL)
                .unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput, "{data:?}");
        }
        let empty = Secret::new("");
        for c in [
            PoolCredentials {
                client_id: String::new(),
                ..creds()
            },
            PoolCredentials {
                secret_key: empty.clone(),
                ..creds()
            },
            PoolCredentials {
                secret_salt: empty,
                ..creds()
            },
        ] {
            let err = Signer::new(c).unwrap_err();
            assert_eq!(err.kind(), ErrorKind::InvalidInput);
        }
    }

    #[tokio::test]
    async fn a_clients_nonces_are_unique_and_in_the_seed_range() {
        use crate::executor::AttemptContext;
        let auth = PoolAuthorizer::new(signer(), DEFAULT_TTL);
        // Start near the top of the range, to see the counters wrap inside it.
        let random = crate::runtime::SeqRandom::new(NONCE_SPAN - 2, 1);
        let ctx = AttemptContext {
            now: Duration::from_secs(1_585_012_345),
            attempt: 1,
            random: &random,
            credential: &std::sync::atomic::AtomicU64::new(0),
        };
        let (mut rnds, mut nonces) = (std::collections::HashSet::new(), Vec::new());
        for _ in 0..5000 {
            let mut request: Request = http::Request::new(br#"{"action":"A.B"}"#.to_vec());
            auth.authorize(&mut request, &ctx).await.unwrap();
            let token = request.headers()["authorization"].to_str().unwrap();
            let claims: Value = verify_hs256(token, b"test-secret-key", false).unwrap();
            let rnd = claims["rnd"].as_u64().unwrap();
            let body: Value = serde_json::from_slice(request.body()).unwrap();
            let nonce: u64 = body["signNonce"].as_str().unwrap().parse().unwrap();
            for v in [rnd, nonce] {
                assert!((NONCE_LOW..NONCE_LOW + NONCE_SPAN).contains(&v), "{v}");
            }
            assert!(rnds.insert(rnd), "rnd {rnd} repeated");
            nonces.push(nonce);
        }
        nonces.sort_unstable();
        nonces.dedup();
        assert_eq!(nonces.len(), 5000);
        assert!(rnds.contains(&NONCE_LOW), "wrapped within the range");
    }

    #[test]
    fn only_the_replay_rejection_asks_for_a_fresh_signature() {
        let auth = PoolAuthorizer::new(signer(), DEFAULT_TTL);
        let replay = Error::new(ErrorKind::Api, REPEATED_RND).with_code("5020");
        assert!(auth.drop_stale(&replay, 0));
        let sign = Error::new(ErrorKind::Api, "sign mismatch").with_code("5020");
        assert!(!auth.drop_stale(&sign, 0));
    }

    #[test]
    fn the_debug_text_hides_the_keys() {
        let text = format!("{:?}", signer());
        assert!(text.contains("client-1"), "{text}");
        assert!(!text.contains("test-secret"), "{text}");
    }
}
