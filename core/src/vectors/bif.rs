//! The `bif_*` golden-vector kinds (table in `tests/vectors/README.md`), dispatched from
//! `vectors.rs` like every other kind.

use serde::Deserialize;
use serde_json::{json, Value};

use super::parse;
use crate::bif::{self, Address, ContractCall, KeyPair, KeyType, PrivateKey, PublicKey};
use crate::error::{Error, Result};

pub(super) fn evaluate(kind: &str, input: &Value) -> Result<Value> {
    match kind {
        "bif_base58" => parse(input).and_then(base58),
        "bif_key" => parse(input).and_then(key),
        "bif_address" => parse(input).and_then(address),
        "bif_sign" => parse(input).and_then(sign),
        "bif_verify" => parse(input).and_then(verify),
        "bif_contract_call" => parse(input).and_then(contract_call),
        "bif_decode_transaction" => parse(input).and_then(decode_transaction),
        other => Err(Error::invalid_input(format!(
            "unknown vector kind {other:?}"
        ))),
    }
}

fn unhex(field: &str, text: &str) -> Result<Vec<u8>> {
    hex::decode(text).map_err(|e| Error::invalid_input(format!("{field}: not hex ({e})")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Base58Input {
    encode_hex: Option<String>,
    decode: Option<String>,
}

fn base58(i: Base58Input) -> Result<Value> {
    match (i.encode_hex, i.decode) {
        (Some(h), None) => Ok(json!({ "text": bif::base58::encode(&unhex("encode_hex", &h)?) })),
        (None, Some(t)) => Ok(json!({ "hex": hex::encode(bif::base58::decode(&t, "text")?) })),
        _ => Err(Error::invalid_input(
            "give exactly one of encode_hex, decode",
        )),
    }
}

/// One of: `enc_private_key`; `key_type` + `raw_private_hex` (what generation does with 32
/// random bytes); `enc_public_key` alone. `chain_code` adds the sub-chain address.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct KeyInput {
    enc_private_key: Option<String>,
    key_type: Option<String>,
    raw_private_hex: Option<String>,
    enc_public_key: Option<String>,
    chain_code: Option<String>,
}

fn key(i: KeyInput) -> Result<Value> {
    let (private, public) = match (i.enc_private_key, i.raw_private_hex, i.enc_public_key) {
        (Some(enc), None, None) => {
            let k = PrivateKey::parse(&enc)?;
            let p = k.public_key();
            (Some(k), p)
        }
        (None, Some(raw), None) => {
            let kt = KeyType::parse(i.key_type.as_deref().unwrap_or_default())?;
            let k = PrivateKey::from_raw(kt, &unhex("raw_private_hex", &raw)?)?;
            let p = k.public_key();
            (Some(k), p)
        }
        (None, None, Some(enc)) => (None, PublicKey::parse(&enc)?),
        _ => {
            return Err(Error::invalid_input(
                "give one of enc_private_key, raw_private_hex (+ key_type), enc_public_key",
            ))
        }
    };
    let mut out = match &private {
        Some(k) => KeyPair::from_private(k.clone()).to_offline_json(),
        None => json!({
            "encAddress": public.address().to_string(),
            "encPublicKey": public.to_enc(),
        }),
    };
    out["keyType"] = json!(public.key_type().as_str());
    if let Some(code) = i.chain_code {
        out["encAddressWithChainCode"] =
            json!(public.address().with_chain_code(&code)?.to_string());
    }
    if let Some(k) = private {
        out["rawPrivateHex"] = json!(hex::encode(k.raw()));
    }
    Ok(out)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AddressInput {
    address: String,
}

fn address(i: AddressInput) -> Result<Value> {
    let a = Address::parse(&i.address)?;
    Ok(json!({
        "key_type": a.key_type().as_str(),
        "chain_code": a.chain_code(),
        "payload_hex": hex::encode(a.payload()),
        "display": a.to_string(),
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SignInput {
    enc_private_key: String,
    message_hex: String,
    sm2_k_hex: Option<String>,
}

fn sign(i: SignInput) -> Result<Value> {
    let k = PrivateKey::parse(&i.enc_private_key)?;
    let msg = unhex("message_hex", &i.message_hex)?;
    let sig = match i.sm2_k_hex {
        Some(kh) => bif::sign_sm2_with_k(&k, &msg, &unhex("sm2_k_hex", &kh)?)?,
        None => bif::sign(&k, &msg)?,
    };
    let public = k.public_key();
    Ok(json!({
        "sign_data": hex::encode(sig),
        "enc_public_key": public.to_enc(),
        "verifies": bif::verify(&public, &msg, &sig)?,
    }))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VerifyInput {
    enc_public_key: String,
    message_hex: String,
    sign_data: String,
}

fn verify(i: VerifyInput) -> Result<Value> {
    let key = PublicKey::parse(&i.enc_public_key)?;
    let msg = unhex("message_hex", &i.message_hex)?;
    let sig = unhex("sign_data", &i.sign_data)?;
    Ok(json!({ "valid": bif::verify(&key, &msg, &sig)? }))
}

/// `input` as given, or built from `transfer: {from, to, token_bid}` / `burn: {token_bid}`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ContractInput {
    sender_private_key: String,
    sender_address: String,
    contract_address: String,
    #[serde(default)]
    bif_amount: i64,
    input: Option<String>,
    transfer: Option<TransferArgs>,
    burn: Option<BurnArgs>,
    nonce: i64,
    #[serde(default)]
    fee_limit: i64,
    #[serde(default)]
    gas_price: i64,
    sm2_k_hex: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TransferArgs {
    from: String,
    to: String,
    token_bid: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BurnArgs {
    token_bid: String,
}

fn contract_call(i: ContractInput) -> Result<Value> {
    let input = match (i.input, i.transfer, i.burn) {
        (Some(s), None, None) => s,
        (None, Some(t), None) => bif::transfer_input(&t.from, &t.to, &t.token_bid)?,
        (None, None, Some(b)) => bif::burn_input(&b.token_bid)?,
        _ => {
            return Err(Error::invalid_input(
                "give exactly one of input, transfer, burn",
            ))
        }
    };
    let call = ContractCall {
        sender_address: i.sender_address,
        contract_address: i.contract_address,
        amount: i.bif_amount,
        input,
        nonce: i.nonce,
        fee_limit: i.fee_limit,
        gas_price: i.gas_price,
    };
    let key = PrivateKey::parse(&i.sender_private_key)?;
    let signed = match i.sm2_k_hex {
        Some(kh) => call.sign_with_sm2_k(&key, &unhex("sm2_k_hex", &kh)?)?,
        None => call.sign(&key)?,
    };
    Ok(signed.to_json())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DecodeInput {
    serialization: String,
}

fn decode_transaction(i: DecodeInput) -> Result<Value> {
    let bytes = unhex("serialization", &i.serialization)?;
    let d = bif::proto::decode(&bytes)?;
    Ok(json!({
        "transaction": d.transaction.to_json(),
        "canonical": d.canonical,
        "tx_hash": bif::tx_hash(&bytes),
    }))
}
