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

/** What the host-side file calls' errors mean, for their messages; others are given by number. */
const HOST_ERRORS = {
  20: "EEXIST: something else is already there", 22: "EFBIG: too large", 28: "EINVAL: not a valid path",
  31: "EISDIR: it is a directory", 32: "ELOOP: too many symbolic links", 37: "ENAMETOOLONG: a name is too long",
  44: "ENOENT: no such file or directory", 54: "ENOTDIR: a part of the path is a file, not a directory",
};

const hostFailure = (what, path, errno) => new Error(`cannot ${what} ${path}: ${HOST_ERRORS[errno] ?? `WASI errno ${errno}`}`);

/** The bytes of data: a string (as UTF-8), an ArrayBuffer or any view of one; a TypeError otherwise. */
function asBytes(data, what) {
  if (typeof data === "string") return new TextEncoder().encode(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new TypeError(`${what} must be a string, an ArrayBuffer or a typed array, not ${data === null ? "null" : typeof data}`);
}

function checkPath(path) {
  if (typeof path !== "string" || !path.startsWith("/")) throw new TypeError(`a JavaWasi path must be absolute: ${path}`);
}

/** The "NAME=value" entries of env, an object of names to values. */
function environment(env) {
  if (env === null || typeof env !== "object" || Array.isArray(env)) {
    throw new TypeError('JavaWasi env is an object of names to values, such as {HOME: "/"}');
  }
  return Object.entries(env).map(([key, value]) => {
    if (value === undefined || value === null) throw new TypeError(`JavaWasi env.${key} has no value`);
    return `${key}=${value}`;
  });
}

function strings(list, what) {
  if (!Array.isArray(list) || list.some((item) => typeof item !== "string")) {
    throw new TypeError(`JavaWasi ${what} must be an array of strings`);
  }
  return list;
}

const NO_INPUT = () => null;
const IGNORE = () => {};

/** Exiting must unwind the guest's stack, so it is the one import that throws, and it is JavaScript's. */
function exitFor(wasi) {
  return (code) => {
    wasi.flush();
    throw new ProcExit(code);
  };
}

/**
 * The host's callback, passing on what it returns, and when it throws: logged, kept in failures.first,
 * and thrown on (the guest's call gets EIO).
 */
function guardWith(failures) {
  return (name, callback) => {
    if (typeof callback !== "function") throw new TypeError(`JavaWasi ${name} must be a function`);
    return (value) => {
      try {
        return callback(value);
      } catch (error) {
        console.error(`JavaWasi: the ${name} callback threw, so the guest's call failed with EIO:`, error);
        failures.first ??= new Error(`the ${name} callback threw: ${error?.message ?? error}`, { cause: error });
        throw error;
      }
    };
  };
}

/** callback, called with a Uint8Array where the Java side passes an Int8Array (what TeaVM's byte[] is). */
function asUint8(callback) {
  if (typeof callback !== "function") return callback; // guard says what is wrong
  return (bytes) => callback(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length));
}

/** Reads from stdin(max) at most max bytes at a time (Int8Array, or null at the end), keeping the rest. */
function stdinReader(stdin) {
  let rest = null;
  return (max) => {
    if (!rest?.length) {
      const given = stdin(max);
      if (typeof given?.then === "function") throw new TypeError("stdin returned a Promise; it must return bytes, a string or null");
      rest = given === null || given === undefined ? null : asBytes(given, "what stdin returns");
    }
    if (!rest?.length) return null;
    const bytes = rest.subarray(0, max);
    rest = rest.subarray(bytes.length);
    return new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  };
}

/**
 * Each runtime's Java side, freed when its JavaWasi can no longer be reached (see wasiImport below).
 */
const sessions = new FinalizationRegistry(({ runtime, handle }) => runtime.dispose(handle));

/**
 * A WASI preview1 implementation in the shape @ruby/wasm-wasi's RubyVM expects: `wasiImport` and
 * `initialize(instance)`. stdout/stderr callbacks receive text, whole lines at a time (the rest is passed on
 * before stdin is read or the guest sleeps, and on flush()); with writeThrough, each write as it is made;
 * with outputBytes, each write's bytes as they are (a Uint8Array of its own).
 * An exception thrown by a callback is logged with console.error, the guest's call fails with EIO, and
 * start() throws it once the program has ended.
 */
