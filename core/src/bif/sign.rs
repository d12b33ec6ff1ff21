//! Signatures over raw bytes (for transactions: the raw serialization, bif-spec §10).
//!
//! Ed25519 is RFC 8032, deterministic. SM2 is GB/T 32918 with SM3 and the standard user ID
//! `1234567812345678` in Z_A (bif-spec §8), output as fixed 32-byte big-endian `r‖s` — never the
//! Go/Java short-r/s layouts. Our SM2 `k` is deterministic (RFC 6979 HMAC-DRBG over SM3, as the
//! RustCrypto `sm2` crate does it), so signing needs no randomness and one key + message gives one
//! signature on every platform; [`sign_sm2_with_k`] takes an explicit `k` for byte-exact vectors.

use sha2::{Digest, Sha256};
use sm2::dsa::signature::{Signer as _, Verifier};
use sm2::elliptic_curve::ops::Reduce;
use sm2::elliptic_curve::point::AffineCoordinates;
use sm2::elliptic_curve::PrimeField;
use sm2::{FieldBytes, ProjectivePoint, Scalar};
use sm3::Sm3;

use super::key::{KeyType, PrivateKey, PublicKey, Signer as KeySigner};
use crate::error::{Error, Result};

/// The SM2 user ID every BIF SDK uses (Go `SignToRS(…, "1234567812345678", …)`, bif-spec §8).
pub const SM2_USER_ID: &str = "1234567812345678";

/// Length of every signature: Ed25519's 64 bytes, or SM2 `r‖s` 32 + 32.
pub const SIGNATURE_LEN: usize = 64;

/// The SM2 secret scalar for 32 raw bytes, checking 1 ≤ d ≤ n−2.
pub(super) fn sm2_secret(raw: &[u8; 32]) -> Result<sm2::SecretKey> {
    let bad = || Error::invalid_input("private key: an SM2 scalar must satisfy 1 ≤ d ≤ n−2");
    let secret = sm2::SecretKey::from_bytes(&FieldBytes::from(*raw)).map_err(|_| bad())?;
    let d: Scalar = *secret.to_nonzero_scalar();
    if bool::from((d + Scalar::ONE).is_zero()) {
        return Err(bad());
    }
    Ok(secret)
}

/// Checks a raw public key: an Ed25519 point that decompresses, or an uncompressed SM2 point
/// on the curve (compressed SM2 keys never occur in BIF, bif-spec §5).
pub(super) fn check_public(key_type: KeyType, raw: &[u8]) -> Result<()> {
    let ok = match key_type {
        KeyType::Ed25519 => <[u8; 32]>::try_from(raw)
            .ok()
            .is_some_and(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).is_ok()),
        KeyType::Sm2 => raw.first() == Some(&0x04) && sm2::PublicKey::from_sec1_bytes(raw).is_ok(),
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "encPublicKey: not a valid {key_type} public key point"
        )))
    }
}

/// Signs `message` (raw bytes). Ed25519 and SM2 are both deterministic here.
pub fn sign(key: &PrivateKey, message: &[u8]) -> Result<[u8; SIGNATURE_LEN]> {
    match key.signer() {
        KeySigner::Ed25519(signing) => {
            Ok(ed25519_dalek::Signer::sign(signing.as_ref(), message).to_bytes())
        }
        KeySigner::Sm2(signing) => {
            // Fails only when RFC 6979's first k gives r = 0, r + k = n or s = 0 (≈ 2⁻²⁵⁶).
            let sig: sm2::dsa::Signature = signing
                .try_sign(message)
                .map_err(|_| Error::new(crate::ErrorKind::Signing, "SM2 signing failed"))?;
            Ok(sig.to_bytes().into())
        }
    }
}

