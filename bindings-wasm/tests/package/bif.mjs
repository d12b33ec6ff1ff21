// chainkit's BIF crypto from the npm package, checked against seed 002's own examples and
// Node's own Ed25519 (node:crypto, OpenSSL) as an independent verifier.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createPublicKey, verify as nodeVerify, createHash } from "node:crypto";

// Seed 002 §3.3.2 / §3.3.4 (verbatim).
const SEED_KEY = "priSPKpY6TuPUZyCuJeaTpUJ1uRYVycNZmpmCuAxC6EhsjdhNX";
const SEED_PUB = "b065668a006b9f68a9ac94f042161f3f0353ccfab47fa9199b8f1889b7d7659d875aa2";
const SEED_ADDR = "did:bid:efdYBMrB1SNjXkV6bLy3w3Hww1Ntv2Up";
const SENDER_KEY = "priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM";
const SENDER = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko";
const CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk";
const TOKEN = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV";
const BURN_SER = "0a286469643a6269643a65665136394752745155445239536e6764464b4176346f7759797835466e6b6f1021227f0807527b0a286469643a6269643a65664148557954796843645558537862337a6e77334a7734455432344764436b1a4f7b2266756e6374696f6e223a226275726e28737472696e6729222c2261726773223a22276469643a6269643a65664474546a57424c6b4a6a7452534a464d66424c4e4a364c6a6e4b7531745627227d3080c2d72f380a";
const BURN_SIG = "2be1050f4663ebcce8a5afe4d76d83079575742f24842026cedd075a7df5ba81a0caecf2ce9de66bf0a37411fef1e422162c840dd07f7870a0578028fa53c502";

const hex = (b) => Buffer.from(b).toString("hex");
const ed25519Spki = (raw) => createPublicKey({
  key: Buffer.concat([Buffer.from("302a300506032b6570032100", "hex"), Buffer.from(raw)]), format: "der", type: "spki",
});

export function defineBifTests(ck, entry) {
  const { BifPrivateKey, BifPublicKey, BifKeyPair, Secret, ChainkitError } = ck;

  test(`${entry}: bif seed §3.3.2 key pair, the private key only as a Secret`, () => {
    const pair = BifKeyPair.fromPrivateKey(BifPrivateKey.fromSecret(new Secret(SEED_KEY)));
    assert.equal(pair.encAddress, SEED_ADDR);
    assert.equal(pair.encPublicKey, SEED_PUB);
    assert.equal(pair.encPrivateKey.expose(), SEED_KEY);
    assert.equal(String(pair.encPrivateKey), "Secret(***)");
    assert.deepEqual(pair.toOfflineObject(), { encAddress: SEED_ADDR, encPublicKey: SEED_PUB, encPrivateKey: SEED_KEY });
    assert.ok(!JSON.stringify({ k: pair.privateKey }).includes(SEED_KEY));
    assert.equal(String(pair.privateKey), "PrivateKey(ed25519, ***)");
  });

  test(`${entry}: bif seed §3.3.4 burn byte for byte`, () => {
    const key = BifPrivateKey.parse(SENDER_KEY);
    const tx = ck.bifSignContractCall(key, {
      senderAddress: SENDER, contractAddress: CONTRACT, input: ck.bifBurnInput(TOKEN),
      nonce: 33, bifAmount: 0, feeLimit: 100000000, gasPrice: 10,
    });
    assert.equal(tx.serialization, BURN_SER);
    assert.equal(tx.signData, BURN_SIG);
    assert.equal(tx.publicKey, "b06566d8fb4a6dfbe0d5831e38f621391ad9191626f7e28c13d3a0482c52d5c9607b14");
    assert.equal(tx.txHash, createHash("sha256").update(Buffer.from(BURN_SER, "hex")).digest("hex"));
    const d = ck.bifDecodeTransaction(BURN_SER);
    assert.equal(d.canonical, true);
    assert.equal(d.transaction.nonce, 33);
    assert.equal(d.transaction.operations[0].pay_coin.input, ck.bifBurnInput(TOKEN));
  });

  test(`${entry}: bif node:crypto verifies a fresh Ed25519 transfer; SM2 round-trips`, () => {
    const pair = BifKeyPair.generate("ed25519");
    const tx = ck.bifSignContractCall(pair.privateKey, {
      senderAddress: pair.encAddress, contractAddress: CONTRACT,
      input: ck.bifTransferInput(pair.encAddress, SENDER, TOKEN), nonce: 2,
    });
    const bytes = Buffer.from(tx.serialization, "hex");
    assert.ok(nodeVerify(null, bytes, ed25519Spki(pair.publicKey.raw), Buffer.from(tx.signData, "hex")));
    assert.equal(ck.bifDecodeTransaction(bytes).transaction.fee_limit, 1000000);

    const sm2 = BifPrivateKey.generate("sm2");
    const pub = BifPublicKey.parse(sm2.publicKey().encPublicKey.toUpperCase());
    assert.equal(pub.keyType, "sm2");
    assert.match(pub.address(), /^did:bid:zf/);
    const msg = new TextEncoder().encode("签名");
    const sig = sm2.sign(msg);
    assert.equal(sig.length, 64);
    assert.ok(pub.verify(msg, sig));
    assert.ok(!pub.verify(new Uint8Array([1]), sig));
    assert.equal(hex(sm2.sign(msg)), hex(sig)); // deterministic k
    const k = new Uint8Array(32).fill(9);
    assert.ok(pub.verify(msg, sm2.sign(msg, k)));
  });

  test(`${entry}: bif 10 MB inputs are refused by their length, not decoded`, () => {
    // Issue 17: Base58 decoding is quadratic (300k characters took 37 s). Valid Base58
    // characters throughout, so only the length check refuses them early.
    const huge = "z".repeat(10 << 20);
    assert.equal(ck.bifIsValidAddress(`did:bid:ef${huge}`), false);
    assert.throws(() => BifPrivateKey.parse(`priSPK${huge}`),
      (e) => e instanceof ChainkitError && e.kind === "invalid_input" && /^encPrivateKey: .* characters, more than/.test(e.detail));
  });

  test(`${entry}: bif errors are ChainkitErrors naming the field`, () => {
    const key = BifPrivateKey.parse(SENDER_KEY);
    const call = { senderAddress: SEED_ADDR, contractAddress: CONTRACT, input: "{}", nonce: 1 };
    assert.throws(() => ck.bifSignContractCall(key, call),
      (e) => e instanceof ChainkitError && e.kind === "invalid_input" && /^sender_address: /.test(e.detail));
    assert.throws(() => ck.bifSignContractCall(key, { ...call, senderAddress: SENDER, nonce: 0 }), /nonce: must be > 0/);
    assert.throws(() => BifPrivateKey.parse("priSPK"), (e) => e instanceof ChainkitError && /encPrivateKey/.test(e.detail));
    assert.throws(() => key.publicKey().verify(new Uint8Array(), new Uint8Array(30)), /signData: must be 64 bytes/);
    assert.throws(() => ck.bifDecodeTransaction("0a2"), /serialization: not hex/);
    assert.equal(ck.bifIsValidAddress("did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7"), true);
    assert.deepEqual(ck.bifParseAddress("did:bid:ljcp:ef1L8GBs9mWzeKXGiAZC877WResz6y7"),
      { keyType: "ed25519", chainCode: "ljcp", payloadHex: "00055ccb416de05ee21abe7c2fae08ba65659a74ab12" });
  });
}
