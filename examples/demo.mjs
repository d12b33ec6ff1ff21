// The JavaScript part of `make demo`: the npm package's Node build against the sandbox.
import { Client, ChainkitError } from "../bindings-wasm/pkg/node.mjs";

const client = new Client(process.env.CHAINKIT_SANDBOX_URL);
const health = await client.request({ method: "GET", path: "/health" });
console.log(`[js] GET /health -> ${health.status} ${health.text()}`);
try {
  await client.request({ method: "GET", path: "/_sandbox/status/409?code=E409&message=conflict" });
} catch (e) {
  if (!(e instanceof ChainkitError)) throw e;
  console.log(`[js] typed error -> kind=${e.kind} status=${e.status} code=${e.code} requestId=${e.requestId}: ${e.message}`);
}
