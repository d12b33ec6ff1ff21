export * from "./node/chainkit_wasm.js";
export * from "./services.js";
export { ChainkitError } from "./error.js";
