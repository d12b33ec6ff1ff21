//! BIF chain crypto for JS (core's `chainkit_core::bif`): keys, BID addresses, DNA contract
//! calls, signatures. Thin adapters only; plain-object shapes are the offline-api's.

use chainkit_core::bif::{self, Address, ContractCall, KeyPair, KeyType};
use chainkit_core::{Error, OsRandom};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::error::to_js;
use crate::guard;
use crate::input::from_js;
use crate::secret::Secret;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** "ed25519" or "sm2" (the offline service's keyType 1 / 2 are accepted too). */
export type BifKeyType = "ed25519" | "sm2";

/** A contract call, named as the offline service's POST /bifApi/v1/contract body (no private key). */
export interface BifContractCall {
  /** Must be the signing key's address. */
  senderAddress: string;
  contractAddress: string;
  /** Signed byte for byte as given; see bifTransferInput / bifBurnInput. */
  input: string;
  /** Written into the transaction as given; must be > 0. */
  nonce: number;
  /** Default 0. */
  bifAmount?: number;
  /** 0 or absent: the service's default 1000000. */
  feeLimit?: number;
  /** 0 or absent: the service's default 100. */
  gasPrice?: number;
  /** SM2 only: a fixed k (32 bytes); default is deterministic (RFC 6979). */
  sm2K?: Uint8Array;
}

/** The offline service's `data` answer for a contract call, plus the transaction hash. */
export interface BifSignedTransaction {
  serialization: string;
  signData: string;
  publicKey: string;
  txHash: string;
}

/** The offline service's createAddress `data` (the private key in clear: never log it). */
export interface BifOfflineKeyPair {
  encAddress: string;
  encPublicKey: string;
  encPrivateKey: string;
}

/** A parsed BID address. */
export interface BifAddress {
  keyType: BifKeyType;
  chainCode: string | null;
  /** The 22-byte hash tail, hex. */
  payloadHex: string;
}

/** A decoded serialization: proto3 fields (defaults omitted, bytes as hex), and whether
 * re-encoding gives back exactly the input. */
export interface BifDecodedTransaction {
  transaction: Record<string, unknown>;
  canonical: boolean;
  txHash: string;
}
"#;

#[wasm_bindgen]
extern "C" {
    /// `BifContractCall` from JS.
    #[wasm_bindgen(typescript_type = "BifContractCall")]
    pub type JsBifContractCall;
    /// `BifSignedTransaction` to JS.
    #[wasm_bindgen(typescript_type = "BifSignedTransaction")]
    pub type JsBifSignedTransaction;
    /// `BifOfflineKeyPair` to JS.
    #[wasm_bindgen(typescript_type = "BifOfflineKeyPair")]
    pub type JsBifOfflineKeyPair;
    /// `BifAddress` to JS.
    #[wasm_bindgen(typescript_type = "BifAddress")]
    pub type JsBifAddress;
    /// `BifDecodedTransaction` to JS.
    #[wasm_bindgen(typescript_type = "BifDecodedTransaction")]
    pub type JsBifDecodedTransaction;
}

fn js(e: Error) -> JsValue {
    to_js(&e)
}

pub(crate) fn key_type(name: &str) -> Result<KeyType, JsValue> {
    KeyType::parse(name).map_err(js)
}

/// JSON values to plain JS objects (not Maps).
pub(crate) fn to_plain<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| {
            js(Error::invalid_input(format!(
                "cannot convert the result: {e}"
            )))
        })
}

/// A BIF private key (Ed25519 or SM2). `toString()` never shows it.
///
/// Lives in WebAssembly memory: `free()` it (or declare it with `using`) when done; see the README.
#[wasm_bindgen]
pub struct BifPrivateKey(pub(crate) bif::PrivateKey);

#[wasm_bindgen]
impl BifPrivateKey {
    /// Parses an `encPrivateKey` (`priSPK…` / `priSrr…`).
    pub fn parse(enc_private_key: &str) -> Result<BifPrivateKey, JsValue> {
        guard::sync(|| {
            bif::PrivateKey::parse(enc_private_key)
                .map(Self)
                .map_err(js)
        })
    }

