// Types of DdcClient's flow (flows/ddc.js); codegen puts them into the generated class.

  /** Polls `listDdcTransactions` for `tradeCode` until its status leaves 0 (processing); resolves with that row (1 succeeded, 2 failed). */
  waitForTrade(tradeCode: string, timeoutMs?: number): Promise<ddc.DdcTransaction>;
