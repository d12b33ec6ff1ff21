"""Independent oracles for chainkit's BIF crypto (through the installed Python binding).

    python tests/oracles/bif_oracles.py            # check every case, print a summary
    python tests/oracles/bif_oracles.py --write F  # (re)write golden vector file F from the oracles

- PyNaCl (libsodium): our Ed25519 public keys and signatures over the raw serialization are
  libsodium's, and verify there.
- gmssl (PyPI, pure Python SM2/SM3): our SM2 public keys are d·G, our signatures verify with
  Z_A over ID 1234567812345678, and with the same k our r‖s equals gmssl's byte for byte —
  including a short r or s (leading zero byte) and a scalar d with a leading zero byte.
- Google protobuf runtime, with the schema of bif-spec §9.1 built here as a FileDescriptorProto
  (no protoc): it decodes our serialization to the inputs, and its deterministic serialization
  of those inputs is our bytes.
- hashlib SHA-256 and gmssl SM3 + the Base58 below: addresses and tx hashes.
The vector file written by --write holds only values these oracles computed, never chainkit's.
"""

import hashlib
import json
import random
import sys

import nacl.signing
from gmssl import func, sm2, sm3
from google.protobuf import descriptor_pb2, descriptor_pool, message_factory

from chainkit import bif

ALPHABET = "123456789AbCDEFGHJKLMNPQRSTuVWXYZaBcdefghijkmnopqrstUvwxyz"
N = int(sm2.default_ecc_table["n"], 16)


def b58(data: bytes) -> str:
    n, out = int.from_bytes(data, "big"), ""
    while n:
        n, r = divmod(n, 58)
        out = ALPHABET[r] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


# --- protobuf schema (bif-spec §9.1, offline-api proto/chain.proto field numbers) -------------

def _schema():
    T = descriptor_pb2.FieldDescriptorProto
    fdp = descriptor_pb2.FileDescriptorProto(name="bif_chain_subset.proto", package="protocol", syntax="proto3")

    def msg(name, *fields):
        m = fdp.message_type.add(name=name)
        for fname, num, ftype, label, type_name in fields:
            f = m.field.add(name=fname, number=num, type=ftype, label=label)
            if type_name:
                f.type_name = type_name
        return m

    one, rep = T.LABEL_OPTIONAL, T.LABEL_REPEATED
    S, I64, I32, BY, M = T.TYPE_STRING, T.TYPE_INT64, T.TYPE_INT32, T.TYPE_BYTES, T.TYPE_MESSAGE
    msg("OperationPayCoin", ("dest_address", 1, S, one, None), ("amount", 2, I64, one, None),
        ("input", 3, S, one, None), ("raw_dest_address", 4, BY, one, None))
    msg("Operation", ("type", 1, I32, one, None), ("source_address", 2, S, one, None),
        ("metadata", 3, BY, one, None), ("pay_coin", 10, M, one, ".protocol.OperationPayCoin"),
        ("raw_source_address", 20, BY, one, None))
    msg("Transaction", ("source_address", 1, S, one, None), ("nonce", 2, I64, one, None),
        ("expr_condition", 3, S, one, None), ("operations", 4, M, rep, ".protocol.Operation"),
        ("metadata", 5, BY, one, None), ("fee_limit", 6, I64, one, None), ("gas_price", 7, I64, one, None),
        ("ceil_ledger_seq", 8, I64, one, None), ("chain_id", 9, I64, one, None),
        ("address_prefix", 10, S, one, None), ("raw_source_address", 11, BY, one, None))
    pool = descriptor_pool.DescriptorPool()
    pool.Add(fdp)
    return message_factory.GetMessageClass(pool.FindMessageTypeByName("protocol.Transaction"))


Transaction = _schema()


def protobuf_bytes(sender, contract, amount, text, nonce, fee, gas) -> bytes:
    tx = Transaction(source_address=sender, nonce=nonce, fee_limit=fee, gas_price=gas)
    op = tx.operations.add(type=7)
    op.pay_coin.dest_address = contract
    op.pay_coin.amount = amount
    op.pay_coin.input = text
    op.pay_coin.SetInParent()
    return tx.SerializeToString(deterministic=True)


# --- SM2 via gmssl ------------------------------------------------------------------------------

def gm(d: int) -> sm2.CryptSM2:
    c = sm2.CryptSM2(private_key="%064x" % d, public_key="00" * 64)
    # Set the key after __init__: gmssl's public_key.lstrip("04") strips any leading 0/4 digits.
    c.public_key = c._kg(d, sm2.default_ecc_table["g"])
    return c


def gm_pub(d: int) -> bytes:
    return bytes.fromhex("04" + gm(d).public_key)


def gm_sign(d: int, msg: bytes, k: int) -> str:
    return gm(d).sign_with_sm3(msg, "%064x" % k)


