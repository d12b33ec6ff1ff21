// chainkit/testing: starts chainkit-sandbox (every service chainkit speaks, on loopback) for a
// test suite. The binary is not in the npm package: it comes from `pip install chainkit-sandbox`
// or the release's dist/ directory; CHAINKIT_SANDBOX_BIN names it when it is not on PATH.
"use strict";
const { spawn } = require("node:child_process");
const { mkdtempSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");

const READY = "chainkit-sandbox listening on ";

async function startSandbox(options = {}) {
  const bin = options.bin ?? process.env.CHAINKIT_SANDBOX_BIN ?? "chainkit-sandbox";
  const timeoutMs = options.timeoutMs ?? 10000;
  // The sandbox exits when its stdin closes, so it never outlives this process.
  const args = ["--listen", "127.0.0.1:0", "--stop-on-stdin-eof"];
  let dir;
  if (options.credentials) {
    dir = mkdtempSync(join(tmpdir(), "chainkit-sandbox-"));
    writeFileSync(join(dir, "credentials.json"), JSON.stringify(options.credentials));
    args.push("--credentials", join(dir, "credentials.json"));
  }
  const cleanup = () => dir && rmSync(dir, { recursive: true, force: true });
  const child = spawn(bin, args, { stdio: ["pipe", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (s) => { stderr = (stderr + s).slice(-4000); });
  let url;
  try {
    url = await new Promise((resolve, reject) => {
      let out = "";
      const timer = setTimeout(() => reject(new Error(`chainkit-sandbox did not start within ${timeoutMs} ms`)), timeoutMs);
      const fail = (e) => { clearTimeout(timer); reject(e); };
      child.on("error", (e) => fail(e.code === "ENOENT"
        ? new Error(`${bin} not found: pip install chainkit-sandbox (or use the binary from dist/) and put it on PATH, or set CHAINKIT_SANDBOX_BIN`)
        : e));
      child.on("exit", (code) => fail(new Error(`chainkit-sandbox exited (${code}) before listening: ${stderr.trim()}`)));
      const onData = (s) => {
        out += s;
        const line = out.split("\n", 2);
        if (line.length < 2) return;
        clearTimeout(timer);
        child.stdout.off("data", onData);
        if (line[0].startsWith(READY)) resolve(line[0].slice(READY.length).trim());
        else reject(new Error(`chainkit-sandbox said ${JSON.stringify(line[0])}`));
      };
      child.stdout.setEncoding("utf8").on("data", onData);
    });
  } catch (e) {
    child.kill();
    cleanup();
    throw e;
  }
  child.removeAllListeners("exit");
  child.removeAllListeners("error");
  child.stdout.resume(); // later output is dropped, never buffered
  // A forgotten stop() must not keep the test process alive; its exit closes our stdin pipe.
  child.unref();
  for (const s of [child.stdin, child.stdout, child.stderr]) s.unref?.();
  let stopped;
  const stop = () => (stopped ??= new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.ref(); // keep this process alive until the sandbox is gone
    child.once("exit", () => resolve());
    child.stdin.end();
  }).finally(cleanup));
  return { url, stop };
}

module.exports = { startSandbox };
