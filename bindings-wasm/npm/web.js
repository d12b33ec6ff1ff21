// Browsers and bundlers: call the default export (init) once before using the API.
export * from "./web/chainkit_wasm.js";
export * from "./services.js";
export { default } from "./web/chainkit_wasm.js";
export { ChainkitError } from "./web/__ERROR_JS__";
