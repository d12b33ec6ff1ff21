//! BID addresses (reference/bif-spec.md §2, §5, §6), written here from the spec so the sandbox
//! checks SDK output against an independent implementation.

use sha2::{Digest, Sha256};

/// BIF's Base58 alphabet: Bitcoin's with `b`/`B` and `u`/`U` swapped (bif-spec §2).
const ALPHABET: bs58::Alphabet =
    bs58::Alphabet::new_unwrap(b"123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz");

/// Base58 (BIF alphabet, no checksum) of `bytes`.
pub fn base58(bytes: &[u8]) -> String {
    bs58::encode(bytes).with_alphabet(&ALPHABET).into_string()
}

/// `did:bid:` + key letter + `f` + Base58 of the last 22 bytes of the key hash (bif-spec §6).
pub fn address(key_letter: char, digest: &[u8; 32]) -> String {
    format!("did:bid:{key_letter}f{}", base58(&digest[10..]))
}

/// The address of an Ed25519 public key: SHA-256 over the 32 raw bytes.
pub fn ed25519_address(raw: &[u8; 32]) -> String {
    address('e', &Sha256::digest(raw).into())
}

/// The address of an SM2 public key: SM3 over the 65-byte `04‖X‖Y` point.
pub fn sm2_address(raw: &[u8]) -> String {
    use sm3::Digest as _;
    address('z', &sm3::Sm3::digest(raw).into())
}

/// A main-chain BID: `did:bid:` + `ef`/`zf` + Base58 (strict alphabet) of exactly 22 bytes
/// (bif-spec §6). DNA runs on the main chain, so the chain-code form is not accepted.
pub fn is_valid(bid: &str) -> bool {
    let Some(body) = bid
        .strip_prefix("did:bid:ef")
        .or_else(|| bid.strip_prefix("did:bid:zf"))
    else {
        return false;
    };
    matches!(
        bs58::decode(body).with_alphabet(&ALPHABET).into_vec(),
        Ok(bytes) if bytes.len() == 22
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seed §3.3.2 createAddress: encPublicKey → encAddress (notes_002 TV5).
    #[test]
    fn seed_public_key_gives_seed_address() {
        let public =
            hex::decode("8a006b9f68a9ac94f042161f3f0353ccfab47fa9199b8f1889b7d7659d875aa2")
                .unwrap();
        let raw: [u8; 32] = public.try_into().unwrap();
        assert_eq!(
            ed25519_address(&raw),
            "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"
        );
    }

    #[test]
    fn validity() {
        assert!(is_valid("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"));
        // 39 characters with a leading-zero byte: still 22 bytes (seed §3.3.3 receiver).
        assert!(is_valid("did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7"));
        assert!(
            !is_valid("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2U0"),
            "0 is outside"
        );
        assert!(
            !is_valid("did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2"),
            "too few bytes"
        );
        assert!(!is_valid("bid:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"));
        assert!(!is_valid("did:bid:ljcp:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"));
    }
}
