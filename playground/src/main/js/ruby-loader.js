// /ruby.js: a drop-in for ruby.wasm's browser.script.iife.js that loads Ruby from this origin.
import { compileRuby, createRubyVM, serveSnapshotRequest } from "./boot.js";
import { JavaWasi } from "./wasi.js";
import { parseDataEnv, runRubyScripts } from "./script-tags.js";

// In a page, read while this script is being executed: currentScript is null afterwards.
const loaderTag = self.document?.currentScript;
const wasmUrl = new URL("ruby+stdlib.wasm", loaderTag?.src || self.location.href);

// Each write is logged when it is made, as the official loader does (a prompt printed from a callback
// shows at once); console.log ends the line itself, so one final newline is dropped.
const printWrites = (print) => (text) => print(text.replace(/\n$/, ""));

async function main() {
  let scriptsRan;
  const module = await compileRuby(wasmUrl, { shipped: true });
  const { vm, wasi } = await createRubyVM(module, {
    Wasi: JavaWasi,
    env: parseDataEnv(loaderTag),
    stdout: printWrites(console.log),
    stderr: printWrites(console.warn),
    writeThrough: true,
    snapshot: true,
    // This very file, loaded as a worker, boots the spare VM of the start-up snapshot off the page's thread.
    snapshotWorker: loaderTag?.src,
    // Made once the page's tags have run (async ones may still wait): booting it beside them slows them.
    snapshotWhen: new Promise((resolve) => { scriptsRan = resolve; }),
  });
  vm.printVersion();
  wasi.flush();
  globalThis.rubyVM = vm;
  if (document.readyState === "loading") {
    await new Promise((resolve) => document.addEventListener("DOMContentLoaded", resolve, { once: true }));
  }
  try {
    await runRubyScripts(vm, () => wasi.flush());
  } finally {
    scriptsRan();
  }
}

if (self.document) main().catch((e) => console.error(`Ruby could not start: ${e.message}`));
else serveSnapshotRequest(JavaWasi);
