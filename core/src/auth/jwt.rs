//! JWT HS256 through `jsonwebtoken`, with a crypto provider that links only HMAC-SHA256.
//!
//! jsonwebtoken's `rust_crypto` backend pulls RSA, ECDSA and EdDSA into every build (about
//! 0.5 MB of wasm); its `CryptoProvider` hook lets us supply HS256 alone. The provider is
//! process-wide: chainkit installs it on first use unless the application installed one first
//! (an application that needs other algorithms installs its own provider before calling chainkit).

use std::sync::Once;

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

/// Signs `claims` as a compact HS256 JWT keyed with `secret`.
pub fn sign_hs256<T: Serialize>(claims: &T, secret: &[u8]) -> Result<String> {
    ensure_provider();
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .map_err(|e| Error::new(ErrorKind::Signing, format!("cannot sign the JWT: {e}")))
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
