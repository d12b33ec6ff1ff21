// Seed 003 through the generated `client.pool` methods of the npm package (wire-named objects,
// typed by services.d.ts; 64-bit numbers such as linkId, group ids and speeds are bigint), end to
// end against the sandbox, whose state shares no code with chainkit, as core/tests/pool_sandbox.rs:
// the main account → a sub-account, listed and updated → an observer link created, listed,
// changed and deleted → workers, a group created, a worker moved into it, the group renamed and
// deleted → profit and hash rate over a date range; then documented refusals as typed errors, and
// a replayed envelope refused.
import { test } from "node:test";
import assert from "node:assert/strict";

// tests/sandbox default credentials (config::Pool).
const CREDENTIALS = {
  scheme: "pool", clientId: "sandbox-client", secretKey: "sandbox-secret-key", secretSalt: "sandbox-secret-salt",
};
const ALICE = { account: "alice" };

// The sandbox is shared by every run against it (and by the ESM and CJS runs): names that must be
// unique get a suffix.
const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

export function definePoolTests(ck, entry, sandbox) {
  const { Client, ChainkitError } = ck;
  const client = (options = {}) => new Client(sandbox, { credentials: CREDENTIALS, ...options }).pool;
  const sub = (userName) => ({ userName });

  test(`${entry}: pool account, sub-account, observers, workers, profit and speed through client.pool`, async () => {
    const p = client();
    assert.equal((await p.accountGetBindInfo(ALICE)).phone, "13811012345");

    // A sub-account, listed and updated.
    const name = unique(`js-miner-${entry}`);
    await p.subAccountCreate({ master: "alice", userName: name, theorySpeed: 2, description: "四川矿场", workerCount: 3 });
    assert.ok((await p.subAccountGetUserAll(ALICE)).data.includes(name));
    const names = { userNames: [name] };
    const infos = (await p.subAccountBulkGetBasicInfo(names)).data;
    assert.equal(infos.length, 1);
    const info = infos[0];
    assert.deepEqual([info.userName, info.theorySpeed, info.workerCount, info.master], [name, 2, 3n, "alice"]);
    assert.equal(info.description, "四川矿场");
    await p.subAccountUpdateFeeInfo({ userName: name, feeType: "PPS", fee: 0.02 });
    const [fee] = (await p.subAccountBulkGetFeeInfo(names)).data;
    assert.deepEqual([fee.userName, fee.feeType, fee.fee], [name, "PPS", 0.02]);

    // An observer link: created, listed, changed, deleted.
    await p.subAccountAddObserverInfo({ userName: name, rights: ["profit_observer", "worker_observer"], remark: "会计" });
    let links = (await p.subAccountGetObserverList(sub(name))).data;
    assert.equal(links.length, 1);
    assert.deepEqual(links[0].rights, ["profit_observer", "worker_observer"]);
    assert.equal(links[0].remark, "会计");
    const linkId = links[0].linkId;
    assert.equal(typeof linkId, "bigint");
    await p.subAccountUpdateObserverInfo({ linkId, rights: ["dashboard_observer"], remark: "老板" });
    links = (await p.subAccountGetObserverList(sub(name))).data;
    assert.deepEqual([links[0].linkId, links[0].remark, links[0].rights], [linkId, "老板", ["dashboard_observer"]]);
    await p.subAccountDeleteObserverInfo({ linkId });
    assert.deepEqual((await p.subAccountGetObserverList(sub(name))).data, []);

    // Workers and a group.
    const workers = (await p.workerGetSubAccountWorkerList(sub(name))).data;
    assert.equal(workers.length, 3);
    await p.workerCreateGroup({ userName: name, name: "四川" });
    const groups = async () => (await p.workerGetSubAccountWorkerGroupList(sub(name))).data;
    const groupId = (await groups()).find((g) => g.name === "四川").id;
    assert.equal(typeof groupId, "bigint");
    await p.workerSetWorkerGroupBulk({ userName: name, groupId, workers: [workers[0].name] });
    const moved = (await p.workerGetSubAccountWorkerList(sub(name))).data;
    assert.equal(moved.find((w) => w.name === workers[0].name).group?.id, groupId);
    await p.workerUpdateGroup({ userName: name, name: "成都", groupId });
    assert.ok((await groups()).some((g) => g.id === groupId && g.name === "成都"));
    await p.workerDeleteGroup({ userName: name, groupId });
    assert.ok((await groups()).every((g) => g.id !== groupId));
    const summary = await p.workerGetSubAccountWorkerSummary(sub(name));
    assert.equal(summary.running + summary.stopped + summary.invalid, 3n);

    // Profit and hash rate over a week: one row a day, in order, the same when asked again.
    const week = { userName: name, coinType: "btc", start: "2026-11-01", end: "2026-11-07" };
    const days = (await p.profitGetByDay(week)).data;
    assert.deepEqual(days.map((d) => d.at), [1, 2, 3, 4, 5, 6, 7].map((d) => `2026-11-0${d}`));
    assert.ok(days.every((d) => d.total >= 0 && d.speed > 0));
    assert.deepEqual((await p.profitGetByDay(week)).data, days);
    const daily = (await p.speedGetSubAccountDailySpeed({ userName: name, start: "2026-11-01", end: "2026-11-07" })).data;
    assert.equal(daily.length, 7);
    assert.equal(typeof daily[0].validSpeed, "bigint");
    const hourly = (await p.speedGetSubAccountHourlySpeed({
      userName: name, start: "2026-11-01 00:00:00", end: "2026-11-01 23:00:00",
    })).data;
    assert.equal(hourly.length, 24);
    assert.equal(hourly[23].time, "2026-11-01 23:00:00");
    const system = (await p.speedGetSystemRealtimeSpeed({ coinType: "all" })).data;
    assert.equal(system.length, 2);
  });

  test(`${entry}: pool refusals are typed errors`, async () => {
    const p = client();
    const unknown = await p.workerGetSubAccountWorkerList(sub("nobody")).catch((e) => e);
    assert.ok(unknown instanceof ChainkitError, `not a ChainkitError: ${unknown}`);
    assert.deepEqual([unknown.kind, unknown.code, unknown.service], ["api", "5030", "pool"]);
    // Refused before sending: a payout minimum outside the documented set.
    const refused = await p.subAccountSetCoinHarvestSetting({
      userName: "nobody", coinType: "btc", address: "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", min: 0.5,
    }).catch((e) => e);
    assert.ok(refused instanceof ChainkitError, `not a ChainkitError: ${refused}`);
    assert.equal(refused.kind, "invalid_input");
    assert.match(refused.detail, /min/);
    // The client keeps working after both.
    assert.equal((await p.accountGetBindInfo(ALICE)).phone, "13811012345");
  });

  test(`${entry}: a replayed pool envelope is refused as unauthorized`, async () => {
    // A middlebox that sends the first request it saw again in place of every later one.
    let first;
    const replaying = (url, init) => {
      // Copies: the first request's headers and bytes are kept past its own call.
      first ??= { url, method: init.method, headers: init.headers.map(([k, v]) => [k, v]), body: init.body?.slice() };
      return fetch(first.url, { method: first.method, headers: first.headers, body: first.body, signal: init.signal });
    };
    const p = client({ fetch: replaying });
    assert.equal((await p.accountGetBindInfo(ALICE)).phone, "13811012345");
    const replayed = await p.accountGetBindInfo(ALICE).catch((e) => e);
    assert.ok(replayed instanceof ChainkitError, `not a ChainkitError: ${replayed}`);
    assert.deepEqual([replayed.kind, replayed.code], ["unauthorized", "5020"]);
    assert.match(replayed.detail, /repeated/);
  });
}
