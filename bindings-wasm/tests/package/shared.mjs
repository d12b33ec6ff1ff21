// The npm package's behaviour, run once for the ESM entry and once for the CommonJS entry.
import { test } from "node:test";
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { createHmac } from "node:crypto";
import { defineBifTests } from "./bif.mjs";
import { defineDnaTests } from "./dna.mjs";
import { defineReliabilityTests } from "./reliability.mjs";
import { defineDdcTests } from "./ddc.mjs";
import { defineCoverageTests } from "./coverage.mjs";
import { defineUlordTests } from "./ulord.mjs";
import { definePoolTests } from "./pool.mjs";

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
  defineDnaTests(ck, entry, sandbox);
  defineReliabilityTests(ck, entry, sandbox);
  defineDdcTests(ck, entry, sandbox);
  defineCoverageTests(ck, entry, sandbox);
  defineUlordTests(ck, entry, sandbox);
  definePoolTests(ck, entry, sandbox);
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

  test(`${entry}: the test-only vector exports are not in the published package`, () => {
    // Built with cargo feature `vectors` for tests/vectors/run only (95 KB of .wasm).
    assert.equal(ck.evaluateVector, undefined);
    assert.equal(ck.vectorKinds, undefined);
  });

  // Auth: what each scheme puts on the wire, checked with node:crypto, not with chainkit.
  const echoed = async (credentials, init) => {
    const res = await new Client(sandbox, { credentials }).request({ method: "POST", path: "/_sandbox/echo", ...init });
    const echo = res.json();
    return { headers: Object.fromEntries(echo.headers), body: echo.body };
  };
  const jwtClaims = (token) => JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
  const recipeSign = (secretKey, salt, b) =>
    createHmac("sha256", secretKey).update(b.action + b.at.toString() + b.data + b.signNonce + salt).digest("hex");

  test(`${entry}: header credentials are sent in the documented headers`, async () => {
    assert.equal((await echoed({ scheme: "ddcApiToken", token: "ddc-1" })).headers.apitoken, "ddc-1");
    assert.equal((await echoed({ scheme: "ulordAppKey", appKey: "123412" })).headers.appkey, "123412");
    assert.equal((await echoed({ scheme: "huaweiToken", token: "MII-t" })).headers["x-auth-token"], "MII-t");
  });

  test(`${entry}: pool credentials sign each request's envelope (seed 003 recipe agrees)`, async () => {
    const cred = { scheme: "pool", clientId: "c-1", secretKey: "k-1", secretSalt: "s-1" };
    const first = await echoed(cred, { body: JSON.stringify({ action: "Account.GetBindInfo", data: { account: "alice" } }) });
    const body = JSON.parse(first.body);
    assert.equal(body.data, '{"account":"alice"}');
    assert.equal(body.sign, recipeSign("k-1", "s-1", body));
    const claims = jwtClaims(first.headers.authorization);
    assert.equal(claims.clientId, "c-1");
    assert.equal(claims.exp - claims.iat, 180);
    assert.ok(claims.rnd >= 1e9 && claims.rnd < 1e10);
    const second = await echoed(cred, { body: JSON.stringify({ action: "Account.GetBindInfo" }) });
    assert.equal(JSON.parse(second.body).data, "{}");
    assert.notEqual(jwtClaims(second.headers.authorization).rnd, claims.rnd);
  });

  test(`${entry}: AK/SK credentials stamp and sign; signHuawei matches the official SDK's vector`, async () => {
    const sent = await echoed({ scheme: "huaweiAkSk", accessKey: "AK", secretKey: "SK", projectId: "p1" },
      { method: "GET", path: "/_sandbox/echo" });
    assert.match(sent.headers.authorization, /^SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$/);
    assert.match(sent.headers["x-sdk-date"], /^\d{8}T\d{6}Z$/);
    // huaweicloud-sdk-python-v3 tests/test_signer.py test_signer1 (tests/vectors/huawei, official-test-signer1).
    const signed = ck.signHuawei({
      method: "GET", url: "https://service.endpoint.myhuaweicloud.com/resources?size=1",
      headers: [["X-Sdk-Date", "20200608T023900Z"]],
      credentials: { accessKey: "AccessKey", secretKey: "SecretKey" },
    });
    const auth = Object.fromEntries(signed.headers).authorization;
    assert.equal(auth, "SDK-HMAC-SHA256 Access=AccessKey, SignedHeaders=host;x-sdk-date, Signature=cfb4171acec81de07d50e53d57eb77edd537414d66ddb1d7d780f128e12cd842");
    assert.throws(() => ck.signHuawei({ method: "GET", url: "/relative", credentials: { accessKey: "A", secretKey: "S" } }),
      (e) => e instanceof ChainkitError && e.kind === "invalid_input");
  });

  test(`${entry}: signPool output verifies with the seed 003 recipe`, () => {
    const call = ck.signPool({ clientId: "c", secretKey: "key", secretSalt: "salt", action: "SubAccount.Create",
      params: { userName: "矿工", remark: "z" }, nowMs: 1764000000500 });
    const body = JSON.parse(call.body);
    assert.equal(body.at, 1764000000);
    assert.equal(body.data, JSON.stringify({ userName: "矿工", remark: "z" }));
    assert.equal(call.sign, recipeSign("key", "salt", body));
    assert.equal(jwtClaims(call.authorization).iat, 1764000000);
    assert.throws(() => ck.signPool({ clientId: "c", secretKey: "", secretSalt: "s", action: "A" }),
      (e) => e.kind === "invalid_input");
  });

  test(`${entry}: DNA tokens are fetched once, sent in accessToken, and refetched after a rejection`, async () => {
    let tokenCalls = 0;
    const fakeFetch = async (url, init) => {
      if (url.includes("/getToken?")) {
        tokenCalls++;
        assert.ok(url.includes("apiKey=key&apiSecret=s%2Fx"), url);
        return new Response(JSON.stringify({ retCode: 200, retMsg: "ok", accessToken: `tok-${tokenCalls}` }));
      }
      const token = Object.fromEntries(init.headers).accesstoken;
      if (token === "tok-1" && url.includes("expire")) {
        return new Response(JSON.stringify({ retCode: 400, retMsg: "accessToken过期" }), { status: 400 });
      }
      return new Response(JSON.stringify({ token }));
    };
    const client = new Client(sandbox, { fetch: fakeFetch, credentials: { scheme: "dna", apiKey: "key", apiSecret: "s/x" } });
    const [a, b] = await Promise.all([0, 1].map(() => client.request({ method: "GET", path: "/x" })));
    assert.deepEqual([a.json().token, b.json().token, tokenCalls], ["tok-1", "tok-1", 1]);
    const refreshed = await client.request({ method: "GET", path: "/expire" });
    assert.deepEqual([refreshed.json().token, tokenCalls], ["tok-2", 2]);
    const prepared = await client.prepare({ method: "GET", path: "/y" });
    assert.ok(!String(prepared).includes("tok-2"), String(prepared));
  });

  test(`${entry}: a getToken exp no duration can hold does not break the client (issue 17)`, async () => {
    // {"alg":"HS256","typ":"JWT"}.{"exp":1e308}.sig: this panicked, killing the module.
    const token = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJleHAiOjFlMzA4fQ.c2ln";
    const fakeFetch = async (url, init) => url.includes("/getToken")
      ? new Response(JSON.stringify({ retCode: 200, accessToken: token }))
      : new Response(JSON.stringify({ token: Object.fromEntries(init.headers).accesstoken }));
    const client = new Client(sandbox, { fetch: fakeFetch, credentials: { scheme: "dna", apiKey: "k", apiSecret: "secret" } });
    for (let i = 0; i < 2; i++) {
      assert.equal((await client.request({ method: "GET", path: "/x" })).json().token, token);
    }
  });

  test(`${entry}: secrets a server echoes are masked in message and stack (issue 17)`, async () => {
    const body = JSON.stringify({ action: "Echo.Secrets", data: {} });
    const headers = [["content-type", "application/json"]];
    const cases = [
      [{ scheme: "dna", apiKey: "did:bid:efSandboxApiKey0000000000000", apiSecret: "sandbox-dna-api-secret" },
        ["sandbox-dna-api-secret"], "accesstoken"],
      [{ scheme: "huaweiAkSk", accessKey: "SANDBOXACCESSKEY0001", secretKey: "sandbox-secret-access-key" },
        ["sandbox-secret-access-key"]],
      [{ scheme: "pool", clientId: "sandbox-client", secretKey: "sandbox-secret-key", secretSalt: "sandbox-secret-salt" },
        ["sandbox-secret-key", "sandbox-secret-salt"]],
      [{ scheme: "huaweiIam", iamUrl: sandbox, userName: "sandbox-user", password: "sandbox-password",
        domainName: "sandbox-domain", projectName: "cn-north-4" }, ["sandbox-password"], "x-auth-token"],
      [{ scheme: "ddcApiToken", token: "sandbox-ddc-apitoken" }, ["sandbox-ddc-apitoken"]],
    ];
    for (const [credentials, known, tokenHeader] of cases) {
      const client = new Client(sandbox, { credentials, maxAttempts: 1 });
      const secrets = [...known];
      if (tokenHeader) {
        const echo = (await client.request({ method: "POST", path: "/_sandbox/echo", headers, body })).json();
        secrets.push(...echo.headers.filter(([k]) => k === tokenHeader).map(([, v]) => v));
        assert.equal(secrets.length, 2, JSON.stringify(echo));
      }
      const message = encodeURIComponent(`you sent ${secrets.join(" and ")}`);
      const e = await rejection(client.request({ method: "POST", path: `/_sandbox/status/400?message=${message}`, headers, body }));
      const shown = `${e.message} ${e.detail} ${e.stack} ${inspect(e)}`;
      assert.ok(shown.includes("you sent ***"), shown);
      for (const secret of secrets) assert.ok(!shown.includes(secret), `${credentials.scheme}: ${secret} in ${shown}`);
    }
  });

  test(`${entry}: bad credentials are a config error that never shows the secret`, () => {
    for (const credentials of [
      { scheme: "dna", apiKey: "k", apiSecret: "" },
      { scheme: "dna", apiKey: "k", apiSecret: "hunter2", extra: 1 },
      { scheme: "pool", clientId: "c", secretKey: "hunter2", secretSalt: "s", ttlS: "hunter2" },
      { scheme: "nope", token: "hunter2" },
    ]) {
      assert.throws(() => new Client(sandbox, { credentials }), (e) =>
        e instanceof ChainkitError && e.kind === "config" && !e.message.includes("hunter2"));
    }
  });
}
