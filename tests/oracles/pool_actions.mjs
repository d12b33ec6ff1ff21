// Independent oracle for seed 003, action by action: for every one of the pool's 45 actions
// (tests/oracles/pool_actions.json), chainkit's wasm build builds the request (`endpoint_request`:
// validation, then the unsigned `{action, data}`) and signs it (`authorize`, fixed clock, nonces
// and credentials); the seed's own Node recipe (jsonwebtoken + node:crypto, as in pool_node.mjs)
// computes the envelope and signature from the case's parameters, and the two must agree byte for
// byte. Then one invalid input per kind of rule must be refused before anything is signed.
//   node tests/oracles/pool_actions.mjs
// Needs the test build (PROFILE=dev FEATURES=vectors bindings-wasm/build.sh) for evaluateVector.
import { createHmac } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isDeepStrictEqual } from "node:util";

const require = createRequire(import.meta.url);
const jwt = require("../../tools/node_modules/jsonwebtoken");
const ck = await import("../../bindings-wasm/pkg/node.mjs");
const file = JSON.parse(readFileSync(new URL("./pool_actions.json", import.meta.url), "utf8"));
const { credentials, base_url, now_s, random } = file;
const ACTIONS = 45;

let passed = 0, failed = 0;
function report(name, problems) {
  if (problems.length) {
    failed++;
    console.log(`FAIL ${name}: ${problems.join("; ")}`);
  } else {
    passed++;
  }
}

function evaluate(op, input) {
  try {
    return JSON.parse(ck.evaluateVector(op, JSON.stringify(input)));
  } catch (e) {
    return { error: { kind: "thrown", message: String(e?.message ?? e) } };
  }
}

// ---- Coverage: the case file against the actions chainkit defines and the document lists ----

// chainkit's definition block: each endpoint's Rust name, its action and its input model's wire
// fields (all of them, optional ones included: every case gives every documented parameter).
const api = readFileSync(new URL("../../core/src/pool/api.rs", import.meta.url), "utf8");
const models = new Map();
for (const m of api.matchAll(/^input (\w+)[^{\n]*\{([^}]*)\}/gm)) {
  models.set(m[1], [...m[2].matchAll(/^\s*\w+ "(\w+)"/gm)].map((f) => f[1]));
}
const defined = new Map(); // action -> {endpoint, fields}
for (const m of api.matchAll(/(\w+)\s+"\w+":\s*POST\s+"\/"\s+action\s+"([^"]+)",\s*auth service,\s*(\(\)|\w+)\s*=>/g)) {
  const fields = m[3] === "()" ? [] : models.get(m[3]);
  defined.set(m[2], { endpoint: m[1], fields });
}
// The catalog of the document's parameter tables (outside the repository: used when present).
const catalogPath = process.env.POOL_CATALOG ?? "/work/shared/reference/catalog/pool.json";
const catalog = existsSync(catalogPath)
  ? new Map(JSON.parse(readFileSync(catalogPath, "utf8")).endpoints.map((e) => [e.action, e.body.map((p) => p.name)]))
  : null;

// `SubAccount.GetCoin2MoneySetting` -> `sub_account_get_coin2_money_setting`.
const snake = (action) => action.replace(".", "_").replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
const sameSet = (a, b) => isDeepStrictEqual([...a].sort(), [...b].sort());

{
  const problems = [];
  if (defined.size !== ACTIONS) problems.push(`core/src/pool/api.rs defines ${defined.size} actions, not ${ACTIONS}`);
  for (const [action, d] of defined) if (!d.fields) problems.push(`no input model found for ${action}`);
  if (catalog) {
    if (catalog.size !== ACTIONS) problems.push(`${catalogPath} lists ${catalog.size} actions, not ${ACTIONS}`);
    if (!sameSet(catalog.keys(), defined.keys())) problems.push("api.rs and the catalog list different actions");
  }
  const listed = file.cases.map((c) => c.action);
  if (new Set(listed).size !== listed.length) problems.push("an action has two cases");
  for (const action of new Set([...defined.keys(), ...(catalog?.keys() ?? [])])) {
    if (!listed.includes(action)) problems.push(`no case for ${action}`);
  }
  report(`coverage (${file.cases.length} cases; actions from api.rs${catalog ? " and " + catalogPath : ""})`, problems);
}

