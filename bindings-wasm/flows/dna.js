// DnaClient's flows (src/dna.rs); codegen puts these methods into the generated class.

  /**
   * Creates a user account: a new key pair uploaded (`accountUpload`) with the SHA-256 of `phone`.
   * Resolves with the key (`BifPrivateKey`); its address is the account's BID. Keep it.
   */
  createAccount(phone, keyType = "ed25519") {
    return this.#client.dnaCreateAccount(phone, keyType);
  }
  /** Transfers `tokenBid` from `key`'s account to `toBid` (nonce, call, signature, then `transferDna`). */
  transfer(key, contractAddress, tokenBid, toBid) {
    return this.#client.dnaTransfer(key, contractAddress, tokenBid, toBid);
  }
  /** Burns `tokenBid` held by `key`'s account (nonce, call, signature, then `burnDna`). */
  burn(key, contractAddress, tokenBid) {
    return this.#client.dnaBurn(key, contractAddress, tokenBid);
  }
  /** Polls `messageResult` until the message leaves state 0; rejects (kind `timeout`) after `timeoutMs`. */
  waitForMessage(messageId, timeoutMs = 60000) {
    return this.#client.dnaWaitForMessage(messageId, timeoutMs);
  }
  /** The owners `tokenOwnerOf` reports for `tokenBid`, parsed from its bracketed `bidAddress`. */
  ownersOf(tokenBid) {
    return this.#client.dnaOwnersOf(tokenBid);
  }
