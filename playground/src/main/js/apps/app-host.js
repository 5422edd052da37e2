// One packed Rack app inside the service worker: its bundle mounted in a Ruby VM of its own, booted on
// first use and reused for every later request.
import { createRubyVM, instantiateSnapshot, moduleSource } from "../boot.js";
import { AppWasi } from "../app-wasi.js";
import { APP_CACHE_NAME, captureSnapshot, deleteSnapshot, loadSnapshot, storeSnapshot } from "../vm-snapshot.js";
import bridgeSource from "../../ruby/rack_bridge.rb";

// Where the bridge (rack_bridge.rb) finds each request and leaves its response body.
const EXCHANGE_DIR = "/tmp/rubyport-rack";
/**
 * A VM whose memory passes this is retired after its request, and the next request starts a new one over
 * the same files. This ruby.wasm never frees ~23 KB per non-local exit through a C frame (Sinatra: ~170 KB
 * a request), so a busy app would otherwise reach the 4 GB limit.
 */
const RECYCLE_BYTES = 1024 * 1024 * 1024;

/**
 * What names an app's snapshot: the app, the wasm it runs on, and a hash of its bundle and of the bridge
 * (both are loaded into the snapshot's memory); null when the wasm's source is unknown.
 */
async function appSnapshotKey(name, module, bundle) {
  const source = moduleSource(module);
  if (!source) return null;
  const bridge = new TextEncoder().encode(bridgeSource);
  const both = new Uint8Array(bundle.length + bridge.length);
  both.set(bundle);
  both.set(bridge, bundle.length);
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", both));
  const hex = Array.from(digest.subarray(0, 12), (b) => b.toString(16).padStart(2, "0")).join("");
  return `${name} ${source} ${hex}`;
}

/** Resolves after the event loop has run once: messages posted before it are delivered. */
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Ruby's start-up snapshot, made once per origin, boots a spare VM on this thread (a service worker can
 * start no worker of its own), which holds up every request for a quarter of a second or more: it waits
 * until no app has taken a request for this long.
 */
const QUIET_MS = 2000;
/** Requests the apps are answering now, and when the last one began or ended (performance.now()). */
const requests = { open: 0, lastAt: 0 };

/** Runs answer(), a request, as one the snapshot's quiet spell waits for. */
async function asRequest(answer) {
  requests.open++;
  requests.lastAt = performance.now();
  try {
    return await answer();
  } finally {
    requests.open--;
    requests.lastAt = performance.now();
  }
}

/** Resolves once no app has answered a request for QUIET_MS. */
function quietSpell() {
  return new Promise((resolve) => {
    const check = () => {
      const quiet = requests.open ? 0 : performance.now() - requests.lastAt;
      if (quiet >= QUIET_MS) resolve();
      else setTimeout(check, QUIET_MS - quiet);
    };
    check();
  });
}

export class AppHost {
  /**
   * name: the app's name; loadBundle(): Promise of the bundle's bytes; discardBundle(): Promise, forgets a
   * stored copy that would not mount (truncated, damaged); loadRuby(): Promise of the compiled
   * ruby+stdlib.wasm module; loadDatabases(): Promise of the SqliteHost, for apps with a
   * config/database.yml; progress(stage, detail, fraction): called as the boot advances (fraction, when
   * given, says how far into the stage); recycleBytes: the memory
   * size past which a VM is replaced.
   */
  constructor(name, { loadBundle, discardBundle = async () => {}, loadRuby, loadDatabases, progress = () => {},
    recycleBytes = RECYCLE_BYTES }) {
    this.name = name;
    this.loadBundle = loadBundle;
    this.discardBundle = discardBundle;
    this.loadRuby = loadRuby;
    this.loadDatabases = loadDatabases;
    this.databases = null; // the SqliteHost, once an app with a database has booted
    this.progress = progress;
    this.recycleBytes = recycleBytes;
    this.booting = null;
    this.boots = 0;
    this.wasi = null; // the files: the mounted bundle and what the app wrote, kept across VMs
  }

  /** Whether the VM is up, so that a request is answered without waiting for a boot. */
  get booted() {
    return Boolean(this.vm);
  }