/// SM2 signature with the caller's `k` (32 bytes big-endian, 1 ≤ k ≤ n−1), for byte-exact
/// vectors and for callers who must use their own nonce source. Reuse of `k` reveals the key.
pub fn sign_sm2_with_k(key: &PrivateKey, message: &[u8], k: &[u8]) -> Result<[u8; SIGNATURE_LEN]> {
    if key.key_type() != KeyType::Sm2 {
        return Err(Error::invalid_input("sm2_k: only SM2 signatures take a k"));
    }
    let k: [u8; 32] = k
        .try_into()
        .map_err(|_| Error::invalid_input("sm2_k: must be 32 bytes"))?;
    let k = Option::<Scalar>::from(Scalar::from_repr(FieldBytes::from(k)))
        .filter(|k| !bool::from(k.is_zero()))
        .ok_or_else(|| Error::invalid_input("sm2_k: must satisfy 1 ≤ k ≤ n−1"))?;
    let secret = sm2_secret(key.raw())?;
    let d: Scalar = *secret.to_nonzero_scalar();
    // e = SM3(Z_A ‖ M), Z_A over ENTL ‖ ID ‖ a ‖ b ‖ G ‖ P (bif-spec §8 steps 1–2).
    let z = z_a(key.public_key_ref().raw());
    let e_bytes: [u8; 32] = Sm3::new()
        .chain_update(z)
        .chain_update(message)
        .finalize()
        .into();
    let e = <Scalar as Reduce<FieldBytes>>::reduce(&FieldBytes::from(e_bytes));
    let x1 = (ProjectivePoint::GENERATOR * k).to_affine().x();
    let r = e + <Scalar as Reduce<FieldBytes>>::reduce(&x1);
    let bad_k =
        || Error::invalid_input("sm2_k: this k gives r = 0, r + k = n or s = 0; pick another");
    if bool::from(r.is_zero()) || bool::from((r + k).is_zero()) {
        return Err(bad_k());
    }
    let inv = Option::<Scalar>::from((d + Scalar::ONE).invert()).ok_or_else(bad_k)?;
    let s = inv * (k - r * d);
    if bool::from(s.is_zero()) {
        return Err(bad_k());
    }
    let mut out = [0u8; SIGNATURE_LEN];
    out[..32].copy_from_slice(&r.to_repr());
    out[32..].copy_from_slice(&s.to_repr());
    Ok(out)
}

/// Z_A with [`SM2_USER_ID`], over the 65-byte `04‖X‖Y` key. Written out (not the crate's) so the
/// injected-k path is checked against the crate's verifier by an independent derivation.
fn z_a(public_raw: &[u8]) -> [u8; 32] {
    const A: &str = "FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF00000000FFFFFFFFFFFFFFFC";
    const B: &str = "28E9FA9E9D9F5E344D5A9E4BCF6509A7F39789F515AB8F92DDBCBD414D940E93";
    const GX: &str = "32C4AE2C1F1981195F9904466A39C9948FE30BBFF2660BE1715A4589334C74C7";
    const GY: &str = "BC3736A2F4F6779C59BDCEE36B692153D0A9877CC62A474002DF32E52139F0A0";
    let mut h = Sm3::new();
    h.update(((SM2_USER_ID.len() * 8) as u16).to_be_bytes());
    h.update(SM2_USER_ID.as_bytes());
    for c in [A, B, GX, GY] {
        h.update(hex::decode(c).unwrap_or_default());
    }
    h.update(public_raw.get(1..).unwrap_or_default());
    h.finalize().into()
}

/// Verifies a 64-byte signature over `message`. A signature of the wrong length is an error; a
/// well-formed signature that does not match is `Ok(false)`.
pub fn verify(key: &PublicKey, message: &[u8], signature: &[u8]) -> Result<bool> {
    let sig: [u8; SIGNATURE_LEN] = signature.try_into().map_err(|_| {
        Error::invalid_input(format!(
            "signData: must be {SIGNATURE_LEN} bytes ({} hex characters), got {} bytes",
            SIGNATURE_LEN * 2,
            signature.len()
        ))
    })?;
    match key.key_type() {
        KeyType::Ed25519 => {
            let raw: [u8; 32] = key
                .raw()
                .try_into()
                .map_err(|_| Error::invalid_input("encPublicKey: bad ed25519 key"))?;
            let vk = ed25519_dalek::VerifyingKey::from_bytes(&raw)
                .map_err(|_| Error::invalid_input("encPublicKey: bad ed25519 key"))?;
            Ok(vk
                .verify(message, &ed25519_dalek::Signature::from_bytes(&sig))
                .is_ok())
        }
        KeyType::Sm2 => {
            let vk = sm2::dsa::VerifyingKey::from_sec1_bytes(SM2_USER_ID, key.raw())
                .map_err(|_| Error::invalid_input("encPublicKey: bad sm2 key"))?;
            // r or s of 0 or ≥ n cannot verify: a mismatch, not malformed input.
            let Ok(sig) = sm2::dsa::Signature::from_slice(&sig) else {
                return Ok(false);
            };
            Ok(vk.verify(message, &sig).is_ok())
        }
    }
}

/// Transaction hash: lower-case hex SHA-256 of the raw serialization (bif-spec §10).
pub fn tx_hash(serialization: &[u8]) -> String {
    hex::encode(Sha256::digest(serialization))
}
