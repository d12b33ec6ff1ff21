// Node's transport: a fetch-compatible function over `node:http`/`node:https` with keep-alive
// agents, which the Node entries make every Client's default (pass `fetch: globalThis.fetch` to
// use undici's instead). Why not the global fetch: undici's fetch spends ~600 µs of CPU on a
// small POST, several times what the same request costs through `node:http`, and on keep-alive
// against a local server that is most of a call (BENCHMARKS.md).
//
// ESM, because importing CommonJS from node.mjs costs ~4 ms of start-up; build.sh derives the
// node-http.cjs that node.cjs requires from it.
//
// It implements only what chainkit's custom-fetch transport reads: `status`, `headers.entries()`
// and `body.getReader()` (so the answer-size limit stops reading as soon as it is passed), and
// honours `signal`, which chainkit aborts on timeout or cancellation. Redirects are followed as
// fetch does: at most 20, 303 (and 301/302 after a POST) become a GET without a body, and the
// `Authorization` header is not sent to another origin.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

const MAX_REDIRECTS = 20;

// Loaded by the first request to each scheme: node:https (TLS) alone costs more than
// instantiating chainkit's .wasm, and `import "chainkit"` should not pay for it.
const schemes = {};
function scheme(protocol) {
  if (schemes[protocol] === undefined) {
    const module = protocol === "https:" ? require("node:https") : require("node:http");
    schemes[protocol] = { module, agent: new module.Agent({ keepAlive: true }) };
  }
  return schemes[protocol];
}

/** `fetch(url, {method, headers: [name, value][], body?: Uint8Array, signal})`, in part. */
async function nodeHttpFetch(url, init) {
  let target = new URL(url);
  let { method, body } = init;
  let headers = init.headers;
  for (let hops = 0; ; hops++) {
    const res = await send(target, method, headers, body, init.signal);
    const location = res.headers.location;
    if (![301, 302, 303, 307, 308].includes(res.statusCode) || location === undefined) {
      return answer(res);
    }
    res.resume(); // the redirect's own body is not wanted; let the socket be reused
    if (hops === MAX_REDIRECTS) throw new Error(`more than ${MAX_REDIRECTS} redirects`);
    const next = new URL(location, target);
    if (next.protocol !== "http:" && next.protocol !== "https:") {
      throw new Error(`redirected to an unsupported scheme ${next.protocol}`);
    }
    if (res.statusCode === 303 || ((res.statusCode === 301 || res.statusCode === 302) && method === "POST")) {
      method = "GET";
      body = undefined;
      headers = headers.filter(([name]) => !/^content-/i.test(name));
    }
    if (next.origin !== target.origin) headers = headers.filter(([name]) => !/^authorization$/i.test(name));
    target = next;
  }
}

function send(url, method, pairs, body, signal) {
  return new Promise((resolve, reject) => {
    // Repeated names are joined on one line, as fetch does.
    const headers = {};
    for (const [name, value] of pairs) {
      headers[name] = headers[name] === undefined ? value : `${headers[name]}, ${value}`;
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      reject(new Error(`unsupported URL scheme ${url.protocol}`));
      return;
    }
    const { module, agent } = scheme(url.protocol);
    let req;
    try {
      req = module.request(url, { method, headers, agent, signal }, resolve);
    } catch (e) {
      reject(e); // an invalid header name or value, before anything is sent
      return;
    }
    req.on("error", reject);
    req.end(body);
  });
}

function answer(res) {
  const chunks = res[Symbol.asyncIterator]();
  return {
    status: res.statusCode,
    headers: {
      entries: () =>
        Object.entries(res.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(", ") : value]),
    },
    body: { getReader: () => ({ read: () => chunks.next(), cancel: () => res.destroy() }) },
  };
}

export { nodeHttpFetch };
