// Every endpoint of every defined service, as docs/coverage.md lists them (generated from the
// definitions), is a method of `client.<service>`: adding a service needs no edit here.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

export function defineCoverageTests(ck, entry, sandbox) {
  test(`${entry}: every endpoint in the coverage list is a method of its service`, () => {
    const text = readFileSync(new URL("./coverage.md", import.meta.url), "utf8");
    const sections = [...text.matchAll(/^## (\w+) \((\d+)\/\d+ endpoints in every binding\)$([\s\S]*?)(?=^## |$(?![\s\S]))/gm)];
    assert.ok(["dna", "ddc", "ulord"].every((s) => sections.some(([, name]) => name === s)));
    const client = new ck.Client(sandbox);
    for (const [, name, count, body] of sections) {
      const rows = [...body.matchAll(/^\| `[A-Z]+ [^`]+` \| `\w+` \| `\w+` \| `(\w+)` \|/gm)];
      assert.equal(rows.length, Number(count), name);
      const service = client[name];
      for (const [, method] of rows) assert.equal(typeof service[method], "function", `${name}.${method}`);
    }
  });
}
