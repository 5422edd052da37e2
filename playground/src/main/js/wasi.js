// The guest's wasi_snapshot_preview1 imports, served by the Java runtime that TeaVM compiled to runtime.js.
import * as runtime from "../../../target/javascript/runtime.js";

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

/**
 * A WASI preview1 implementation in the shape @ruby/wasm-wasi's RubyVM expects: `wasiImport` and
 * `initialize(instance)`. stdout/stderr callbacks receive text, whole lines at a time.
 */
export class JavaWasi {
  constructor({ args = [], env = {}, stdout = () => {}, stderr = () => {} } = {}) {
    const envList = Object.entries(env).map(([key, value]) => `${key}=${value}`);
    this.handle = runtime.create({ args, env: envList, stdout, stderr });
    this.wasiImport = {};
    for (const name of WASI_FUNCTIONS) {
      // A bound static export keeps the hot path free of wrapper frames.
      this.wasiImport[name] = runtime[camelCase(name)].bind(null, this.handle);
    }
  }

  /** Connects the instance's memory and runs its reactor initialiser. */
  initialize(instance) {
    runtime.attachMemory(this.handle, instance.exports.memory);
    if (instance.exports._initialize) {
      instance.exports._initialize();
    }
  }

  /** Passes on output held back waiting for a newline. */
  flush() {
    runtime.flush(this.handle);
  }
}
