/// <reference path="./globals.d.ts" />
export * from "./web/chainkit_wasm.js";
export * from "./services.js";
export { default } from "./web/chainkit_wasm.js";
export { ChainkitError } from "./error.js";
