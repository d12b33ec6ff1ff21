#!/usr/bin/env bash
# chainkit-core without default features must build for wasm32 with no tokio, hyper or native
# HTTP client in its dependency graph.
#   scripts/check-wasm-deps.sh [extra cargo args]   (e.g. --features native, to see it fail)
set -euo pipefail
forbidden='^(tokio|tokio-[a-z-]+|hyper|hyper-[a-z-]+|reqwest|mio|h2|native-tls|openssl|openssl-sys|rustls|ring|curl|isahc|ureq) v'
tree=$(cargo tree -p chainkit-core --no-default-features "$@" --target wasm32-unknown-unknown -e normal --prefix none)
found=$(echo "$tree" | grep -E "$forbidden" | sort -u || true)
if [ -n "$found" ]; then
  echo "chainkit-core's wasm32 build pulls in crates that must stay out of it:" >&2
  echo "$found" >&2
  exit 1
fi
cargo build -q -p chainkit-core --no-default-features "$@" --target wasm32-unknown-unknown
echo "wasm32 check: chainkit-core builds for wasm32-unknown-unknown with $(echo "$tree" | sort -u | wc -l) crates, none of tokio/hyper/reqwest/native TLS"
