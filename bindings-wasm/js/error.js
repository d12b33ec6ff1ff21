// The error class every chainkit call rejects with. Defined in JS so that `instanceof`,
// `name` and stack traces behave like any native Error subclass.
export class ChainkitError extends Error {
  constructor(message, fields) {
    super(message);
    this.name = "ChainkitError";
    Object.assign(this, fields);
  }
}
