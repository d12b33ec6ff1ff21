// Vite: the default init() finds the .wasm through `new URL(…, import.meta.url)`, which Vite
// rewrites to the file it emits.
import init, { Client } from "chainkit";
import { dnaFlow, runAndReport } from "./flow.js";

runAndReport(async () => {
  await init();
  return dnaFlow(Client);
});
