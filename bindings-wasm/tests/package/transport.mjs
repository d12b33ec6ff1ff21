// Node's default transport (npm/node-http.mjs): what a user relying on fetch's behaviour would
// notice if it differed. Keep-alive, redirects, repeated headers, binary bodies, error reasons.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";

async function listen(handler) {
  const server = createServer(handler);
  await new Promise((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${server.address().port}`;
  return { url, close: () => { server.closeAllConnections(); server.close(); } };
}

export function defineTransportTests(ck, entry) {
  const { Client } = ck;

  test(`${entry}: requests go out on kept-alive connections, bodies and headers intact`, async () => {
    const sockets = new Set();
    const seen = [];
    const server = await listen((req, res) => {
      sockets.add(req.socket);
      const chunks = [];
      req.on("data", (c) => chunks.push(c));
      req.on("end", () => {
        seen.push({ method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks) });
        res.setHeader("set-cookie", ["a=1", "b=2"]);
        res.end(Buffer.from([0, 255, 1]));
      });
    });
    try {
      const client = new Client(server.url, { maxAttempts: 1 });
      for (let i = 0; i < 3; i++) {
        const res = await client.request({
          method: "POST", path: `/p?i=${i}`, headers: [["x-multi", "1"], ["x-multi", "2"]], body: new Uint8Array([7, 8, 0]),
        });
        assert.equal(res.status, 200);
        assert.deepEqual([...res.body], [0, 255, 1]);
        assert.deepEqual(res.headers.filter(([n]) => n === "set-cookie"), [["set-cookie", "a=1, b=2"]]);
      }
      assert.equal(sockets.size, 1, "one connection for three calls");
      assert.deepEqual(seen.map((s) => s.url), ["/p?i=0", "/p?i=1", "/p?i=2"]);
      assert.equal(seen[0].headers["x-multi"], "1, 2");
      assert.equal(seen[0].headers["content-length"], "3");
      assert.deepEqual([...seen[0].body], [7, 8, 0]);
    } finally {
      server.close();
    }
  });

  test(`${entry}: redirects are followed as fetch does, without Authorization to another origin`, async () => {
    const other = await listen((req, res) => res.end(JSON.stringify({ method: req.method, auth: req.headers.authorization ?? null })));
    const seen = [];
    const first = await listen((req, res) => {
      seen.push([req.method, req.url, req.headers.authorization ?? null]);
      if (req.url === "/303") res.writeHead(303, { location: "/final" }).end();
      else if (req.url === "/307") res.writeHead(307, { location: "/final" }).end();
      else if (req.url === "/away") res.writeHead(302, { location: `${other.url}/x` }).end();
      else if (req.url === "/loop") res.writeHead(302, { location: "/loop" }).end();
      else res.end(JSON.stringify({ method: req.method }));
    });
    try {
      const client = new Client(first.url, { maxAttempts: 1 });
      const auth = [["authorization", "Bearer t"]];
      assert.deepEqual((await client.request({ method: "POST", path: "/303", headers: auth, body: new Uint8Array([1]) })).json(), { method: "GET" });
      assert.deepEqual((await client.request({ method: "POST", path: "/307", headers: auth, body: new Uint8Array([1]) })).json(), { method: "POST" });
      assert.deepEqual((await client.request({ method: "GET", path: "/away", headers: auth })).json(), { method: "GET", auth: null });
      assert.deepEqual(seen.slice(0, 4), [["POST", "/303", "Bearer t"], ["GET", "/final", "Bearer t"], ["POST", "/307", "Bearer t"], ["POST", "/final", "Bearer t"]]);
      const loop = await client.request({ method: "GET", path: "/loop" }).then(() => null, (e) => e);
      assert.equal(loop.kind, "network");
      assert.match(loop.detail, /more than 20 redirects/);
    } finally {
      first.close();
      other.close();
    }
  });

  test(`${entry}: a refused connection says why; the global fetch is still a choice`, async () => {
    // A port just closed, so nothing listens there (fetch refuses port 1 outright).
    const gone = await listen(() => {});
    gone.close();
    const refused = await new Client(gone.url, { maxAttempts: 1 }).request({ method: "GET", path: "/" }).then(() => null, (e) => e);
    assert.equal(refused.kind, "network");
    assert.match(refused.detail, /^node:http: request failed: connect ECONNREFUSED 127\.0\.0\.1:\d+/);
    // undici's "fetch failed" carries its reason in `cause`, which the message now includes.
    const viaFetch = await new Client(gone.url, { maxAttempts: 1, fetch: globalThis.fetch })
      .request({ method: "GET", path: "/" }).then(() => null, (e) => e);
    assert.equal(viaFetch.kind, "network");
    assert.match(viaFetch.detail, /^custom fetch: request failed: fetch failed \(connect ECONNREFUSED 127\.0\.0\.1:\d+\)/);
  });
}
