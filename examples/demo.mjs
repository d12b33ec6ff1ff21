// The JavaScript part of `make demo`: the npm package's Node build against the sandbox.
import { Client, ChainkitError } from "../bindings-wasm/pkg/node.mjs";

const client = new Client(process.env.CHAINKIT_SANDBOX_URL);
const health = await client.request({ method: "GET", path: "/health" });
console.log(`[js] GET /health -> ${health.status} ${health.text()}`);
try {
  await client.request({ method: "GET", path: "/_sandbox/status/409?code=E409&message=conflict" });
} catch (e) {
  if (!(e instanceof ChainkitError)) throw e;
  console.log(`[js] typed error -> kind=${e.kind} status=${e.status} code=${e.code} requestId=${e.requestId}: ${e.message}`);
}

// DNA (seed 002) through the typed client: account, series, mint, transfer, owner.
const dna = new Client(process.env.CHAINKIT_SANDBOX_URL, {
  credentials: { scheme: "dna", apiKey: "did:bid:efSandboxApiKey0000000000000", apiSecret: "sandbox-dna-api-secret" },
}).dna;
const alice = await dna.createAccount("13800000001");
const bob = await dna.createAccount("13800000002");
const series = await dna.seriesAdd({ seriesName: `js demo ${Date.now()}`, seriesIssuer: "chainkit" });
const minted = await dna.waitForMessage(
  (await dna.mintDna({ seriesId: series.seriesId, dnaName: "资产", dnaNumber: "1", toBid: alice.publicKey().address() })).messageId,
);
const tokenBid = minted.info[0].tokenBid;
const contract = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";
await dna.waitForMessage((await dna.transfer(alice, contract, tokenBid, bob.publicKey().address())).messageId);
console.log(`[js/dna] minted ${tokenBid} to alice, transferred; owners now ${JSON.stringify(await dna.ownersOf(tokenBid))}`);

// Mining pool (seed 003) through the typed client: every call signed (JWT + body HMAC).
const pool = new Client(process.env.CHAINKIT_SANDBOX_URL, {
  credentials: { scheme: "pool", clientId: "sandbox-client", secretKey: "sandbox-secret-key", secretSalt: "sandbox-secret-salt" },
}).pool;
const sub = `js-demo-${process.pid}`;
await pool.subAccountCreate({ master: "alice", userName: sub, theorySpeed: 2.5, description: "demo", workerCount: 2n });
const now = await pool.speedGetSubAccountRealtimeSpeed({ userName: sub });
console.log(`[js/pool] created ${sub}; ${now.speed5m.validSpeed} H/s over 5 minutes`);
