//! TypeScript shapes of the plain objects the API takes.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/**
 * How a client authenticates: one variant per scheme of the five services. Values are copied
 * into Rust memory as secrets (zeroized when the client is freed); the JS strings are not ours
 * to wipe. Environment variable names for each scheme are in the README.
 */
export type Credentials =
  | { scheme: "none" }
  /** DDC (seed 000): header `apitoken`. */
  | { scheme: "ddcApiToken"; token: string }
  /** Ulord external calls (seed 001): header `appkey`. */
  | { scheme: "ulordAppKey"; appKey: string }
  /** Ulord admin calls: developer login; the session cookie by default, or the returned token in a header. */
  | { scheme: "ulordAdmin"; username: string; password: string;
      session?: { mode: "cookie" } | { mode: "token"; header: string; prefix?: string } }
  /** DNA (seed 002): `accessToken` fetched with apiKey/apiSecret, cached and refreshed. */
  | { scheme: "dna"; apiKey: string; apiSecret: string }
  /** Mining pool (seed 003): fresh JWT + signed body envelope on every request. */
  | { scheme: "pool"; clientId: string; secretKey: string; secretSalt: string; ttlS?: number }
  /** Huawei Cloud AK/SK signing (seed 004). */
  | { scheme: "huaweiAkSk"; accessKey: string; secretKey: string; projectId?: string; securityToken?: string;
      algorithm?: "SDK-HMAC-SHA256" | "SDK-HMAC-SM3" }
  /** Huawei IAM password token, fetched from `iamUrl` (project scope by id or name). */
  | { scheme: "huaweiIam"; iamUrl: string; userName: string; password: string; domainName: string;
      projectId?: string; projectName?: string }
  /** An IAM token you already hold, sent as `X-Auth-Token`. */
  | { scheme: "huaweiToken"; token: string };

/** Input of `signHuawei`. */
export interface HuaweiSignInit {
  method: string;
  /** Absolute URL with the query to send. */
  url: string;
  headers?: [string, string][];
  /** Body text (UTF-8). */
  body?: string;
  credentials: { accessKey: string; secretKey: string; projectId?: string; securityToken?: string;
    algorithm?: "SDK-HMAC-SHA256" | "SDK-HMAC-SM3" };
  /** Signing time in ms since the epoch (default: now). */
  nowMs?: number;
}

/** What `signHuawei` returns: send exactly this URL and these headers. */
export interface HuaweiSigned { url: string; headers: [string, string][] }

/** Input of `signPool`. */
export interface PoolSignInit {
  clientId: string;
  secretKey: string;
  secretSalt: string;
  /** e.g. "Account.GetBindInfo". */
  action: string;
  /** The action's parameters (sent as `JSON.stringify(params)`), or that text itself; default `{}`. */
  params?: object | string;
  /** Signing time in ms since the epoch (default: now); `at` is sent in whole seconds. */
  nowMs?: number;
  /** JWT lifetime in seconds (default 180). */
  ttlS?: number;
}

/** What `signPool` returns: POST `body` with `Authorization: authorization`. */
export interface PoolSigned { authorization: string; body: string; sign: string }

/** Client-wide settings. */
export interface ClientOptions {
  /** How requests are authenticated (default: not at all). */
  credentials?: Credentials;
  /** Limit for one attempt, in milliseconds (default 30000; at most 2147483647, what `setTimeout` can count). */
  timeoutMs?: number;
  /** Attempts in total, the first included (default 3; 1 disables retries). */
  maxAttempts?: number;
  /**
   * The largest answer accepted, in bytes (default 16 MiB): a longer one fails with kind
   * `decode` as soon as that much has arrived, and its download is aborted.
   */
  maxResponseBytes?: number;
  /**
   * A fetch-compatible function to send requests with (default: the global fetch). `signal`
   * aborts when chainkit gives up on the request (timeout, cancellation): pass it on to `fetch`.
   */
  fetch?: (url: string, init: { method: string; headers: [string, string][]; body?: Uint8Array; signal: AbortSignal }) => Promise<{
    status: number;
    headers: { entries(): Iterable<[string, string]> };
    arrayBuffer(): Promise<ArrayBuffer>;
  }>;
}

/** A request chainkit has no typed method for, still sent with timeout, retry and typed errors. */
export interface RawRequestInit {
  /** HTTP method, e.g. "GET". */
  method: string;
  /** Path and query, resolved against the client's base URL. */
  path: string;
  /** Headers in order; repeated names are sent repeatedly. */
  headers?: [string, string][];
  /** Body: bytes, or text sent as UTF-8. */
  body?: Uint8Array | string;
  /** Overrides the method's idempotency (GET, HEAD, PUT, DELETE, OPTIONS are idempotent). */
  idempotent?: boolean;
  /** Cancels the call when aborted: it rejects with kind `cancelled` and its fetch is aborted. */
  signal?: AbortSignal;
}

/** What `client.request` resolves with (a response with status below 400): a plain object, nothing to free. */
export interface RawResponse {
  /** HTTP status. */
  readonly status: number;
  /** Headers as `[name, value]` pairs, names lowercase. */
  readonly headers: [string, string][];
  /** Body bytes. */
  readonly body: Uint8Array;
  /** Body decoded as UTF-8 (invalid sequences replaced). */
  text(): string;
  /** Body parsed as JSON; throws `ChainkitError` (kind `decode`) when it is not JSON. */
  json(): any;
}

/**
 * What went wrong, coarsely. `internal` is a bug in chainkit (a Rust panic, caught): the call
 * failed, other calls and new objects keep working; please report the message.
 */
export type ErrorKind =
  | "network" | "timeout" | "cancelled" | "unauthorized" | "rate_limited"
  | "api" | "invalid_input" | "decode" | "signing" | "config" | "forbidden" | "internal";
"#;

#[wasm_bindgen]
extern "C" {
    /// `ClientOptions` from JS.
    #[wasm_bindgen(typescript_type = "ClientOptions")]
    pub type JsClientOptions;
    /// `HuaweiSignInit` from JS.
    #[wasm_bindgen(typescript_type = "HuaweiSignInit")]
    pub type JsHuaweiSignInit;
    /// `PoolSignInit` from JS.
    #[wasm_bindgen(typescript_type = "PoolSignInit")]
    pub type JsPoolSignInit;
    /// `RawRequestInit` from JS.
    #[wasm_bindgen(typescript_type = "RawRequestInit")]
    pub type JsRawRequest;
}
