#!/usr/bin/env bash
# Builds the npm package into bindings-wasm/pkg and packs it into target/npm/chainkit-VERSION.tgz.
#   PROFILE=release-wasm (default) or dev.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
profile=${PROFILE:-release-wasm}
dir=$([ "$profile" = dev ] && echo debug || echo "$profile")
export PATH="$root/tools/node_modules/.bin:$PATH"

cargo build -p chainkit-wasm --target wasm32-unknown-unknown --profile "$profile"
wasm="$root/target/wasm32-unknown-unknown/$dir/chainkit_wasm.wasm"

pkg="$here/pkg"
rm -rf "$pkg"
mkdir -p "$pkg"
wasm-bindgen --target nodejs --out-dir "$pkg/node" "$wasm"
wasm-bindgen --target web --out-dir "$pkg/web" "$wasm"
if [ "$profile" != dev ]; then
  for f in "$pkg"/node/*.wasm "$pkg"/web/*.wasm; do
    wasm-opt -Oz --strip-debug --strip-producers --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
      --enable-mutable-globals --enable-reference-types --enable-multivalue "$f" -o "$f"
  done
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
for f in package.json web.js web.d.ts node.mjs node.cjs node.d.ts node.d.cts error.d.ts \
  services.js services.cjs services.d.ts services.d.cts; do
  sed -e "s#__ERROR_JS__#$error_js#g" -e "s#__VERSION__#$version#g" "$here/npm/$f" > "$pkg/$f"
done
cp "$here/README.md" "$pkg/README.md"
# The nodejs build is CommonJS inside a "type": "module" package.
echo '{"type": "commonjs"}' > "$pkg/node/package.json"

# Type-check the published declarations the way a TypeScript user would consume them.
tsc --noEmit --strict --skipLibCheck false --module nodenext --moduleResolution nodenext \
  --target es2022 --lib es2022,esnext.disposable,dom "$pkg/node.d.ts" "$pkg/web.d.ts" "$pkg/node.d.cts"

mkdir -p "$root/target/npm"
(cd "$pkg" && npm pack --silent --pack-destination "$root/target/npm" >/dev/null)
ls -l "$root/target/npm/chainkit-$version.tgz" | awk '{print "npm package:", $NF, $5 " bytes"}'
