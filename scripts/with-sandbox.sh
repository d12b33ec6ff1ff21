#!/usr/bin/env bash
# Starts the sandbox on a free loopback port, runs the given command with CHAINKIT_SANDBOX_URL
# set, and stops the sandbox however the command ends.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# CHAINKIT_SANDBOX_BIN picks another build (the release one from dist/ for benchmarks).
bin="${CHAINKIT_SANDBOX_BIN:-$root/target/debug/chainkit-sandbox}"
[ -x "$bin" ] || cargo build -q -p chainkit-sandbox --manifest-path "$root/Cargo.toml"
log=$(mktemp)
"$bin" --listen 127.0.0.1:0 >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 100); do
  line=$(head -n 1 "$log")
  case "$line" in "chainkit-sandbox listening on "*) break ;; esac
  kill -0 $pid 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
export CHAINKIT_SANDBOX_URL=${line##* }
[ -n "$CHAINKIT_SANDBOX_URL" ] || { echo "sandbox did not start" >&2; exit 1; }
echo "sandbox: $CHAINKIT_SANDBOX_URL"
"$@"
