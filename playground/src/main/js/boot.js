// Starting Ruby: compile the wasm from our own origin, then create a RubyVM over the Java WASI runtime.
import { RubyVM } from "@ruby/wasm-wasi/dist/vm";
import { JavaWasi } from "./wasi.js";

/** Compiles ruby+stdlib.wasm while it downloads; falls back when the server sends the wrong MIME type. */
export async function compileRuby(url) {
  const response = await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not download Ruby from ${url}: HTTP ${response.status}`);
  }
  if (WebAssembly.compileStreaming &&
      (response.headers.get("content-type") || "").startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}

/** Instantiates a Ruby VM; returns {vm, wasi}. Output reaches stdout/stderr a line at a time. */
export async function createRubyVM(module, { env = {}, stdin, stdout, stderr } = {}) {
  const wasi = new JavaWasi({ args: ["ruby.wasm"], env, stdin, stdout, stderr });
  const { vm } = await RubyVM.instantiateModule({ module, wasip1: wasi, args: ["ruby.wasm", "-EUTF-8", "-e_=0"] });
  return { vm, wasi };
}

/** A Ruby string literal holding text, with interpolation and escapes neutralised. */
export function rubyStringLiteral(text) {
  return JSON.stringify(text).replace(/#/g, "\\#");
}

/** Ruby source that runs code as if it were a file called name, so backtraces name it. */
export function asNamedFile(code, name) {
  return `RubyVM::InstructionSequence.compile(${rubyStringLiteral(code)}, ${rubyStringLiteral(name)}).eval`;
}
