"""The fault matrix (matrix.json here) through the installed chainkit wheel's raw `request`.

    CHAINKIT_SANDBOX_URL=… python tests/fault-matrix/run_python.py

Prints PASS/FAIL per cell and idempotency, then a summary; exits 1 on any failure.
"""

import json
import os
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any, Optional, Tuple

import chainkit

MATRIX = json.loads((Path(__file__).parent / "matrix.json").read_text())
SANDBOX = os.environ["CHAINKIT_SANDBOX_URL"]
RUN = f"{os.getpid()}-{time.time_ns()}"


def counted(fault_id: str) -> int:
    """Requests the sandbox saw under `fault_id`, asked with the standard library, not chainkit."""
    with urllib.request.urlopen(f"{SANDBOX}/_sandbox/requests/{fault_id}", timeout=10) as r:
        return int(json.load(r)["requests"])


def run(cell: Any, idempotent: bool) -> Tuple[str, Optional[int], Optional[bool], int]:
    method = "GET" if idempotent else "POST"
    fault_id = f"py-{RUN}-{cell['name']}-{method.lower()}"
    opts = MATRIX["options"]
    client = chainkit.Client(SANDBOX, timeout=opts["timeout_ms"] / 1000, max_attempts=opts["max_attempts"])
    header = ("x-sandbox-fault", f"id={fault_id}; {cell['fault']}")
    try:
        res = client.request(chainkit.RawRequest(method, MATRIX["path"], [header]))
    except chainkit.ChainkitError as e:
        return e.kind, e.status, None, counted(fault_id)
    try:
        res.json()
        is_json = True
    except ValueError:
        is_json = False
    return "ok", res.status, is_json, counted(fault_id)


def main() -> int:
    failed = 0
    for cell in MATRIX["cells"]:
        for idempotent in (True, False):
            got, status, is_json, requests = run(cell, idempotent)
            want_requests = cell["requests"][0 if idempotent else 1]
            wrong = []
            if got != cell["outcome"]:
                wrong.append(f"outcome {got} (want {cell['outcome']})")
            if requests != want_requests:
                wrong.append(f"{requests} requests (want {want_requests})")
            if cell["outcome"] == "ok":
                if is_json != (cell["body"] == "json"):
                    wrong.append(f"body is JSON: {is_json}")
            elif "status" in cell and status != cell["status"]:
                wrong.append(f"status {status} (want {cell['status']})")
            name = f"{cell['name']} {'GET' if idempotent else 'POST'}"
            rule = " [rule_change]" if cell.get("rule_change") else ""
            if wrong:
                failed += 1
                print(f"FAIL {name}{rule}: {', '.join(wrong)}")
            else:
                print(f"PASS {name}")
    total = 2 * len(MATRIX["cells"])
    print(f"fault matrix[python]: {total - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
