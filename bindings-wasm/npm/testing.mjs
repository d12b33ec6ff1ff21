// chainkit/testing for ES modules: the implementation is testing.cjs.
import testing from "./testing.cjs";

export const { startSandbox } = testing;
