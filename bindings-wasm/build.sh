#!/usr/bin/env bash
# Builds the npm package into a directory and packs it into chainkit-VERSION.tgz.
#   PROFILE   release-wasm (default; what `make dist` ships) or dev
#   FEATURES  cargo features of chainkit-wasm, e.g. `vectors` for the test build
#   OUT       the package directory (default bindings-wasm/pkg, which the tests and demo import)
#   PACK_DIR  where the tarball goes (default target/npm)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
profile=${PROFILE:-release-wasm}
features=${FEATURES:-}
pkg=${OUT:-$here/pkg}
pack_dir=${PACK_DIR:-$root/target/npm}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
export PATH="$root/tools/node_modules/.bin:$PATH"

cargo build -p chainkit-wasm --target wasm32-unknown-unknown --profile "$profile" ${features:+--features "$features"}
wasm="$root/target/wasm32-unknown-unknown/$dir/chainkit_wasm.wasm"

rm -rf "$pkg"
mkdir -p "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$wasm"
wasm-bindgen --target web --out-dir "$pkg/web" "$wasm"
# One .wasm in the package: both glue files load web/chainkit_wasm_bg.wasm. wasm-bindgen writes
# the same module for both targets; if that ever changes, sharing it would be wrong: stop.
cmp -s "$pkg/node/chainkit_wasm_bg.wasm" "$pkg/web/chainkit_wasm_bg.wasm" \
  || { echo "build.sh: the nodejs and web .wasm differ; they can no longer share one file" >&2; exit 1; }
rm "$pkg/node/chainkit_wasm_bg.wasm" "$pkg/node/chainkit_wasm_bg.wasm.d.ts"
node_glue="$pkg/node/chainkit_wasm.js"
from='${__dirname}/chainkit_wasm_bg.wasm'
grep -qF "$from" "$node_glue" \
  || { echo "build.sh: the nodejs glue no longer loads $from; revisit this step" >&2; exit 1; }
sed -i 's#${__dirname}/chainkit_wasm_bg.wasm#${__dirname}/../web/chainkit_wasm_bg.wasm#' "$node_glue"
if [ "$profile" != dev ]; then
  f="$pkg/web/chainkit_wasm_bg.wasm"
  wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-mutable-globals --enable-reference-types --enable-multivalue "$f" -o "$f"
fi

# The error class is a wasm-bindgen snippet (js/error.js) under a hashed folder: find it once.
error_js=$(cd "$pkg/web" && find snippets -name error.js | head -n 1)
[ -n "$error_js" ] || { echo "build.sh: snippet error.js not found" >&2; exit 1; }
# The nodejs build is CommonJS, so its copies of the snippets (js/*.js) must be too: exports
# become module.exports, `import { X } from "./y.js"` a require.
for f in $(find "$pkg/node/snippets" -name '*.js'); do
  names=$(sed -n -E 's/^export (class|function) ([A-Za-z]+).*/\2/p' "$f" | paste -sd, -)
  sed -i -E -e 's/^export (class|function) /\1 /' \
    -e 's/^import \{ (.*) \} from "(.*)";$/const { \1 } = require("\2");/' "$f"
  echo "module.exports = { $names };" >> "$f"
done

version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
for f in "$here"/npm/*; do
  sed -e "s#__ERROR_JS__#$error_js#g" -e "s#__VERSION__#$version#g" "$f" > "$pkg/$(basename "$f")"
done
cp "$here/README.md" "$pkg/README.md"
# The nodejs build is CommonJS inside a "type": "module" package.
echo '{"type": "commonjs"}' > "$pkg/node/package.json"

# Type-check the published declarations the way a TypeScript user would consume them.
tsc --noEmit --strict --skipLibCheck false --module nodenext --moduleResolution nodenext \
  --target es2022 --lib es2022,esnext.disposable,dom \
  "$pkg/node.d.ts" "$pkg/web.d.ts" "$pkg/node.d.cts" "$pkg/testing.d.ts" "$pkg/testing.d.cts" "$pkg/wasm-url.d.ts"

mkdir -p "$pack_dir"
(cd "$pkg" && npm pack --silent --pack-destination "$pack_dir" >/dev/null)
ls -l "$pack_dir/chainkit-$version.tgz" | awk '{print "npm package:", $NF, $5 " bytes"}'
