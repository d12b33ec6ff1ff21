"""Python: chainkit's BIF transfer build + Ed25519 sign vs the recipe a Python user would
write without it (Google protobuf message + PyNaCl signature), same inputs, same run.

    .venv/bin/python benches/bif_python.py

Both produce the seed 002 §3.3.3 serialization and signData (checked before timing).
"""

import sys
import timeit

import nacl.signing

sys.path.insert(0, "tests/oracles")
from bif_oracles import protobuf_bytes  # noqa: E402  (Google protobuf, schema from bif-spec §9.1)

from chainkit import bif  # noqa: E402

KEY = "priSPKi7K3nVAgtdCu9k9hVn4modxzFkd73JGsRrUYJR1T2RxM"
SENDER = "did:bid:efQ69GRtQUDR9SngdFKAv4owYyx5Fnko"
CONTRACT = "did:bid:efAHUyTyhCdUXSxb3znw3Jw4ET24GdCk"
INPUT = bif.transfer_input(SENDER, "did:bid:ef1L8GBs9mWzeKXGiAZC877WResz6y7", "did:bid:efDtTjWBLkJjtRSJFMfBLNJ6LjnKu1tV")
SIG = "70b2ce583fb15b1e67e67e76ab3cfe491e819dbcfa3120946b98648be2f319961e3f148efc49c37dae8a6b71c17ac3c11a20caf58fa26513f86b0d4b209d7a09"

key = bif.PrivateKey.parse(KEY)
seed = bytes.fromhex("4653ccd0f1af3f134c39665880ba50bac1af98400ce83159e258407fbc6fe932")
signer = nacl.signing.SigningKey(seed)


def chainkit_once() -> str:
    return bif.sign_contract_call(key, SENDER, CONTRACT, INPUT, 33, fee_limit=100000000, gas_price=10).sign_data


def recipe_once() -> str:
    blob = protobuf_bytes(SENDER, CONTRACT, 0, INPUT, 33, 100000000, 10)
    return signer.sign(blob).signature.hex()


assert chainkit_once() == SIG and recipe_once() == SIG
sm2 = bif.PrivateKey.from_raw("sm2", bytes([7] * 32))
sm2_sender = sm2.public_key().address()

for name, fn in [
    ("chainkit bif.sign_contract_call (ed25519)", chainkit_once),
    ("protobuf + PyNaCl recipe (ed25519)", recipe_once),
    ("chainkit bif.sign_contract_call (sm2)", lambda: bif.sign_contract_call(sm2, sm2_sender, CONTRACT, INPUT, 33)),
]:
    n = 2000
    best = min(timeit.repeat(fn, number=n, repeat=7)) / n
    print(f"{name}: {best * 1e6:.1f} µs per call (best of 7 × {n})")
