// A typed pool call end to end against the sandbox on keep-alive (issue 14): chainkit's
// `client.pool.accountGetBindInfo` (wasm in Node, the global fetch) vs seed 003's Node recipe
// (npm jsonwebtoken + node:crypto + fetch), interleaved in one run; prints calls per second and
// the median of the per-round ratios (BENCHMARKS.md).
//   scripts/with-sandbox.sh node benches/pool_calls_node.mjs [rounds] [calls]   (after bindings-wasm/build.sh;
//   CHAINKIT_MODULE=<path to an installed package's entry> measures a release package instead)
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jwt = require("../tools/node_modules/jsonwebtoken");
const ck = await import(process.env.CHAINKIT_MODULE ?? "../bindings-wasm/pkg/node.mjs");
const [rounds, calls] = [Number(process.argv[2] ?? 9), Number(process.argv[3] ?? 300)];
const url = process.env.CHAINKIT_SANDBOX_URL.replace(/\/$/, "") + "/";
// tests/sandbox default pool credentials.
const [clientId, secretKey, secretSalt] = ["sandbox-client", "sandbox-secret-key", "sandbox-secret-salt"];
const action = "Account.GetBindInfo";
const params = { account: "alice" };
const random = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

// The seed's sample as written there (lodash's _.random replaced by the same range), with
// integer seconds for `at` as chainkit sends.
async function recipe() {
  const at = Math.floor(Date.now() / 1000);
  const token = jwt.sign({ clientId, rnd: random(1e9, 9999999999), exp: at + 180 }, secretKey);
  const data = JSON.stringify(params);
  const signNonce = random(1e9, 9999999999).toString();
  const sign = createHmac("sha256", secretKey).update(action + at.toString() + data + signNonce + secretSalt).digest("hex");
  const res = await fetch(url, {
    method: "POST",
    headers: { Authorization: token, "Content-Type": "application/json" },
    body: JSON.stringify({ action, at, data, signNonce, sign }),
  });
  const answer = await res.json();
  if (answer.code !== 0) throw new Error(JSON.stringify(answer));
  return answer.data;
}

const pool = new ck.Client(url, { credentials: { scheme: "pool", clientId, secretKey, secretSalt } }).pool;
const mine = () => pool.accountGetBindInfo(params);
if ((await mine()).phone !== (await recipe()).phone) throw new Error("the two answer differently");

async function rate(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await fn();
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}
// One untimed round each first: the JIT settles before either side is measured.
await rate(mine);
await rate(recipe);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = [], theirs = [], ratios = [];
for (let r = 0; r < rounds; r++) {
  const a = await rate(mine);
  const b = await rate(recipe);
  ours.push(a); theirs.push(b); ratios.push(a / b);
}
const version = require("../tools/node_modules/jsonwebtoken/package.json").version;
console.log(`node ${process.version} pool call, ${rounds} rounds x ${calls} calls: chainkit ${median(ours).toFixed(0)}/s, ` +
  `recipe (jsonwebtoken ${version} + node:crypto + fetch) ${median(theirs).toFixed(0)}/s; median ratio ${median(ratios).toFixed(2)}x ` +
  `(rounds: ${ratios.map((x) => x.toFixed(2)).join(", ")})`);
