// What `client.request` resolves with: a plain JS object, so that a response's body does not
// wait in WebAssembly memory for the garbage collector (there is nothing to free()).
import { ChainkitError } from "./error.js";

export class RawResponse {
  constructor(status, headers, body) {
    /** HTTP status. */
    this.status = status;
    /** Headers as `[name, value]` pairs, names lowercase. */
    this.headers = headers;
    /** Body bytes. */
    this.body = body;
  }

  /** Body decoded as UTF-8 (invalid sequences replaced). */
  text() {
    return new TextDecoder().decode(this.body);
  }

  /** Body parsed as JSON; throws `ChainkitError` (kind `decode`) when it is not JSON. */
  json() {
    try {
      return JSON.parse(this.text());
    } catch {
      const detail = "response body is not valid JSON";
      throw new ChainkitError(`decode: ${detail}`, {
        kind: "decode", service: null, status: null, code: null, detail, requestId: null, retryAfterMs: null,
      });
    }
  }
}
