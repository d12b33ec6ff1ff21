//! BID addresses `did:bid:[<chain code>:]{ef|zf}<Base58(22 bytes)>` (bif-spec §6, RFC-003).

use std::fmt;

use sha2::{Digest, Sha256};
use sm3::Sm3;

use super::base58;
use super::key::{KeyType, PublicKey};
use crate::error::{Error, Result};

/// A parsed BID address: key type, optional chain (AC) code and the 22-byte hash tail.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Address {
    key_type: KeyType,
    chain_code: Option<String>,
    payload: [u8; 22],
}

impl Address {
    /// The address of `key`: the last 22 bytes of SHA-256 (Ed25519) or SM3 (SM2) over the raw
    /// public key (for SM2 all 65 bytes, `04` included), bif-spec §6.
    pub fn of_public_key(key: &PublicKey) -> Self {
        let digest: [u8; 32] = match key.key_type() {
            KeyType::Ed25519 => Sha256::digest(key.raw()).into(),
            KeyType::Sm2 => Sm3::digest(key.raw()).into(),
        };
        let mut payload = [0u8; 22];
        payload.copy_from_slice(&digest[10..]);
        Self {
            key_type: key.key_type(),
            chain_code: None,
            payload,
        }
    }

    /// The same address on a sub-chain. The letter after the code stays the key type's (JS and
    /// BID-SDK-JAVA); Go/Java BIF-Core-SDK always write `ef` there, a bug (bif-spec §6).
    pub fn with_chain_code(mut self, code: &str) -> Result<Self> {
        check_chain_code(code)?;
        self.chain_code = Some(code.to_owned());
        Ok(self)
    }

    /// Parses and validates: `did:bid:` (3 parts) or `did:bid:<code>:` (4 parts), then `ef`/`zf`
    /// and Base58 of exactly 22 bytes, strict alphabet (Go/Java `encAddressValid`, bif-spec §6).
    /// The length is never assumed: leading zero bytes make the text shorter.
    pub fn parse(text: &str) -> Result<Self> {
        let bad = |why: &str| Error::invalid_input(format!("address {}: {why}", quoted(text)));
        // Longer than any address (`did:bid:`, a 16-character chain code and its colon, the
        // letters, 22 bytes of Base58): refused before any work that grows with the length.
        if text.len() > MAX_LEN {
            return Err(bad(&format!(
                "{} characters, longer than any address ({MAX_LEN})",
                text.len()
            )));
        }
        let parts: Vec<&str> = text.split(':').collect();
        let (chain_code, body) = match parts.as_slice() {
            ["did", "bid", body] => (None, *body),
            ["did", "bid", code, body] => {
                check_chain_code(code)
                    .map_err(|_| bad("the chain code must be ASCII letters or digits"))?;
                (Some((*code).to_owned()), *body)
            }
            [_, _, _] | [_, _, _, _] => return Err(bad("does not start with did:bid:")),
            _ => return Err(bad("expected did:bid:<id> or did:bid:<chain code>:<id>")),
        };
        let key_type = match body.get(..2) {
            Some("ef") => KeyType::Ed25519,
            Some("zf") => KeyType::Sm2,
            _ => return Err(bad("the id must start with ef (ed25519) or zf (sm2)")),
        };
        let bytes = base58::decode_at_most(&body[2..], "address", 22)?;
        let payload: [u8; 22] = bytes.as_slice().try_into().map_err(|_| {
            bad(&format!(
                "the id decodes to {} bytes, expected 22",
                bytes.len()
            ))
        })?;
        Ok(Self {
            key_type,
            chain_code,
            payload,
        })
    }

    /// True when [`Address::parse`] accepts `text`.
    pub fn is_valid(text: &str) -> bool {
        Self::parse(text).is_ok()
    }

    /// The key type named by the address letter.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// The chain (AC) code, if any.
    pub fn chain_code(&self) -> Option<&str> {
        self.chain_code.as_deref()
    }

    /// The 22-byte hash tail.
    pub fn payload(&self) -> &[u8; 22] {
        &self.payload
    }

    /// True when `key` derives this address (same type and payload; the chain code is ignored).
    pub fn belongs_to(&self, key: &PublicKey) -> bool {
        let own = Self::of_public_key(key);
        own.key_type == self.key_type && own.payload == self.payload
    }
}

/// The longest address text: `did:bid:` + chain code (16) + `:` + `ef` + Base58 of 22 bytes.
const MAX_LEN: usize = 8 + 16 + 1 + 2 + base58::max_text_len(22);

/// `text` as a Rust string literal, cut to its first 64 characters: an error quotes the
/// address so the caller can find it, not all of a megabyte.
fn quoted(text: &str) -> String {
    const SHOWN: usize = 64;
    match text.char_indices().nth(SHOWN) {
        Some((cut, _)) => format!("{:?}… ({} bytes)", &text[..cut], text.len()),
        None => format!("{text:?}"),
    }
}

/// Chain codes in the seed (`ljcp`) and RFC-003 are short lowercase codes; we accept 1–16 ASCII
/// letters or digits (our decision: the SDKs do not check them at all).
fn check_chain_code(code: &str) -> Result<()> {
    if code.is_empty() || code.len() > 16 || !code.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Err(Error::invalid_input(format!(
            "chain code {code:?}: must be 1–16 ASCII letters or digits"
        )));
    }
    Ok(())
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("did:bid:")?;
        if let Some(code) = &self.chain_code {
            write!(f, "{code}:")?;
        }
        let letter = match self.key_type {
            KeyType::Ed25519 => "ef",
            KeyType::Sm2 => "zf",
        };
        write!(f, "{letter}{}", base58::encode(&self.payload))
    }
}

impl std::str::FromStr for Address {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_receiver_with_a_leading_zero_byte() {
        // Seed §3.3.3's receiver: 39 characters, its payload starts with 0x00 ('1').
        let a = Address::parse("did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7").unwrap();
        assert_eq!(a.payload()[0], 0);
        assert_eq!(a.to_string(), "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7");
        let sub = Address::parse("did:bid:ljcp:ef1L8GBs9mWzeKXGiAZC877WResz6y7").unwrap();
        assert_eq!(sub.chain_code(), Some("ljcp"));
        assert_eq!(
            sub.to_string(),
            "did:bid:ljcp:ef1L8GBs9mWzeKXGiAZC877WResz6y7"
        );
        for bad in [
            "bid:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up",
            "did:bid:xfdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up",
            // No checksum: dropping one character can still give 22 bytes; four cannot.
            "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1N",
            "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up0",
            "did:bid:",
            "did:bid:e",
            "did:bid:a:b:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up",
        ] {
            assert!(Address::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_ten_megabyte_address_is_refused_by_its_length() {
        // Issue 17: Base58 decoding is quadratic; 10 MB took over 90 s. Valid characters
        // throughout, so only the length check can refuse it early.
        let huge = format!("did:bid:ef{}", "z".repeat(10 << 20));
        let err = Address::parse(&huge).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.message().contains("longer than any address"), "{err}");
        assert!(err.message().len() < 200, "the message quotes all of it");
        assert!(!Address::is_valid(&huge));
        // The longest real address still parses.
        let longest = format!(
            "did:bid:{}:ef{}",
            "a".repeat(16),
            base58::encode(&[0xff; 22])
        );
        assert_eq!(longest.len(), MAX_LEN);
        assert!(Address::is_valid(&longest), "{longest}");
    }
}
