//! JWT HS256 through `jsonwebtoken`, with a crypto provider that links only HMAC-SHA256.
//!
//! jsonwebtoken's `rust_crypto` backend pulls RSA, ECDSA and EdDSA into every build (about
//! 0.5 MB of wasm); its `CryptoProvider` hook lets us supply HS256 alone. The provider is
//! process-wide: chainkit installs it on first use unless the application installed one first
//! (an application that needs other algorithms installs its own provider before calling chainkit).
//! Tokens are jsonwebtoken's `crypto::sign` over jsonwebtoken's own header, encoded once; a
//! test holds them equal to what `jsonwebtoken::encode` makes.

use std::sync::{Once, OnceLock};

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;

use hmac::{KeyInit, Mac, SimpleHmac};
use jsonwebtoken::crypto::{CryptoProvider, JwtSigner, JwtVerifier, KeyUtils};
use jsonwebtoken::errors::ErrorKind as JwtErrorKind;
use jsonwebtoken::{Algorithm, DecodingKey, DecodingKeyKind, EncodingKey, Header};
use serde::Serialize;
use sha2::Sha256;

use crate::error::{Error, ErrorKind, Result};

struct Hs256(SimpleHmac<Sha256>);

impl Hs256 {
    fn new(key: &[u8]) -> jsonwebtoken::errors::Result<Self> {
        SimpleHmac::new_from_slice(key)
            .map(Self)
            .map_err(|_| JwtErrorKind::InvalidKeyFormat.into())
    }

    fn mac(&self, msg: &[u8]) -> Vec<u8> {
        let mut mac = self.0.clone();
        mac.update(msg);
        mac.finalize().into_bytes().to_vec()
    }
}

impl signature::Signer<Vec<u8>> for Hs256 {
    fn try_sign(&self, msg: &[u8]) -> std::result::Result<Vec<u8>, signature::Error> {
        Ok(self.mac(msg))
    }
}

impl signature::Verifier<Vec<u8>> for Hs256 {
    fn verify(&self, msg: &[u8], signature: &Vec<u8>) -> std::result::Result<(), signature::Error> {
        let mut mac = self.0.clone();
        mac.update(msg);
        mac.verify_slice(signature)
            .map_err(|_| signature::Error::new())
    }
}

impl JwtSigner for Hs256 {
    fn algorithm(&self) -> Algorithm {
        Algorithm::HS256
    }
}

impl JwtVerifier for Hs256 {
    fn algorithm(&self) -> Algorithm {
        Algorithm::HS256
    }
}

static HS256_ONLY: CryptoProvider = CryptoProvider {
    signer_factory: |alg, key: &EncodingKey| match alg {
        Algorithm::HS256 => Ok(Box::new(Hs256::new(key.as_bytes())?)),
        _ => Err(JwtErrorKind::InvalidAlgorithm.into()),
    },
    verifier_factory: |alg, key: &DecodingKey| match (alg, key.kind()) {
        (Algorithm::HS256, DecodingKeyKind::SecretOrDer(secret)) => {
            Ok(Box::new(Hs256::new(secret)?))
        }
        _ => Err(JwtErrorKind::InvalidAlgorithm.into()),
    },
    key_utils: KeyUtils::new_unimplemented(),
};

fn ensure_provider() {
    static INSTALL: Once = Once::new();
    INSTALL.call_once(|| {
        // Err means the application installed its own provider first; that one is used.
        let _ = HS256_ONLY.install_default();
    });
}

/// An HS256 signing key, copied into jsonwebtoken's form once for every token it signs.
#[derive(Clone)]
pub struct Hs256Key(EncodingKey);

/// `base64url(JSON(Header::new(HS256)))`: jsonwebtoken's own header, encoded once. It is the
/// same in every token, and `encode` re-serializes it each time as a map (for its flattened
/// extras): ~13% of a pool call.
fn header_part() -> &'static str {
    static PART: OnceLock<String> = OnceLock::new();
    PART.get_or_init(|| {
        // A struct of strings and options always serializes.
        let json = serde_json::to_vec(&Header::new(Algorithm::HS256)).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    })
}

impl Hs256Key {
    /// The key `secret`.
    pub fn new(secret: &[u8]) -> Self {
        Self(EncodingKey::from_secret(secret))
    }

    /// Signs `claims` as a compact HS256 JWT: the token `jsonwebtoken::encode` makes (a test
    /// holds them equal), with the header encoded once and the parts written into one string.
    /// The MAC is still jsonwebtoken's `crypto::sign`, through the provider above.
    pub fn sign<T: Serialize>(&self, claims: &T) -> Result<String> {
        ensure_provider();
        let failed = |e: &dyn std::fmt::Display| {
            Error::new(ErrorKind::Signing, format!("cannot sign the JWT: {e}"))
        };
        let claims = serde_json::to_vec(claims).map_err(|e| failed(&e))?;
        let header = header_part();
        // header . claims . 43 characters of signature
        let mut token = String::with_capacity(header.len() + claims.len().div_ceil(3) * 4 + 45);
        token.push_str(header);
        token.push('.');
        URL_SAFE_NO_PAD.encode_string(&claims, &mut token);
        let signature = jsonwebtoken::crypto::sign(token.as_bytes(), &self.0, Algorithm::HS256)
            .map_err(|e| failed(&e))?;
        token.push('.');
        token.push_str(&signature);
        Ok(token)
    }
}

impl std::fmt::Debug for Hs256Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hs256Key(***)")
    }
}

/// Signs `claims` as a compact HS256 JWT keyed with `secret`.
pub fn sign_hs256<T: Serialize>(claims: &T, secret: &[u8]) -> Result<String> {
    Hs256Key::new(secret).sign(claims)
}

/// Verifies an HS256 `token` and returns its claims. `validate_exp` checks `exp` against the
/// real clock, so tests with a fixed clock turn it off.
pub fn verify_hs256<T: serde::de::DeserializeOwned>(
    token: &str,
    secret: &[u8],
    validate_exp: bool,
) -> Result<T> {
    ensure_provider();
    let mut validation = jsonwebtoken::Validation::new(Algorithm::HS256);
    validation.validate_exp = validate_exp;
    validation.required_spec_claims.clear();
    jsonwebtoken::decode::<T>(token, &DecodingKey::from_secret(secret), &validation)
        .map(|data| data.claims)
        .map_err(|e| Error::new(ErrorKind::Unauthorized, format!("invalid JWT: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_the_ones_jsonwebtoken_encode_makes() {
        ensure_provider();
        for (claims, secret) in [
            (serde_json::json!({}), &b"k"[..]),
            (
                serde_json::json!({"clientId": "c", "rnd": 12_345_678, "exp": 2, "iat": 1}),
                b"secret",
            ),
            (
                serde_json::json!({"sub": "用户", "pad": "a"}),
                b"\xff\x00 key",
            ),
            (serde_json::json!({"pad": "ab"}), &[7u8; 100][..]),
        ] {
            let ours = Hs256Key::new(secret).sign(&claims).unwrap();
            let theirs = jsonwebtoken::encode(
                &Header::new(Algorithm::HS256),
                &claims,
                &EncodingKey::from_secret(secret),
            )
            .unwrap();
            assert_eq!(ours, theirs);
            let back: serde_json::Value = verify_hs256(&ours, secret, false).unwrap();
            assert_eq!(back, claims);
        }
    }
}
