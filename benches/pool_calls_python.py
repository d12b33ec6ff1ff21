"""A typed pool call end to end against the sandbox on keep-alive (issue 14): chainkit's
``client.pool.account_get_bind_info`` vs seed 003's recipe in Python (PyJWT + hmac + a
keep-alive ``requests.Session``), interleaved in one run; prints calls per second and the
median of the per-round ratios (BENCHMARKS.md).

    scripts/with-sandbox.sh .venv/bin/python benches/pool_calls_python.py [--rounds N] [--calls N]
"""

import argparse
import hashlib
import hmac
import json
import os
import random
import statistics
import time

import jwt
import requests

import chainkit
from chainkit import Credentials
from chainkit.pool import AccountName

# tests/sandbox default pool credentials.
CLIENT_ID, KEY, SALT = "sandbox-client", "sandbox-secret-key", "sandbox-secret-salt"
ACTION, PARAMS = "Account.GetBindInfo", {"account": "alice"}


def recipe(session: requests.Session, url: str) -> dict:
    """Seed 003's sample, step by step, in Python: fresh JWT, signed envelope, POST."""
    at = int(time.time())
    token = jwt.encode({"clientId": CLIENT_ID, "rnd": random.randint(10**9, 10**10 - 1), "exp": at + 180}, KEY)
    data = json.dumps(PARAMS, separators=(",", ":"), ensure_ascii=False)
    nonce = str(random.randint(10**9, 10**10 - 1))
    sign = hmac.new(KEY.encode(), f"{ACTION}{at}{data}{nonce}{SALT}".encode(), hashlib.sha256).hexdigest()
    body = {"action": ACTION, "at": at, "data": data, "signNonce": nonce, "sign": sign}
    answer = session.post(url, json=body, headers={"Authorization": token}).json()
    assert answer["code"] == 0, answer
    return answer["data"]


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--calls", type=int, default=300)
    a = p.parse_args()
    url = os.environ["CHAINKIT_SANDBOX_URL"].rstrip("/") + "/"
    pool = chainkit.Client(url, credentials=Credentials.pool(CLIENT_ID, KEY, SALT)).pool
    session = requests.Session()
    alice = AccountName(account="alice")
    # Both answer the same, once, before timing.
    assert pool.account_get_bind_info(alice).phone == recipe(session, url)["phone"]

    def rate(call) -> float:
        start = time.perf_counter()
        for _ in range(a.calls):
            call()
        return a.calls / (time.perf_counter() - start)

    rate(lambda: pool.account_get_bind_info(alice))  # untimed: connections and caches warm
    rate(lambda: recipe(session, url))
    ratios, ours, theirs = [], [], []
    for _ in range(a.rounds):
        mine = rate(lambda: pool.account_get_bind_info(alice))
        peer = rate(lambda: recipe(session, url))
        ours.append(mine)
        theirs.append(peer)
        ratios.append(mine / peer)
    print(
        f"python pool call, {a.rounds} rounds x {a.calls} calls: chainkit {statistics.median(ours):.0f}/s, "
        f"recipe (PyJWT {jwt.__version__} + hmac + requests {requests.__version__}) "
        f"{statistics.median(theirs):.0f}/s; median ratio {statistics.median(ratios):.2f}x "
        f"(rounds: {', '.join(f'{r:.2f}' for r in ratios)})"
    )


if __name__ == "__main__":
    main()
