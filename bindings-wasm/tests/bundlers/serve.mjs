// Serves a bundled page on loopback, opens it in headless Chromium and waits for the page to
// POST its result to /result. Exits 0 only if the page reports success.
//   node serve.mjs DIR PAGE SANDBOX_URL
import { createServer } from "node:http";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { spawn } from "node:child_process";
import { extname, join, normalize } from "node:path";
import { tmpdir } from "node:os";

const [dir, page, sandbox] = process.argv.slice(2);
const types = { ".html": "text/html", ".js": "text/javascript", ".mjs": "text/javascript", ".wasm": "application/wasm" };
const served = [];

let done;
const result = new Promise((resolve) => { done = resolve; });
const server = createServer(async (req, res) => {
  const path = new URL(req.url, "http://x").pathname;
  if (req.method === "POST" && path === "/result") {
    let body = "";
    for await (const chunk of req) body += chunk;
    res.end();
    return done(JSON.parse(body));
  }
  const file = normalize(join(dir, decodeURIComponent(path)));
  if (!file.startsWith(normalize(dir))) return res.writeHead(403).end();
  try {
    const bytes = await readFile(file);
    served.push(`200 ${path}`);
    res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" }).end(bytes);
  } catch {
    served.push(`404 ${path}`);
    res.writeHead(404).end();
  }
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${server.address().port}/${page}?sandbox=${encodeURIComponent(sandbox)}`;

const profile = await mkdtemp(join(tmpdir(), "chainkit-chromium-"));
const chromium = spawn("chromium", ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
  "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
  `--user-data-dir=${profile}`, url], { stdio: "ignore" });
const timeout = setTimeout(() => done({ ok: false, error: "no result from the page within 60 s" }), 60000);
const outcome = await result;
clearTimeout(timeout);
chromium.kill();
await new Promise((r) => chromium.exitCode !== null ? r() : chromium.once("exit", r));
server.close();
// Chromium's helper processes can still be writing the profile after the browser exits;
// retry, and never fail the test over a temporary directory.
await rm(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 }).catch((e) =>
  console.error(`left ${profile}: ${e.code}`));
if (outcome.ok) {
  console.log(`${page}: DNA flow passed in headless Chromium (token ${outcome.tokenBid} now owned by ${outcome.owner})`);
} else {
  console.error(`${page}: ${outcome.error}\nrequests: ${served.join(", ")}`);
  process.exit(1);
}
