// /ruby.js: a drop-in for ruby.wasm's browser.script.iife.js that loads Ruby from this origin.
import { compileRuby, createRubyVM } from "./boot.js";
import { JavaWasi } from "./wasi.js";
import { parseDataEnv, runRubyScripts } from "./script-tags.js";

// Read while this script is being executed: currentScript is null afterwards.
const loaderTag = document.currentScript;
const wasmUrl = new URL("ruby+stdlib.wasm", loaderTag?.src || document.baseURI);

const printLines = (print) => (text) => {
  for (const line of text.replace(/\n$/, "").split("\n")) print(line);
};

async function main() {
  const module = await compileRuby(wasmUrl);
  const { vm, wasi } = await createRubyVM(module, {
    Wasi: JavaWasi,
    env: parseDataEnv(loaderTag),
    stdout: printLines(console.log),
    stderr: printLines(console.warn),
    snapshot: true,
  });
  vm.printVersion();
  wasi.flush();
  globalThis.rubyVM = vm;
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }
  await runRubyScripts(vm, () => wasi.flush());
}

main().catch((e) => console.error(`Ruby could not start: ${e.message}`));
