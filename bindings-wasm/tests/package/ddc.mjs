// Seed 000 through the generated `client.ddc` methods of the npm package (wire-named objects,
// typed by services.d.ts; 64-bit integers as bigint), end to end against the sandbox, whose
// ledger shares no code with chainkit.
import { test } from "node:test";
import assert from "node:assert/strict";

const APITOKEN = "sandbox-ddc-apitoken"; // tests/sandbox default credentials
const IMAGE = "png,iVBORw0KGgoAAAANSUhEUg==";

const mint = (ddcOwner, ddcPubTotal, userTradeCode) => ({
  opbChainId: 9n, ddcType: 1155, ddcOwner, ddcPubTotal, ddcDesc: "js e2e", imgFileBase64: IMAGE,
  imgFileName: "file1", securityData: "附加数据", userTradeCode,
});

// `yyyy-MM-dd` 30 days ahead: more than the one day the service requires, in any time zone.
const in30Days = () => new Date(Date.now() + 30 * 86400000).toISOString().slice(0, 10);

export function defineDdcTests(ck, entry, sandbox) {
  const { Client, ChainkitError } = ck;
  const ddc = () => new Client(sandbox, { credentials: { scheme: "ddcApiToken", token: APITOKEN } }).ddc;
  // The sandbox is shared by every test run against it: names and trade codes are unique, and
  // balances are compared relative to what this test saw.
  const run = `${entry}-${Date.now()}-${Math.floor(Math.random() * 1e9)}`;

  // The settled row of a trade, through the flow that waits for it (status 1 here).
  const transaction = async (d, tradeCode) => {
    const row = await d.waitForTrade(tradeCode, 10000);
    assert.equal(row.txStatus, 1);
    return row;
  };

  test(`${entry}: DDC, the whole documented flow through client.ddc`, async () => {
    const d = ddc();
    const ids = (await d.listOpbFrameworks()).data.map((f) => f.opbChainId);
    assert.ok(ids.includes(2n) && ids.includes(9n), String(ids));
    const start = (await d.getAccountBalance()).accountBalance;

    const keys = await d.createChainAccount({ opbChainId: 9n, opbChainClientName: `${run}-alice` });
    assert.ok(keys.privateKey.length > 0);
    const alice = keys.opbChainClientAddress;
    const bob = (await d.createChainAccount({ opbChainId: 9n, opbChainClientName: `${run}-bob` })).opbChainClientAddress;
    const evm = (await d.createChainAccount({ opbChainId: 2n, opbChainClientName: `${run}-gas` })).opbChainClientAddress;

    const { gasQuantity } = await d.getGasPrice({ opbChainId: 2n });
    const recharged = await d.rechargeGas({ opbChainId: 2n, opbChainClientAddress: evm, hashRateValue: 1.5 });
    assert.equal(recharged.energyValue, 1.5 * gasQuantity);
    const added = await d.rechargeEosResource({
      opbChainClientAddress: alice, cpuPlusValue: 10n, netPlusValue: 20n, ramPlusValue: 30n, resourceValidDate: in30Days(),
    });
    assert.deepEqual([added.cpuPlusValue, added.netPlusValue, added.ramPlusValue], [10n, 20n, 30n]);
    const mine = await d.listChainAccounts({ data: { opbChainClientAddress: alice }, page: { pageNum: 1, pageSize: 10 } });
    assert.equal(mine.resultPageInfo.total, 1n);
    assert.equal(mine.data[0].energyValueBalance, "NET:20bytes,CPU:10us,RAM:30bytes");
    const first = await d.listChainAccounts({ data: { opbChainId: 9n }, page: { pageNum: 1, pageSize: 1 } });
    assert.equal(first.data.length, 1);
    assert.ok(first.resultPageInfo.total >= 2n && first.resultPageInfo.firstPage);
    // The walk steps the nested page.pageNum until resultPageInfo.total: every account once.
    const walked = [];
    for await (const a of d.chainAccountPages({ data: { opbChainId: 9n }, page: { pageNum: 1, pageSize: 2 } })) walked.push(a.opbChainClientAddress);
    assert.ok(walked.includes(alice) && walked.length === new Set(walked).size && walked.length >= Number(first.resultPageInfo.total));

    const before = (await d.getAccountBalance()).accountBalance;
    const minted = await transaction(d, (await d.mintDdc(mint(alice, "100", `${run}-1`))).tradeCode);
    assert.deepEqual([minted.txType, minted.txStatus, minted.mintQuantity], [20, 1, 100n]);
    const sent = await d.sendDdc({
      opbChainId: 9n, ddcType: 1155, ddcId: minted.ddcId, ddcOwner: alice, recipientAccount: bob,
      sendNumber: "30", securityData: "附加数据", userTradeCode: `${run}-2`,
    });
    const t = await transaction(d, sent.tradeCode);
    assert.deepEqual([t.txType, t.tradeQuantity, t.sendAccount, t.ddcOwner], [22, 30n, alice, bob]);
    const burnt = await d.burnDdc({
      opbChainId: 9n, ddcType: 1155, ddcId: minted.ddcId, ddcOwner: bob, securityData: "附加数据", userTradeCode: `${run}-3`,
    });
    assert.equal((await transaction(d, burnt.tradeCode)).burnQuantity, 30n);
    const sends = (await d.listDdcTransactions({ txType: 22 })).data;
    assert.ok(sends.some((s) => s.userTradeCode === `${run}-2`));

    const fees = Object.fromEntries((await d.listDdcFees()).data.map((f) => [f.txType, f.txAmount]));
    const after = (await d.getAccountBalance()).accountBalance;
    assert.ok(after <= before - (fees[20] + fees[22] + fees[23]) + 1e-9 && after < start, `${before} → ${after}`);

    const key = (await d.getAccessKey()).accessKey;
    const fresh = (await d.updateAccessKey()).accessKey;
    assert.notEqual(fresh, key);
    assert.equal((await d.getAccessKey()).accessKey, fresh);
  });

  test(`${entry}: DDC, documented refusals are typed errors`, async () => {
    const d = ddc();
    const owner = (await d.createChainAccount({ opbChainId: 9n, opbChainClientName: `${run}-owner` })).opbChainClientAddress;
    await d.mintDdc(mint(owner, "1", `${run}-dup`));
    const dup = await d.mintDdc(mint(owner, "1", `${run}-dup`)).catch((e) => e);
    assert.ok(dup instanceof ChainkitError);
    assert.equal(dup.kind, "api");
    assert.equal(dup.code, "-1");
    assert.equal(dup.detail, "MSG_10053012");
    assert.ok(dup.requestId);
    const wrongType = await d.mintDdc({ ...mint(owner, "1", "x"), ddcType: 20 }).catch((e) => e);
    assert.equal(wrongType.kind, "invalid_input");
    assert.match(wrongType.detail, /ddcType/);
    const typo = await d.createChainAccount({ opbChainId: 9n, opbChainClientNmae: "x" }).catch((e) => e);
    assert.equal(typo.kind, "invalid_input");
  });
}