def sm3_hash(data: bytes) -> bytes:
    return bytes.fromhex(sm3.sm3_hash(func.bytes_to_list(data)))


def address(kind: str, raw_pub: bytes) -> str:
    if kind == "ed25519":
        return "did:bid:ef" + b58(hashlib.sha256(raw_pub).digest()[10:])
    return "did:bid:zf" + b58(sm3_hash(raw_pub)[10:])


def enc_private(kind: str, raw: bytes) -> str:
    return b58(bytes([0x18, 0x9E, 0x99, 0x65 if kind == "ed25519" else 0x7A, 0x66]) + raw)


def enc_public(kind: str, raw_pub: bytes) -> str:
    return (bytes([0xB0, 0x65 if kind == "ed25519" else 0x7A, 0x66]) + raw_pub).hex()


# --- checks -------------------------------------------------------------------------------------

failures = []


def check(what, ok):
    if not ok:
        failures.append(what)


CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
TOKEN = "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV"


def random_call(rng, kind, raw):
    if kind == "ed25519":
        raw_pub = bytes(nacl.signing.SigningKey(raw).verify_key)
    else:
        raw_pub = gm_pub(int.from_bytes(raw, "big"))
    sender = address(kind, raw_pub)
    to = "did:bid:ef" + b58(bytes(rng.randrange(256) for _ in range(22)))
    if rng.random() < 0.5:
        text = bif.transfer_input(sender, to, TOKEN)
    else:
        text = json.dumps({"function": "burn(string)", "args": "'%s'" % TOKEN, "note": "签名 ✓ " * rng.randrange(40)},
                          ensure_ascii=False)
    nonce = rng.choice([1, 33, 1229, rng.randrange(1, 2**62)])
    fee, gas = rng.choice([(0, 0), (100000000, 10), (20000000, 200)])
    amount = rng.choice([0, 0, 1, 2**40])
    return raw_pub, sender, text, nonce, fee, gas, amount


def run_checks(rounds=60):
    rng = random.Random(20261201)
    for i in range(rounds):
        kind = "ed25519" if i % 2 == 0 else "sm2"
        if kind == "ed25519":
            raw = bytes(rng.randrange(256) for _ in range(32))
        else:
            d = rng.randrange(1, N - 1)
            if i % 10 == 1:
                d = rng.randrange(1, 2**248)  # a scalar whose first byte is zero
            raw = d.to_bytes(32, "big")
        raw_pub, sender, text, nonce, fee, gas, amount = random_call(rng, kind, raw)
        key = bif.PrivateKey.from_raw(kind, raw)
        pub = key.public_key()
        check(f"{i} {kind}: public key", pub.raw == raw_pub)
        check(f"{i} {kind}: encPublicKey", pub.enc_public_key == enc_public(kind, raw_pub))
        check(f"{i} {kind}: encPrivateKey", key.enc_private_key().expose() == enc_private(kind, raw))
        check(f"{i} {kind}: address", pub.address() == sender)
        tx = bif.sign_contract_call(key, sender, CONTRACT, text, nonce, amount=amount, fee_limit=fee, gas_price=gas)
        ser = tx.serialization_bytes
        want = protobuf_bytes(sender, CONTRACT, amount, text, nonce, fee or 1000000, gas or 100)
        check(f"{i} {kind}: serialization == protobuf's", ser == want)
        parsed = Transaction.FromString(ser)
        pc = parsed.operations[0].pay_coin
        check(f"{i} {kind}: protobuf decodes our fields",
              (parsed.source_address, parsed.nonce, parsed.fee_limit, parsed.gas_price, len(parsed.operations),
               parsed.operations[0].type, pc.dest_address, pc.amount, pc.input)
              == (sender, nonce, fee or 1000000, gas or 100, 1, 7, CONTRACT, amount, text))
        check(f"{i} {kind}: tx hash", tx.tx_hash == hashlib.sha256(ser).hexdigest())
        sig = bytes.fromhex(tx.sign_data)
        if kind == "ed25519":
            nacl.signing.VerifyKey(raw_pub).verify(ser, sig)  # raises on a bad signature
            check(f"{i}: libsodium's own signature is ours", nacl.signing.SigningKey(raw).sign(ser).signature == sig)
        else:
            d = int.from_bytes(raw, "big")
            check(f"{i}: gmssl verifies our SM2 signature", gm(d).verify_with_sm3(tx.sign_data, ser))
            k = rng.randrange(1, N)
            ours = bif.sign_contract_call(key, sender, CONTRACT, text, nonce, amount=amount, fee_limit=fee,
                                          gas_price=gas, sm2_k=k.to_bytes(32, "big"))
            check(f"{i}: same k, same r||s as gmssl", ours.sign_data == gm_sign(d, ser, k))
    # A short r or s: search k until one of them is below 2^248, then compare layouts.
    d = rng.randrange(1, N - 1)
    key = bif.PrivateKey.from_raw("sm2", d.to_bytes(32, "big"))
    found = 0
    for k in range(1, 5000):
        theirs = gm_sign(d, b"short r or s", k)
        if theirs[:2] == "00" or theirs[64:66] == "00":
            ours = key.sign(b"short r or s", sm2_k=k.to_bytes(32, "big")).hex()
            check(f"short r/s k={k}: fixed 32-byte layout equals gmssl's", ours == theirs)
            check(f"short r/s k={k}: gmssl verifies ours", gm(d).verify_with_sm3(ours, b"short r or s"))
            found += 1
            if found == 3:
                break
    check("found short r/s cases", found == 3)
    return rounds


