/**
 * `chainkit/chainkit.wasm`: the module's URL once a bundler copies the file (esbuild
 * `--loader:.wasm=file`, Vite `chainkit/chainkit.wasm?url`). Pass it to `init({ module_or_path })`.
 */
declare const url: string;
export default url;