  /** The size of the VM's linear memory, in bytes (0 before it boots). */
  get memoryBytes() {
    return this.vm ? this.vm.instance.exports.memory.buffer.byteLength : 0;
  }

  /** Boots once; a failed boot is forgotten so that the next request tries again. */
  boot() {
    if (!this.booting) {
      this.booting = this.bootOnce().catch((error) => {
        this.booting = null;
        this.vm = null;
        throw error;
      });
    }
    return this.booting;
  }

  async bootOnce() {
    const started = performance.now();
    this.progress("download", "Fetching the app and Ruby");
    const [bundle, module] = await Promise.all([this.wasi ? null : this.loadBundle(), this.loadRuby()]);
    if (bundle) this.snapshotKey = await appSnapshotKey(this.name, module, bundle);
    this.progress("start", "Starting Ruby");
    const appSnapshot = this.snapshotKey ? await loadSnapshot(this.snapshotKey, APP_CACHE_NAME) : null;
    let vm = appSnapshot && await this.restoreApp(module, appSnapshot, bundle);
    let copy = null;
    if (vm) {
      this.restoredFrom = "app";
    } else {
      vm = await this.startRuby(module, bundle);
      await this.openDatabases();
      await this.preload(vm);
      this.progress("load", `Starting ${this.manifest.title || this.name}`, 1);
      await nextTask();
      this.evalFlushed(vm, "Rubyport::RackBridge.build");
      // Only preloads make a boot long enough to be worth a snapshot of its own; it is stored after the
      // boot, so that the first page does not wait for it.
      if (this.snapshotKey && this.manifest.preload?.length &&
          vm.eval("Rubyport::RackBridge.snapshot_safe?").toString() === "true") {
        copy = captureSnapshot(vm.instance.exports.memory);
      }
    }
    this.restored = Boolean(this.restoredFrom);
    try {
      this.evalFlushed(vm, "Rubyport::RackBridge.ready");
    } catch (error) {
      if (this.restoredFrom !== "app") throw error;
      console.warn(`[${this.name}] the app restored from its snapshot failed (${error.message}); booting it in full.`);
      await deleteSnapshot(this.snapshotKey, APP_CACHE_NAME);
      return this.bootOnce();
    }
    // Migrations may have run during the boot.
    const unsaved = await this.saveDatabases();
    if (unsaved) throw unsaved;
    this.vm = vm;
    this.boots++;
    this.bootMillis = performance.now() - started;
    this.progress("ready", `Booted in ${Math.round(this.bootMillis)} ms`);
    if (copy) storeSnapshot(this.snapshotKey, copy, APP_CACHE_NAME);
  }

  /** vm.eval(code), then the output it left waiting for a newline is passed on. */
  evalFlushed(vm, code) {
    try {
      return vm.eval(code);
    } finally {
      this.wasi.flush();
    }
  }

  /** A VM booted with the app's files (mounted on the first boot, kept from the last VM after that). */
  async startRuby(module, bundle) {
    // Ruby's start-up snapshot (left by any page of this origin) spares most of Ruby's own boot.
    const { vm, wasi, restored = false } = await createRubyVM(module, { Wasi: AppWasi, ...this.output(), snapshot: true,
      snapshotWhen: quietSpell(), wasi: this.wasi });
    this.restoredFrom = restored ? "ruby" : null;
    this.mount(wasi, bundle);
    return vm;
  }

  /**
   * A VM from the app's own snapshot, taken once it was built on an earlier boot; null when it cannot be
   * used (then it is dropped, and the app boots in full).
   */
  async restoreApp(module, encoded, bundle) {
    try {
      const wasi = this.wasi ?? new AppWasi({ args: ["ruby.wasm"], ...this.output() });
      const vm = await instantiateSnapshot(module, encoded, wasi);
      this.mount(wasi, bundle);
      await this.openDatabases();
      return vm;
    } catch (error) {
      console.warn(`[${this.name}] the app's snapshot could not be used (${error.message}); booting it in full.`);
      await deleteSnapshot(this.snapshotKey, APP_CACHE_NAME);
      return null;
    }
  }

  output() {
    return { stdout: (text) => console.log(`[${this.name}] ${text}`),
      stderr: (text) => console.warn(`[${this.name}] ${text}`) };
  }

