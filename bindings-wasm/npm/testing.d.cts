/** Options of `startSandbox`. */
export interface SandboxOptions {
  /** The chainkit-sandbox executable (default: `$CHAINKIT_SANDBOX_BIN`, else `chainkit-sandbox` on PATH). */
  bin?: string;
  /**
   * Overrides of the sandbox's test credentials and delays, by section (`ddc`, `ulord`, `dna`,
   * `pool`, `huawei`), e.g. `{ dna: { message_delay_ms: 0 } }`; see the sandbox's README.
   */
  credentials?: Record<string, Record<string, string | number>>;
  /** How long to wait for it to listen (default 10 000 ms). */
  timeoutMs?: number;
}

/** A running sandbox. */
export interface Sandbox {
  /** Its base URL, `http://127.0.0.1:PORT`: pass it to `new Client(url, …)`. */
  readonly url: string;
  /** Stops it; resolves when it has exited. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts chainkit-sandbox on a free loopback port: all five services, offline, with the default
 * test credentials of its README. It stops when `stop()` is called or this process exits.
 */
export declare function startSandbox(options?: SandboxOptions): Promise<Sandbox>;
