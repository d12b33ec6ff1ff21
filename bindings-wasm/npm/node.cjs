// Node, CommonJS: wasm-bindgen's nodejs build, which loads its .wasm synchronously.
const native = require("./node/chainkit_wasm.js");
const { ChainkitError } = require("./node/__ERROR_JS__");

const services = require("./services.cjs");

// Clients without a `fetch` option send through node:http (see node-http.mjs for why).
native.__useNodeHttp(require("./node-http.cjs").nodeHttpFetch);

module.exports = { ...native, ...services, ChainkitError };
