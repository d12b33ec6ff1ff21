//! One-call flows over the DNA endpoints and [`crate::bif`]: an account from a fresh key pair,
//! a transfer or burn from nonce to `messageId`, and waiting for a message to settle.

use std::time::Duration;

use sha2::{Digest, Sha256};

use super::{
    Account, AccountUpload, BurnDna, DnaClient, MessageId, MessageOutcome, NonceRequest, Submitted,
    TransferDna,
};
use crate::bif::contract::{burn_input, transfer_input, ContractCall, SignedTransaction};
use crate::bif::key::{KeyType, PrivateKey};
use crate::error::{Error, ErrorKind, Result};

/// The documented `feeLimit`/`gasPrice` of a contract call (the offline examples use
/// 100000000/10; the parameter table and the transfer transaction use these).
pub const FEE_LIMIT: i64 = 20_000_000;
/// See [`FEE_LIMIT`].
pub const GAS_PRICE: i64 = 200;

/// `message_result` states.
pub const STATE_SUBMITTED: i32 = 0;
/// The write failed on chain.
pub const STATE_FAILED: i32 = 1;
/// The write is on chain.
pub const STATE_SUCCEEDED: i32 = 2;

/// The account upload's `phone`: lowercase hex SHA-256 of `phone` exactly as given (the seed states no
/// normalisation, so chainkit applies none: pass the form your platform registered).
pub fn phone_hash(phone: &str) -> String {
    hex::encode(Sha256::digest(phone.as_bytes()))
}

impl DnaClient {
    /// Creates a user account: a new `key_type` key pair, uploaded with its phone
    /// hashed. Returns the key; its address is the account's BID. Keep the key: it signs the
    /// account's transfers and burns.
    pub async fn create_account(&self, phone: &str, key_type: KeyType) -> Result<PrivateKey> {
        let key = PrivateKey::generate(key_type, self.executor.runtime().random.as_ref())?;
        let account = Account {
            phone: phone_hash(phone),
            bid: key.public_key().address().to_string(),
        };
        self.account_upload(&AccountUpload {
            data: vec![account],
        })
        .await?;
        Ok(key)
    }

    /// Transfers `token_bid` from `key`'s account to `to_bid`: fetches the nonce, builds and
    /// signs the `safeTransferFrom` call to `contract_address`, submits it (`transfer_dna`).
    pub async fn transfer(
        &self,
        key: &PrivateKey,
        contract_address: &str,
        token_bid: &str,
        to_bid: &str,
    ) -> Result<Submitted> {
        let from = key.public_key().address().to_string();
        let signed = self
            .sign_call(
                key,
                contract_address,
                transfer_input(&from, to_bid, token_bid)?,
            )
            .await?;
        self.transfer_dna(&TransferDna {
            token_bid: token_bid.to_owned(),
            from_bid: from,
            to_bid: to_bid.to_owned(),
            serialization: signed.serialization_hex(),
            sign_data: signed.sign_data_hex(),
            public_key: signed.public_key.to_enc(),
        })
        .await
    }

    /// Burns `token_bid` held by `key`'s account (the burn call, submitted by `burn_dna`).
    pub async fn burn(
        &self,
        key: &PrivateKey,
        contract_address: &str,
        token_bid: &str,
    ) -> Result<Submitted> {
        let from = key.public_key().address().to_string();
        let signed = self
            .sign_call(key, contract_address, burn_input(token_bid)?)
            .await?;
        self.burn_dna(&BurnDna {
            token_bid: token_bid.to_owned(),
            from_bid: from,
            serialization: signed.serialization_hex(),
            sign_data: signed.sign_data_hex(),
            public_key: signed.public_key.to_enc(),
        })
        .await
    }

    /// Decision (the nonce endpoint, 获取当前地址nonce值): the endpoint returns the
    /// signer's current nonce and the transaction carries the next one.
    async fn sign_call(
        &self,
        key: &PrivateKey,
        contract_address: &str,
        input: String,
    ) -> Result<SignedTransaction> {
        let sender = key.public_key().address().to_string();
        let current = self
            .chain_nonce(&NonceRequest {
                user_bid: sender.clone(),
            })
            .await?
            .nonce;
        ContractCall {
            sender_address: sender,
            contract_address: contract_address.to_owned(),
            amount: 0,
            input,
            nonce: current + 1,
            fee_limit: FEE_LIMIT,
            gas_price: GAS_PRICE,
        }
        .sign(key)
    }

    /// Polls `message_result` until the message leaves state 0, waiting 250 ms
    /// doubling to 4 s between polls; a timeout error after `timeout`. A failed write (state 1)
    /// is returned, not raised: its `info[].message` says why.
    pub async fn wait_for_message(
        &self,
        message_id: &str,
        timeout: Duration,
    ) -> Result<MessageOutcome> {
        let rt = self.executor.runtime();
        let deadline = rt.clock.now()?.saturating_add(timeout);
        let mut delay = Duration::from_millis(250);
        let input = MessageId {
            message_id: message_id.to_owned(),
        };
        loop {
            let outcome = self.message_result(&input).await?.data;
            if outcome.state != STATE_SUBMITTED {
                return Ok(outcome);
            }
            let now = rt.clock.now()?;
            if now >= deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!("message {message_id} still submitted after {timeout:?}"),
                )
                .with_service("dna"));
            }
            rt.sleep.sleep(delay.min(deadline - now)).await;
            delay = (delay * 2).min(Duration::from_secs(4));
        }
    }

    /// The owners `token_owner_of` reports for `token_bid`, parsed from its bracketed `bidAddress`
    /// (`"[did:bid:a,did:bid:b]"`); empty when it has none.
    pub async fn owners_of(&self, token_bid: &str) -> Result<Vec<String>> {
        let owner = self
            .token_owner_of(&super::TokenBid {
                token_bid: token_bid.to_owned(),
            })
            .await?;
        Ok(parse_owners(
            owner.bid_address.as_deref().unwrap_or_default(),
        ))
    }
}

/// `"[a, b]"`, `"a"`, `""` or `"[]"` → the addresses.
pub fn parse_owners(text: &str) -> Vec<String> {
    text.trim()
        .trim_start_matches('[')
        .trim_end_matches(']')
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn owners_and_phone_hash() {
        assert_eq!(parse_owners("[did:bid:efA]"), vec!["did:bid:efA"]);
        assert_eq!(parse_owners("[did:bid:efA, did:bid:efB]").len(), 2);
        assert!(parse_owners("").is_empty() && parse_owners("[]").is_empty());
        // sha256("13800000000"), as `printf 13800000000 | sha256sum` prints it.
        assert_eq!(
            phone_hash("13800000000"),
            "359ea74a80a57accd42a7311ed96eca04f3e631d0ab34ea76808c543240d8a68"
        );
    }
}