// ---- The seed's recipe ----

// The recipe's `data` is `JSON.stringify(parameters)`, which writes keys in insertion order;
// chainkit writes them in sorted (UTF-8 byte) order, as serde_json's map does. Order means
// nothing to the server (it signs and sends one string, and JSON.parse's it), but the bytes
// compared here must be the same bytes: so the recipe is given the SAME parameters with their
// keys inserted in sorted order, explicitly, here. That every value survives whatever the order
// is checked apart: JSON.parse(data) must deep-equal the case's parameters.
const byteOrder = (a, b) => Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
function sortedKeys(v) {
  if (Array.isArray(v)) return v.map(sortedKeys);
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(Object.keys(v).sort(byteOrder).map((k) => [k, sortedKeys(v[k])]));
}

// Seed 003 §6 with the fixed `at`, `signNonce` and `rnd` chainkit chose (`at` in integer
// seconds: chainkit's documented decision).
function recipe(action, params, at, signNonce, rnd) {
  const data = JSON.stringify(sortedKeys(params));
  const sign = createHmac("sha256", credentials.secretKey)
    .update(action + at.toString() + data + signNonce + credentials.secretSalt).digest("hex");
  // The recipe lets jsonwebtoken add iat from the real clock; the fixed clock is passed as iat.
  const token = jwt.sign({ clientId: credentials.clientId, rnd, exp: at + (credentials.ttlS ?? 180), iat: at },
    credentials.secretKey);
  // The body as the seed's sample builds it, {action, at, data, signNonce, sign}; chainkit writes
  // the same members in the order {"action","at","data","sign","signNonce"} (sorted, as a
  // serde_json object does). The server parses the JSON, so member order carries no meaning: the
  // bytes are compared in chainkit's order, and every member's text must be identical.
  const body = { action, at, data, signNonce, sign };
  const text = JSON.stringify({ action, at, data, sign, signNonce });
  return { data, sign, token, body, text };
}

// Where two texts first differ, both sides shown as JSON strings.
function firstDifference(mine, theirs) {
  let i = 0;
  while (i < mine.length && i < theirs.length && mine[i] === theirs[i]) i++;
  const at = Math.max(0, i - 30);
  return `first difference at char ${i}: chainkit ${JSON.stringify(mine.slice(at, i + 40))} vs recipe ${JSON.stringify(theirs.slice(at, i + 40))}`;
}

const verifyOptions = { algorithms: ["HS256"], clockTimestamp: now_s };

