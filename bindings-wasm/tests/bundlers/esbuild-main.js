// esbuild: the .wasm is imported as a file (`--loader:.wasm=file`), and its URL given to init().
import init, { Client } from "chainkit";
import wasmUrl from "chainkit/chainkit.wasm";
import { dnaFlow, runAndReport } from "./flow.js";

runAndReport(async () => {
  await init({ module_or_path: wasmUrl });
  return dnaFlow(Client);
});
