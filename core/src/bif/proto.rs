//! The `protocol.Transaction` subset BIF transactions use (bif-spec §9.1; offline-api and Go SDK
//! `proto/chain.proto`, field numbers verbatim), as hand-written prost messages: no protoc, no
//! build script.
//!
//! Why prost: its output is the canonical proto3 encoding Go `proto.Marshal` and Java
//! `toByteArray` produce (bif-spec §9.2) — fields in ascending number order (prost-derive sorts by
//! tag), scalars equal to their default omitted, a set sub-message written even when empty — and
//! its decoder is panic-free with a recursion limit. A hand-written encoder would have to
//! re-prove all of that. Messages the DNA flow never builds but official vectors contain
//! (create-account, set-metadata, set-privilege, log) are here so those serializations decode
//! and re-encode byte for byte; an operation outside the subset decodes with its body dropped and
//! [`Decoded::canonical`] false.

use prost::Message;
use serde::Serialize;

use crate::error::{Error, Result};

/// `protocol.Transaction`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct Transaction {
    /// 1: sender BID.
    #[prost(string, tag = "1")]
    pub source_address: String,
    /// 2: the account nonce this transaction uses.
    #[prost(int64, tag = "2")]
    pub nonce: i64,
    /// 3: unused by BIF SDKs.
    #[prost(string, tag = "3")]
    pub expr_condition: String,
    /// 4: the operations (the DNA flow sends exactly one).
    #[prost(message, repeated, tag = "4")]
    pub operations: Vec<Operation>,
    /// 5: memo bytes.
    #[prost(bytes = "vec", tag = "5")]
    #[serde(serialize_with = "as_hex")]
    pub metadata: Vec<u8>,
    /// 6: fee limit.
    #[prost(int64, tag = "6")]
    pub fee_limit: i64,
    /// 7: gas price.
    #[prost(int64, tag = "7")]
    pub gas_price: i64,
    /// 8: last ledger that may include it (0 = none).
    #[prost(int64, tag = "8")]
    pub ceil_ledger_seq: i64,
    /// 9: chain id (set by the Java SDK only when configured; never by the offline-api).
    #[prost(int64, tag = "9")]
    pub chain_id: i64,
    /// 10: unused.
    #[prost(string, tag = "10")]
    pub address_prefix: String,
    /// 11: unused.
    #[prost(bytes = "vec", tag = "11")]
    #[serde(serialize_with = "as_hex")]
    pub raw_source_address: Vec<u8>,
    /// 12: only in the newer Java SDK's schema (bif-spec §11.9); 0 in the DNA flow.
    #[prost(int64, tag = "12")]
    pub domain_id: i64,
}

/// `Operation.Type` values the subset knows (bif-spec §9.1).
pub mod operation_type {
    /// CREATE_ACCOUNT.
    pub const CREATE_ACCOUNT: i32 = 1;
    /// SET_METADATA.
    pub const SET_METADATA: i32 = 4;
    /// PAY_COIN: a contract call is a pay-coin to the contract account.
    pub const PAY_COIN: i32 = 7;
    /// LOG.
    pub const LOG: i32 = 8;
    /// SET_PRIVILEGE.
    pub const SET_PRIVILEGE: i32 = 9;
}

/// `protocol.Operation`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct Operation {
    /// 1: `Operation.Type` (see [`operation_type`]).
    #[prost(int32, tag = "1")]
    #[serde(rename = "type")]
    pub r#type: i32,
    /// 2: empty in the DNA call.
    #[prost(string, tag = "2")]
    pub source_address: String,
    /// 3: empty in the DNA call.
    #[prost(bytes = "vec", tag = "3")]
    #[serde(serialize_with = "as_hex")]
    pub metadata: Vec<u8>,
    /// 4.
    #[prost(message, optional, tag = "4")]
    pub create_account: Option<OperationCreateAccount>,
    /// 7.
    #[prost(message, optional, tag = "7")]
    pub set_metadata: Option<OperationSetMetadata>,
    /// 10: the contract call.
    #[prost(message, optional, tag = "10")]
    pub pay_coin: Option<OperationPayCoin>,
    /// 11.
    #[prost(message, optional, tag = "11")]
    pub log: Option<OperationLog>,
    /// 12.
    #[prost(message, optional, tag = "12")]
    pub set_privilege: Option<OperationSetPrivilege>,
    /// 20: unused.
    #[prost(bytes = "vec", tag = "20")]
    #[serde(serialize_with = "as_hex")]
    pub raw_source_address: Vec<u8>,
}

