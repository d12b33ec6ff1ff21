// The node glue's (the same type in both): the web glue's declarations need the DOM lib.
import type { ErrorKind } from "./node/chainkit_wasm.js";

/** The error every chainkit call throws or rejects with. `message` includes code, message and request id. */
export declare class ChainkitError extends Error {
  readonly name: "ChainkitError";
  /** What went wrong, coarsely: branch on this. */
  readonly kind: ErrorKind;
  /** The service the error came from (`dna`, `bcs`, …), if any. */
  readonly service: string | null;
  /** HTTP status, when a response was received. */
  readonly status: number | null;
  /** The service's own error code, when it gave one. */
  readonly code: string | null;
  /** The service's message (or chainkit's), without code or request id. */
  readonly detail: string;
  /** The request id from the response, for support tickets. */
  readonly requestId: string | null;
  /** How long the service asked to wait, in milliseconds. */
  readonly retryAfterMs: number | null;
}
