//! The DDC flow of core's `ddc::flows` on `Client`, for the generated `client.ddc` object
//! (`flows/ddc.js` calls it; the TypeScript types it on `DdcClient`). Its answer is a plain
//! object in wire names, typed like the endpoints' (64-bit integers as bigint).

use std::time::Duration;

use chainkit_core::api::{Ty, WireValue};
use chainkit_core::ddc::DdcClient;
use wasm_bindgen::prelude::*;

use crate::client::Client;
use crate::error::to_js;

#[wasm_bindgen]
impl Client {
    #[doc(hidden)]
    #[wasm_bindgen(js_name = ddcWaitForTrade, skip_typescript)]
    pub async fn ddc_wait_for_trade(
        &self,
        trade_code: String,
        timeout_ms: f64,
    ) -> Result<JsValue, JsValue> {
        let timeout = Duration::try_from_secs_f64(timeout_ms / 1000.0).map_err(|_| {
            to_js(&chainkit_core::Error::invalid_input(
                "timeoutMs must be a non-negative number",
            ))
        })?;
        let (executor, auth) = self.parts();
        let ddc = DdcClient::new(executor, auth);
        self.run(async move {
            let row = ddc
                .wait_for_trade(&trade_code, timeout)
                .await
                .map_err(|e| to_js(&e))?;
            let value = row.wire().unwrap_or_default();
            crate::output::to_js_typed(
                &chainkit_core::ddc::SERVICE,
                &Ty::Model("DdcTransaction"),
                value,
            )
        })
        .await
    }
}
