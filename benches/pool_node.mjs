// Pool signing through chainkit's wasm build in Node vs the seed 003 Node recipe
// (npm jsonwebtoken + node:crypto), in one run (BENCHMARKS.md).
//   node benches/pool_node.mjs [seconds]      (after bindings-wasm/build.sh)
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jwt = require("../tools/node_modules/jsonwebtoken");
const ck = await import("../bindings-wasm/pkg/node.mjs");
const seconds = Number(process.argv[2] ?? 5);
const params = { userName: "miner-01", remark: "benchmark", coinType: "btc" };
const random = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

// The seed's recipe as written there (lodash's _.random replaced by the same range).
function recipe() {
  const at = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ clientId: "client-1", rnd: random(1e9, 9999999999), exp: at + 180 }, "test-secret-key");
  const data = JSON.stringify(params);
  const signNonce = random(1e9, 9999999999).toString();
  const sign = createHmac("sha256", "test-secret-key")
    .update("SubAccount.Create" + at.toString() + data + signNonce + "test-secret-salt").digest("hex");
  return [token, JSON.stringify({ action: "SubAccount.Create", at, data, signNonce, sign })];
}

function chainkit() {
  return ck.signPool({ clientId: "client-1", secretKey: "test-secret-key", secretSalt: "test-secret-salt",
    action: "SubAccount.Create", params });
}

function perCallUs(fn) {
  let best = Infinity;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const start = process.hrtime.bigint();
    const end = start + BigInt(Math.round((seconds / 5) * 1e9));
    while (process.hrtime.bigint() < end) {
      for (let i = 0; i < 100; i++) fn();
      n += 100;
    }
    best = Math.min(best, Number(process.hrtime.bigint() - start) / 1e3 / n);
  }
  return best;
}

const rows = [["seed 003 recipe (jsonwebtoken + crypto)", perCallUs(recipe)], ["chainkit signPool (wasm)", perCallUs(chainkit)]];
console.log("| call | µs per call |\n|---|---:|");
for (const [name, us] of rows) console.log(`| ${name} | ${us.toFixed(2)} |`);
console.log(`\nchainkit is ${(rows[0][1] / rows[1][1]).toFixed(1)}x the recipe (jsonwebtoken ${require("../tools/node_modules/jsonwebtoken/package.json").version}, node ${process.version})`);
