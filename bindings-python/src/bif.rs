//! `chainkit.bif` for Python: BIF keys, addresses, contract calls and signatures (core's
//! `chainkit_core::bif`). Thin adapters only; `python/chainkit/bif.py` gives them their names.

use chainkit_core::bif::{self, Address, ContractCall, KeyPair as CoreKeyPair, KeyType};
use chainkit_core::OsRandom;
use pyo3::prelude::*;
use pyo3::types::PyBytes;

use crate::errors::to_py;
use crate::secret::Secret;

pub(crate) fn key_type(name: &str) -> PyResult<KeyType> {
    KeyType::parse(name).map_err(to_py)
}

/// Text or a `Secret`, for `encPrivateKey` arguments.
#[derive(FromPyObject)]
pub enum SecretOrStr {
    /// A `chainkit.Secret`.
    Secret(Py<Secret>),
    /// Plain text.
    Str(String),
}

impl SecretOrStr {
    fn with<T>(&self, f: impl FnOnce(&str) -> T) -> T {
        match self {
            Self::Secret(s) => f(s.get().0.expose()),
            Self::Str(s) => f(s),
        }
    }
}

/// A BIF private key (Ed25519 or SM2). `repr()` never shows it.
#[pyclass(frozen, module = "chainkit.bif", name = "PrivateKey")]
pub struct PrivateKey(pub bif::PrivateKey);

#[pymethods]
impl PrivateKey {
    /// Parses an `encPrivateKey` (`priSPK…` / `priSrr…`), given as a `Secret` or text.
    #[staticmethod]
    fn parse(enc_private_key: SecretOrStr) -> PyResult<Self> {
        enc_private_key
            .with(bif::PrivateKey::parse)
            .map(Self)
            .map_err(to_py)
    }

    /// A key from its 32 raw bytes.
    #[staticmethod]
    fn from_raw(key_type_name: &str, raw: &[u8]) -> PyResult<Self> {
        bif::PrivateKey::from_raw(key_type(key_type_name)?, raw)
            .map(Self)
            .map_err(to_py)
    }

    /// A fresh key from the operating system's CSPRNG.
    #[staticmethod]
    fn generate(key_type_name: &str) -> PyResult<Self> {
        bif::PrivateKey::generate(key_type(key_type_name)?, &OsRandom)
            .map(Self)
            .map_err(to_py)
    }

    /// `"ed25519"` or `"sm2"`.
    #[getter]
    fn key_type(&self) -> &'static str {
        self.0.key_type().as_str()
    }

    /// The `encPrivateKey` text, as a `Secret`.
    fn enc_private_key(&self) -> Secret {
        Secret(self.0.to_enc())
    }

    /// The matching public key.
    fn public_key(&self) -> PublicKey {
        PublicKey(self.0.public_key())
    }

    /// Signs raw bytes: 64 bytes (Ed25519, or SM2 `r‖s`). `sm2_k` fixes SM2's k (32 bytes).
    #[pyo3(signature = (message, sm2_k = None))]
    fn sign<'py>(
        &self,
        py: Python<'py>,
        message: &[u8],
        sm2_k: Option<&[u8]>,
    ) -> PyResult<Bound<'py, PyBytes>> {
        let sig = match sm2_k {
            Some(k) => bif::sign_sm2_with_k(&self.0, message, k),
            None => bif::sign(&self.0, message),
        }
        .map_err(to_py)?;
        Ok(PyBytes::new(py, &sig))
    }

    fn __repr__(&self) -> String {
        format!("{:?}", self.0)
    }
}

/// A BIF public key.
#[pyclass(frozen, eq, module = "chainkit.bif", name = "PublicKey")]
#[derive(PartialEq)]
pub struct PublicKey(pub bif::PublicKey);

#[pymethods]
impl PublicKey {
    /// Parses an `encPublicKey` (hex, either case).
    #[staticmethod]
    fn parse(enc_public_key: &str) -> PyResult<Self> {
        bif::PublicKey::parse(enc_public_key)
            .map(Self)
            .map_err(to_py)
    }

