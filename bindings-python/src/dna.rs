//! Seed 002 (DNA) for Python: the one-call flows of core's `dna::flows` on the generated
//! `DnaClient` (its endpoints and models come from the definition, in `service.rs`).

use pyo3::prelude::*;

use crate::service::dna::{DnaClient, MessageOutcome, Submitted};

/// The one-call flows of core's `dna::flows`.
#[pyo3::pymethods]
impl DnaClient {
    /// Creates a user account: a new key pair (`"ed25519"` or `"sm2"`) uploaded with the SHA-256
    /// of `phone` (the account upload). Returns the key; its address is the account's BID. Keep it: it signs
    /// the account's transfers and burns.
    #[pyo3(signature = (phone, key_type = "ed25519"))]
    fn create_account(
        &self,
        py: Python<'_>,
        phone: String,
        key_type: &str,
    ) -> PyResult<crate::bif::PrivateKey> {
        let key_type = crate::bif::key_type(key_type)?;
        let service = self.core()?;
        let key =
            crate::client::wait(
                py,
                async move { service.create_account(&phone, key_type).await },
            )?;
        Ok(crate::bif::PrivateKey(key))
    }

    /// Transfers `token_bid` from `key`'s account to `to_bid`: nonce, `safeTransferFrom` call to
    /// `contract_address`, signature, submission (`transfer_dna`). Wait for the answer's message id.
    fn transfer(
        &self,
        py: Python<'_>,
        key: &crate::bif::PrivateKey,
        contract_address: String,
        token_bid: String,
        to_bid: String,
    ) -> PyResult<Submitted> {
        let (key, service) = (key.0.clone(), self.core()?);
        let out = crate::client::wait(py, async move {
            service
                .transfer(&key, &contract_address, &token_bid, &to_bid)
                .await
        })?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// Burns `token_bid` held by `key`'s account (`burn_dna`).
    fn burn(
        &self,
        py: Python<'_>,
        key: &crate::bif::PrivateKey,
        contract_address: String,
        token_bid: String,
    ) -> PyResult<Submitted> {
        let (key, service) = (key.0.clone(), self.core()?);
        let out = crate::client::wait(py, async move {
            service.burn(&key, &contract_address, &token_bid).await
        })?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// Polls `message_result` until the message leaves state 0 (250 ms doubling to 4 s between
    /// polls); raises `RequestTimeoutError` after `timeout` seconds. A failed write (state 1) is
    /// returned, its `info[].message` saying why.
    #[pyo3(signature = (message_id, timeout = 60.0))]
    fn wait_for_message(
        &self,
        py: Python<'_>,
        message_id: String,
        timeout: f64,
    ) -> PyResult<MessageOutcome> {
        let timeout = std::time::Duration::try_from_secs_f64(timeout).map_err(|_| {
            crate::errors::to_py(chainkit_core::Error::invalid_input(
                "timeout must be a non-negative number of seconds",
            ))
        })?;
        let service = self.core()?;
        let out = crate::client::wait(py, async move {
            service.wait_for_message(&message_id, timeout).await
        })?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// The owners `token_owner_of` reports for `token_bid`, parsed from its bracketed `bidAddress`.
    fn owners_of(&self, py: Python<'_>, token_bid: String) -> PyResult<Vec<String>> {
        let service = self.core()?;
        crate::client::wait(py, async move { service.owners_of(&token_bid).await })
    }
}
