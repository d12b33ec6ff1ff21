//! Key types, private and public keys, and their BIF text forms (bif-spec §3–§5).

use std::fmt;

use zeroize::Zeroizing;

use super::address::Address;
use super::base58;
use crate::error::{Error, Result};
use crate::runtime::Random;
use crate::secret::Secret;

/// Signature algorithm of a key; its tag byte appears in every key and address (bif-spec §3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum KeyType {
    /// Ed25519 (RFC 8032), tag `0x65` = `'e'`.
    Ed25519,
    /// SM2 (GB/T 32918, curve sm2p256v1) with SM3, tag `0x7A` = `'z'`.
    Sm2,
}

impl KeyType {
    /// The tag byte inside keys (`0x65` / `0x7A`), also the address letter (`e` / `z`).
    pub fn tag(self) -> u8 {
        match self {
            Self::Ed25519 => 0x65,
            Self::Sm2 => 0x7A,
        }
    }

    /// The key type of a tag byte.
    pub fn from_tag(tag: u8) -> Option<Self> {
        match tag {
            0x65 => Some(Self::Ed25519),
            0x7A => Some(Self::Sm2),
            _ => None,
        }
    }

    /// `"ed25519"` or `"sm2"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ed25519 => "ed25519",
            Self::Sm2 => "sm2",
        }
    }

    /// Parses `"ed25519"` / `"sm2"` (any case), or the offline-api's `keyType` `"1"` / `"2"`
    /// (seed §3.3.2: 1 = ed25519, 2 = sm2).
    pub fn parse(name: &str) -> Result<Self> {
        match name.to_ascii_lowercase().as_str() {
            "ed25519" | "1" => Ok(Self::Ed25519),
            "sm2" | "2" => Ok(Self::Sm2),
            _ => Err(Error::invalid_input(format!(
                "key_type: {name:?} is not \"ed25519\" or \"sm2\""
            ))),
        }
    }

    /// Length of the raw public key: 32 (Ed25519) or 65 (SM2 `04‖X‖Y`, bif-spec §5).
    pub fn raw_public_len(self) -> usize {
        match self {
            Self::Ed25519 => 32,
            Self::Sm2 => 65,
        }
    }
}

impl fmt::Display for KeyType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// `encPrivateKey` prefix before the tag (Base58 renders it as "pri", bif-spec §4).
const PRIVATE_PREFIX: [u8; 3] = [0x18, 0x9E, 0x99];
/// `encPublicKey` first byte (bif-spec §5).
const PUBLIC_PREFIX: u8 = 0xB0;
/// The encoding byte `'f'` = Base58 / 22-byte truncation (bif-spec §3).
const ENCODING_BASE58: u8 = 0x66;

/// A private key: the 32-byte Ed25519 seed or SM2 scalar `d` (big-endian, left-padded).
///
/// Zeroized on drop; `Debug` is redacted. Its text form is only ever handed out as a [`Secret`].
#[derive(Clone)]
pub struct PrivateKey {
    key_type: KeyType,
    raw: Zeroizing<[u8; 32]>,
    /// Derived once: a scalar multiplication costs as much as a signature.
    public: PublicKey,
    signer: Signer,
}

/// The expanded signing key, kept so signing does no key derivation (both zeroize on drop).
#[derive(Clone)]
pub(super) enum Signer {
    Ed25519(Box<ed25519_dalek::SigningKey>),
    Sm2(Box<sm2::dsa::SigningKey>),
}

impl fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PrivateKey({}, ***)", self.key_type)
    }
}

