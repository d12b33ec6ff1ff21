// Seed 003's own Node recipe (npm jsonwebtoken + node:crypto), sent to the sandbox's pool with
// the sandbox's default credentials: accepted once, rejected (5020) when replayed byte for byte.
//   node tests/oracles/pool_recipe_vs_sandbox.mjs     (CHAINKIT_SANDBOX_URL set, as in make test)
import { createHmac } from "node:crypto";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const jwt = require("../../tools/node_modules/jsonwebtoken");
const url = process.env.CHAINKIT_SANDBOX_URL;
if (!url) throw new Error("CHAINKIT_SANDBOX_URL is not set: run through make test");
const [clientId, secretKey, secretSalt] = ["sandbox-client", "sandbox-secret-key", "sandbox-secret-salt"];
const random = (lo, hi) => lo + Math.floor(Math.random() * (hi - lo + 1));

// The seed's sample, as written there (its float `at`, lodash's _.random as the same range).
const action = "Account.GetBindInfo";
const exp = Math.floor(Date.now() / 1000) + 180;
const token = jwt.sign({ clientId, rnd: random(1000000000, 9999999999), exp }, secretKey);
const at = Date.now() / 1000;
const data = JSON.stringify({ account: "alice" });
const signNonce = random(1000000000, 9999999999).toString();
const sign = createHmac("sha256", secretKey).update(action + at.toString() + data + signNonce + secretSalt).digest("hex");
const body = JSON.stringify({ action, at, data, signNonce, sign });
const send = async () => {
  const res = await fetch(`${url}/`, { method: "POST", headers: { Authorization: token, "Content-Type": "application/json" }, body });
  return res.json();
};

const first = await send();
const replay = await send();
const problems = [];
if (first.code !== 0) problems.push(`the recipe's request was refused: ${JSON.stringify(first)}`);
if (replay.code !== 5020) problems.push(`the replay was not rejected with 5020: ${JSON.stringify(replay)}`);
for (const p of problems) console.log(`FAIL ${p}`);
console.log(`pool recipe vs sandbox: ${2 - problems.length} passed, ${problems.length} failed`);
process.exit(problems.length ? 1 : 0);
