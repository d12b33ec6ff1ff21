// The error class every chainkit call rejects with. Defined in JS so that `instanceof`,
// `name` and stack traces behave like any native Error subclass.
export class ChainkitError extends Error {
  constructor(message, fields) {
    super(message);
    this.name = "ChainkitError";
    Object.assign(this, fields);
  }
}

// Calls the Rust closure `f`; a trap inside it (a panic, a stack overflow) is thrown from here
// and caught by the import's `catch` glue, so the Rust frames below return normally
// (src/guard.rs says why).
export function callGuarded(f) {
  f();
}