  /** Mounts the bundle and the bridge into wasi, the first time. */
  mount(wasi, bundle) {
    if (this.wasi) return;
    try {
      this.manifest = wasi.mountBundle(bundle);
    } catch (error) {
      // Its message says to download it again: a reload must not get the same bytes from the cache.
      this.discardBundle().catch((e) => console.warn(`[${this.name}] the damaged bundle stays cached: ${e.message}`));
      throw error;
    }
    wasi.writeFile("/rubyport/rack_bridge.rb", bridgeSource);
    wasi.writeFile("/rubyport/manifest.json", JSON.stringify(this.manifest));
    this.wasi = wasi;
  }

  /** Loads the app's saved databases, for an app with a config/database.yml. */
  async openDatabases() {
    if (this.databases || !this.loadDatabases || !this.wasi.readFile(`${this.manifest.root}/config/database.yml`)) return;
    this.progress("load", "Opening the app's database", 0);
    this.databases = await this.loadDatabases();
    await this.databases.preload(this.name);
  }

  /** Sets up the load path and ENV, then requires the manifest's preloads one per eval (see RackBridge). */
  async preload(vm) {
    const manifest = this.manifest;
    const title = manifest.title || this.name;
    try {
      const count = Number(vm.eval(
        'require "/rubyport/rack_bridge"; Rubyport::RackBridge.setup(File.read("/rubyport/manifest.json"))').toString());
      for (let i = 0; i < count; i++) {
        this.progress("load", `Loading ${title}: ${manifest.preload[i]} (${i + 1} of ${count})`, i / count);
        await nextTask(); // lets the progress message go out before Ruby takes the thread again
        vm.eval(`Rubyport::RackBridge.preload(${i})`);
      }
    } finally {
      this.wasi.flush();
    }
  }

  /** The bytes of public/ + path in the app's tree, or null. */
  publicFile(path) {
    return asRequest(async () => {
      await this.boot();
      return this.wasi.readFile(`${this.manifest.root}/public${path}`);
    });
  }

  /**
   * Saves the databases the last request changed; null when saved (or there are none), else an Error
   * saying what to do, after which they hold what was saved before.
   */
  async saveDatabases() {
    if (!this.databases) return null;
    const error = await this.databases.save(this.name);
    if (!error) return null;
    const reason = error.name === "QuotaExceededError"
      ? "the browser's storage for this site is full"
      : `the browser refused to store it (${error.name || "Error"}: ${error.message || error})`;
    return new Error(`Your change was not saved: ${reason}. The data saved before is unchanged. ` +
      "Free some space (remove data of other sites or apps in the browser's settings) and try again.");
  }

  /** Drops the VM (its memory goes with it); the files stay for the next one. */
  retire() {
    this.booting = null;
    this.vm = null;
  }

  /**
   * Runs one request through the app's Rack call: returns {head, body} as the bridge wrote them. Requests
   * to one app come one at a time (the service worker queues them), so the exchange files are reused.
   */
  call(envJson, body) {
    return asRequest(() => this.#answer(envJson, body));
  }

  async #answer(envJson, body) {
    await this.boot();
    this.wasi.writeFile(`${EXCHANGE_DIR}/request.env`, envJson);
    this.wasi.writeFile(`${EXCHANGE_DIR}/request.in`, body);
    try {
      let head = this.vm.eval("Rubyport::RackBridge.call").toString();
      let responseBody = this.wasi.readFile(`${EXCHANGE_DIR}/response.out`) || new Uint8Array(0);
      const unsaved = await this.saveDatabases();
      if (unsaved) {
        // The answer would claim a change the database does not hold: a 500 page says so instead.
        head = ["error", "Rubyport::DatabaseNotSaved"].join("\n");
        responseBody = new TextEncoder().encode(unsaved.message);
      }
      const reply = { head, body: responseBody };
      if (this.memoryBytes > this.recycleBytes) this.retire();
      return reply;
    } catch (error) {
      // The VM itself failed (a wasm trap or a JS error): the next request boots a fresh one.
      this.retire();
      throw error;
    } finally {
      this.wasi.flush();
    }
  }
}
