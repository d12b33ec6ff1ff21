//! Seed 000 (DDC) for Kotlin/Swift: the flow of core's `ddc::flows` on the generated
//! `DdcClient` (its endpoints and models come from the definition, in `service.rs`).

use crate::service::ddc::{DdcClient, DdcTransaction};

/// The flow of core's `ddc::flows`.
#[uniffi::export(async_runtime = "tokio")]
impl DdcClient {
    /// Polls `listDdcTransactions` for `trade_code` (a mint's, send's or burn's answer) until its
    /// status leaves 0 (processing), and returns that row: `txStatus` 1 succeeded (a mint's
    /// `ddcId` names the new DDC), 2 failed. `Timeout` after `timeout_ms`.
    pub async fn wait_for_trade(
        &self,
        trade_code: String,
        timeout_ms: u64,
    ) -> Result<DdcTransaction, crate::error::ChainkitError> {
        let timeout = std::time::Duration::from_millis(timeout_ms);
        let out = self.0.wait_for_trade(&trade_code, timeout).await?;
        Ok(chainkit_core::api::Conv::conv(out))
    }
}
