/// <reference path="./globals.d.ts" />
export * from "./node/chainkit_wasm.js";
export * from "./services.cjs";
export { ChainkitError } from "./error.js";
