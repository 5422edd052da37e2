// /wasi.js: the Java WASI runtime as an ES module, for running any wasm32-wasi program in the browser.
export { JavaWasi, ProcExit, WASI_FUNCTIONS } from "./wasi.js";
