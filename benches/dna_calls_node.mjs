// A typed DNA call vs a bare `fetch` doing the same HTTP request (issue 16's goal: >= 0.8x its
// requests per second): chainkit's `client.dna.seriesList` (wasm in Node) against the global
// fetch sending `GET series/list/` with the same token header and parsing the JSON, on
// keep-alive against the sandbox, interleaved in one run; prints calls per second and the
// median of the per-round ratios (BENCHMARKS.md).
//   scripts/with-sandbox.sh node benches/dna_calls_node.mjs [rounds] [calls]   (after bindings-wasm/build.sh;
//   CHAINKIT_MODULE=<path to an installed package's entry> measures a release package instead)
const ck = await import(process.env.CHAINKIT_MODULE ?? "../bindings-wasm/pkg/node.mjs");
const [rounds, calls] = [Number(process.argv[2] ?? 9), Number(process.argv[3] ?? 300)];
const url = process.env.CHAINKIT_SANDBOX_URL.replace(/\/$/, "");
// tests/sandbox default DNA credentials.
const [apiKey, apiSecret] = ["did:bid:efSandboxApiKey0000000000000", "sandbox-dna-api-secret"];

const token = (await (await fetch(`${url}/registration/api/v2/getToken?apiKey=${encodeURIComponent(apiKey)}&apiSecret=${apiSecret}`)).json()).accessToken;
async function bare() {
  const res = await fetch(`${url}/registration/api/v2/series/list/?pageNum=1&pageSize=10`, { headers: { accessToken: token } });
  const answer = await res.json();
  if (answer.retCode !== 200) throw new Error(JSON.stringify(answer));
  return answer;
}
const dna = new ck.Client(url, { credentials: { scheme: "dna", apiKey, apiSecret } }).dna;
const mine = () => dna.seriesList({ pageNum: 1, pageSize: 10 });
const [a, b] = [await mine(), await bare()];
if (Number(a.total) !== Number(b.total)) throw new Error(`the two answer differently: ${a.total} vs ${b.total}`);

async function rate(fn) {
  const start = process.hrtime.bigint();
  for (let i = 0; i < calls; i++) await fn();
  return calls / (Number(process.hrtime.bigint() - start) / 1e9);
}
await rate(mine);
await rate(bare);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ours = [], theirs = [], ratios = [];
for (let r = 0; r < rounds; r++) {
  const a = await rate(mine);
  const b = await rate(bare);
  ours.push(a); theirs.push(b); ratios.push(a / b);
}
console.log(`node ${process.version} dna.seriesList, ${rounds} rounds x ${calls} calls: chainkit ${median(ours).toFixed(0)}/s, ` +
  `bare fetch ${median(theirs).toFixed(0)}/s; median ratio ${median(ratios).toFixed(2)}x ` +
  `(rounds: ${ratios.map((x) => x.toFixed(2)).join(", ")})`);