export class JavaWasiBase {
  /**
   * runtime: the exports of runtime.js or app-runtime.js (the functions below). fileSpace: the bytes the
   * guest's files may take before writes fail with ENOSPC (default 1 GiB). stdin(max) gives input as bytes
   * or a string, null at its end; what goes past max is kept for the next read. It must answer at once: in
   * a worker it may block (Atomics.wait), but a Promise cannot be waited for inside a WASI call.
   */
  constructor(runtime, { args = [], env = {}, preopens = ["/"], stdin = NO_INPUT, stdout = IGNORE, stderr = IGNORE,
    writeThrough = false, outputBytes = false, fileSpace = null } = {}) {
    // No closure is made here: one would share this scope, holding `this`, and the Java side holds the
    // callbacks, so this object could never be freed. The helpers make them.
    this.runtime = runtime;
    this.failures = { first: null };
    const guard = guardWith(this.failures);
    this.handle = this.runtime.create({ args: strings(args, "args"), env: environment(env),
      preopens: strings(preopens, "preopens"), stdin: guard("stdin", stdinReader(stdin)),
      stdout: guard("stdout", outputBytes ? asUint8(stdout) : stdout), stderr: guard("stderr", outputBytes ? asUint8(stderr) : stderr),
      writeThrough: Boolean(writeThrough), outputBytes: Boolean(outputBytes), fileSpace: fileSpace ?? -1 });
    sessions.register(this, { runtime, handle: this.handle }, this);
    this.wasiImport = {};
    for (const name of WASI_FUNCTIONS) {
      // A bound static export keeps the hot path free of wrapper frames. Its `this` is this object, so that
      // an instance that can still call it keeps this object (and the Java side) alive.
      if (name !== "proc_exit") this.wasiImport[name] = runtime[camelCase(name)].bind(this, this.handle);
    }
    this.wasiImport.proc_exit = exitFor(this);
  }

  /** Runs a command module's _start; returns its exit code (0 when it returns normally). */
  start(instance) {
    if (typeof instance?.exports?._start !== "function") {
      throw new TypeError("start(instance) runs a command module, which exports _start; use initialize(instance) for a reactor");
    }
    this.attach(instance);
    let code = 0;
    try {
      instance.exports._start();
    } catch (e) {
      if (!(e instanceof ProcExit)) throw e;
      code = e.code;
    } finally {
      this.flush();
    }
    if (this.failures.first) throw this.failures.first;
    return code;
  }

  /**
   * Writes a whole file at an absolute path, creating parent directories: data is a string (written as
   * UTF-8), an ArrayBuffer or any typed array or DataView (its bytes).
   */
  writeFile(path, data) {
    checkPath(path);
    const bytes = asBytes(data, "writeFile's data");
    const errno = this.live().writeFile(this.handle, path, new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length));
    if (errno !== 0) throw hostFailure("write", path, errno);
  }

  /** Creates a directory and its parents at an absolute path. */
  makeDirectories(path) {
    checkPath(path);
    const errno = this.live().makeDirectories(this.handle, path);
    if (errno !== 0) throw hostFailure("create directory", path, errno);
  }

  /** Makes path and everything below it read-only for the guest (EROFS on change), as a read-only mount. */
  makeReadOnly(path) {
    checkPath(path);
    const errno = this.live().makeReadOnly(this.handle, path);
    if (errno !== 0) throw hostFailure("make read-only", path, errno);
  }

  /** The bytes of the file at an absolute path, or null. */
  readFile(path) {
    checkPath(path);
    const bytes = this.live().readFile(this.handle, path);
    return bytes && new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  }

  /** Connects the instance's memory without running anything in it (for a restored memory snapshot). */
  attach(instance) {
    this.live().attachMemory(this.handle, instance.exports.memory);
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
    this.live().flush(this.handle);
  }

  /**
   * Lets the runtime's files and memory go now, rather than when this object is garbage-collected. The
   * module it served must not run again.
   */
  dispose() {
    if (this.disposed) return;
    sessions.unregister(this);
    this.runtime.dispose(this.handle);
    this.disposed = true;
  }

  /** The runtime's exports, once checked that this JavaWasi is not disposed. */
  live() {
    if (this.disposed) throw new Error("this JavaWasi was disposed");
    return this.runtime;
  }
}
