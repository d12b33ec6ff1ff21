export * from "./web/chainkit_wasm.js";
export { default } from "./web/chainkit_wasm.js";
export { ChainkitError } from "./error.js";
