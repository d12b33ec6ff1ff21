//! TypeScript shapes of the plain objects the API takes.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** Client-wide settings. */
export interface ClientOptions {
  /** Limit for one attempt, in milliseconds (default 30000). */
  timeoutMs?: number;
  /** Attempts in total, the first included (default 3; 1 disables retries). */
  maxAttempts?: number;
  /** A fetch-compatible function to send requests with (default: the global fetch). */
  fetch?: (url: string, init: { method: string; headers: [string, string][]; body?: Uint8Array }) => Promise<{
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
}

/** What went wrong, coarsely. */
export type ErrorKind =
  | "network" | "timeout" | "cancelled" | "unauthorized" | "rate_limited"
  | "api" | "invalid_input" | "decode" | "signing" | "config";
"#;

#[wasm_bindgen]
extern "C" {
    /// `ClientOptions` from JS.
    #[wasm_bindgen(typescript_type = "ClientOptions")]
    pub type JsClientOptions;
    /// `RawRequestInit` from JS.
    #[wasm_bindgen(typescript_type = "RawRequestInit")]
    pub type JsRawRequest;
}
