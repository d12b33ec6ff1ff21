// The DNA flow a browser app would run, through the bundled package: two accounts, a series,
// a mint, a signed transfer, the new owner. Reports to the page's server (serve.mjs).
const API_KEY = "did:bid:efSandboxApiKey0000000000000"; // tests/sandbox default credentials
const API_SECRET = "sandbox-dna-api-secret";
const CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";

export async function dnaFlow(Client) {
  const sandbox = new URLSearchParams(location.search).get("sandbox");
  const dna = new Client(sandbox, { credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } }).dna;
  const alice = await dna.createAccount("13800000001");
  const bob = await dna.createAccount("13800000002", "sm2");
  const { seriesId } = await dna.seriesAdd({ seriesName: `bundle ${Date.now()}`, seriesIssuer: "browser" });
  const to = alice.publicKey().address();
  const minted = await dna.waitForMessage((await dna.mintDna({ seriesId, dnaName: "资产", dnaNumber: "1", toBid: to })).messageId, 20000);
  const tokenBid = minted.info[0].tokenBid;
  const bobBid = bob.publicKey().address();
  await dna.waitForMessage((await dna.transfer(alice, CONTRACT, tokenBid, bobBid)).messageId, 20000);
  const owners = await dna.ownersOf(tokenBid);
  if (owners.length !== 1 || owners[0] !== bobBid) throw new Error(`owners ${JSON.stringify(owners)}, expected [${bobBid}]`);
  return { tokenBid, owner: owners[0] };
}

export function report(result) {
  return fetch("/result", { method: "POST", body: JSON.stringify(result) });
}

export async function runAndReport(start) {
  try {
    report({ ok: true, ...(await start()) });
  } catch (e) {
    report({ ok: false, error: `${e?.name}: ${e?.message}\n${e?.stack ?? ""}` });
  }
}
