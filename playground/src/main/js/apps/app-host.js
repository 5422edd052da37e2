// One packed Rack app inside the service worker: its bundle mounted in a Ruby VM of its own, booted on
// first use and reused for every later request.
import { createRubyVM } from "../boot.js";
import bridgeSource from "../../ruby/rack_bridge.rb";

// Where the bridge (rack_bridge.rb) finds each request and leaves its response body.
const EXCHANGE_DIR = "/tmp/rubyport-rack";
/**
 * A VM whose memory passes this is retired after its request, and the next request starts a new one over
 * the same files. This ruby.wasm never frees ~23 KB per non-local exit through a C frame (Sinatra: ~170 KB
 * a request), so a busy app would otherwise reach the 4 GB limit.
 */
const RECYCLE_BYTES = 1024 * 1024 * 1024;

export class AppHost {
  /**
   * name: the app's name; loadBundle(): Promise of the bundle's bytes; loadRuby(): Promise of the compiled
   * ruby+stdlib.wasm module; progress(stage, detail): called as the boot advances; recycleBytes: the
   * memory size past which a VM is replaced.
   */
  constructor(name, { loadBundle, loadRuby, progress = () => {}, recycleBytes = RECYCLE_BYTES }) {
    this.name = name;
    this.loadBundle = loadBundle;
    this.loadRuby = loadRuby;
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
    this.progress("start", "Starting Ruby");
    const log = (text) => console.log(`[${this.name}] ${text}`);
    const warn = (text) => console.warn(`[${this.name}] ${text}`);
    // Ruby's start-up snapshot (left by any page of this origin) spares most of the boot.
    const { vm, wasi, restored = false } = await createRubyVM(module,
      { stdout: log, stderr: warn, snapshot: true, wasi: this.wasi });
    this.restored = restored;
    if (!this.wasi) {
      this.manifest = wasi.mountBundle(bundle);
      wasi.writeFile("/rubyport/rack_bridge.rb", bridgeSource);
      wasi.writeFile("/rubyport/manifest.json", JSON.stringify(this.manifest));
      this.wasi = wasi;
    }
    const manifest = this.manifest;
    this.progress("load", `Loading ${manifest.title || this.name}`);
    try {
      vm.eval('require "/rubyport/rack_bridge"; Rubyport::RackBridge.boot(File.read("/rubyport/manifest.json"))');
    } finally {
      wasi.flush();
    }
    this.vm = vm;
    this.boots++;
    this.bootMillis = performance.now() - started;
    this.progress("ready", `Booted in ${Math.round(this.bootMillis)} ms`);
  }

  /** The bytes of public/ + path in the app's tree, or null. */
  async publicFile(path) {
    await this.boot();
    return this.wasi.readFile(`${this.manifest.root}/public${path}`);
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
  async call(envJson, body) {
    await this.boot();
    this.wasi.writeFile(`${EXCHANGE_DIR}/request.env`, envJson);
    this.wasi.writeFile(`${EXCHANGE_DIR}/request.in`, body);
    try {
      const head = this.vm.eval("Rubyport::RackBridge.call").toString();
      const reply = { head, body: this.wasi.readFile(`${EXCHANGE_DIR}/response.out`) || new Uint8Array(0) };
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
