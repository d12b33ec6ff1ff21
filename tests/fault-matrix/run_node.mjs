// The fault matrix (matrix.json here) through the npm package's wasm build in Node, raw `request`.
//   CHAINKIT_SANDBOX_URL=… node tests/fault-matrix/run_node.mjs [PACKAGE_ENTRY]
// Prints PASS/FAIL per cell and idempotency, then a summary; exits 1 on any failure.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const matrix = JSON.parse(readFileSync(new URL("./matrix.json", import.meta.url), "utf8"));
const sandbox = process.env.CHAINKIT_SANDBOX_URL;
if (!sandbox) throw new Error("CHAINKIT_SANDBOX_URL is not set");
const entry = resolve(process.argv[2] ?? new URL("../../bindings-wasm/pkg/node.mjs", import.meta.url).pathname);
const { Client, ChainkitError } = await import(pathToFileURL(entry).href);
const run = `${process.pid}-${Date.now()}`;

// Asked with Node's own fetch, not chainkit.
async function counted(id) {
  const r = await fetch(`${sandbox}/_sandbox/requests/${id}`);
  return (await r.json()).requests;
}

async function cellRun(cell, idempotent) {
  const method = idempotent ? "GET" : "POST";
  const id = `js-${run}-${cell.name}-${method.toLowerCase()}`;
  const { timeout_ms: timeoutMs, max_attempts: maxAttempts } = matrix.options;
  const client = new Client(sandbox, { timeoutMs, maxAttempts });
  try {
    const res = await client.request({
      method, path: matrix.path, headers: [["x-sandbox-fault", `id=${id}; ${cell.fault}`]],
    });
    let isJson = true;
    try { res.json(); } catch { isJson = false; }
    const status = res.status;
    return { got: "ok", status, isJson, requests: await counted(id) };
  } catch (e) {
    if (!(e instanceof ChainkitError)) throw e;
    return { got: e.kind, status: e.status ?? null, requests: await counted(id) };
  } finally {
    client.free();
  }
}

let failed = 0;
for (const cell of matrix.cells) {
  for (const idempotent of [true, false]) {
    const r = await cellRun(cell, idempotent);
    const wantRequests = cell.requests[idempotent ? 0 : 1];
    const wrong = [];
    if (r.got !== cell.outcome) wrong.push(`outcome ${r.got} (want ${cell.outcome})`);
    if (r.requests !== wantRequests) wrong.push(`${r.requests} requests (want ${wantRequests})`);
    if (cell.outcome === "ok") {
      if (r.isJson !== (cell.body === "json")) wrong.push(`body is JSON: ${r.isJson}`);
    } else if ("status" in cell && r.status !== cell.status) {
      wrong.push(`status ${r.status} (want ${cell.status})`);
    }
    const name = `${cell.name} ${idempotent ? "GET" : "POST"}`;
    const rule = cell.rule_change ? " [rule_change]" : "";
    if (wrong.length) {
      failed++;
      console.log(`FAIL ${name}${rule}: ${wrong.join(", ")}`);
    } else {
      console.log(`PASS ${name}`);
    }
  }
}
const total = 2 * matrix.cells.length;
console.log(`fault matrix[node]: ${total - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