    /// `"ed25519"` or `"sm2"`.
    #[getter]
    fn key_type(&self) -> &'static str {
        self.0.key_type().as_str()
    }

    /// The `encPublicKey` text (lower-case hex).
    #[getter]
    fn enc_public_key(&self) -> String {
        self.0.to_enc()
    }

    /// The raw key: 32 bytes (Ed25519) or 65 bytes `04‖X‖Y` (SM2).
    #[getter]
    fn raw<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.raw())
    }

    /// The BID address, optionally on a sub-chain.
    #[pyo3(signature = (chain_code = None))]
    fn address(&self, chain_code: Option<&str>) -> PyResult<String> {
        let a = self.0.address();
        Ok(match chain_code {
            Some(c) => a.with_chain_code(c).map_err(to_py)?.to_string(),
            None => a.to_string(),
        })
    }

    /// True when `signature` (64 bytes) signs `message`; raises for a malformed signature.
    fn verify(&self, message: &[u8], signature: &[u8]) -> PyResult<bool> {
        bif::verify(&self.0, message, signature).map_err(to_py)
    }

    fn __repr__(&self) -> String {
        format!("PublicKey({})", self.0.to_enc())
    }
}

/// A parsed BID address.
#[pyclass(frozen, module = "chainkit.bif", name = "Address")]
pub struct PyAddress(Address);

#[pymethods]
impl PyAddress {
    /// Parses and validates an address; raises `InvalidInputError` saying what is wrong.
    #[staticmethod]
    fn parse(address: &str) -> PyResult<Self> {
        Address::parse(address).map(Self).map_err(to_py)
    }

    /// `"ed25519"` or `"sm2"`.
    #[getter]
    fn key_type(&self) -> &'static str {
        self.0.key_type().as_str()
    }

    /// The chain code, or None on the main chain.
    #[getter]
    fn chain_code(&self) -> Option<&str> {
        self.0.chain_code()
    }

    /// The 22-byte hash tail.
    #[getter]
    fn payload<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, self.0.payload())
    }

    /// True when `key` derives this address.
    fn belongs_to(&self, key: &PublicKey) -> bool {
        self.0.belongs_to(&key.0)
    }

    fn __str__(&self) -> String {
        self.0.to_string()
    }

    fn __repr__(&self) -> String {
        format!("Address({})", self.0)
    }
}

/// A key pair with its address, as `createAddress` returns it.
#[pyclass(frozen, module = "chainkit.bif", name = "KeyPair")]
pub struct KeyPair(CoreKeyPair);

#[pymethods]
impl KeyPair {
    /// A fresh key pair from the OS CSPRNG; `key_type` is `"ed25519"` or `"sm2"`.
    #[staticmethod]
    fn generate(key_type_name: &str) -> PyResult<Self> {
        CoreKeyPair::generate(key_type(key_type_name)?, &OsRandom)
            .map(Self)
            .map_err(to_py)
    }

    /// The pair of an existing private key.
    #[staticmethod]
    fn from_private_key(key: &PrivateKey) -> Self {
        Self(CoreKeyPair::from_private(key.0.clone()))
    }

    /// The private key.
    #[getter]
    fn private_key(&self) -> PrivateKey {
        PrivateKey(self.0.private_key.clone())
    }

    /// The public key.
    #[getter]
    fn public_key(&self) -> PublicKey {
        PublicKey(self.0.public_key.clone())
    }

    /// `encAddress`.
    #[getter]
    fn enc_address(&self) -> String {
        self.0.address.to_string()
    }

    /// `encPublicKey`.
    #[getter]
    fn enc_public_key(&self) -> String {
        self.0.public_key.to_enc()
    }

    /// `encPrivateKey`, as a `Secret`.
    #[getter]
    fn enc_private_key(&self) -> Secret {
        Secret(self.0.enc_private_key())
    }

    /// The offline service's JSON text: `encAddress`, `encPublicKey`, `encPrivateKey` (in clear).
    fn to_offline_json(&self) -> String {
        self.0.to_offline_json().to_string()
    }

    fn __repr__(&self) -> String {
        format!("KeyPair({}, private key ***)", self.0.address)
    }
}

/// A signed contract call: the three strings the DNA transfer/burn endpoints take, plus the hash.
#[pyclass(frozen, module = "chainkit.bif", name = "SignedTransaction")]
pub struct SignedTransaction(bif::SignedTransaction);

