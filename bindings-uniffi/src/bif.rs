//! BIF chain crypto for Kotlin/Swift (core's `chainkit_core::bif`): keys, BID addresses, DNA
//! contract calls, signatures. Thin adapters only.

use std::sync::Arc;

use chainkit_core::bif::{self, Address, ContractCall, KeyPair, KeyType};
use chainkit_core::OsRandom;

use crate::error::ChainkitError;
use crate::secret::Secret;

/// Signature algorithm of a BIF key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum BifKeyType {
    /// Ed25519 (`did:bid:ef…`).
    Ed25519,
    /// SM2 with SM3 (`did:bid:zf…`).
    Sm2,
}

impl From<BifKeyType> for KeyType {
    fn from(k: BifKeyType) -> Self {
        match k {
            BifKeyType::Ed25519 => Self::Ed25519,
            BifKeyType::Sm2 => Self::Sm2,
        }
    }
}

impl From<KeyType> for BifKeyType {
    fn from(k: KeyType) -> Self {
        match k {
            KeyType::Ed25519 => Self::Ed25519,
            KeyType::Sm2 => Self::Sm2,
        }
    }
}

/// A BIF private key. Printing it never shows the key.
#[derive(Debug, uniffi::Object)]
#[uniffi::export(Debug, Display)]
pub struct BifPrivateKey(pub(crate) bif::PrivateKey);

impl std::fmt::Display for BifPrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

#[uniffi::export]
impl BifPrivateKey {
    /// Parses an `encPrivateKey` (`priSPK…` / `priSrr…`) held in a `Secret`.
    #[uniffi::constructor]
    pub fn parse(enc_private_key: Arc<Secret>) -> Result<Self, ChainkitError> {
        Ok(Self(bif::PrivateKey::parse(enc_private_key.0.expose())?))
    }

    /// A key from its 32 raw bytes.
    #[uniffi::constructor]
    pub fn from_raw(key_type: BifKeyType, raw: Vec<u8>) -> Result<Self, ChainkitError> {
        Ok(Self(bif::PrivateKey::from_raw(key_type.into(), &raw)?))
    }

    /// A fresh key from the operating system's CSPRNG.
    #[uniffi::constructor]
    pub fn generate(key_type: BifKeyType) -> Result<Self, ChainkitError> {
        Ok(Self(bif::PrivateKey::generate(key_type.into(), &OsRandom)?))
    }

    /// The key type.
    pub fn key_type(&self) -> BifKeyType {
        self.0.key_type().into()
    }

    /// The `encPrivateKey` text, as a `Secret`.
    pub fn enc_private_key(&self) -> Arc<Secret> {
        Arc::new(Secret(self.0.to_enc()))
    }

    /// The matching public key.
    pub fn public_key(&self) -> Arc<BifPublicKey> {
        Arc::new(BifPublicKey(self.0.public_key()))
    }

    /// Signs raw bytes: 64 bytes (Ed25519, or SM2 `r‖s`). `sm2_k` fixes SM2's k (32 bytes).
    #[uniffi::method(default(sm2_k = None))]
    pub fn sign(&self, message: Vec<u8>, sm2_k: Option<Vec<u8>>) -> Result<Vec<u8>, ChainkitError> {
        let sig = match sm2_k {
            Some(k) => bif::sign_sm2_with_k(&self.0, &message, &k)?,
            None => bif::sign(&self.0, &message)?,
        };
        Ok(sig.to_vec())
    }
}

/// A BIF public key.
#[derive(Debug, uniffi::Object)]
pub struct BifPublicKey(bif::PublicKey);

#[uniffi::export]
impl BifPublicKey {
    /// Parses an `encPublicKey` (hex, either case).
    #[uniffi::constructor]
    pub fn parse(enc_public_key: String) -> Result<Self, ChainkitError> {
        Ok(Self(bif::PublicKey::parse(&enc_public_key)?))
    }

    /// The key type.
    pub fn key_type(&self) -> BifKeyType {
        self.0.key_type().into()
    }

    /// The `encPublicKey` text (lower-case hex).
    pub fn enc_public_key(&self) -> String {
        self.0.to_enc()
    }

    /// The raw key: 32 bytes (Ed25519) or 65 bytes `04‖X‖Y` (SM2).
    pub fn raw(&self) -> Vec<u8> {
        self.0.raw().to_vec()
    }

    /// The BID address, optionally on a sub-chain.
    #[uniffi::method(default(chain_code = None))]
    pub fn address(&self, chain_code: Option<String>) -> Result<String, ChainkitError> {
        let a = self.0.address();
        Ok(match chain_code {
            Some(c) => a.with_chain_code(&c)?.to_string(),
            None => a.to_string(),
        })
    }

    /// True when `signature` (64 bytes) signs `message`; throws for a malformed signature.
    pub fn verify(&self, message: Vec<u8>, signature: Vec<u8>) -> Result<bool, ChainkitError> {
        Ok(bif::verify(&self.0, &message, &signature)?)
    }
}

/// What the offline service's createAddress returns, with the private key as a `Secret`.
#[derive(Debug, uniffi::Record)]
pub struct BifKeyPair {
    /// `encAddress`.
    pub enc_address: String,
    /// `encPublicKey`.
    pub enc_public_key: String,
    /// `encPrivateKey` (prints as `Secret(***)`).
    pub enc_private_key: Arc<Secret>,
}

