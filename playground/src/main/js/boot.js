// Starting Ruby: compile the wasm from our own origin, then create a RubyVM over the Java WASI runtime.
import { RubyVM } from "@ruby/wasm-wasi/dist/vm";
import { offlineCopy } from "./download.js";
import { captureSnapshot, deleteSnapshot, loadShippedSnapshot, loadSnapshot, restoreSnapshot, storeSnapshot }
  from "./vm-snapshot.js";

const RUBY_ARGS = ["ruby.wasm", "-EUTF-8", "-e_=0"];
/**
 * For each compiled module: what it was compiled from (URL and validator), which names its start-up
 * snapshot, and that snapshot's loading, started as soon as the response arrived.
 */
const moduleSources = new WeakMap();
/** Sources whose snapshot a spare VM is making right now (one at a time is enough). */
const snapshotting = new Set();

/**
 * Compiles ruby+stdlib.wasm while it downloads (the service worker's copy when it has one); falls back
 * when the server sends the wrong MIME type. Meanwhile the start-up snapshot is looked for: this origin's
 * own, else (with shipped) the one the site build made for the wasm, so that a first visit need not boot.
 */
export async function compileRuby(url, { shipped = false } = {}) {
  const response = (await offlineCopy(url)) || await fetch(url);
  if (!response.ok) {
    throw new Error(`Could not download Ruby from ${url}: HTTP ${response.status}`);
  }
  const validator = response.headers.get("etag") || response.headers.get("last-modified");
  const source = validator && `${new URL(url, self.location.href).href} ${validator}`;
  const snapshot = source ? loadSnapshot(source).then((own) => own ?? (shipped ? loadShippedSnapshot(url) : null))
    : Promise.resolve(null);
  const module = WebAssembly.compileStreaming &&
      (response.headers.get("content-type") || "").startsWith("application/wasm")
    ? await WebAssembly.compileStreaming(response)
    : await WebAssembly.compile(await response.arrayBuffer());
  if (source) moduleSources.set(module, { source, snapshot });
  performance.mark("rubyport:compiled");
  return module;
}

/**
 * Instantiates a Ruby VM; returns {vm, wasi, restored}. Output reaches stdout/stderr a line at a time (with
 * writeThrough, each write as it is made). With
 * snapshot, a VM booted before from the same module is restored from Cache Storage instead of booting
 * again (its ENV then set to env); when there is none, one is made in the background for next time.
 * The spare VM that makes it boots in a worker running snapshotWorker (a script URL whose worker calls
 * serveSnapshotRequest), so that its second of start-up does not stall the page; without one, or when
 * the worker cannot start, on this thread. It boots once snapshotWhen (a promise; by default at once) has
 * settled and the page is idle: on a machine of two cores, a spare VM booting beside the page's first
 * scripts slows them by a fifth.
 * With restoreFrom (a snapshot's bytes, such as loadShippedSnapshot's), the VM is restored from it, or
 * boots when it does not fit.
 * With wasi (a JavaWasi a retired VM used), the new VM takes over its files instead of starting empty.
 * Wasi is the WASI class to make one with: JavaWasi (wasi.js) in pages, AppWasi (app-wasi.js) for apps.
 */
export async function createRubyVM(module, { Wasi, env = {}, stdin, stdout, stderr, writeThrough = false, snapshot = false,
  snapshotWorker, snapshotWhen = Promise.resolve(), restoreFrom = null, wasi: reused } = {}) {
  if (typeof Wasi !== "function") throw new TypeError("createRubyVM needs Wasi: JavaWasi (wasi.js) or AppWasi (app-wasi.js)");
  const options = { args: ["ruby.wasm"], env, stdin, stdout, stderr, writeThrough, reused, Wasi };
  if (restoreFrom) {
    const restored = await restoreRubyVM(module, { source: null, snapshot: restoreFrom }, options);
    if (restored) return restored;
  }
  const known = snapshot && moduleSources.get(module);
  if (known) {
    // The snapshot loaded during the compile serves the first VM; later ones look again (one may have
    // been stored since).
    const snapshot = known.snapshot ?? loadSnapshot(known.source);
    known.snapshot = null;
    const restored = await restoreRubyVM(module, { source: known.source, snapshot }, options);
    if (restored) return restored;
    if (!snapshotting.has(known.source)) {
      snapshotting.add(known.source);
      Promise.resolve(snapshotWhen).catch(() => {}).then(() => whenIdle(() => makeSnapshot(module, known.source, Wasi,
        snapshotWorker).finally(() => snapshotting.delete(known.source))));
    }
  }
  const wasi = reused ?? new Wasi(options);
  const { vm } = await RubyVM.instantiateModule({ module, wasip1: wasi, args: RUBY_ARGS });
  return { vm, wasi };
}

/**
 * Boots a VM as snapshotHere does, and returns its memory with a copy of it from before the boot (a fresh
 * instance's, where instantiateSnapshot restores): what the site build ships (see encodeAgainstFresh).
 */
export async function bootAgainstFresh(module, Wasi) {
  const wasi = new Wasi({ args: ["ruby.wasm"] });
  const { vm, instance } = await freshInstance(module, wasi);
  const fresh = captureSnapshot(instance.exports.memory);
  wasi.initialize(instance);
  vm.initialize(RUBY_ARGS);
  return { fresh, booted: instance.exports.memory.buffer };
}

