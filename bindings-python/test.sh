#!/usr/bin/env bash
# Builds the wheel, installs it into .venv, runs pytest and checks the stubs with mypy.stubtest.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
venv="$root/.venv"
cd "$root/bindings-python"
rm -f "$root"/target/wheels/chainkit-*.whl
"$venv/bin/maturin" build --quiet -i "$venv/bin/python" -o "$root/target/wheels"
"$venv/bin/pip" install -q --force-reinstall --no-deps "$root"/target/wheels/chainkit-*.whl
"$venv/bin/pytest" -q tests
# From outside the source tree, so the installed package (with its .so) is what gets checked.
(cd /tmp && "$venv/bin/python" -m mypy.stubtest chainkit)
