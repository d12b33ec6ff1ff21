/// <reference path="./globals.d.ts" />
export * from "./node/chainkit_wasm.js";
// services.d.cts, not .d.ts: it augments the node glue's Client alone, so Node programs never
// load the web glue's declarations, whose init() types need the DOM lib.
export * from "./services.cjs";
export { ChainkitError } from "./error.js";
