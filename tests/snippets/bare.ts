// chainkit's entry points alone: what a TypeScript project with no @types/node and no DOM lib
// (the browser entry aside) sees when it imports them.
import { Client, type dna } from "chainkit";
import { startSandbox } from "chainkit/testing";

export const client: Client = new Client("http://127.0.0.1:8080", { timeoutMs: 1000 });
export const outcome: Promise<dna.MessageOutcome> = client.dna.waitForMessage("id");
export const start: typeof startSandbox = startSandbox;