# --- the golden vector file (values from the oracles only) -------------------------------------

def vectors():
    rng = random.Random(4)
    d0 = int("00" + "5a" * 31, 16)  # leading zero byte in the scalar
    pub0 = gm_pub(d0)
    raw0 = d0.to_bytes(32, "big")
    keys = {
        "name": "sm2 scalar with a leading zero byte",
        "input": {"key_type": "sm2", "raw_private_hex": raw0.hex()},
        "expected": {"encAddress": address("sm2", pub0), "encPublicKey": enc_public("sm2", pub0),
                     "encPrivateKey": enc_private("sm2", raw0), "keyType": "sm2", "rawPrivateHex": raw0.hex()},
    }
    keys_enc = {"name": "the same key from its encPrivateKey (priSrr…, 50 characters)",
                "input": {"enc_private_key": enc_private("sm2", raw0)}, "expected": keys["expected"]}
    d = rng.randrange(1, N - 1)
    raw = d.to_bytes(32, "big")
    pub = gm_pub(d)
    sender = address("sm2", pub)
    text = '{"function":"burn(string)","args":"\'%s\'"}' % TOKEN
    ser = protobuf_bytes(sender, CONTRACT, 0, text, 34, 20000000, 200)
    k = rng.randrange(1, N)
    call = {
        "name": "sm2 burn with an injected k",
        "input": {"sender_private_key": enc_private("sm2", raw), "sender_address": sender, "contract_address": CONTRACT,
                  "burn": {"token_bid": TOKEN}, "nonce": 34, "fee_limit": 20000000, "gas_price": 200,
                  "sm2_k_hex": "%064x" % k},
        "expected": {"serialization": ser.hex(), "signData": gm_sign(d, ser, k), "publicKey": enc_public("sm2", pub),
                     "txHash": hashlib.sha256(ser).hexdigest()},
    }
    signs = []
    for k in range(1, 5000):
        s = gm_sign(d, b"short r or s", k)
        label = "r" if s[:2] == "00" else "s" if s[64:66] == "00" else None
        if label and not any(c["name"].startswith(f"short {label}") for c in signs):
            signs.append({"name": f"short {label} (leading zero byte) stays right-aligned in 32 bytes, k={k}",
                          "input": {"enc_private_key": enc_private("sm2", raw), "message_hex": b"short r or s".hex(),
                                    "sm2_k_hex": "%064x" % k},
                          "expected": {"sign_data": s, "enc_public_key": enc_public("sm2", pub), "verifies": True}})
        if len(signs) == 2:
            break
    src = "computed by tests/oracles/bif_oracles.py with gmssl 3.2.2, protobuf (FileDescriptorProto of bif-spec §9.1) and hashlib; not by chainkit"
    return [
        {"kind": "bif_key", "description": "SM2 key with a leading zero byte in d: public key from gmssl, address from gmssl SM3", "source": src, "cases": [keys, keys_enc]},
        {"kind": "bif_contract_call", "description": "an SM2 contract call with a fixed k: serialization from Google protobuf, r||s from gmssl", "source": src, "cases": [call]},
        {"kind": "bif_sign", "description": "SM2 signatures whose r or s has a leading zero byte (Go misaligns them, Java throws)", "source": src, "cases": signs},
    ]


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--write":
        files = vectors()
        # One directory of files: F is the directory; each file is named by its kind.
        import os
        os.makedirs(sys.argv[2], exist_ok=True)
        for f in files:
            with open(os.path.join(sys.argv[2], f"oracles-{f['kind']}.json"), "w", encoding="utf-8") as out:
                json.dump(f, out, indent=2, ensure_ascii=False)
                out.write("\n")
        sys.exit(0)
    n = run_checks()
    if failures:
        print("\n".join("FAIL " + f for f in failures))
        sys.exit(1)
    print(f"bif oracles: {n} random transactions (Ed25519: PyNaCl; SM2: gmssl, incl. leading-zero d and same-k r||s),"
          " protobuf round trips and 3 short r/s signatures agree with chainkit")
