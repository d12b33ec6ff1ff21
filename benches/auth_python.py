"""Signing through chainkit's Python binding vs the peers, in one run (BENCHMARKS.md):
the official huaweicloudsdkcore signer, and the seed 003 recipe done with PyJWT + hmac.
Each side ends with what is sent: the peers' results are ready to use, so the chainkit side
also reads its result's attributes (url + headers; authorization + body).

    .venv/bin/python benches/auth_python.py [--seconds S]
"""

import argparse
import hashlib
import hmac
import json
import random
import statistics
import time
from typing import Callable, Tuple

import jwt
from huaweicloudsdkcore.auth.credentials import BasicCredentials
from huaweicloudsdkcore.sdk_request import SdkRequest

import chainkit

AK, SK, PROJECT = "AKTESTAKTESTAKTEST01", "SKTESTSKTESTSKTESTSKTESTSKTESTSKTESTSKTE", "0123456789abcdef0123456789abcdef"
HOST, PATH = "bcs.cn-north-4.myhuaweicloud.com", f"/v2/{PROJECT}/blockchains"
BODY = '{"name":"bc-1","version":"4.0","consensus":"raft","org":[{"name":"org1","peers":2}]}'
HEADERS = {"Content-Type": "application/json;charset=UTF-8"}
PARAMS = {"userName": "miner-01", "remark": "benchmark", "coinType": "btc"}


def official_huawei() -> object:
    request = SdkRequest(method="POST", schema="https", host=HOST, resource_path=PATH,
                         query_params=[("limit", "10"), ("offset", "0")], header_params=dict(HEADERS), body=BODY)
    return BasicCredentials(AK, SK, PROJECT).sign_request(request)


SECRET_SK = chainkit.Secret(SK)
SIGNER = chainkit.HuaweiSigner(AK, SECRET_SK, project_id=PROJECT)


def chainkit_huawei() -> object:
    """The documented way to sign many requests: one HuaweiSigner."""
    signed = SIGNER.sign("POST", f"https://{HOST}{PATH}?limit=10&offset=0", HEADERS, BODY)
    return signed.url, signed.headers


def chainkit_sign_huawei() -> object:
    """The one-shot function, credentials passed on every call."""
    signed = chainkit.sign_huawei("POST", f"https://{HOST}{PATH}?limit=10&offset=0", HEADERS, BODY,
                                  access_key=AK, secret_key=SECRET_SK, project_id=PROJECT)
    return signed.url, signed.headers


def recipe_pool() -> object:
    """Seed 003's Node recipe, line for line in Python."""
    now = int(time.time())
    token = jwt.encode({"clientId": "client-1", "rnd": random.randint(10**9, 10**10 - 1), "exp": now + 180, "iat": now},
                       "test-secret-key", algorithm="HS256")
    data = json.dumps(PARAMS, ensure_ascii=False, separators=(",", ":"))
    nonce = str(random.randint(10**9, 10**10 - 1))
    sign = hmac.new(b"test-secret-key", f"SubAccount.Create{now}{data}{nonce}test-secret-salt".encode(),
                    hashlib.sha256).hexdigest()
    return token, json.dumps({"action": "SubAccount.Create", "at": now, "data": data, "signNonce": nonce, "sign": sign})


KEY, SALT = chainkit.Secret("test-secret-key"), chainkit.Secret("test-secret-salt")
POOL = chainkit.PoolSigner("client-1", KEY, SALT)


def chainkit_pool() -> object:
    """The documented way to sign many calls: one PoolSigner."""
    call = POOL.sign("SubAccount.Create", PARAMS)
    return call.authorization, call.body


def chainkit_sign_pool() -> object:
    call = chainkit.sign_pool("client-1", KEY, SALT, "SubAccount.Create", PARAMS)
    return call.authorization, call.body


def timed_us(fn: Callable[[], object], seconds: float) -> float:
    """Microseconds per call over about `seconds`."""
    n, start = 0, time.perf_counter()
    deadline = start + seconds
    while time.perf_counter() < deadline:
        for _ in range(100):
            fn()
        n += 100
    return (time.perf_counter() - start) / n * 1e6


def compare(peer: Callable[[], object], ours: Callable[[], object], seconds: float,
            rounds: int = 21) -> Tuple[float, float, float]:
    """Rounds alternating `peer` and `ours`, so a shared, noisy machine slows both alike:
    (median of the per-round speed-ups, best peer µs, best chainkit µs)."""
    ratios, best_peer, best_ours = [], float("inf"), float("inf")
    for _ in range(rounds):
        p, o = timed_us(peer, seconds / rounds / 2), timed_us(ours, seconds / rounds / 2)
        ratios.append(p / o)
        best_peer, best_ours = min(best_peer, p), min(best_ours, o)
    return statistics.median(ratios), best_peer, best_ours


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=5.0)
    seconds = parser.parse_args().seconds
    # Same output first, so the two sides do the same work.
    official = official_huawei().header_params["Authorization"].split("Signature=")[0]
    for fn in (chainkit_huawei, chainkit_sign_huawei):
        assert dict(fn()[1])["authorization"].split("Signature=")[0] == official
    for fn in (chainkit_pool, chainkit_sign_pool):
        body = json.loads(fn()[1])
        assert body["data"] == json.loads(recipe_pool()[1])["data"]
    print("| chainkit | peer | chainkit µs (best round) | peer µs (best round) | speed-up (median of rounds) |")
    print("|---|---|---:|---:|---:|")
    for ours, peer, name, peer_name in [
        (chainkit_huawei, official_huawei, "HuaweiSigner.sign", "huaweicloudsdkcore sign_request"),
        (chainkit_sign_huawei, official_huawei, "sign_huawei", "huaweicloudsdkcore sign_request"),
        (chainkit_pool, recipe_pool, "PoolSigner.sign", "PyJWT + hmac recipe"),
        (chainkit_sign_pool, recipe_pool, "sign_pool", "PyJWT + hmac recipe"),
    ]:
        ratio, peer_us, ours_us = compare(peer, ours, seconds)
        print(f"| chainkit.{name} | {peer_name} | {ours_us:.2f} | {peer_us:.2f} | {ratio:.1f}x |")


if __name__ == "__main__":
    main()
