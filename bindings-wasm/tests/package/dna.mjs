// Seed 002 through the generated `client.dna` methods of the npm package (wire-named objects,
// typed by services.d.ts), end to end against the sandbox, whose transaction checks share no
// code with chainkit.
import { test } from "node:test";
import assert from "node:assert/strict";

const API_KEY = "did:bid:efSandboxApiKey0000000000000"; // tests/sandbox default credentials
const API_SECRET = "sandbox-dna-api-secret";
const CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";

const asset = (seriesId, n, toBid) => ({
  seriesId, dnaName: `资产 ${n}`, dnaNumber: String(n), url: "https://img.example/a.png",
  hash: "h", displayUrl: "https://img.example/a-85.png", toBid, dnaPrice: 1.24, dnaCategory: "图片",
});

export function defineDnaTests(ck, entry, sandbox) {
  const { Client, ChainkitError } = ck;
  const dna = () => new Client(sandbox, { credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } }).dna;

  test(`${entry}: DNA, the whole documented flow through client.dna`, async () => {
    const d = dna();
    const token = await d.getToken({ apiKey: API_KEY, apiSecret: API_SECRET });
    assert.ok(token.accessToken.length > 20);
    const alice = await d.createAccount("13800000001");
    const bob = await d.createAccount("13800000002", "sm2");
    const [aliceBid, bobBid] = [alice.publicKey().address(), bob.publicKey().address()];

    const series = await d.seriesAdd({ seriesName: `${entry} 集合 ${Date.now()}`, seriesIssuer: "js" });
    assert.equal((await d.seriesDetail({ seriesId: series.seriesId })).seriesIssuer, "js");
    const minted = await d.waitForMessage((await d.mintDna(asset(series.seriesId, 1, aliceBid))).messageId, 20000);
    assert.equal(minted.state, 2);
    const tokenBid = minted.info[0].tokenBid;
    assert.deepEqual(await d.ownersOf(tokenBid), [aliceBid]);

    const batch = await d.batchMintDna({ data: [asset(series.seriesId, 2, aliceBid), asset(series.seriesId, 3, bobBid)] });
    assert.equal((await d.waitForMessage(batch.messageId, 20000)).info.length, 2);
    const page = await d.seriesDnaList({ seriesId: series.seriesId, pageNum: 1, pageSize: 10 });
    assert.equal(page.total, 3n); // 64-bit integers are bigint in JS
    const walked = [];
    for await (const a of d.seriesDnaPages({ seriesId: series.seriesId, pageNum: 1, pageSize: 2 })) walked.push(a.dnaNumber);
    assert.deepEqual(walked.sort(), ["1", "2", "3"]);
    // Overlapping next() calls on one walk take turns: three pages, none fetched twice.
    const client = new Client(sandbox, { credentials: { scheme: "dna", apiKey: API_KEY, apiSecret: API_SECRET } });
    const pager = client.pager("dna", "series_dna_list", { seriesId: series.seriesId, pageNum: 1, pageSize: 1 });
    const pages = await Promise.all([pager.next(), pager.next(), pager.next(), pager.next()]);
    assert.deepEqual(pages.slice(0, 3).map((p) => p[0].dnaNumber).sort(), ["1", "2", "3"]);
    assert.ok(pages[3] === undefined || pages[3].length === 0);
    pager.free();

    const sent = await d.transfer(alice, CONTRACT, tokenBid, bobBid);
    assert.equal((await d.waitForMessage(sent.messageId, 20000)).state, 2);
    assert.deepEqual(await d.ownersOf(tokenBid), [bobBid]);
    const records = await d.dnaRecords({ tokenBid, pageNum: 1, pageSize: 10 });
    assert.deepEqual(records.data.map((r) => r.operation).sort(), [0, 1]);
    const burnt = await d.burn(bob, CONTRACT, tokenBid);
    assert.equal((await d.waitForMessage(burnt.messageId, 20000)).state, 2);
    assert.deepEqual(await d.ownersOf(tokenBid), []);
  });

  test(`${entry}: DNA, an expired token is refreshed; documented errors are typed`, async () => {
    const d = dna();
    const name = `${entry} dup ${Date.now()}`;
    await d.seriesAdd({ seriesName: name, seriesIssuer: "js" });
    assert.equal((await fetch(`${sandbox}/_sandbox/dna/expire-tokens`, { method: "POST" })).ok, true);
    await d.seriesAdd({ seriesName: `${name} 2`, seriesIssuer: "js" });
    const dup = await d.seriesAdd({ seriesName: name, seriesIssuer: "js" }).catch((e) => e);
    assert.ok(dup instanceof ChainkitError);
    assert.equal(dup.kind, "api");
    assert.equal(dup.code, "400");
    assert.ok(dup.detail.length > 0);
    const long = await d.seriesAdd({ seriesName: "长".repeat(51), seriesIssuer: "js" }).catch((e) => e);
    assert.equal(long.kind, "invalid_input");
    assert.match(long.detail, /seriesName/);
    const typo = await d.seriesAdd({ seriesNmae: "x", seriesIssuer: "js" }).catch((e) => e);
    assert.equal(typo.kind, "invalid_input");
  });

  test(`${entry}: a documented value set (dnaType) is a string union, checked before any I/O`, async () => {
    const d = dna();
    const run = `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
    await d.authSeries({ data: [{ seriesName: `js ${run}`, seriesIssuer: "js", seriesId: [run] }] });
    const asset = { seriesId: run, dnaName: "资产", dnaNumber: "1", tokenBid: `did:bid:ef${run}`, owner: "did:bid:efowner" };
    assert.equal((await d.authDna({ data: [{ ...asset, dnaType: "1" }] })).retCode, 200n);
    const e = await d.authDna({ data: [{ ...asset, tokenBid: `did:bid:ef${run}x`, dnaType: "3" }] }).catch((x) => x);
    assert.equal(e.kind, "invalid_input");
    assert.match(e.detail, /data\[0\]\.dnaType: must be one of/);
  });
}
