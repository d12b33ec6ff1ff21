#!/usr/bin/env bash
# The Kotlin artifacts in dist/, as a user gets them: `mvn install:install-file` puts the jar and
# its pom under the coordinate chainkit:chainkit-kotlin:VERSION, and a fresh Maven project outside
# the repository that names only that coordinate compiles and runs a DNA flow (JNA loads the
# native library from the jar). Needs CHAINKIT_SANDBOX_URL.
#   tests/dist/kotlin.sh [DIST_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dist=$(realpath "${1:-$root/dist}")
version=$(sed -n 's/^version = "\(.*\)"/\1/p' "$root/Cargo.toml" | head -n 1)
: "${CHAINKIT_SANDBOX_URL:?run through scripts/with-sandbox.sh}"
mvn=(mvn -B -q --no-transfer-progress -Dstyle.color=never)
"${mvn[@]}" install:install-file -Dfile="$dist/chainkit-kotlin-$version.jar" -DpomFile="$dist/chainkit-kotlin-$version.pom"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$here/kotlin/src" "$work/"
sed "s/@VERSION@/$version/" "$here/kotlin/pom.xml" > "$work/pom.xml"
(cd "$work" && "${mvn[@]}" compile exec:java)
