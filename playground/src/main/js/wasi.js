// The WASI runtime for pages and workers (/wasi.js, /ruby.js, the playground): runtime.js, without app bundles.
import * as runtime from "../../../target/javascript/runtime.js";
import { JavaWasiBase } from "./java-wasi.js";

export { ProcExit, WASI_FUNCTIONS } from "./java-wasi.js";

/** A WASI preview1 implementation for @ruby/wasm-wasi's RubyVM or any wasm32-wasi program; see JavaWasiBase. */
export class JavaWasi extends JavaWasiBase {
  constructor(options) {
    super(runtime, options);
  }
}
