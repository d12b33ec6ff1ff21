// Node, ESM: the web build, initialised synchronously from the bundled .wasm file.
import { readFileSync } from "node:fs";
import { initSync, __useNodeHttp } from "./web/chainkit_wasm.js";
import { nodeHttpFetch } from "./node-http.mjs";

initSync({ module: readFileSync(new URL("./web/chainkit_wasm_bg.wasm", import.meta.url)) });
// Clients without a `fetch` option send through node:http (see node-http.mjs for why).
__useNodeHttp(nodeHttpFetch);

export * from "./web/chainkit_wasm.js";
export * from "./services.js";
export { ChainkitError } from "./web/__ERROR_JS__";
