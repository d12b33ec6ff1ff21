// DdcClient's flow (src/ddc.rs); codegen puts this method into the generated class.

  /**
   * Polls `listDdcTransactions` for `tradeCode` (a mint's, send's or burn's answer) until its
   * status leaves 0 (processing); resolves with that row: `txStatus` 1 succeeded (a mint's
   * `ddcId` names the new DDC), 2 failed. Rejects (kind `timeout`) after `timeoutMs`.
   */
  waitForTrade(tradeCode, timeoutMs = 60000) {
    return this.#client.ddcWaitForTrade(tradeCode, timeoutMs);
  }
