// Node, CommonJS: wasm-bindgen's nodejs build, which loads its .wasm synchronously.
const native = require("./node/chainkit_wasm.js");
const { ChainkitError } = require("./node/__ERROR_JS__");

const services = require("./services.cjs");

module.exports = { ...native, ...services, ChainkitError };
