// The WASI runtime the service worker's apps use: app-runtime.js, which can also mount app bundles.
import * as runtime from "../../../target/javascript/app-runtime.js";
import { JavaWasiBase } from "./java-wasi.js";

/** A JavaWasi that mounts app bundles (.rpk) too. */
export class AppWasi extends JavaWasiBase {
  constructor(options) {
    // TeaVM puts the exports a subclass inherits on the class object, not on the module.
    super(runtime.WasiExports, options);
  }

  /**
   * Checks an app bundle (.rpk bytes) and mounts its trees (the app at /app, gems under /gems); returns its
   * manifest. A damaged, truncated or foreign file throws an Error whose message says what to do.
   */
  mountBundle(bytes) {
    const [manifest, error] = runtime.mountBundle(this.handle, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    if (error != null) throw new Error(error);
    return JSON.parse(manifest);
  }
}