    /// Parses an `encPrivateKey` held in a `Secret`.
    #[wasm_bindgen(js_name = fromSecret)]
    pub fn from_secret(enc_private_key: &Secret) -> Result<BifPrivateKey, JsValue> {
        guard::sync(|| {
            bif::PrivateKey::parse(enc_private_key.inner().expose())
                .map(Self)
                .map_err(js)
        })
    }

    /// A key from its 32 raw bytes.
    #[wasm_bindgen(js_name = fromRaw)]
    pub fn from_raw(
        #[wasm_bindgen(unchecked_param_type = "BifKeyType")] key_type_name: &str,
        raw: &[u8],
    ) -> Result<BifPrivateKey, JsValue> {
        guard::sync(|| {
            bif::PrivateKey::from_raw(key_type(key_type_name)?, raw)
                .map(Self)
                .map_err(js)
        })
    }

    /// A fresh key from `crypto.getRandomValues`.
    pub fn generate(
        #[wasm_bindgen(unchecked_param_type = "BifKeyType")] key_type_name: &str,
    ) -> Result<BifPrivateKey, JsValue> {
        guard::sync(|| {
            bif::PrivateKey::generate(key_type(key_type_name)?, &OsRandom)
                .map(Self)
                .map_err(js)
        })
    }

    /// `"ed25519"` or `"sm2"`.
    #[wasm_bindgen(getter, js_name = keyType, unchecked_return_type = "BifKeyType")]
    pub fn key_type(&self) -> String {
        self.0.key_type().as_str().to_owned()
    }

    /// The `encPrivateKey` text, as a `Secret`.
    #[wasm_bindgen(js_name = encPrivateKey)]
    pub fn enc_private_key(&self) -> Secret {
        Secret::from_core(self.0.to_enc())
    }

    /// The matching public key.
    #[wasm_bindgen(js_name = publicKey)]
    pub fn public_key(&self) -> BifPublicKey {
        BifPublicKey(self.0.public_key())
    }

    /// Signs raw bytes: 64 bytes (Ed25519, or SM2 `r‖s`). `sm2K` fixes SM2's k (32 bytes).
    pub fn sign(&self, message: &[u8], sm2_k: Option<Vec<u8>>) -> Result<Vec<u8>, JsValue> {
        guard::sync(|| {
            match sm2_k {
                Some(k) => bif::sign_sm2_with_k(&self.0, message, &k),
                None => bif::sign(&self.0, message),
            }
            .map(|s| s.to_vec())
            .map_err(js)
        })
    }

    /// `PrivateKey(<type>, ***)`.
    #[wasm_bindgen(js_name = toString)]
    #[allow(clippy::inherent_to_string)]
    pub fn to_string(&self) -> String {
        format!("{:?}", self.0)
    }