#[pymethods]
impl SignedTransaction {
    /// `serialization`: hex of the protobuf transaction.
    #[getter]
    fn serialization(&self) -> String {
        self.0.serialization_hex()
    }

    /// The raw serialization bytes.
    #[getter]
    fn serialization_bytes<'py>(&self, py: Python<'py>) -> Bound<'py, PyBytes> {
        PyBytes::new(py, &self.0.serialization)
    }

    /// `signData`: hex of the 64-byte signature.
    #[getter]
    fn sign_data(&self) -> String {
        self.0.sign_data_hex()
    }

    /// `publicKey`: the signer's `encPublicKey`.
    #[getter]
    fn public_key(&self) -> String {
        self.0.public_key.to_enc()
    }

    /// Hex SHA-256 of the serialization.
    #[getter]
    fn tx_hash(&self) -> String {
        self.0.tx_hash()
    }

    /// The offline service's `data` JSON text plus `txHash`.
    fn to_json(&self) -> String {
        self.0.to_json().to_string()
    }

    fn __repr__(&self) -> String {
        format!("SignedTransaction(tx_hash={})", self.0.tx_hash())
    }
}

/// Builds and signs a contract call (DNA transfer or burn).
#[pyfunction]
#[pyo3(signature = (private_key, sender_address, contract_address, input, nonce, amount = 0, fee_limit = 0, gas_price = 0, sm2_k = None))]
#[allow(clippy::too_many_arguments)]
pub fn bif_sign_contract_call(
    py: Python<'_>,
    private_key: &PrivateKey,
    sender_address: String,
    contract_address: String,
    input: String,
    nonce: i64,
    amount: i64,
    fee_limit: i64,
    gas_price: i64,
    sm2_k: Option<Vec<u8>>,
) -> PyResult<SignedTransaction> {
    let call = ContractCall {
        sender_address,
        contract_address,
        amount,
        input,
        nonce,
        fee_limit,
        gas_price,
    };
    let key = &private_key.0;
    // Pure CPU work, no Python objects touched: let other threads run.
    py.detach(|| match &sm2_k {
        Some(k) => call.sign_with_sm2_k(key, k),
        None => call.sign(key),
    })
    .map(SignedTransaction)
    .map_err(to_py)
}

/// The contract-call `input` of a DNA transfer, to sign for `transfer_dna`.
#[pyfunction]
pub fn bif_transfer_input(
    from_address: &str,
    to_address: &str,
    token_bid: &str,
) -> PyResult<String> {
    bif::transfer_input(from_address, to_address, token_bid).map_err(to_py)
}

/// The contract-call `input` of a DNA burn, to sign for `burn_dna`.
#[pyfunction]
pub fn bif_burn_input(token_bid: &str) -> PyResult<String> {
    bif::burn_input(token_bid).map_err(to_py)
}

/// True when `address` is a valid BID.
#[pyfunction]
pub fn bif_is_valid_address(address: &str) -> bool {
    Address::is_valid(address)
}

/// Bytes, or their hex text.
#[derive(FromPyObject)]
pub enum BytesOrHex {
    /// `bytes`.
    Bytes(Vec<u8>),
    /// Hex text.
    Hex(String),
}

/// Decodes a serialization (bytes or hex): JSON text `{transaction, canonical, tx_hash}`.
#[pyfunction]
pub fn bif_decode_transaction(serialization: BytesOrHex) -> PyResult<String> {
    let serialization = match serialization {
        BytesOrHex::Bytes(b) => b,
        BytesOrHex::Hex(h) => hex::decode(h.trim()).map_err(|e| {
            to_py(chainkit_core::Error::invalid_input(format!(
                "serialization: not hex ({e})"
            )))
        })?,
    };
    let serialization = serialization.as_slice();
    let d = bif::proto::decode(serialization).map_err(to_py)?;
    Ok(serde_json::json!({
        "transaction": d.transaction.to_json(),
        "canonical": d.canonical,
        "tx_hash": bif::tx_hash(serialization),
    })
    .to_string())
}

/// Hex SHA-256 of a serialization.
#[pyfunction]
pub fn bif_tx_hash(serialization: &[u8]) -> String {
    bif::tx_hash(serialization)
}
