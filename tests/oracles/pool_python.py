"""Independent oracle: PyJWT and Python's hmac check chainkit's pool signing (seed 003).

    python tests/oracles/pool_python.py

For every case in tests/oracles/pool_cases.json, the token chainkit makes (through the installed
Python binding) must verify with PyJWT under the client's secretKey and carry the expected
claims, and `sign` must equal HMAC-SHA256(secretKey, action + at + data + signNonce + secretSalt)
computed here with the standard library.
"""

import hashlib
import hmac
import json
import sys
from pathlib import Path

import jwt

import chainkit

CASES = json.loads((Path(__file__).parent / "pool_cases.json").read_text(encoding="utf-8"))


def main() -> int:
    passed = failed = 0
    for c in CASES:
        case_input = {k: v for k, v in c.items() if k != "name"}
        got = json.loads(chainkit.evaluate_vector("pool_sign", json.dumps(case_input)))
        problems = []
        claims = jwt.decode(got["authorization"], c["secret_key"], algorithms=["HS256"],
                            options={"verify_exp": False, "verify_iat": False})
        want = {"clientId": c["client_id"], "rnd": c["rnd"], "exp": c["now_s"] + c.get("ttl_s", 180), "iat": c["now_s"]}
        if claims != want:
            problems.append(f"claims {claims} != {want}")
        if jwt.get_unverified_header(got["authorization"]) != {"alg": "HS256", "typ": "JWT"}:
            problems.append("header is not {alg: HS256, typ: JWT}")
        try:
            jwt.decode(got["authorization"], c["secret_key"] + "x", algorithms=["HS256"], options={"verify_exp": False})
            problems.append("token verified under a wrong key")
        except jwt.InvalidSignatureError:
            pass
        body = got["body"]
        text = body["action"] + str(body["at"]) + body["data"] + body["signNonce"] + c["secret_salt"]
        sign = hmac.new(c["secret_key"].encode(), text.encode(), hashlib.sha256).hexdigest()
        if (body["sign"], got["sign"]) != (sign, sign):
            problems.append(f"sign {got['sign']} != {sign}")
        if json.loads(body["data"]) != c["params"]:
            problems.append("data does not decode to the parameters")
        if problems:
            failed += 1
            print(f"FAIL {c['name']}: {'; '.join(problems)}")
        else:
            passed += 1
    print(f"pool oracle (PyJWT {jwt.__version__}, hmac): {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed == len(CASES) else 1


if __name__ == "__main__":
    sys.exit(main())
