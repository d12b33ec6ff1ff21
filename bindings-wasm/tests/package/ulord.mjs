// Seed 001 through the generated `client.ulord` methods of the npm package (wire-named objects,
// typed by services.d.ts; ids and counts are bigint), end to end against the sandbox, whose state
// shares no code with chainkit. Admin: login → roles, app types, developers and apps. External,
// with the key of an app the admin client just created: wallets → payments → balance → publish →
// check → consume → the bill and resource lists, walked page by page. Errors arrive typed.
import { test } from "node:test";
import assert from "node:assert/strict";

const USERNAME = "sandbox-dev"; // tests/sandbox default credentials
const PASSWORD = "sandbox-password";
const IPFS = "QmUH2NbKrURA6hAmJnhfP4VTDtkjUs3fVCN2L7DoE3JLmm";

// The sandbox is shared by every run against it: names that must be unique get a suffix.
const unique = (name) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}`;

async function collect(pages) {
  const all = [];
  for await (const item of pages) all.push(item);
  return all;
}

export function defineUlordTests(ck, entry, sandbox) {
  const { Client, ChainkitError } = ck;
  const admin = () =>
    new Client(sandbox, { credentials: { scheme: "ulordAdmin", username: USERNAME, password: PASSWORD } }).ulord;

  test(`${entry}: Ulord admin, roles, types, developers and apps through client.ulord`, async () => {
    const u = admin();
    const login = await u.loginDeveloper({ username: USERNAME, password: PASSWORD });
    assert.ok(String(login.token).length > 0);

    const names = (await u.listRoles()).result.map((r) => r.name);
    for (const n of ["admin", "normal", "blocked"]) assert.ok(names.includes(n), n);
    const role = (await u.addRole({ name: "auditor", des: "审计" })).id;
    assert.equal(typeof role, "bigint");
    await u.editRole({ id: role, name: "auditor", des: "审计员" });
    assert.ok((await u.listRoles()).result.some((r) => r.id === role && r.des === "审计员"));
    assert.equal((await u.removeRole({ id: role })).num, 1n);
    assert.equal((await u.removeRole({ id: role })).num, 0n);

    const kind = (await u.addAppType({ parent_id: 3n, name: "摄影", des: "photo" })).id;
    const under = async (parent) => (await u.listAppTypes()).result.find((t) => t.id === parent).children.map((c) => c.id);
    assert.ok((await under(3n)).includes(kind));
    await u.editAppType({ id: kind, name: "摄影", des: "photo", parent_id: 4n });
    assert.ok((await under(4n)).includes(kind));
    assert.equal((await u.removeAppType({ id: kind })).num, 1n);

    const name = unique("js-dev");
    const developer = (await u.registerDeveloper({ username: name, password: "pw-1", role_id: 7n })).id;
    await u.changeDeveloperPassword({ username: name, password: "pw-1", new_password: "pw-2" });
    const old = await u.loginDeveloper({ username: name, password: "pw-1" }).catch((e) => e);
    assert.ok(old instanceof ChainkitError);
    assert.equal(old.code, "20004");
    await u.loginDeveloper({ username: name, password: "pw-2" });

    const app = (await u.addApp({ user_id: developer, appname: unique("js-blog"), apptype_id: 7n })).id;
    let apps = (await u.listApps({ user_id: developer })).result;
    assert.equal(apps.length, 1);
    assert.equal(apps[0].id, app);
    assert.equal(apps[0].type, 7n);
    assert.equal(String(apps[0].appkey).length, 32);
    const secret = (await u.resetAppSecret({ id: app, user_id: developer })).secret;
    apps = (await u.listApps({ user_id: developer })).result;
    assert.equal(String(apps[0].secret), String(secret));
    const foreign = await u.resetAppSecret({ id: app, user_id: 1n }).catch((e) => e);
    assert.equal(foreign.kind, "unauthorized");
    assert.equal(foreign.code, "10013");
    assert.equal((await u.removeApp({ id: app })).num, 1n);
    assert.deepEqual((await u.listApps({ user_id: developer })).result, []);
  });

  test(`${entry}: Ulord external flow with a new app's key through client.ulord`, async () => {
    const a = admin();
    const app = (await a.addApp({ user_id: 1n, appname: unique("js-e2e"), apptype_id: 7n, appdes: "chainkit" })).id;
    const key = (await a.listApps({ user_id: 1n })).result.find((x) => x.id === app).appkey;
    const withKey = () => new Client(sandbox, { credentials: { scheme: "ulordAppKey", appKey: String(key) } }).ulord;
    const u = withKey();

    const [alice, bob] = [unique("alice"), unique("bob")];
    for (const user of [alice, bob]) {
      assert.equal((await u.createWallet({ username: user, pay_passwrod: `${user}-pay` })).id, user);
    }
    await u.payToUser({ is_developer: true, recv_user: alice, amount: 10 });
    await u.payToUser({ is_developer: false, send_user: alice, pay_password: `${alice}-pay`, recv_user: bob, amount: 2 });
    const balance = async (user) => (await u.getBalance({ username: user, pay_password: `${user}-pay` })).total;
    assert.equal(await balance(alice), 8);

    const publish = async (title, price) => (await u.publishResource({
      author: bob, title, tag: ["JS", "IPFS"], ipfs_hash: IPFS, price, content_type: ".txt",
      pay_password: `${bob}-pay`, description: "blog description",
    })).claim_id;
    const blog = await publish("blog", 1.5);
    const ad = await publish("ad", -0.5);
    const check = { username: alice, claim_ids: [blog, ad] };
    assert.deepEqual((await u.checkPaid(check)).result, { [blog]: false, [ad]: false });
    const consumed = await u.consumeResource({ username: alice, claim_id: blog, customer_pay_password: `${alice}-pay` });
    assert.equal(consumed.ipfs_hash, IPFS);
    await u.consumeResource({ username: alice, claim_id: ad, author_pay_password: `${bob}-pay` });
    assert.deepEqual((await u.checkPaid(check)).result, { [blog]: IPFS, [ad]: IPFS });
    assert.deepEqual([await balance(alice), await balance(bob)], [7, 3]);

    const bills = await collect(u.publisherBillPages({ page: 1, num: 1, author: bob }));
    assert.deepEqual(bills.map((b) => [b.customer, b.price]), [[alice, 1.5], [alice, -0.5]]);
    const page = await u.listCustomerBills({ page: 1, num: 1, customer: alice });
    assert.deepEqual([page.pages, page.total, page.records.length], [2n, 2n, 1]);
    const spent = await collect(u.customerBillPages({ page: 1, num: 1, customer: alice }));
    assert.deepEqual(spent.map((b) => b.claim_id), [blog, ad]);
    const inout = await u.getInoutSummary({ username: alice });
    assert.deepEqual([inout.customer_expenditure.count, inout.customer_expenditure.sum], [1n, 1.5]);
    assert.equal(inout.publisher_income.sum ?? null, null);
    assert.equal((await u.countPublishedResources({ author: bob })).count, 2n);
    const total = (await u.listResources({ page: 1, num: 1 })).total;
    assert.equal(BigInt((await collect(u.resourcePages({ page: 1, num: 1 }))).length), total);
    const mine = await collect(u.publishedResourcePages({ page: 1, num: 1, author: bob }));
    assert.deepEqual(mine.map((r) => r.title), ["blog", "ad"]);
    assert.deepEqual(mine[0].tags, ["JS", "IPFS"]);
    const used = await u.listConsumedResources({ page: 1, num: 10, customer: alice });
    assert.deepEqual([used.ads.map((r) => r.claim_id), used.consumes.map((r) => r.claim_id)], [[ad], [blog]]);

    const wrong = await u.getBalance({ username: alice, pay_password: "nope" }).catch((e) => e);
    assert.ok(wrong instanceof ChainkitError);
    assert.equal(wrong.kind, "api");
    assert.equal(wrong.code, "20004");
    assert.ok(wrong.detail.length > 0);
    const zero = await u.listResources({ page: 0, num: 10 }).catch((e) => e);
    assert.equal(zero.kind, "invalid_input");
    assert.match(zero.detail, /page/);
    const typo = await u.createWallet({ username: alice, pay_password: "x" }).catch((e) => e);
    assert.equal(typo.kind, "invalid_input", "the documented spelling is pay_passwrod");

    await a.removeApp({ id: app });
    const gone = await withKey().listResources({ page: 1, num: 10 }).catch((e) => e);
    assert.equal(gone.kind, "unauthorized");
    assert.equal(gone.code, "10001");
  });
}