impl PrivateKey {
    /// A key from its 32 raw bytes. SM2 requires 1 ≤ d ≤ n−2 (n−1 has no `(1+d)⁻¹`, bif-spec §4).
    pub fn from_raw(key_type: KeyType, raw: &[u8]) -> Result<Self> {
        let bytes: [u8; 32] = raw.try_into().map_err(|_| {
            Error::invalid_input(format!(
                "private key: the raw {key_type} key must be 32 bytes, got {}",
                raw.len()
            ))
        })?;
        let raw = Zeroizing::new(bytes);
        let (signer, public_raw) = match key_type {
            KeyType::Ed25519 => {
                let k = ed25519_dalek::SigningKey::from_bytes(&raw);
                let public = k.verifying_key().to_bytes().to_vec();
                (Signer::Ed25519(Box::new(k)), public)
            }
            KeyType::Sm2 => {
                let secret = super::sign::sm2_secret(&raw)?;
                let public = secret.public_key().to_sec1_bytes().to_vec();
                let k = sm2::dsa::SigningKey::new(super::sign::SM2_USER_ID, &secret)
                    .map_err(|_| Error::invalid_input("private key: not a usable SM2 key"))?;
                (Signer::Sm2(Box::new(k)), public)
            }
        };
        let public = PublicKey {
            key_type,
            raw: public_raw,
        };
        Ok(Self {
            key_type,
            raw,
            public,
            signer,
        })
    }

    /// A fresh key from `random` (core's injected randomness, so this works on wasm too).
    /// SM2 draws again while the 32 bytes are outside 1 ≤ d ≤ n−2 (probability ≈ 2⁻³²).
    pub fn generate(key_type: KeyType, random: &dyn Random) -> Result<Self> {
        for _ in 0..16 {
            let mut bytes = Zeroizing::new([0u8; 32]);
            for chunk in bytes.chunks_exact_mut(8) {
                chunk.copy_from_slice(&random.next_u64().to_le_bytes());
            }
            if let Ok(key) = Self::from_raw(key_type, bytes.as_slice()) {
                return Ok(key);
            }
        }
        Err(Error::invalid_input(
            "private key: the random source gave no valid SM2 scalar in 16 draws",
        ))
    }

    /// Parses an `encPrivateKey` (`priSPK…` / `priSrr…`), checking every byte of the layout
    /// (bif-spec §4: the union of Go's and Java's checks, plus the exact length).
    pub fn parse(enc: &str) -> Result<Self> {
        // Bounded by the key's size: decoding costs the square of the text's length.
        let bytes = Zeroizing::new(base58::decode_at_most(enc.trim(), "encPrivateKey", 37)?);
        if bytes.len() != 37 {
            return Err(Error::invalid_input(format!(
                "encPrivateKey: decodes to {} bytes, expected 37",
                bytes.len()
            )));
        }
        if bytes[..3] != PRIVATE_PREFIX {
            return Err(Error::invalid_input(
                "encPrivateKey: does not start with the private-key prefix 18 9e 99",
            ));
        }
        let key_type = KeyType::from_tag(bytes[3]).ok_or_else(|| {
            Error::invalid_input(format!(
                "encPrivateKey: key type byte {:#04x} is neither ed25519 (0x65) nor sm2 (0x7a)",
                bytes[3]
            ))
        })?;
        if bytes[4] != ENCODING_BASE58 {
            return Err(Error::invalid_input(format!(
                "encPrivateKey: encoding byte {:#04x} is not 0x66",
                bytes[4]
            )));
        }
        Self::from_raw(key_type, &bytes[5..])
    }

    /// The `encPrivateKey` text, always 50 characters.
    pub fn to_enc(&self) -> Secret {
        let mut buf = Zeroizing::new(Vec::with_capacity(37));
        buf.extend_from_slice(&PRIVATE_PREFIX);
        buf.push(self.key_type.tag());
        buf.push(ENCODING_BASE58);
        buf.extend_from_slice(self.raw.as_slice());
        Secret::new(base58::encode(&buf))
    }

    /// The key type.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// The raw 32 bytes. Never log them.
    pub fn raw(&self) -> &[u8; 32] {
        &self.raw
    }

    /// The matching public key.
    pub fn public_key(&self) -> PublicKey {
        self.public.clone()
    }

    /// The matching public key, borrowed.
    pub fn public_key_ref(&self) -> &PublicKey {
        &self.public
    }

    pub(super) fn signer(&self) -> &Signer {
        &self.signer
    }
}

/// A public key: 32 bytes (Ed25519) or the 65-byte uncompressed SM2 point `04‖X‖Y`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct PublicKey {
    key_type: KeyType,
    raw: Vec<u8>,
}