    /// `PrivateKey(<type>, ***)`, so `JSON.stringify` never serializes the key.
    #[wasm_bindgen(js_name = toJSON)]
    pub fn to_json(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// A BIF public key.
///
/// Lives in WebAssembly memory: `free()` it (or declare it with `using`) when done; see the README.
#[wasm_bindgen]
pub struct BifPublicKey(bif::PublicKey);

#[wasm_bindgen]
impl BifPublicKey {
    /// Parses an `encPublicKey` (hex, either case).
    pub fn parse(enc_public_key: &str) -> Result<BifPublicKey, JsValue> {
        guard::sync(|| bif::PublicKey::parse(enc_public_key).map(Self).map_err(js))
    }

    /// `"ed25519"` or `"sm2"`.
    #[wasm_bindgen(getter, js_name = keyType, unchecked_return_type = "BifKeyType")]
    pub fn key_type(&self) -> String {
        self.0.key_type().as_str().to_owned()
    }

    /// The `encPublicKey` text (lower-case hex).
    #[wasm_bindgen(getter, js_name = encPublicKey)]
    pub fn enc_public_key(&self) -> String {
        self.0.to_enc()
    }

    /// The raw key: 32 bytes (Ed25519) or 65 bytes `04‖X‖Y` (SM2).
    #[wasm_bindgen(getter)]
    pub fn raw(&self) -> Vec<u8> {
        self.0.raw().to_vec()
    }

    /// The BID address, optionally on a sub-chain.
    pub fn address(&self, chain_code: Option<String>) -> Result<String, JsValue> {
        guard::sync(|| {
            let a = self.0.address();
            Ok(match chain_code {
                Some(c) => a.with_chain_code(&c).map_err(js)?.to_string(),
                None => a.to_string(),
            })
        })
    }

    /// True when `signature` (64 bytes) signs `message`; throws for a malformed signature.
    pub fn verify(&self, message: &[u8], signature: &[u8]) -> Result<bool, JsValue> {
        guard::sync(|| bif::verify(&self.0, message, signature).map_err(js))
    }
}

/// A key pair with its address, as the offline service's createAddress returns it.
///
/// Lives in WebAssembly memory: `free()` it (or declare it with `using`) when done; see the README.
#[wasm_bindgen]
pub struct BifKeyPair(KeyPair);

#[wasm_bindgen]
impl BifKeyPair {
    /// A fresh key pair from `crypto.getRandomValues`.
    pub fn generate(
        #[wasm_bindgen(unchecked_param_type = "BifKeyType")] key_type_name: &str,
    ) -> Result<BifKeyPair, JsValue> {
        guard::sync(|| {
            KeyPair::generate(key_type(key_type_name)?, &OsRandom)
                .map(Self)
                .map_err(js)
        })
    }

    /// The pair of an existing private key.
    #[wasm_bindgen(js_name = fromPrivateKey)]
    pub fn from_private_key(key: &BifPrivateKey) -> BifKeyPair {
        Self(KeyPair::from_private(key.0.clone()))
    }

    /// The private key.
    #[wasm_bindgen(getter, js_name = privateKey)]
    pub fn private_key(&self) -> BifPrivateKey {
        BifPrivateKey(self.0.private_key.clone())
    }

    /// The public key.
    #[wasm_bindgen(getter, js_name = publicKey)]
    pub fn public_key(&self) -> BifPublicKey {
        BifPublicKey(self.0.public_key.clone())
    }

    /// `encAddress`.
    #[wasm_bindgen(getter, js_name = encAddress)]
    pub fn enc_address(&self) -> String {
        self.0.address.to_string()
    }

    /// `encPublicKey`.
    #[wasm_bindgen(getter, js_name = encPublicKey)]
    pub fn enc_public_key(&self) -> String {
        self.0.public_key.to_enc()
    }

    /// `encPrivateKey`, as a `Secret`.
    #[wasm_bindgen(getter, js_name = encPrivateKey)]
    pub fn enc_private_key(&self) -> Secret {
        Secret::from_core(self.0.enc_private_key())
    }

    /// The offline service's answer object (the private key in clear: never log it).
    #[wasm_bindgen(js_name = toOfflineObject)]
    pub fn to_offline_object(&self) -> Result<JsBifOfflineKeyPair, JsValue> {
        guard::sync(|| to_plain(&self.0.to_offline_json()).map(JsCast::unchecked_into))
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CallInit {
    sender_address: String,
    contract_address: String,
    input: String,
    nonce: i64,
    #[serde(default)]
    bif_amount: i64,
    #[serde(default)]
    fee_limit: i64,
    #[serde(default)]
    gas_price: i64,
    /// Read from the JS value itself (`sm2_k`), as bytes.
    #[serde(skip)]
    sm2_k: Option<Vec<u8>>,
}

/// The contract call's `sm2K`, a Uint8Array if present.
fn sm2_k(call: &JsValue) -> Result<Option<Vec<u8>>, JsValue> {
    let k = js_sys::Reflect::get(call, &"sm2K".into()).unwrap_or(JsValue::UNDEFINED);
    if k.is_undefined() || k.is_null() {
        return Ok(None);
    }
    k.dyn_ref::<js_sys::Uint8Array>()
        .map(|k| Some(k.to_vec()))
        .ok_or_else(|| js(Error::invalid_input("sm2K: must be a Uint8Array")))
}

/// Builds and signs a contract call (DNA transfer or burn) without the offline service.
#[wasm_bindgen(js_name = bifSignContractCall)]
pub fn bif_sign_contract_call(
    private_key: &BifPrivateKey,
    call: JsBifContractCall,
) -> Result<JsBifSignedTransaction, JsValue> {
    guard::sync(|| {
        let call: JsValue = call.into();
        let mut init: CallInit = from_js(&call, "contract call", &["sm2K"])?;
        init.sm2_k = sm2_k(&call)?;
        let call = ContractCall {
            sender_address: init.sender_address,
            contract_address: init.contract_address,
            amount: init.bif_amount,
            input: init.input,
            nonce: init.nonce,
            fee_limit: init.fee_limit,
            gas_price: init.gas_price,
        };
        let signed = match &init.sm2_k {
            Some(k) => call.sign_with_sm2_k(&private_key.0, k),
            None => call.sign(&private_key.0),
        }
        .map_err(js)?;
        to_plain(&signed.to_json()).map(JsCast::unchecked_into)
    })
}

/// The contract-call `input` of a DNA transfer (`safeTransferFrom`; sign it for `transferDna`).
#[wasm_bindgen(js_name = bifTransferInput)]
pub fn bif_transfer_input(from: &str, to: &str, token_bid: &str) -> Result<String, JsValue> {
    guard::sync(|| bif::transfer_input(from, to, token_bid).map_err(js))
}

/// The contract-call `input` of a DNA burn (sign it for `burnDna`).
#[wasm_bindgen(js_name = bifBurnInput)]
pub fn bif_burn_input(token_bid: &str) -> Result<String, JsValue> {
    guard::sync(|| bif::burn_input(token_bid).map_err(js))
}

/// True when `address` is a valid BID.
#[wasm_bindgen(js_name = bifIsValidAddress)]
pub fn bif_is_valid_address(address: &str) -> Result<bool, JsValue> {
    guard::sync(|| Ok(Address::is_valid(address)))
}

/// Parses and validates a BID; throws a `ChainkitError` saying what is wrong.
#[wasm_bindgen(js_name = bifParseAddress)]
pub fn bif_parse_address(address: &str) -> Result<JsBifAddress, JsValue> {
    guard::sync(|| {
        let a = Address::parse(address).map_err(js)?;
        to_plain(&serde_json::json!({
            "keyType": a.key_type().as_str(),
            "chainCode": a.chain_code(),
            "payloadHex": hex_string(a.payload()),
        }))
        .map(JsCast::unchecked_into)
    })
}

fn hex_string(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Decodes a serialization given as hex text or bytes.
#[wasm_bindgen(js_name = bifDecodeTransaction)]
pub fn bif_decode_transaction(
    #[wasm_bindgen(unchecked_param_type = "string | Uint8Array")] serialization: JsValue,
) -> Result<JsBifDecodedTransaction, JsValue> {
    guard::sync(|| {
        let bytes = if let Some(text) = serialization.as_string() {
            decode_hex(&text)?
        } else if serialization.is_instance_of::<js_sys::Uint8Array>() {
            js_sys::Uint8Array::from(serialization).to_vec()
        } else {
            return Err(js(Error::invalid_input(
                "serialization: expected a hex string or a Uint8Array",
            )));
        };
        let d = bif::proto::decode(&bytes).map_err(js)?;
        to_plain(&serde_json::json!({
            "transaction": d.transaction.to_json(),
            "canonical": d.canonical,
            "txHash": bif::tx_hash(&bytes),
        }))
        .map(JsCast::unchecked_into)
    })
}

fn decode_hex(text: &str) -> Result<Vec<u8>, JsValue> {
    let text = text.trim();
    let bad = || js(Error::invalid_input("serialization: not hex"));
    if text.len() % 2 != 0 {
        return Err(bad());
    }
    (0..text.len())
        .step_by(2)
        .map(|i| {
            text.get(i..i + 2)
                .and_then(|b| u8::from_str_radix(b, 16).ok())
                .ok_or_else(bad)
        })
        .collect()
}

/// Hex SHA-256 of a serialization (the transaction hash).
#[wasm_bindgen(js_name = bifTxHash)]
pub fn bif_tx_hash(serialization: &[u8]) -> Result<String, JsValue> {
    guard::sync(|| Ok(bif::tx_hash(serialization)))
}
