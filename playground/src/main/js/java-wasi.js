// The guest's wasi_snapshot_preview1 imports, served by a Java runtime that TeaVM compiled: runtime.js for
// pages (wasi.js), app-runtime.js for the service worker's apps (app-wasi.js).

/** The 46 preview1 functions; each maps to the Java export of the same name in camelCase. */
export const WASI_FUNCTIONS = [
  "args_get", "args_sizes_get", "environ_get", "environ_sizes_get", "clock_res_get", "clock_time_get",
  "fd_advise", "fd_allocate", "fd_close", "fd_datasync", "fd_fdstat_get", "fd_fdstat_set_flags",
  "fd_fdstat_set_rights", "fd_filestat_get", "fd_filestat_set_size", "fd_filestat_set_times", "fd_pread",
  "fd_prestat_get", "fd_prestat_dir_name", "fd_pwrite", "fd_read", "fd_readdir", "fd_renumber", "fd_seek",
  "fd_sync", "fd_tell", "fd_write", "path_create_directory", "path_filestat_get", "path_filestat_set_times",
  "path_link", "path_open", "path_readlink", "path_remove_directory", "path_rename", "path_symlink",
  "path_unlink_file", "poll_oneoff", "proc_exit", "proc_raise", "sched_yield", "random_get", "sock_accept",
  "sock_recv", "sock_send", "sock_shutdown",
];

const camelCase = (name) => name.replace(/_([a-z])/g, (_, c) => c.toUpperCase());

/** Thrown through the guest's stack when it calls proc_exit; carries the exit code. */
export class ProcExit extends Error {
  constructor(code) {
    super(`exit with code ${code}`);
    this.code = code;
  }
}

/**
 * A WASI preview1 implementation in the shape @ruby/wasm-wasi's RubyVM expects: `wasiImport` and
 * `initialize(instance)`. stdout/stderr callbacks receive text, whole lines at a time (the rest is passed on
 * before stdin is read or the guest sleeps, and on flush()); with writeThrough, each write as it is made.
 */
export class JavaWasiBase {
  /**
   * runtime: the exports of runtime.js or app-runtime.js (the functions below). fileSpace: the bytes the
   * guest's files may take before writes fail with ENOSPC (default 1 GiB).
   */
  constructor(runtime, { args = [], env = {}, preopens = ["/"], stdin = () => null, stdout = () => {}, stderr = () => {},
    writeThrough = false, fileSpace = null } = {}) {
    this.runtime = runtime;
    const envList = Object.entries(env).map(([key, value]) => `${key}=${value}`);
    // stdin(max) returns up to max bytes (Uint8Array) or null at end of input; it may block (in a worker).
    const readStdin = (max) => {
      const bytes = stdin(max);
      return bytes && bytes.length ? new Int8Array(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, max)) : null;
    };
    this.handle = this.runtime.create({ args, env: envList, preopens, stdin: readStdin, stdout, stderr,
      writeThrough: Boolean(writeThrough), fileSpace: fileSpace ?? -1 });
    this.wasiImport = {};
    for (const name of WASI_FUNCTIONS) {
      // A bound static export keeps the hot path free of wrapper frames.
      if (name !== "proc_exit") this.wasiImport[name] = runtime[camelCase(name)].bind(null, this.handle);
    }
    // Exiting must unwind the guest's stack, so it is the one import that throws, and it is JavaScript's.
    this.wasiImport.proc_exit = (code) => {
      this.flush();
      throw new ProcExit(code);
    };
  }

  /** Runs a command module's _start; returns its exit code (0 when it returns normally). */
  start(instance) {
    this.attach(instance);
    try {
      instance.exports._start();
      return 0;
    } catch (e) {
      if (e instanceof ProcExit) return e.code;
      throw e;
    } finally {
      this.flush();
    }
  }

  /** Writes a whole file (Uint8Array or string) at an absolute path, creating parent directories. */
  writeFile(path, data) {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const errno = this.runtime.writeFile(this.handle, path, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    if (errno !== 0) throw new Error(`cannot write ${path}: WASI errno ${errno}`);
  }

  /** Creates a directory and its parents at an absolute path. */
  makeDirectories(path) {
    const errno = this.runtime.makeDirectories(this.handle, path);
    if (errno !== 0) throw new Error(`cannot create directory ${path}: WASI errno ${errno}`);
  }

  /** Makes path and everything below it read-only for the guest (EROFS on change), as a read-only mount. */
  makeReadOnly(path) {
    const errno = this.runtime.makeReadOnly(this.handle, path);
    if (errno !== 0) throw new Error(`cannot make ${path} read-only: WASI errno ${errno}`);
  }

  /** The bytes of the file at an absolute path, or null. */
  readFile(path) {
    const bytes = this.runtime.readFile(this.handle, path);
    return bytes && new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Connects the instance's memory without running anything in it (for a restored memory snapshot). */
  attach(instance) {
    this.runtime.attachMemory(this.handle, instance.exports.memory);
  }

  /** Connects the instance's memory and runs its reactor initialiser. */
  initialize(instance) {
    this.attach(instance);
    if (instance.exports._initialize) {
      instance.exports._initialize();
    }
  }

  /** Passes on output held back waiting for a newline. */
  flush() {
    this.runtime.flush(this.handle);
  }
}