impl PublicKey {
    /// A key from its raw bytes; the point must be valid (on the curve, SM2 uncompressed).
    pub fn from_raw(key_type: KeyType, raw: &[u8]) -> Result<Self> {
        if raw.len() != key_type.raw_public_len() {
            return Err(Error::invalid_input(format!(
                "encPublicKey: a raw {key_type} key is {} bytes, got {}",
                key_type.raw_public_len(),
                raw.len()
            )));
        }
        super::sign::check_public(key_type, raw)?;
        Ok(Self {
            key_type,
            raw: raw.to_vec(),
        })
    }

    /// Parses an `encPublicKey`: hex of `B0 ‖ tag ‖ 66 ‖ raw`, either case (BID-SDK-JAVA uses
    /// upper case, bif-spec §5).
    pub fn parse(enc: &str) -> Result<Self> {
        let bytes = hex::decode(enc.trim())
            .map_err(|e| Error::invalid_input(format!("encPublicKey: not hex ({e})")))?;
        if bytes.len() < 3 || bytes[0] != PUBLIC_PREFIX || bytes[2] != ENCODING_BASE58 {
            return Err(Error::invalid_input(
                "encPublicKey: does not start with b0 <type> 66",
            ));
        }
        let key_type = KeyType::from_tag(bytes[1]).ok_or_else(|| {
            Error::invalid_input(format!(
                "encPublicKey: key type byte {:#04x} is neither ed25519 (0x65) nor sm2 (0x7a)",
                bytes[1]
            ))
        })?;
        Self::from_raw(key_type, &bytes[3..])
    }

    /// The `encPublicKey` text, lower-case hex.
    pub fn to_enc(&self) -> String {
        let mut buf = Vec::with_capacity(3 + self.raw.len());
        buf.extend_from_slice(&[PUBLIC_PREFIX, self.key_type.tag(), ENCODING_BASE58]);
        buf.extend_from_slice(&self.raw);
        hex::encode(buf)
    }

    /// The key type.
    pub fn key_type(&self) -> KeyType {
        self.key_type
    }

    /// The raw key bytes.
    pub fn raw(&self) -> &[u8] {
        &self.raw
    }

    /// The BID address of this key (main chain, no chain code).
    pub fn address(&self) -> Address {
        Address::of_public_key(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Seed §3.3.2 (TV5), the whole chain private → public → address.
    #[test]
    fn seed_3_3_2_key_pair() {
        let k = PrivateKey::parse("priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX").unwrap();
        assert_eq!(
            hex::encode(k.raw()),
            "a5d33459fca66bfc53d52a3d5d26ae05ec6f38556a79c1ec3a4cf0c41eb0d780"
        );
        let p = k.public_key();
        assert_eq!(
            p.to_enc(),
            "b065668a006b9f68a9ac94f042161f3f0353ccfab47fa9199b8f1889b7d7659d875aa2"
        );
        assert_eq!(
            p.address().to_string(),
            "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up"
        );
        assert_eq!(
            k.to_enc().expose(),
            "priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX"
        );
        assert_eq!(format!("{k:?}"), "PrivateKey(ed25519, ***)");
    }

    #[test]
    fn a_ten_megabyte_private_key_is_refused_by_its_length() {
        // Issue 17: 300k characters took 37 s (JS) to decode; the key's size bounds it now.
        let huge = format!("priSPK{}", "z".repeat(10 << 20));
        let err = PrivateKey::parse(&huge).unwrap_err();
        assert_eq!(err.kind(), crate::ErrorKind::InvalidInput);
        assert!(err.message().starts_with("encPrivateKey: "), "{err}");
        assert!(err.message().len() < 200, "{err}");
    }

    #[test]
    fn sm2_scalar_range_is_1_to_n_minus_2() {
        let n_minus_1 =
            hex::decode("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54122")
                .unwrap();
        let n_minus_2 =
            hex::decode("FFFFFFFEFFFFFFFFFFFFFFFFFFFFFFFF7203DF6B21C6052B53BBF40939D54121")
                .unwrap();
        assert!(PrivateKey::from_raw(KeyType::Sm2, &[0; 32]).is_err());
        assert!(PrivateKey::from_raw(KeyType::Sm2, &n_minus_1).is_err());
        assert!(PrivateKey::from_raw(KeyType::Sm2, &n_minus_2).is_ok());
        assert!(PrivateKey::from_raw(KeyType::Ed25519, &[0; 31]).is_err());
    }
}
