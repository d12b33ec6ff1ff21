//! The DNA flows of core's `dna::flows` on `Client`, for the generated `client.dna` object
//! (`npm/flows/dna.js` calls these; they are left out of the TypeScript, which types the flows
//! on `DnaClient`). Answers are plain objects in wire names, like the generated endpoints'.

use std::time::Duration;

use chainkit_core::api::{Ty, WireValue};
use chainkit_core::dna::DnaClient;
use wasm_bindgen::prelude::*;

use crate::bif::{key_type, BifPrivateKey};
use crate::client::Client;
use crate::error::to_js;

/// A flow's answer, model `model` of DNA's definition, as the endpoints answer (64-bit → bigint).
fn wire<T: WireValue>(value: &T, model: &'static str) -> Result<JsValue, JsValue> {
    let value = value.wire().unwrap_or_default();
    crate::output::to_js_typed(&chainkit_core::dna::SERVICE, &Ty::Model(model), value)
}

#[wasm_bindgen]
impl Client {
    fn dna_client(&self) -> DnaClient {
        let (executor, auth) = self.parts();
        DnaClient::new(executor, auth)
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = dnaCreateAccount, skip_typescript)]
    pub async fn dna_create_account(
        &self,
        phone: String,
        key_type_name: String,
    ) -> Result<BifPrivateKey, JsValue> {
        let d = self.dna_client();
        self.run(async move {
            let key_type = key_type(&key_type_name)?;
            let key = d
                .create_account(&phone, key_type)
                .await
                .map_err(|e| to_js(&e))?;
            Ok(BifPrivateKey(key))
        })
        .await
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = dnaTransfer, skip_typescript)]
    pub async fn dna_transfer(
        &self,
        key: &BifPrivateKey,
        contract_address: String,
        token_bid: String,
        to_bid: String,
    ) -> Result<JsValue, JsValue> {
        let (key, d) = (key.0.clone(), self.dna_client());
        self.run(async move {
            let out = d
                .transfer(&key, &contract_address, &token_bid, &to_bid)
                .await
                .map_err(|e| to_js(&e))?;
            wire(&out, "Submitted")
        })
        .await
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = dnaBurn, skip_typescript)]
    pub async fn dna_burn(
        &self,
        key: &BifPrivateKey,
        contract_address: String,
        token_bid: String,
    ) -> Result<JsValue, JsValue> {
        let (key, d) = (key.0.clone(), self.dna_client());
        self.run(async move {
            let out = d
                .burn(&key, &contract_address, &token_bid)
                .await
                .map_err(|e| to_js(&e))?;
            wire(&out, "Submitted")
        })
        .await
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = dnaWaitForMessage, skip_typescript)]
    pub async fn dna_wait_for_message(
        &self,
        message_id: String,
        timeout_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let timeout = Duration::try_from_secs_f64(timeout_ms / 1000.0).map_err(|_| {
            to_js(&chainkit_core::Error::invalid_input(
                "timeoutMs must be a non-negative number",
            ))
        })?;
        let d = self.dna_client();
        self.run(async move {
            let out = d
                .wait_for_message(&message_id, timeout)
                .await
                .map_err(|e| to_js(&e))?;
            wire(&out, "MessageOutcome")
        })
        .await
    }

    #[doc(hidden)]
    #[wasm_bindgen(js_name = dnaOwnersOf, skip_typescript)]
    pub async fn dna_owners_of(&self, token_bid: String) -> Result<Vec<String>, JsValue> {
        let d = self.dna_client();
        self.run(async move { d.owners_of(&token_bid).await.map_err(|e| to_js(&e)) })
            .await
    }
}
