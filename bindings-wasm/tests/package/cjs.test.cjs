const ck = require("chainkit");

import("./shared.mjs").then(({ defineTests }) => defineTests(ck, "cjs"));