/** Runs fn once the page is idle (its scripts have run), or in a second where there is no such notion. */
function whenIdle(fn) {
  if (self.requestIdleCallback) requestIdleCallback(fn, { timeout: 5000 });
  else setTimeout(fn, 1000);
}

/** Makes and stores the start-up snapshot of module: in a worker running workerUrl, else on this thread. */
async function makeSnapshot(module, source, Wasi, workerUrl) {
  performance.mark("rubyport:snapshot-started");
  if (!workerUrl || !(await snapshotInWorker(module, source, workerUrl))) await snapshotHere(module, source, Wasi);
}

/**
 * Boots a spare VM that nothing else touches and stores its memory as the start-up snapshot. It runs
 * after the caller's VM has started (the page's first output does not wait for it), and a pristine VM is
 * what later visits must restore, whatever the page's own code does.
 */
async function snapshotHere(module, source, Wasi) {
  try {
    const { instance } = await RubyVM.instantiateModule({ module, wasip1: new Wasi({ args: ["ruby.wasm"] }),
      args: RUBY_ARGS });
    await storeSnapshot(source, captureSnapshot(instance.exports.memory));
  } catch {
    // No snapshot this time: the next visit boots normally and tries again.
  }
}

/**
 * snapshotHere in a worker running workerUrl; true once the worker has done it (stored or not), false
 * when no worker could run there (another origin, no Worker), so that the caller does it itself.
 */
function snapshotInWorker(module, source, workerUrl) {
  let worker;
  try {
    worker = new Worker(workerUrl);
  } catch {
    return Promise.resolve(false);
  }
  return new Promise((resolve) => {
    const finish = (done) => {
      worker.terminate();
      resolve(done);
    };
    worker.onmessage = () => {
      performance.mark("rubyport:snapshot-in-worker");
      finish(true);
    };
    worker.onerror = (event) => {
      event.preventDefault();
      finish(false);
    };
    worker.postMessage({ module, source });
  });
}

/**
 * The worker side of snapshotInWorker: takes one request, makes the snapshot with Wasi, and answers when
 * it is stored (or could not be).
 */
export function serveSnapshotRequest(Wasi) {
  self.onmessage = async ({ data: { module, source } }) => {
    await snapshotHere(module, source, Wasi);
    self.postMessage("stored");
  };
}

/** A VM from the module's start-up snapshot, or null (none, or it did not work: then it is dropped). */
async function restoreRubyVM(module, { source, snapshot }, options) {
  const encoded = await snapshot;
  if (!encoded) return null;
  try {
    const wasi = options.reused ?? new options.Wasi(options);
    const vm = await instantiateSnapshot(module, encoded, wasi);
    // The snapshot's ENV is the one it was booted with: this page's replaces it.
    const pairs = Object.entries(options.env).map(([k, v]) => `${rubyStringLiteral(k)} => ${rubyStringLiteral(String(v))}`);
    vm.eval(`ENV.replace({${pairs.join(", ")}})`);
    performance.mark("rubyport:vm-restored"); // benchmarks tell a restored start-up from a full one by it
    return { vm, wasi, restored: true };
  } catch (error) {
    console.warn(`Ruby's start-up snapshot could not be used (${error.message}); starting Ruby normally.`);
    if (source) await deleteSnapshot(source);
    return null;
  }
}

/**
 * A RubyVM over wasi whose memory is the snapshot encoded (see vm-snapshot.js): _initialize and
 * whatever ran before the snapshot are skipped. Throws when the snapshot does not fit the module.
 */
export async function instantiateSnapshot(module, encoded, wasi) {
  const { vm, instance } = await freshInstance(module, wasi);
  restoreSnapshot(instance.exports.memory, encoded);
  wasi.attach(instance); // the memory only: _initialize already ran in the snapshot
  return vm;
}

/**
 * A RubyVM over a new instance of module with wasi's imports, before _initialize: where a snapshot is
 * restored, and what the shipped one is encoded against (RubyVM.instantiateModule's first steps).
 */
async function freshInstance(module, wasi) {
  const vm = new RubyVM();
  const imports = { wasi_snapshot_preview1: wasi.wasiImport };
  vm.addToImports(imports);
  const instance = await WebAssembly.instantiate(module, imports);
  await vm.setInstance(instance);
  return { vm, instance };
}

/** What module was compiled from ("URL validator"), or null when unknown (no validator). */
export function moduleSource(module) {
  return moduleSources.get(module)?.source ?? null;
}

/** A Ruby string literal holding text, with interpolation and escapes neutralised. */
export function rubyStringLiteral(text) {
  return JSON.stringify(text).replace(/#/g, "\\#");
}

/**
 * Runs the project file at path with runner.rb (evaluated in vm before) and returns its report. Runner.run
 * is called, not evaluated from a string: ruby.wasm's eval adds a C-level Kernel.eval under the user's code,
 * and each setjmp in it (every `ensure`, every File.open with a block) unwinds the whole stack.
 */
export function runProjectFile(vm, path) {
  return JSON.parse(vm.eval("Rubyport::Runner").call("run", vm.eval(rubyStringLiteral(path))).toString());
}
