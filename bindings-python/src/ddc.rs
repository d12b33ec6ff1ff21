//! Seed 000 (DDC) for Python: the flow of core's `ddc::flows` on the generated `DdcClient`
//! (its endpoints and models come from the definition, in `service.rs`).

use pyo3::prelude::*;

use crate::service::ddc::{DdcClient, DdcTransaction};

/// The flow of core's `ddc::flows`.
#[pyo3::pymethods]
impl DdcClient {
    /// Polls ``list_ddc_transactions`` for ``trade_code`` (a mint's, send's or burn's answer)
    /// until its status leaves 0 (processing), and returns that row: ``tx_status`` 1 succeeded
    /// (a mint's ``ddc_id`` names the new DDC), 2 failed. ``RequestTimeoutError`` after
    /// ``timeout`` seconds.
    #[pyo3(signature = (trade_code, timeout = 60.0))]
    fn wait_for_trade(
        &self,
        py: Python<'_>,
        trade_code: String,
        timeout: f64,
    ) -> PyResult<DdcTransaction> {
        let timeout = std::time::Duration::try_from_secs_f64(timeout).map_err(|_| {
            crate::errors::to_py(chainkit_core::Error::invalid_input(
                "timeout must be a non-negative number of seconds",
            ))
        })?;
        let service = self.core()?;
        let out = crate::client::wait(py, async move {
            service.wait_for_trade(&trade_code, timeout).await
        })?;
        Ok(chainkit_core::api::Conv::conv(out))
    }
}
