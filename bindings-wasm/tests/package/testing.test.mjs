// chainkit/testing from the installed package: a user's suite starts the sandbox executable
// (CHAINKIT_SANDBOX_BIN: dist/'s build) and runs a DNA flow against it, offline.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { Client } from "chainkit";
import { startSandbox } from "chainkit/testing";

test("chainkit/testing: a DNA flow against a sandbox the helper started and stopped", async () => {
  const sandbox = await startSandbox({ credentials: { dna: { message_delay_ms: 0 } } });
  try {
    assert.match(sandbox.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    const dna = new Client(sandbox.url, {
      credentials: { scheme: "dna", apiKey: "did:bid:efSandboxApiKey0000000000000", apiSecret: "sandbox-dna-api-secret" },
    }).dna;
    const alice = await dna.createAccount("13800000001");
    const { seriesId } = await dna.seriesAdd({ seriesName: "testing helper", seriesIssuer: "node" });
    const { messageId } = await dna.mintDna({ seriesId, dnaName: "资产", dnaNumber: "1", toBid: alice.publicKey().address() });
    const { info } = await dna.waitForMessage(messageId, 5000);
    assert.deepEqual(await dna.ownersOf(info[0].tokenBid), [alice.publicKey().address()]);
  } finally {
    await sandbox.stop();
  }
  await assert.rejects(fetch(`${sandbox.url}/health`), "the sandbox is gone after stop()");
  await sandbox.stop(); // twice is fine
});

test("chainkit/testing: CommonJS require gives the same helper", () => {
  const require = createRequire(import.meta.url);
  assert.equal(typeof require("chainkit/testing").startSandbox, "function");
});

test("chainkit/testing: a missing executable says how to get one", async () => {
  await assert.rejects(startSandbox({ bin: "/nonexistent/chainkit-sandbox" }), /pip install chainkit-sandbox/);
});
