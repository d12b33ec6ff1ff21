import * as ck from "chainkit";
import { defineTests } from "./shared.mjs";

defineTests(ck, "esm");