/// `protocol.OperationPayCoin`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationPayCoin {
    /// 1: the contract (or payee) address.
    #[prost(string, tag = "1")]
    pub dest_address: String,
    /// 2: amount (0 in DNA, so omitted).
    #[prost(int64, tag = "2")]
    pub amount: i64,
    /// 3: the contract input, byte for byte as given.
    #[prost(string, tag = "3")]
    pub input: String,
    /// 4: unused.
    #[prost(bytes = "vec", tag = "4")]
    #[serde(serialize_with = "as_hex")]
    pub raw_dest_address: Vec<u8>,
}

/// `protocol.OperationCreateAccount`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationCreateAccount {
    /// 1.
    #[prost(string, tag = "1")]
    pub dest_address: String,
    /// 2.
    #[prost(message, optional, tag = "2")]
    pub contract: Option<Contract>,
    /// 3.
    #[prost(message, optional, tag = "3")]
    #[serde(rename = "priv")]
    pub priv_: Option<AccountPrivilege>,
    /// 4.
    #[prost(message, repeated, tag = "4")]
    pub metadatas: Vec<KeyPair>,
    /// 5.
    #[prost(int64, tag = "5")]
    pub init_balance: i64,
    /// 6.
    #[prost(string, tag = "6")]
    pub init_input: String,
    /// 7.
    #[prost(string, tag = "7")]
    pub dest_public_key: String,
    /// 8.
    #[prost(bytes = "vec", tag = "8")]
    #[serde(serialize_with = "as_hex")]
    pub raw_dest_address: Vec<u8>,
}

/// `protocol.Contract`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct Contract {
    /// 1: JAVASCRIPT = 0, EVM = 1, SYSTEM = 2.
    #[prost(int32, tag = "1")]
    #[serde(rename = "type")]
    pub r#type: i32,
    /// 2.
    #[prost(string, tag = "2")]
    pub payload: String,
    /// 3.
    #[prost(int64, tag = "3")]
    pub version: i64,
}

/// `protocol.AccountPrivilege`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct AccountPrivilege {
    /// 1.
    #[prost(int64, tag = "1")]
    pub master_weight: i64,
    /// 2.
    #[prost(message, repeated, tag = "2")]
    pub signers: Vec<Signer>,
    /// 3.
    #[prost(message, optional, tag = "3")]
    pub thresholds: Option<AccountThreshold>,
}

/// `protocol.AccountThreshold`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct AccountThreshold {
    /// 1.
    #[prost(int64, tag = "1")]
    pub tx_threshold: i64,
    /// 2.
    #[prost(message, repeated, tag = "2")]
    pub type_thresholds: Vec<OperationTypeThreshold>,
}

/// `protocol.Signer`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct Signer {
    /// 1.
    #[prost(string, tag = "1")]
    pub address: String,
    /// 2.
    #[prost(int64, tag = "2")]
    pub weight: i64,
}

/// `protocol.OperationTypeThreshold`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationTypeThreshold {
    /// 1: an `Operation.Type`.
    #[prost(int32, tag = "1")]
    #[serde(rename = "type")]
    pub r#type: i32,
    /// 2.
    #[prost(int64, tag = "2")]
    pub threshold: i64,
}

