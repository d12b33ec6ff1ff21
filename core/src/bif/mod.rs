//! BIF (星火·链网) chain crypto, in-process: what seed 002 sends to the local `bif-offline-api`
//! (`POST /bifApi/v1/createAddress`, `POST /bifApi/v1/contract`) done inside the SDK, on every
//! platform including the browser. The rules and their sources: `bif-spec.md`.
//!
//! - [`base58`]: BIF's Base58 alphabet, strict decoding.
//! - [`KeyType`], [`PrivateKey`], [`PublicKey`]: Ed25519 and SM2 keys, `encPrivateKey` /
//!   `encPublicKey`, generation from core's injected [`Random`](crate::Random).
//! - [`Address`]: `did:bid:ef…` / `did:bid:zf…`, with or without a chain code.
//! - [`proto`]: the `protocol.Transaction` subset, canonical encoding and a decoder.
//! - [`ContractCall`]: the DNA transfer / burn call, its validations and defaults.
//! - [`sign`](mod@sign): Ed25519 and SM2 signatures over raw bytes, verification, tx hash.
//!
//! Output shapes are the offline-api's, so moving off the service changes no bytes:
//! [`KeyPair::to_offline_json`] and [`SignedTransaction::to_json`].

pub mod address;
pub mod base58;
pub mod contract;
pub mod key;
pub mod proto;
pub mod sign;

pub use address::Address;
pub use contract::{burn_input, transfer_input, ContractCall, SignedTransaction};
pub use key::{KeyType, PrivateKey, PublicKey};
pub use sign::{sign, sign_sm2_with_k, tx_hash, verify, SM2_USER_ID};

use serde_json::{json, Value};

use crate::error::Result;
use crate::runtime::Random;
use crate::secret::Secret;

/// A key pair with its address: what `createAddress` returns (seed §3.3.2).
#[derive(Clone, Debug)]
pub struct KeyPair {
    /// The private key (redacted in `Debug`).
    pub private_key: PrivateKey,
    /// Its public key.
    pub public_key: PublicKey,
    /// Its address.
    pub address: Address,
}

impl KeyPair {
    /// A fresh key pair from `random`.
    pub fn generate(key_type: KeyType, random: &dyn Random) -> Result<Self> {
        Ok(Self::from_private(PrivateKey::generate(key_type, random)?))
    }

    /// The pair of an existing private key.
    pub fn from_private(private_key: PrivateKey) -> Self {
        let public_key = private_key.public_key();
        let address = public_key.address();
        Self {
            private_key,
            public_key,
            address,
        }
    }

    /// The `encPrivateKey` text.
    pub fn enc_private_key(&self) -> Secret {
        self.private_key.to_enc()
    }

    /// The offline-api's `data` object: `encAddress`, `encPublicKey`, `encPrivateKey`.
    /// It holds the private key in clear, as the service's answer does: never log it.
    pub fn to_offline_json(&self) -> Value {
        json!({
            "encAddress": self.address.to_string(),
            "encPublicKey": self.public_key.to_enc(),
            "encPrivateKey": self.private_key.to_enc().expose(),
        })
    }
}
