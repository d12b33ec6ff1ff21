//! The sequence seed 000 implies: a mint, send or burn answers its trade number at once and is
//! carried out afterwards (交易明细's 交易状态: 0 处理中, 1 成功, 2 失败); its outcome, and for a
//! mint the new DDC's id, is the transaction list's row with that trade number.

use std::time::Duration;

use super::{DdcClient, DdcTransaction, DdcTransactionQuery};
use crate::error::{Error, ErrorKind, Result};

/// 交易状态 0: still being processed.
pub const TX_PROCESSING: i32 = 0;
/// 交易状态 1: done.
pub const TX_SUCCEEDED: i32 = 1;
/// 交易状态 2: failed.
pub const TX_FAILED: i32 = 2;

impl DdcClient {
    /// Polls `list_ddc_transactions` for `trade_code` (a mint's, send's or burn's answer) until
    /// its status leaves 0 (处理中), waiting 250 ms doubling to 4 s between polls, and returns
    /// that row: status 1 succeeded (a mint's `ddc_id` names the new DDC), 2 failed (returned,
    /// not raised). A timeout error after `timeout`; a row not listed yet counts as processing.
    pub async fn wait_for_trade(
        &self,
        trade_code: &str,
        timeout: Duration,
    ) -> Result<DdcTransaction> {
        let rt = self.executor.runtime();
        let deadline = rt.clock.now()?.saturating_add(timeout);
        let mut delay = Duration::from_millis(250);
        let query = DdcTransactionQuery {
            trade_code: Some(trade_code.to_owned()),
            tx_type: None,
            user_trade_code: None,
        };
        loop {
            let listed = self.list_ddc_transactions(&query).await?.data;
            if let Some(row) = listed
                .into_iter()
                .find(|t| t.trade_code == trade_code && t.tx_status != TX_PROCESSING)
            {
                return Ok(row);
            }
            let now = rt.clock.now()?;
            if now >= deadline {
                return Err(Error::new(
                    ErrorKind::Timeout,
                    format!("trade {trade_code} still processing after {timeout:?}"),
                )
                .with_service("ddc"));
            }
            rt.sleep.sleep(delay.min(deadline - now)).await;
            delay = (delay * 2).min(Duration::from_secs(4));
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use async_trait::async_trait;

    use super::*;
    use crate::runtime::{InstantSleep, ManualClock, SeqRandom};
    use crate::transport::{Request, Response, Transport};
    use crate::{ClientConfig, Executor, NoAuth, Runtime};

    /// Answers each request with the next status of the trade, then the last one again.
    struct Statuses(Mutex<Vec<i32>>);

    #[async_trait]
    impl Transport for Statuses {
        async fn send(&self, _: Request) -> Result<Response> {
            let mut left = self.0.lock().unwrap();
            let status = if left.len() > 1 { left.remove(0) } else { left[0] };
            let row = serde_json::json!({"tradeCode": "T1", "txType": 20, "txStatus": status, "ddcId": 7});
            let body = serde_json::json!({"code": 0, "data": [row], "errorLogCode": "0", "message": "0"});
            Ok(http::Response::new(body.to_string().into_bytes()))
        }
    }

    fn client(statuses: &[i32]) -> (DdcClient, Arc<InstantSleep>) {
        let clock = Arc::new(ManualClock::new(Duration::from_secs(1_000)));
        let sleep = Arc::new(InstantSleep::advancing(clock.clone()));
        let runtime = Runtime {
            transport: Arc::new(Statuses(Mutex::new(statuses.to_vec()))),
            clock,
            sleep: sleep.clone(),
            random: Arc::new(SeqRandom::new(1, 1)),
        };
        let config = ClientConfig::new("https://ddc.example/").unwrap();
        (DdcClient::new(Executor::new(config, runtime), Arc::new(NoAuth)), sleep)
    }

    #[tokio::test]
    async fn waits_while_processing_and_returns_the_settled_row() {
        let (ddc, sleep) = client(&[TX_PROCESSING, TX_PROCESSING, TX_SUCCEEDED]);
        let row = ddc.wait_for_trade("T1", Duration::from_secs(60)).await.unwrap();
        assert_eq!((row.tx_status, row.ddc_id.as_deref()), (TX_SUCCEEDED, Some("7")));
        assert_eq!(sleep.history(), [Duration::from_millis(250), Duration::from_millis(500)]);
        // A failure is the row itself, not an error.
        let (ddc, _) = client(&[TX_FAILED]);
        assert_eq!(ddc.wait_for_trade("T1", Duration::ZERO).await.unwrap().tx_status, TX_FAILED);
    }

    #[tokio::test]
    async fn gives_up_with_a_timeout() {
        let (ddc, _) = client(&[TX_PROCESSING]);
        let e = ddc.wait_for_trade("T1", Duration::from_secs(5)).await.unwrap_err();
        assert_eq!(e.kind(), ErrorKind::Timeout);
    }
}