/// `protocol.KeyPair` (common.proto).
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct KeyPair {
    /// 1.
    #[prost(string, tag = "1")]
    pub key: String,
    /// 2.
    #[prost(string, tag = "2")]
    pub value: String,
    /// 3.
    #[prost(int64, tag = "3")]
    pub version: i64,
}

/// `protocol.OperationSetMetadata`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationSetMetadata {
    /// 1.
    #[prost(string, tag = "1")]
    pub key: String,
    /// 2.
    #[prost(string, tag = "2")]
    pub value: String,
    /// 3.
    #[prost(int64, tag = "3")]
    pub version: i64,
    /// 4.
    #[prost(bool, tag = "4")]
    pub delete_flag: bool,
}

/// `protocol.OperationLog`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationLog {
    /// 1.
    #[prost(string, tag = "1")]
    pub topic: String,
    /// 2.
    #[prost(string, repeated, tag = "2")]
    pub datas: Vec<String>,
}

/// `protocol.OperationSetPrivilege`.
#[derive(Clone, PartialEq, Message, Serialize)]
pub struct OperationSetPrivilege {
    /// 1 (a string in the schema).
    #[prost(string, tag = "1")]
    pub master_weight: String,
    /// 2.
    #[prost(message, repeated, tag = "2")]
    pub signers: Vec<Signer>,
    /// 3 (a string in the schema).
    #[prost(string, tag = "3")]
    pub tx_threshold: String,
    /// 4.
    #[prost(message, repeated, tag = "4")]
    pub type_thresholds: Vec<OperationTypeThreshold>,
}

fn as_hex<S: serde::Serializer>(bytes: &[u8], s: S) -> std::result::Result<S::Ok, S::Error> {
    s.serialize_str(&hex::encode(bytes))
}

impl Transaction {
    /// The canonical serialization (what is signed and hashed).
    pub fn encode(&self) -> Vec<u8> {
        self.encode_to_vec()
    }

    /// The fields as JSON, proto3 style: scalars at their default omitted, set sub-messages kept
    /// (even empty), bytes as lower-case hex, enums as numbers, names as in the schema.
    pub fn to_json(&self) -> serde_json::Value {
        let mut v = serde_json::to_value(self).unwrap_or_default();
        prune_defaults(&mut v);
        v
    }
}

/// Drops null, 0, false, "" and [] members, recursively; keeps objects (presence matters).
fn prune_defaults(v: &mut serde_json::Value) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            map.retain(|_, m| match m {
                Value::Null => false,
                Value::Bool(b) => *b,
                Value::Number(n) => n.as_f64() != Some(0.0),
                Value::String(s) => !s.is_empty(),
                Value::Array(a) => !a.is_empty(),
                Value::Object(_) => true,
            });
            map.values_mut().for_each(prune_defaults);
        }
        Value::Array(items) => items.iter_mut().for_each(prune_defaults),
        _ => {}
    }
}

/// A decoded serialization.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The transaction.
    pub transaction: Transaction,
    /// True when re-encoding gives back exactly the input bytes: no fields outside the subset,
    /// no duplicates, canonical order and varints. Only then is the decoded view the whole truth.
    pub canonical: bool,
}

/// Decodes a serialization (raw bytes). Malformed protobuf is an `invalid_input` error.
pub fn decode(bytes: &[u8]) -> Result<Decoded> {
    let transaction = Transaction::decode(bytes).map_err(|e| {
        Error::invalid_input(format!("serialization: not a protocol.Transaction ({e})"))
    })?;
    let canonical = transaction.encode() == bytes;
    Ok(Decoded {
        transaction,
        canonical,
    })
}

/// Decodes lower- or upper-case hex text of a serialization.
pub fn decode_hex(text: &str) -> Result<Decoded> {
    decode(
        &hex::decode(text.trim())
            .map_err(|e| Error::invalid_input(format!("serialization: not hex ({e})")))?,
    )
}