for (const c of file.cases) {
  const problems = [];
  const d = defined.get(c.action);
  if (c.endpoint !== snake(c.action)) problems.push(`endpoint ${c.endpoint} is not ${snake(c.action)}`);
  if (d && c.endpoint !== d.endpoint) problems.push(`api.rs names ${c.action} ${d.endpoint}, not ${c.endpoint}`);
  if (d?.fields && !sameSet(Object.keys(c.params), d.fields)) {
    problems.push(`parameters ${Object.keys(c.params)} are not api.rs's ${d.fields}`);
  }
  const documented = catalog?.get(c.action);
  if (catalog && !documented) problems.push("not an action of the catalog");
  if (documented && !sameSet(Object.keys(c.params), documented)) {
    problems.push(`parameters ${Object.keys(c.params)} are not the document's ${documented}`);
  }

  // 1. chainkit: the unsigned request, then the request as sent.
  const unsigned = evaluate("endpoint_request", { service: "pool", endpoint: c.endpoint, base_url, input: c.params });
  if (unsigned.error) {
    report(c.action, [...problems, `endpoint_request failed: ${JSON.stringify(unsigned.error)}`]);
    continue;
  }
  if (unsigned.method !== "POST") problems.push(`method ${unsigned.method}`);
  if (!unsigned.url.startsWith(base_url)) problems.push(`url ${unsigned.url} is not under ${base_url}`);
  const request = JSON.parse(unsigned.body);
  if (request.action !== c.action) problems.push(`unsigned action ${request.action}`);
  if (!isDeepStrictEqual(request.data, c.params)) problems.push(`unsigned data ${JSON.stringify(request.data)} != params`);
  const signed = evaluate("authorize", {
    credentials, base_url, now_s, random,
    request: { method: unsigned.method, path: unsigned.url.slice(base_url.length), headers: unsigned.headers, body: unsigned.body },
  });
  if (signed.error) {
    report(c.action, [...problems, `authorize failed: ${JSON.stringify(signed.error)}`]);
    continue;
  }
  if (signed.method !== "POST" || signed.url !== unsigned.url) problems.push(`sent ${signed.method} ${signed.url}`);
  const headers = Object.fromEntries(signed.headers);
  if (headers["content-type"] !== "application/json") problems.push(`content-type ${headers["content-type"]}`);
  const token = headers.authorization ?? "";
  if (token.startsWith("Bearer")) problems.push("the token has a Bearer prefix");
  const sent = JSON.parse(signed.body);

  // 2. What chainkit chose from the fixed clock and randomness.
  const at = sent.at;
  if (at !== now_s) problems.push(`at ${at} != now_s ${now_s}`);
  if (!/^[0-9]{10}$/.test(sent.signNonce)) problems.push(`signNonce ${JSON.stringify(sent.signNonce)} is not 10 digits`);
  const decoded = jwt.decode(token, { complete: true });
  const rnd = decoded?.payload?.rnd;
  if (!(Number.isSafeInteger(rnd) && rnd >= 1e7)) problems.push(`rnd ${rnd} is not an 8+ digit safe integer`);
  if (!isDeepStrictEqual(decoded?.header, { alg: "HS256", typ: "JWT" })) problems.push(`JWT header ${JSON.stringify(decoded?.header)}`);

  // 3. The recipe, and the comparison.
  const ref = recipe(c.action, c.params, at, sent.signNonce, rnd);
  if (signed.body !== ref.text) problems.push(`body bytes differ, ${firstDifference(signed.body, ref.text)}`);
  if (sent.data !== ref.data) problems.push(`data ${JSON.stringify(sent.data)} != recipe ${JSON.stringify(ref.data)}`);
  if (sent.sign !== ref.sign) problems.push(`sign ${sent.sign} != recipe ${ref.sign}`);
  if (!isDeepStrictEqual(sent, ref.body)) problems.push("the parsed body is not the recipe's body");
  let data;
  try {
    data = JSON.parse(sent.data);
  } catch (e) {
    problems.push(`data is not JSON: ${e.message}`);
  }
  if (data !== undefined && !isDeepStrictEqual(data, c.params)) problems.push(`JSON.parse(data) ${sent.data} != the case's params`);
  let claims;
  try {
    claims = jwt.verify(token, credentials.secretKey, verifyOptions);
  } catch (e) {
    problems.push(`jsonwebtoken.verify rejected chainkit's token: ${e.message}`);
  }
  const refClaims = jwt.verify(ref.token, credentials.secretKey, verifyOptions);
  if (claims && !isDeepStrictEqual(claims, refClaims)) problems.push(`claims ${JSON.stringify(claims)} != recipe ${JSON.stringify(refClaims)}`);
  try {
    jwt.verify(token, credentials.secretKey + "x", verifyOptions);
    problems.push("chainkit's token verified under a wrong key");
  } catch { /* expected */ }
  report(c.action, problems);
}

// ---- One invalid input per kind of rule: refused by endpoint_request, naming the field ----
for (const bad of file.invalid) {
  const out = evaluate("endpoint_request", { service: "pool", endpoint: bad.endpoint, base_url, input: bad.input });
  const problems = [];
  if (out.error?.kind !== "invalid_input") {
    problems.push(`expected an invalid_input error, got ${JSON.stringify(out)}`);
  } else if (!out.error.message.startsWith(`${bad.field}:`)) {
    problems.push(`the error is not about ${bad.field}: ${JSON.stringify(out.error.message)}`);
  }
  report(`invalid ${bad.endpoint} (${bad.rule})`, problems);
}

console.log(`pool actions oracle: ${passed} passed, ${failed} failed`);
const expected = 1 + file.cases.length + file.invalid.length;
process.exit(failed === 0 && passed === expected && file.cases.length === ACTIONS ? 0 : 1);