fn key_pair(pair: &KeyPair) -> BifKeyPair {
    BifKeyPair {
        enc_address: pair.address.to_string(),
        enc_public_key: pair.public_key.to_enc(),
        enc_private_key: Arc::new(Secret(pair.enc_private_key())),
    }
}

/// A fresh key pair (createAddress without the service).
#[uniffi::export]
pub fn bif_generate_key_pair(key_type: BifKeyType) -> Result<BifKeyPair, ChainkitError> {
    Ok(key_pair(&KeyPair::generate(key_type.into(), &OsRandom)?))
}

/// The key pair of an existing private key.
#[uniffi::export]
pub fn bif_key_pair(private_key: Arc<BifPrivateKey>) -> BifKeyPair {
    key_pair(&KeyPair::from_private(private_key.0.clone()))
}

/// A contract call, named as the offline service's `POST /bifApi/v1/contract` body.
#[derive(Debug, Clone, uniffi::Record)]
pub struct BifContractCall {
    /// Must be the signing key's address.
    pub sender_address: String,
    /// The contract.
    pub contract_address: String,
    /// Signed byte for byte as given (see `bifTransferInput` / `bifBurnInput`).
    pub input: String,
    /// Written into the transaction as given; must be > 0.
    pub nonce: i64,
    /// `bifAmount`, ≥ 0.
    #[uniffi(default = 0)]
    pub bif_amount: i64,
    /// 0: the service's default 1000000.
    #[uniffi(default = 0)]
    pub fee_limit: i64,
    /// 0: the service's default 100.
    #[uniffi(default = 0)]
    pub gas_price: i64,
    /// SM2 only: a fixed k (32 bytes); default deterministic (RFC 6979).
    #[uniffi(default = None)]
    pub sm2_k: Option<Vec<u8>>,
}

/// The offline service's answer to a contract call, plus the transaction hash.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BifSignedTransaction {
    /// Hex of the protobuf transaction.
    pub serialization: String,
    /// Hex of the 64-byte signature.
    pub sign_data: String,
    /// The signer's `encPublicKey`.
    pub public_key: String,
    /// Hex SHA-256 of the serialization.
    pub tx_hash: String,
}

/// Builds and signs a contract call (DNA transfer or burn) without the offline service.
#[uniffi::export]
pub fn bif_sign_contract_call(
    private_key: Arc<BifPrivateKey>,
    call: BifContractCall,
) -> Result<BifSignedTransaction, ChainkitError> {
    let c = ContractCall {
        sender_address: call.sender_address,
        contract_address: call.contract_address,
        amount: call.bif_amount,
        input: call.input,
        nonce: call.nonce,
        fee_limit: call.fee_limit,
        gas_price: call.gas_price,
    };
    let s = match &call.sm2_k {
        Some(k) => c.sign_with_sm2_k(&private_key.0, k)?,
        None => c.sign(&private_key.0)?,
    };
    Ok(BifSignedTransaction {
        serialization: s.serialization_hex(),
        sign_data: s.sign_data_hex(),
        public_key: s.public_key.to_enc(),
        tx_hash: s.tx_hash(),
    })
}

/// The contract-call `input` of a DNA transfer, to sign for `transferDna`.
#[uniffi::export]
pub fn bif_transfer_input(
    from: String,
    to: String,
    token_bid: String,
) -> Result<String, ChainkitError> {
    Ok(bif::transfer_input(&from, &to, &token_bid)?)
}

/// The contract-call `input` of a DNA burn, to sign for `burnDna`.
#[uniffi::export]
pub fn bif_burn_input(token_bid: String) -> Result<String, ChainkitError> {
    Ok(bif::burn_input(&token_bid)?)
}

/// True when `address` is a valid BID.
#[uniffi::export]
pub fn bif_is_valid_address(address: String) -> bool {
    Address::is_valid(&address)
}

/// A parsed BID address.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BifAddress {
    /// Key type named by the address letter.
    pub key_type: BifKeyType,
    /// Chain code, or null on the main chain.
    pub chain_code: Option<String>,
    /// The 22-byte hash tail.
    pub payload: Vec<u8>,
}

/// Parses and validates a BID; throws saying what is wrong.
#[uniffi::export]
pub fn bif_parse_address(address: String) -> Result<BifAddress, ChainkitError> {
    let a = Address::parse(&address)?;
    Ok(BifAddress {
        key_type: a.key_type().into(),
        chain_code: a.chain_code().map(str::to_owned),
        payload: a.payload().to_vec(),
    })
}

/// A decoded serialization.
#[derive(Debug, Clone, PartialEq, Eq, uniffi::Record)]
pub struct BifDecodedTransaction {
    /// The fields as JSON (proto3 names, defaults omitted, bytes as hex).
    pub transaction_json: String,
    /// True when re-encoding gives back exactly the input bytes.
    pub canonical: bool,
    /// Hex SHA-256 of the input.
    pub tx_hash: String,
}

/// Decodes a serialization (raw bytes).
#[uniffi::export]
pub fn bif_decode_transaction(
    serialization: Vec<u8>,
) -> Result<BifDecodedTransaction, ChainkitError> {
    let d = bif::proto::decode(&serialization)?;
    Ok(BifDecodedTransaction {
        transaction_json: d.transaction.to_json().to_string(),
        canonical: d.canonical,
        tx_hash: bif::tx_hash(&serialization),
    })
}

/// Hex SHA-256 of a serialization (the transaction hash).
#[uniffi::export]
pub fn bif_tx_hash(serialization: Vec<u8>) -> String {
    bif::tx_hash(&serialization)
}
