"""Runs every vector file under a directory through the installed chainkit wheel.

    python tests/vectors/run_python.py DIR
"""

import json
import sys
from pathlib import Path

import chainkit


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/vectors")
    passed = failed = 0
    for path in sorted(root.rglob("*.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        for case in doc["cases"]:
            got = json.loads(chainkit.evaluate_vector(doc["kind"], json.dumps(case["input"])))
            name = f"{path.relative_to(root)}#{case['name']}"
            if got == case["expected"]:
                passed += 1
                print(f"PASS {name}")
            else:
                failed += 1
                print(f"FAIL {name} expected={json.dumps(case['expected'])} got={json.dumps(got)}")
    print(f"vectors[python]: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
