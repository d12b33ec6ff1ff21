// The npm package's behaviour, run once for the ESM entry and once for the CommonJS entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { defineBifTests } from "./bif.mjs";

const sandbox = process.env.CHAINKIT_SANDBOX_URL;
if (!sandbox) throw new Error("CHAINKIT_SANDBOX_URL is not set: run through `make test`");

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

export function defineTests(ck, entry) {
  defineBifTests(ck, entry);
  const { Client, ChainkitError, Secret } = ck;

  test(`${entry}: a real request through fetch reaches the sandbox`, async () => {
    const res = await new Client(sandbox).request({ method: "GET", path: "/health" });
    assert.equal(res.status, 200);
    assert.equal(res.json().status, "ok");
    assert.match(Object.fromEntries(res.headers)["x-request-id"], /^sbx-/);
  });

  test(`${entry}: text bodies and repeated headers are sent as given`, async () => {
    const res = await new Client(sandbox).request({
      method: "POST", path: "/_sandbox/echo?x=1", body: '{"a":"中文"}',
      headers: [["x-dup", "1"], ["x-dup", "2"], ["content-type", "application/json"]],
    });
    const echo = res.json();
    assert.equal(echo.body, '{"a":"中文"}');
    assert.equal(echo.query, "x=1");
    // fetch joins repeated header names into one line (RFC 9110 §5.3).
    assert.deepEqual(echo.headers.filter(([k]) => k === "x-dup").map(([, v]) => v), ["1, 2"]);
  });

  test(`${entry}: a sandbox error becomes a ChainkitError with every field`, async () => {
    const e = await rejection(new Client(sandbox).request({
      method: "POST", path: "/_sandbox/status/409?code=E409&message=conflict",
    }));
    assert.ok(e instanceof ChainkitError, `not a ChainkitError: ${e}`);
    assert.ok(e instanceof Error);
    assert.equal(e.name, "ChainkitError");
    assert.equal(e.kind, "api");
    assert.equal(e.status, 409);
    assert.equal(e.code, "E409");
    assert.equal(e.detail, "conflict");
    assert.match(e.requestId, /^sbx-\d+$/);
    for (const part of ["E409", "conflict", e.requestId]) assert.ok(e.message.includes(part), e.message);
    assert.ok(e.stack.includes("ChainkitError"));
  });

  test(`${entry}: 401 and 429 map to their kinds, Retry-After kept`, async () => {
    const client = new Client(sandbox, { maxAttempts: 1 });
    const denied = await rejection(client.request({ method: "GET", path: "/_sandbox/status/401" }));
    assert.equal(denied.kind, "unauthorized");
    const slow = await rejection(client.request({ method: "GET", path: "/_sandbox/status/429?retry_after=2" }));
    assert.equal(slow.kind, "rate_limited");
    assert.equal(slow.retryAfterMs, 2000);
  });

  test(`${entry}: an idempotent call is retried after a 503`, async () => {
    const key = `js-${entry}-${Date.now()}`;
    const res = await new Client(sandbox).request({ method: "GET", path: `/_sandbox/flaky/${key}?fail=1` });
    assert.equal(res.json().calls, 2);
  });

  test(`${entry}: unreachable host, timeout, bad URL and bad input are typed errors`, async () => {
    const net = await rejection(new Client("http://127.0.0.1:1").request({ method: "GET", path: "/" }));
    assert.ok(net instanceof ChainkitError);
    assert.equal(net.kind, "network");
    const slow = await rejection(new Client(sandbox, { timeoutMs: 200, maxAttempts: 1 })
      .request({ method: "GET", path: "/_sandbox/delay/2000" }));
    assert.equal(slow.kind, "timeout");
    assert.throws(() => new Client("ftp://x"), (e) => e instanceof ChainkitError && e.kind === "config");
    assert.throws(() => new Client(sandbox, { timeoutMs: -1 }), (e) => e.kind === "invalid_input");
    const bad = await rejection(new Client(sandbox).request({ method: "GET", path: "/", headers: [["bad header", "v"]] }));
    assert.equal(bad.kind, "invalid_input");
    const shape = await rejection(new Client(sandbox).request({ method: "GET" }));
    assert.equal(shape.kind, "invalid_input");
  });

  test(`${entry}: printing a secret or a prepared request shows no secret`, async () => {
    const s = new Secret("s3cr3t-value");
    assert.equal(s.expose(), "s3cr3t-value");
    for (const shown of [String(s), `${s}`, JSON.stringify({ s }), inspect(s)]) {
      assert.ok(!shown.includes("s3cr3t"), shown);
    }
    const p = await new Client(sandbox).prepare({
      method: "GET", path: "/auth/api/v1/token?apiKey=k&apiSecret=s3cr3t-q",
      headers: [["Authorization", "Bearer s3cr3t-h"], ["accessToken", "s3cr3t-t"]],
    });
    for (const shown of [String(p), JSON.stringify(p), inspect(p), `${p}`]) {
      assert.ok(!shown.includes("s3cr3t"), shown);
    }
    assert.ok(String(p).includes("authorization"));
    assert.deepEqual(p.headers.find(([k]) => k === "authorization"), ["authorization", "Bearer s3cr3t-h"]);
  });

  test(`${entry}: a Rust panic surfaces as a catchable exception, not a crash`, async () => {
    assert.throws(() => ck.__panicForTests());
    const res = await new Client(sandbox).request({ method: "GET", path: "/health" });
    assert.equal(res.status, 200);
  });

  test(`${entry}: a user-supplied fetch is used, and its failures are typed`, async () => {
    const seen = [];
    const client = new Client(sandbox, {
      fetch: async (url, init) => {
        seen.push([url, init.method, init.headers]);
        return fetch(url, init);
      },
    });
    const res = await client.request({ method: "GET", path: "/health", headers: [["x-a", "1"]] });
    assert.equal(res.status, 200);
    assert.deepEqual(seen, [[`${sandbox}/health`, "GET", [["x-a", "1"]]]]);
    const broken = new Client(sandbox, { maxAttempts: 1, fetch: async () => { throw new TypeError("offline"); } });
    const e = await rejection(broken.request({ method: "GET", path: "/health" }));
    assert.equal(e.kind, "network");
    assert.match(e.detail, /offline/);
    assert.throws(() => new Client(sandbox, { fetch: 42 }), (e) => e.kind === "invalid_input");
  });

  test(`${entry}: vectors evaluate`, () => {
    const out = JSON.parse(ck.evaluateVector("redact_url", JSON.stringify({ url: "https://h/x?apiSecret=1" })));
    assert.deepEqual(out, { url: "https://h/x?apiSecret=***" });
    assert.ok(ck.vectorKinds().includes("retry_decision"));
  });
}
