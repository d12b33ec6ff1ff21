// Node, ESM: the web build, initialised synchronously from the bundled .wasm file.
import { readFileSync } from "node:fs";
import { initSync } from "./web/chainkit_wasm.js";

initSync({ module: readFileSync(new URL("./web/chainkit_wasm_bg.wasm", import.meta.url)) });

export * from "./web/chainkit_wasm.js";
export * from "./services.js";
export { ChainkitError } from "./web/__ERROR_JS__";
