//! The DNA contract call (`POST /bifApi/v1/contract`, seed §3.3.3/§3.3.4, bif-spec §9.3): build
//! the transaction with the offline-api's validations and defaults plus the checks it lacks,
//! sign it, and answer in the offline-api's JSON shape.

use serde_json::{json, Value};

use super::address::Address;
use super::key::{PrivateKey, PublicKey};
use super::proto::{operation_type, Operation, OperationPayCoin, Transaction};
use super::sign;
use crate::error::{Error, Result};

/// offline-api `FEE_LIMIT`, used when the caller passes 0 (bif-spec §9.3).
pub const DEFAULT_FEE_LIMIT: i64 = 1_000_000;
/// offline-api `GAS_PRICE`, used when the caller passes 0 (bif-spec §9.3).
pub const DEFAULT_GAS_PRICE: i64 = 100;

/// The `input` of a DNA transfer, seed §3.3.3: addresses bare, the token BID in single quotes,
/// comma-separated without spaces. All three must be valid BIDs (the offline-api checks none),
/// which also keeps `'`, `,` and `"` out of the arguments.
pub fn transfer_input(from: &str, to: &str, token_bid: &str) -> Result<String> {
    for (field, value) in [("from", from), ("to", to), ("token_bid", token_bid)] {
        Address::parse(value)
            .map_err(|e| Error::invalid_input(format!("{field}: {}", e.message())))?;
    }
    Ok(format!(
        r#"{{"function":"safeTransferFrom(address,address,string)","args":"{from},{to},'{token_bid}'"}}"#
    ))
}

/// The `input` of a DNA burn, seed §3.3.4.
pub fn burn_input(token_bid: &str) -> Result<String> {
    Address::parse(token_bid)
        .map_err(|e| Error::invalid_input(format!("token_bid: {}", e.message())))?;
    Ok(format!(
        r#"{{"function":"burn(string)","args":"'{token_bid}'"}}"#
    ))
}

/// A contract invocation: the offline-api request minus the private key.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct ContractCall {
    /// `senderAddress`: must be the signing key's address.
    pub sender_address: String,
    /// `contractAddress`.
    pub contract_address: String,
    /// `bifAmount` (0 in DNA), ≥ 0.
    pub amount: i64,
    /// `input`: signed byte for byte as given (never re-serialized), non-empty.
    pub input: String,
    /// `nonce`: the value written into the transaction, > 0. `GET /chain/nonce` (seed §3.5.11)
    /// returns the account's current nonce; choosing current or current + 1 is the caller's
    /// business (bif-spec §15), this builder adds nothing.
    pub nonce: i64,
    /// `feeLimit`, ≥ 0; 0 means [`DEFAULT_FEE_LIMIT`].
    pub fee_limit: i64,
    /// `gasPrice`, ≥ 0; 0 means [`DEFAULT_GAS_PRICE`].
    pub gas_price: i64,
}

impl ContractCall {
    /// The transaction, after the offline-api's checks (`controller/contract.go`,
    /// `BIFSerializable`): both addresses valid, sender ≠ contract, nonce > 0, amounts ≥ 0,
    /// input non-empty.
    pub fn transaction(&self) -> Result<Transaction> {
        let sender = Address::parse(&self.sender_address)
            .map_err(|e| Error::invalid_input(format!("sender_address: {}", e.message())))?;
        let contract = Address::parse(&self.contract_address)
            .map_err(|e| Error::invalid_input(format!("contract_address: {}", e.message())))?;
        if sender == contract {
            return Err(Error::invalid_input(
                "contract_address: must differ from sender_address",
            ));
        }
        if self.nonce <= 0 {
            return Err(Error::invalid_input(format!(
                "nonce: must be > 0, got {}",
                self.nonce
            )));
        }
        for (field, value) in [
            ("amount", self.amount),
            ("fee_limit", self.fee_limit),
            ("gas_price", self.gas_price),
        ] {
            if value < 0 {
                return Err(Error::invalid_input(format!(
                    "{field}: must be ≥ 0, got {value}"
                )));
            }
        }
        if self.input.is_empty() {
            return Err(Error::invalid_input("input: must not be empty"));
        }
        Ok(Transaction {
            source_address: self.sender_address.clone(),
            nonce: self.nonce,
            operations: vec![Operation {
                r#type: operation_type::PAY_COIN,
                pay_coin: Some(OperationPayCoin {
                    dest_address: self.contract_address.clone(),
                    amount: self.amount,
                    input: self.input.clone(),
                    ..Default::default()
                }),
                ..Default::default()
            }],
            fee_limit: if self.fee_limit == 0 {
                DEFAULT_FEE_LIMIT
            } else {
                self.fee_limit
            },
            gas_price: if self.gas_price == 0 {
                DEFAULT_GAS_PRICE
            } else {
                self.gas_price
            },
            ..Default::default()
        })
    }

    /// Builds and signs. Unlike the offline-api, the sender must be the key's own address.
    pub fn sign(&self, key: &PrivateKey) -> Result<SignedTransaction> {
        self.sign_inner(key, None)
    }

    /// As [`ContractCall::sign`], with an explicit SM2 `k` (see [`sign::sign_sm2_with_k`]).
    pub fn sign_with_sm2_k(&self, key: &PrivateKey, k: &[u8]) -> Result<SignedTransaction> {
        self.sign_inner(key, Some(k))
    }

    fn sign_inner(&self, key: &PrivateKey, k: Option<&[u8]>) -> Result<SignedTransaction> {
        let tx = self.transaction()?;
        let public_key = key.public_key_ref();
        let sender = Address::parse(&self.sender_address)?;
        if !sender.belongs_to(public_key) {
            return Err(Error::invalid_input(format!(
                "sender_address: {} is not the address of the signing key ({})",
                self.sender_address,
                public_key.address()
            )));
        }
        let serialization = tx.encode();
        let sign_data = match k {
            None => sign::sign(key, &serialization)?,
            Some(k) => sign::sign_sm2_with_k(key, &serialization, k)?,
        };
        Ok(SignedTransaction {
            serialization,
            sign_data,
            public_key: public_key.clone(),
        })
    }
}

/// A signed transaction: what the DNA transfer/burn endpoints take (seed §3.5.3/§3.5.4).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignedTransaction {
    /// The raw serialization (signed and hashed as bytes).
    pub serialization: Vec<u8>,
    /// The 64-byte signature.
    pub sign_data: [u8; 64],
    /// The signer's public key.
    pub public_key: PublicKey,
}

impl SignedTransaction {
    /// `serialization` as lower-case hex.
    pub fn serialization_hex(&self) -> String {
        hex::encode(&self.serialization)
    }

    /// `signData` as lower-case hex.
    pub fn sign_data_hex(&self) -> String {
        hex::encode(self.sign_data)
    }

    /// The transaction hash, hex SHA-256 of the serialization (bif-spec §10).
    pub fn tx_hash(&self) -> String {
        sign::tx_hash(&self.serialization)
    }

    /// The offline-api's `data` object (`serialization`, `signData`, `publicKey`) plus `txHash`.
    pub fn to_json(&self) -> Value {
        json!({
            "serialization": self.serialization_hex(),
            "signData": self.sign_data_hex(),
            "publicKey": self.public_key.to_enc(),
            "txHash": self.tx_hash(),
        })
    }
}
