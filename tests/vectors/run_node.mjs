// Runs every vector file under a directory through the npm package's wasm build in Node.
//   node tests/vectors/run_node.mjs DIR [PACKAGE_ENTRY]
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { isDeepStrictEqual } from "node:util";
import { pathToFileURL } from "node:url";

const dir = resolve(process.argv[2] ?? "tests/vectors");
const entry = resolve(process.argv[3] ?? new URL("../../bindings-wasm/pkg/node.mjs", import.meta.url).pathname);
const ck = await import(pathToFileURL(entry).href);

const files = (function walk(d) {
  return readdirSync(d).sort().flatMap((n) => {
    const p = join(d, n);
    return statSync(p).isDirectory() ? walk(p) : n.endsWith(".json") ? [p] : [];
  });
})(dir);

let passed = 0, failed = 0;
for (const file of files) {
  const { kind, cases } = JSON.parse(readFileSync(file, "utf8"));
  for (const c of cases) {
    const got = JSON.parse(ck.evaluateVector(kind, JSON.stringify(c.input)));
    const name = `${relative(dir, file)}#${c.name}`;
    if (isDeepStrictEqual(got, c.expected)) {
      passed++;
      console.log(`PASS ${name}`);
    } else {
      failed++;
      console.log(`FAIL ${name} expected=${JSON.stringify(c.expected)} got=${JSON.stringify(got)}`);
    }
  }
}
console.log(`vectors[node]: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
