//! Seed 002 (DNA) for Kotlin/Swift: the one-call flows of core's `dna::flows` on the generated
//! `DnaClient` (its endpoints and models come from the definition, in `service.rs`).

use crate::service::dna::{DnaClient, DnaMessageOutcome, DnaSubmitted};

/// The one-call flows of core's `dna::flows`.
#[uniffi::export(async_runtime = "tokio")]
impl DnaClient {
    /// Creates a user account: a new key pair uploaded with the SHA-256 of `phone` (the account upload).
    /// Returns the key; its address is the account's BID. Keep it: it signs transfers and burns.
    pub async fn create_account(
        &self,
        phone: String,
        key_type: crate::bif::BifKeyType,
    ) -> Result<std::sync::Arc<crate::bif::BifPrivateKey>, crate::error::ChainkitError> {
        let key = self.0.create_account(&phone, key_type.into()).await?;
        Ok(std::sync::Arc::new(crate::bif::BifPrivateKey(key)))
    }

    /// Transfers `token_bid` from `key`'s account to `to_bid`: nonce, `safeTransferFrom` call
    /// to `contract_address`, signature, submission (`transferDna`).
    pub async fn transfer(
        &self,
        key: std::sync::Arc<crate::bif::BifPrivateKey>,
        contract_address: String,
        token_bid: String,
        to_bid: String,
    ) -> Result<DnaSubmitted, crate::error::ChainkitError> {
        let out = self
            .0
            .transfer(&key.0, &contract_address, &token_bid, &to_bid)
            .await?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// Burns `token_bid` held by `key`'s account (`burnDna`).
    pub async fn burn(
        &self,
        key: std::sync::Arc<crate::bif::BifPrivateKey>,
        contract_address: String,
        token_bid: String,
    ) -> Result<DnaSubmitted, crate::error::ChainkitError> {
        let out = self.0.burn(&key.0, &contract_address, &token_bid).await?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// Polls `messageResult` until the message leaves state 0 (250 ms doubling to 4 s between
    /// polls); a `Timeout` error after `timeout_ms`. A failed write (state 1) is returned.
    pub async fn wait_for_message(
        &self,
        message_id: String,
        timeout_ms: u64,
    ) -> Result<DnaMessageOutcome, crate::error::ChainkitError> {
        let timeout = std::time::Duration::from_millis(timeout_ms);
        let out = self.0.wait_for_message(&message_id, timeout).await?;
        Ok(chainkit_core::api::Conv::conv(out))
    }

    /// The owners `tokenOwnerOf` reports for `token_bid`, parsed from its bracketed `bidAddress`.
    pub async fn owners_of(
        &self,
        token_bid: String,
    ) -> Result<Vec<String>, crate::error::ChainkitError> {
        Ok(self.0.owners_of(&token_bid).await?)
    }
}
