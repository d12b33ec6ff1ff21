"""Runs every vector file under a directory through the installed chainkit wheel.

    python tests/vectors/run_python.py DIR

Prints `PASS file#case` / `FAIL file#case …` lines, then `vectors[python]: N passed, M failed`;
exits 1 on any failure or when no case was found. The format is in tests/vectors/README.md.
"""

import json
import sys
from pathlib import Path
from typing import Any

import chainkit


def same(expected: Any, got: Any) -> bool:
    """JSON equality: objects as maps, numbers by value, but `true` is not `1` (as it is in Python)."""
    if isinstance(expected, bool) or isinstance(got, bool):
        return isinstance(expected, bool) and isinstance(got, bool) and expected == got
    if isinstance(expected, (int, float)) and isinstance(got, (int, float)):
        return expected == got
    if isinstance(expected, dict) and isinstance(got, dict):
        return expected.keys() == got.keys() and all(same(v, got[k]) for k, v in expected.items())
    if isinstance(expected, list) and isinstance(got, list):
        return len(expected) == len(got) and all(same(e, g) for e, g in zip(expected, got))
    return type(expected) is type(got) and expected == got


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else "tests/vectors")
    if not root.is_dir():
        print(f"not a directory: {root}", file=sys.stderr)
        return 1
    passed = failed = 0
    for path in sorted(root.rglob("*.json")):
        file = path.relative_to(root).as_posix()
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
            kind, cases = doc["kind"], doc["cases"]
        except (OSError, ValueError, KeyError, TypeError) as e:
            failed += 1
            print(f"FAIL {file}: not a vector file: {e}")
            continue
        for case in cases:
            name = f"{file}#{case.get('name', '?')}"
            try:
                got = json.loads(chainkit.evaluate_vector(kind, json.dumps(case["input"])))
            except Exception as e:  # noqa: BLE001 - a crash is one failed case, not the end of the run
                failed += 1
                print(f"FAIL {name} raised {e!r}")
                continue
            if same(case.get("expected"), got):
                passed += 1
                print(f"PASS {name}")
            else:
                failed += 1
                print(f"FAIL {name} expected={json.dumps(case.get('expected'))} got={json.dumps(got)}")
    print(f"vectors[python]: {passed} passed, {failed} failed")
    return 0 if failed == 0 and passed > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
