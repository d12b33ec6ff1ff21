export * from "./node/chainkit_wasm.js";
export { ChainkitError } from "./error.js";
