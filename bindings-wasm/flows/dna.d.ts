// Types of DnaClient's flows (flows/dna.js); codegen puts them into the generated class.

  /** Creates a user account: a new key pair uploaded (`accountUpload`) with the SHA-256 of `phone`; resolves with the key. */
  createAccount(phone: string, keyType?: BifKeyType): Promise<BifPrivateKey>;
  /** Transfers `tokenBid` from `key`'s account to `toBid` (nonce, call, signature, then `transferDna`). */
  transfer(key: BifPrivateKey, contractAddress: string, tokenBid: string, toBid: string): Promise<dna.Submitted>;
  /** Burns `tokenBid` held by `key`'s account (nonce, call, signature, then `burnDna`). */
  burn(key: BifPrivateKey, contractAddress: string, tokenBid: string): Promise<dna.Submitted>;
  /** Polls `messageResult` until the message leaves state 0; rejects (kind `timeout`) after `timeoutMs`. */
  waitForMessage(messageId: string, timeoutMs?: number): Promise<dna.MessageOutcome>;
  /** The owners `tokenOwnerOf` reports for `tokenBid`, parsed from its bracketed `bidAddress`. */
  ownersOf(tokenBid: string): Promise<string[]>;
