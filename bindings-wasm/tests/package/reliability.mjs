// What a caller or a server can do to a client: panics, hostile inputs, timeouts and
// cancellation. Nothing here may crash Node, poison the module or leave a request running.
import { test } from "node:test";
import assert from "node:assert/strict";
import { getEventListeners } from "node:events";
import { createServer } from "node:http";

const API_KEY = "did:bid:efSandboxApiKey0000000000000"; // tests/sandbox default credentials
const API_SECRET = "sandbox-dna-api-secret";
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail("expected a rejection");
}

export function defineReliabilityTests(ck, entry, sandbox) {
  const { Client, ChainkitError } = ck;
  const health = async () => (await new Client(sandbox).request({ method: "GET", path: "/health" })).status;
  // A fetch that counts what reaches it and sends nothing.
  const counting = () => {
    const seen = [];
    const fetch = async (url) => {
      seen.push(url);
      return new Response("{}");
    };
    return { seen, fetch };
  };
  // How many requests for `key` reached the sandbox's route (this read included). A request
  // held by `X-Sandbox-Fault: latency=…` reaches it only if the client is still connected then.
  const flakyCalls = async (key) =>
    (await new Client(sandbox).request({ method: "GET", path: `/_sandbox/flaky/${key}?fail=0` })).json().calls;
  const held = (key, ms) => ({
    method: "GET", path: `/_sandbox/flaky/${key}?fail=0`, headers: [["x-sandbox-fault", `latency=${ms}`]],
  });

  test(`${entry}: a panic is a ChainkitError (kind internal), and the module carries on`, async () => {
    const e = (() => { try { ck.__panicForTests(); } catch (e) { return e; } })();
    assert.ok(e instanceof ChainkitError, `not a ChainkitError: ${e}`);
    assert.equal(e.kind, "internal");
    assert.match(e.detail, /deliberate panic/);
    // Each caught panic restores the stack: a thousand of them leave the module working.
    for (let i = 0; i < 1000; i++) assert.throws(() => ck.__panicForTests(), (e) => e.kind === "internal");
    assert.equal(await health(), 200);
  });

  test(`${entry}: a panic inside an async call rejects that call only`, async () => {
    const slow = new Client(sandbox).request({ method: "GET", path: "/_sandbox/delay/300" });
    const e = await rejection(ck.__panicLaterForTests(20));
    assert.ok(e instanceof ChainkitError, `not a ChainkitError: ${e}`);
    assert.equal(e.kind, "internal");
    assert.match(e.message, /deliberate panic/);
    assert.equal((await slow).status, 200); // in flight during the panic
    const panics = await Promise.allSettled([1, 2, 3].map(() => ck.__panicLaterForTests(5)));
    assert.deepEqual(panics.map((p) => p.reason?.kind), ["internal", "internal", "internal"]);
    assert.equal(await health(), 200);
  });

  test(`${entry}: a 10,000-deep input is invalid_input, and later calls work`, async () => {
    let deep = {};
    for (let i = 0; i < 10000; i++) deep = { a: deep };
    const { seen, fetch } = counting();
    const client = new Client(sandbox, { fetch, credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } });
    const e = await rejection(client.dna.seriesAdd({ seriesName: "x", seriesIssuer: deep }));
    assert.ok(e instanceof ChainkitError);
    assert.equal(e.kind, "invalid_input");
    assert.match(e.detail, /^input\.seriesIssuer(\.a)+: is nested more than 64 levels deep$/);
    const arrays = JSON.parse("[".repeat(10000) + "]".repeat(10000));
    assert.equal((await rejection(client.callEndpoint("dna", "series_add", arrays))).kind, "invalid_input");
    assert.equal((await rejection(client.request({ method: "GET", path: "/", body: deep }))).kind, "invalid_input");
    assert.equal((await rejection(client.request({ method: "GET", path: "/", headers: deep }))).kind, "invalid_input");
    assert.throws(() => new Client(sandbox, { credentials: deep }), (e) => e.kind === "config");
    assert.throws(() => new Client(sandbox, { timeoutMs: deep }), (e) => e.kind === "invalid_input");
    assert.throws(() => ck.signPool({ clientId: "c", secretKey: "k", secretSalt: "s", action: "A", params: deep }),
      (e) => e.kind === "invalid_input");
    const key = ck.BifPrivateKey.generate("ed25519");
    assert.throws(() => ck.bifSignContractCall(key, { senderAddress: deep }), (e) => e.kind === "invalid_input");
    const cycle = {};
    cycle.self = cycle;
    assert.equal((await rejection(client.dna.seriesAdd(cycle))).kind, "invalid_input");
    assert.deepEqual(seen, []);
    assert.equal(await health(), 200);
  });

  test(`${entry}: NaN, ±Infinity and lone surrogates are refused, naming the field, before any I/O`, async () => {
    const { seen, fetch } = counting();
    const dna = new Client(sandbox, { fetch, credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } }).dna;
    const asset = {
      seriesId: "s", dnaName: "资产", dnaNumber: "1", url: "https://img.example/a.png", hash: "h",
      displayUrl: "https://img.example/a-85.png", toBid: "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko",
      dnaPrice: 1.24, dnaCategory: "图片",
    };
    for (const price of [NaN, Infinity, -Infinity]) {
      const e = await rejection(dna.mintDna({ ...asset, dnaPrice: price }));
      assert.equal(e.kind, "invalid_input");
      assert.equal(e.detail, `input.dnaPrice: must be a finite number, not ${price}`);
    }
    const batch = await rejection(dna.batchMintDna({ data: [asset, { ...asset, dnaPrice: NaN }] }));
    assert.equal(batch.detail, "input.data[1].dnaPrice: must be a finite number, not NaN");
    for (const name of ["a\uD800b", "\uDC00", "z\uD83D"]) {
      const e = await rejection(dna.mintDna({ ...asset, dnaName: name }));
      assert.equal(e.kind, "invalid_input");
      assert.match(e.detail, /^input\.dnaName: contains a lone surrogate/);
    }
    const raw = new Client(sandbox, { fetch });
    assert.match((await rejection(raw.request({ method: "POST", path: "/", body: "\uD800" }))).detail, /^request\.body: /);
    assert.match((await rejection(raw.request({ method: "GET", path: "/\uDFFF" }))).detail, /^request\.path: /);
    assert.throws(() => ck.signHuawei({ method: "GET", url: "https://h/x", credentials: { accessKey: "A", secretKey: "S" }, nowMs: NaN }),
      (e) => e.kind === "invalid_input" && /nowMs/.test(e.detail));
    assert.throws(() => ck.signPool({ clientId: "c", secretKey: "k", secretSalt: "s", action: "A", params: { v: Infinity } }),
      (e) => e.kind === "invalid_input" && e.detail === "signPool.params.v: must be a finite number, not Infinity");
    assert.deepEqual(seen, []);
    // A well-formed pair (an emoji) is data like any other.
    assert.equal(JSON.parse(ck.signPool({ clientId: "c", secretKey: "k", secretSalt: "s", action: "A", params: { n: "😀" } }).body).data, '{"n":"😀"}');
  });

  test(`${entry}: timeoutMs and nowMs out of range are invalid_input naming the option`, async () => {
    for (const timeoutMs of [1e300, 2 ** 31, NaN, Infinity, 0, -1]) {
      assert.throws(() => new Client(sandbox, { timeoutMs }),
        (e) => e instanceof ChainkitError && e.kind === "invalid_input" && /timeoutMs/.test(e.detail), String(timeoutMs));
    }
    // The largest timeout setTimeout can count is a real timeout, not one that fires at once.
    const longest = new Client(sandbox, { timeoutMs: 2 ** 31 - 1, maxAttempts: 1 });
    assert.equal((await longest.request({ method: "GET", path: "/_sandbox/delay/50" })).status, 200);
    for (const nowMs of [1e300, -1]) {
      const init = { method: "GET", url: "https://h/x", credentials: { accessKey: "A", secretKey: "S" }, nowMs };
      assert.throws(() => ck.signHuawei(init), (e) => e.kind === "invalid_input" && /nowMs/.test(e.detail), String(nowMs));
      assert.throws(() => ck.signPool({ clientId: "c", secretKey: "k", secretSalt: "s", action: "A", nowMs }),
        (e) => e.kind === "invalid_input" && /nowMs/.test(e.detail), String(nowMs));
    }
    assert.equal(await health(), 200);
  });

  test(`${entry}: a timed-out request is aborted, not left downloading`, async () => {
    const key = `js-${entry}-timeout-${Date.now()}`;
    const client = new Client(sandbox, { timeoutMs: 150, maxAttempts: 1 });
    const e = await rejection(client.request(held(key, 600)));
    assert.equal(e.kind, "timeout");
    await sleep(900);
    // Had the fetch gone on, the sandbox would have run the route at 600 ms: 2 calls, not 1.
    assert.equal(await flakyCalls(key), 1);
    // A custom fetch is handed the signal, aborted on timeout.
    let signal;
    const custom = new Client(sandbox, { timeoutMs: 100, maxAttempts: 1, fetch: (url, init) => {
      signal = init.signal;
      return new Promise(() => {});
    } });
    assert.equal((await rejection(custom.request({ method: "GET", path: "/" }))).kind, "timeout");
    assert.ok(signal instanceof AbortSignal && signal.aborted);
  });

  test(`${entry}: an endless answer fails at maxResponseBytes while it streams, and is aborted`, async () => {
    let closed;
    const gone = new Promise((r) => (closed = r));
    const server = createServer((req, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 << 10, 120);
      const pump = () => { while (res.write(chunk)); };
      res.on("drain", pump);
      res.on("close", closed);
      pump();
    });
    await new Promise((r) => server.listen(0, "127.0.0.1", r));
    try {
      const url = `http://127.0.0.1:${server.address().port}`;
      const client = new Client(url, { maxAttempts: 1, maxResponseBytes: 1 << 20 });
      const e = await rejection(client.request({ method: "GET", path: "/big" }));
      assert.equal(e.kind, "decode");
      assert.match(e.detail, /limit of 1048576 bytes/);
      await gone; // the download was cut, not left running
      // A custom fetch's stream is held to the limit too.
      const custom = new Client(url, { maxAttempts: 1, maxResponseBytes: 1000, fetch: (u, init) => fetch(u, init) });
      assert.equal((await rejection(custom.request({ method: "GET", path: "/big" }))).kind, "decode");
      for (const bad of [0, -1, 1.5, NaN, 2 ** 60]) {
        assert.throws(() => new Client(url, { maxResponseBytes: bad }),
          (err) => err.kind === "invalid_input" && /maxResponseBytes/.test(err.detail), String(bad));
      }
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  test(`${entry}: a caller's AbortSignal cancels a call and its request`, async () => {
    const key = `js-${entry}-abort-${Date.now()}`;
    const client = new Client(sandbox);
    const ac = new AbortController();
    const started = Date.now();
    setTimeout(() => ac.abort(), 100);
    const e = await rejection(client.request({ ...held(key, 600), signal: ac.signal }));
    assert.ok(e instanceof ChainkitError);
    assert.equal(e.kind, "cancelled");
    assert.ok(Date.now() - started < 500, `took ${Date.now() - started} ms`);
    await sleep(900);
    assert.equal(await flakyCalls(key), 1);

    // Already aborted: nothing is sent.
    const { seen, fetch } = counting();
    const quiet = new Client(sandbox, { fetch });
    assert.equal((await rejection(quiet.request({ method: "GET", path: "/", signal: AbortSignal.abort() }))).kind, "cancelled");
    assert.equal((await rejection(quiet.withSignal(AbortSignal.abort()).dna.seriesList({ pageNum: 1, pageSize: 1 }))).kind, "cancelled");
    assert.deepEqual(seen, []);

    // withSignal covers the typed methods; a signal that never fires leaves no listener behind.
    const slow = new AbortController();
    const typed = new Client(sandbox, { credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } }).withSignal(slow.signal);
    const pending = typed.dna.seriesList({ pageNum: 1, pageSize: 1 });
    slow.abort();
    assert.equal((await rejection(pending)).kind, "cancelled");
    const idle = new AbortController();
    const kept = new Client(sandbox).withSignal(idle.signal);
    for (let i = 0; i < 20; i++) assert.equal((await kept.request({ method: "GET", path: "/health" })).status, 200);
    assert.equal(getEventListeners(idle.signal, "abort").length, 0);
    assert.throws(() => client.withSignal({}), (e) => e.kind === "invalid_input");
    assert.equal((await rejection(client.request({ method: "GET", path: "/", signal: 5 }))).kind, "invalid_input");
  });
}
