// The two globals the declarations name that TypeScript's es2022 lib lacks, so that they compile
// without @types/node or the DOM lib. Both merge with the full declarations when those are
// present (lib esnext.disposable or @types/node's Symbol.dispose, the DOM's or Node's AbortSignal).
interface SymbolConstructor {
  readonly dispose: unique symbol;
}
interface AbortSignal {}
