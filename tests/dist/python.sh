#!/usr/bin/env bash
# The pip artifacts in dist/, as a user gets them: a fresh venv outside the repository installs
# `chainkit[testing]` from dist/ alone (no index), runs a DNA flow through chainkit.testing's
# pytest fixture (the sandbox wheel's executable), and builds the sdist into a wheel.
#   tests/dist/python.sh [DIST_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist=$(realpath "${1:-$root/dist}")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
py="$work/venv/bin/python"
"$py" -m pip install -q --no-index --find-links "$dist" "chainkit[testing]==$version"
"$py" -m pip install -q "pytest>=8,<9"
cp "$here/test_user_suite.py" "$work/"
(cd "$work" && "$py" -m pytest -q -p no:cacheprovider test_user_suite.py)

# The sdist builds (pip fetches maturin). In the dev profile and this repository's target
# directory, so it reuses the compiled dependencies: a release build of it would add minutes and
# prove nothing the wheel above does not. The sdist's files carry maturin's fixed 2006 mtime,
# which cargo would take as older than the crates a previous run left in the shared target and
# so reuse them stale: it is unpacked and its files stamped now, then built as pip builds it.
mkdir "$work/sdist"
tar -xzf "$dist/chainkit-$version.tar.gz" -C "$work/sdist"
find "$work/sdist" -type f -exec touch {} +
MATURIN_PEP517_ARGS="--profile dev" CARGO_TARGET_DIR="$root/target" \
  "$py" -m pip wheel -q --no-deps -w "$work/from-sdist" "$work/sdist/chainkit-$version"
ls "$work/from-sdist"/chainkit-"$version"-*.whl | sed 's#.*/#python sdist built: #'
