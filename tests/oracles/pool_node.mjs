// Independent oracle for seed 003: the seed's own Node recipe (jsonwebtoken + crypto) against
// chainkit's wasm build.
//   node tests/oracles/pool_node.mjs            compare every case, print a summary
//   node tests/oracles/pool_node.mjs --write F  write the golden vector file F
// The recipe computes `sign` and the body; chainkit's JWT must verify with jsonwebtoken.verify
// under the client's secretKey and carry the claims the recipe's own token carries.
import { createHmac } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

const require = createRequire(import.meta.url);
const jwt = require("../../tools/node_modules/jsonwebtoken");
const ck = await import("../../bindings-wasm/pkg/node.mjs");
const cases = JSON.parse(readFileSync(new URL("./pool_cases.json", import.meta.url), "utf8"));

// Seed 003's recipe, with `at` in integer seconds (chainkit's documented decision).
function recipe(c) {
  const data = JSON.stringify(c.params);
  const at = c.now_s;
  const sign = createHmac("sha256", c.secret_key)
    .update(c.action + at.toString() + data + c.sign_nonce + c.secret_salt).digest("hex");
  // The recipe lets jsonwebtoken add iat from the real clock; the fixed clock is passed as iat.
  const token = jwt.sign({ clientId: c.client_id, rnd: c.rnd, exp: c.now_s + (c.ttl_s ?? 180), iat: c.now_s },
    c.secret_key);
  return { sign, token, body: { action: c.action, at, data, signNonce: c.sign_nonce, sign } };
}

function input(c) {
  const { name, ...rest } = c;
  return rest;
}

const verifyOptions = (c) => ({ algorithms: ["HS256"], clockTimestamp: c.now_s });
let passed = 0, failed = 0;
const vectors = [];
for (const c of cases) {
  const mine = JSON.parse(ck.evaluateVector("pool_sign", JSON.stringify(input(c))));
  const ref = recipe(c);
  const problems = [];
  if (mine.sign !== ref.sign) problems.push(`sign ${mine.sign} != recipe ${ref.sign}`);
  if (!isDeepStrictEqual(mine.body, ref.body)) problems.push(`body ${JSON.stringify(mine.body)} != recipe ${JSON.stringify(ref.body)}`);
  let claims;
  try {
    claims = jwt.verify(mine.authorization, c.secret_key, verifyOptions(c));
  } catch (e) {
    problems.push(`jsonwebtoken.verify rejected chainkit's token: ${e.message}`);
  }
  const refClaims = jwt.verify(ref.token, c.secret_key, verifyOptions(c));
  if (claims && !isDeepStrictEqual(claims, refClaims)) problems.push(`claims ${JSON.stringify(claims)} != recipe ${JSON.stringify(refClaims)}`);
  try {
    jwt.verify(mine.authorization, c.secret_key + "x", verifyOptions(c));
    problems.push("chainkit's token verified under a wrong key");
  } catch { /* expected */ }
  if (problems.length) {
    failed++;
    console.log(`FAIL ${c.name}: ${problems.join("; ")}`);
  } else {
    passed++;
  }
  vectors.push({ name: c.name, input: input(c), expected: { authorization: mine.authorization, sign: ref.sign, body: ref.body } });
}
// The committed `authorize` vectors' pool cases: the recipe's sign over the body chainkit sent,
// and jsonwebtoken.verify of its token with the recipe's claims.
const authorize = JSON.parse(readFileSync(new URL("../vectors/auth/authorize.json", import.meta.url), "utf8"));
for (const v of authorize.cases.filter((v) => v.input.credentials.scheme === "pool" && !v.expected.error)) {
  const cred = v.input.credentials;
  const headers = Object.fromEntries(v.expected.headers);
  const body = JSON.parse(v.expected.body);
  const problems = [];
  const sign = createHmac("sha256", cred.secretKey)
    .update(body.action + body.at.toString() + body.data + body.signNonce + cred.secretSalt).digest("hex");
  if (sign !== body.sign) problems.push(`sign ${body.sign} != recipe ${sign}`);
  if (body.at !== v.input.now_s) problems.push(`at ${body.at} != now ${v.input.now_s}`);
  try {
    const claims = jwt.verify(headers.authorization, cred.secretKey, { algorithms: ["HS256"], clockTimestamp: v.input.now_s });
    const want = { clientId: cred.clientId, exp: v.input.now_s + (cred.ttlS ?? 180), iat: v.input.now_s };
    for (const [k, val] of Object.entries(want)) if (claims[k] !== val) problems.push(`claim ${k}=${claims[k]} != ${val}`);
    if (!(Number.isSafeInteger(claims.rnd) && claims.rnd >= 1e7)) problems.push(`rnd ${claims.rnd} is not an 8+ digit safe integer`);
  } catch (e) {
    problems.push(`jsonwebtoken.verify rejected the token: ${e.message}`);
  }
  if (problems.length) {
    failed++;
    console.log(`FAIL authorize.json#${v.name}: ${problems.join("; ")}`);
  } else {
    passed++;
  }
}
console.log(`pool oracle (seed 003 recipe, jsonwebtoken ${require("../../tools/node_modules/jsonwebtoken/package.json").version}): ${passed} passed, ${failed} failed`);
if (process.argv[2] === "--write" && failed === 0) {
  vectors.push({
    name: "rnd-too-short",
    input: { ...input(cases[0]), rnd: 9999999 },
    expected: { error: { kind: "invalid_input", message: "rnd must have at least 8 digits" } },
  });
  writeFileSync(process.argv[3], JSON.stringify({
    kind: "pool_sign",
    description: "Seed 003 request signing: HS256 JWT (Authorization) and the HMAC-SHA256-signed body envelope",
    source: "sign and body computed by the seed 003 Node recipe (crypto.createHmac) with tests/oracles/pool_node.mjs --write; authorization is chainkit's token, written only after jsonwebtoken.verify accepted it with the recipe's claims",
    cases: vectors,
  }, null, 1) + "\n");
}
process.exit(failed === 0 && passed > cases.length ? 0 : 1);
