// The JavaScript side of the sqlite3 stand-in (apps/wasm-compat/lib/sqlite3.rb): @sqlite.org/sqlite-wasm
// databases in memory, one set per app, reached from Ruby as globalThis.rubyportSqlite through the js gem.
// Every call takes and returns strings of JSON, so Ruby's integers past 2^53 and blobs cross intact, and an
// SQLite error comes back as {error, code} for Ruby to raise rather than as a JS exception.
// After each request the app host calls save(app): the databases a request changed are exported and
// written to the store as one transaction; when that fails, they go back to what the store holds.

const SQLITE_INTEGER = 1;
const SQLITE_FLOAT = 2;
const SQLITE_BLOB = 4;
const SQLITE_NULL = 5;
/** Statements kept prepared per database (ActiveRecord reuses a few dozen). */
const STATEMENT_CACHE = 64;

function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

function unbase64(text) {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** A bound parameter from its JSON form (see Host.encode in sqlite3.rb). */
function decodeBind(value) {
  if (value === true) return 1;
  if (value === false) return 0;
  if (value && typeof value === "object") {
    if ("i" in value) return BigInt(value.i);
    if ("b" in value) return unbase64(value.b);
  }
  return value;
}

/** A column value in its JSON form: integers past 2^53, whole or non-finite floats and blobs tagged. */
function encodeValue(stmt, sqlite3, index) {
  switch (sqlite3.capi.sqlite3_column_type(stmt.pointer, index)) {
    case SQLITE_NULL: return null;
    case SQLITE_INTEGER: {
      const value = stmt.get(index, sqlite3.capi.SQLITE_INTEGER);
      return typeof value === "bigint" ? { i: value.toString() } : value;
    }
    case SQLITE_FLOAT: {
      const value = stmt.get(index, sqlite3.capi.SQLITE_FLOAT);
      return Number.isInteger(value) || !Number.isFinite(value) ? { f: String(value) } : value;
    }
    case SQLITE_BLOB: return { b: base64(stmt.get(index, sqlite3.capi.SQLITE_BLOB)) };
    default: return stmt.get(index, sqlite3.capi.SQLITE_TEXT);
  }
}

/** The statement's result column names (sqlite-wasm's getColumnNames throws when there are none). */
function columnNames(stmt) {
  return stmt.columnCount ? stmt.getColumnNames([]) : [];
}

/** The answer for an SQLite error: its message and extended result code. */
function failure(error) {
  return JSON.stringify({ error: String(error.message || error).replace(/^SQLITE_[A-Z_]+: (sqlite3 result code \d+: )?/, ""),
    code: error.resultCode ?? 1 });
}

/** One open database of an app: the sqlite-wasm DB, its prepared statements, whether it is unsaved. */
class OpenDatabase {
  constructor(sqlite3, app, path, bytes) {
    this.sqlite3 = sqlite3;
    this.app = app;
    this.path = path;
    this.statements = new Map();
    this.db = this.load(bytes);
    this.dirty = false;
  }

  /** A fresh in-memory DB holding bytes (an SQLite file), or empty. */
  load(bytes) {
    const { capi, wasm, oo1 } = this.sqlite3;
    const db = new oo1.DB(":memory:", "c");
    if (bytes && bytes.length) {
      const pointer = wasm.allocFromTypedArray(bytes);
      const rc = capi.sqlite3_deserialize(db.pointer, "main", pointer, bytes.length, bytes.length,
        capi.SQLITE_DESERIALIZE_FREEONCLOSE | capi.SQLITE_DESERIALIZE_RESIZEABLE);
      db.checkRc(rc);
    }
    return db;
  }

  /** Goes back to bytes (what the store holds), dropping unsaved changes. */
  reset(bytes) {
    this.finalizeStatements();
    this.db.close();
    this.db = this.load(bytes);
    this.dirty = false;
  }

  statement(sql) {
    let stmt = this.statements.get(sql);
    if (stmt) {
      this.statements.delete(sql); // re-inserted below: the map's order is the order of use
    } else {
      stmt = this.db.prepare(sql);
      if (this.statements.size >= STATEMENT_CACHE) {
        const [oldest, old] = this.statements.entries().next().value;
        this.statements.delete(oldest);
        old.finalize();
      }
    }
    this.statements.set(sql, stmt);
    return stmt;
  }

  finalizeStatements() {
    for (const stmt of this.statements.values()) stmt.finalize();
    this.statements.clear();
  }

  columns(sql) {
    return JSON.stringify({ columns: columnNames(this.statement(sql)) });
  }

  query(sql, binds) {
    const stmt = this.statement(sql);
    try {
      stmt.clearBindings();
      this.bind(stmt, binds);
      const columns = columnNames(stmt);
      const rows = [];
      while (stmt.step()) {
        const row = new Array(columns.length);
        for (let i = 0; i < columns.length; i++) row[i] = encodeValue(stmt, this.sqlite3, i);
        rows.push(row);
      }
      if (!stmt.isReadOnly()) this.dirty = true;
      return JSON.stringify({ columns, rows, ...this.counts() });
    } finally {
      stmt.reset();
    }
  }

  /** Binds binds (positional, or named) to stmt. */
  bind(stmt, binds) {
    const { capi } = this.sqlite3;
    const entries = Array.isArray(binds) ? binds.map((value, i) => [i + 1, value])
      : Object.entries(binds).map(([name, value]) => [/^[:@$]/.test(name) ? name : `:${name}`, value]);
    for (const [key, value] of entries) {
      if (value && typeof value === "object" && "f" in value) {
        // A tagged float: oo1's bind() would bind a whole Number as an integer, so 2.0 came back as 2.
        const index = typeof key === "number" ? key : capi.sqlite3_bind_parameter_index(stmt.pointer, key);
        this.db.checkRc(capi.sqlite3_bind_double(stmt.pointer, index, Number(value.f)));
      } else {
        stmt.bind(key, decodeBind(value));
      }
    }
  }

  batch(sql) {
    this.db.exec(sql);
    this.dirty = true;
    return JSON.stringify(this.counts());
  }

  counts() {
    const { capi } = this.sqlite3;
    const lastId = capi.sqlite3_last_insert_rowid(this.db.pointer);
    return { changes: capi.sqlite3_changes(this.db.pointer),
      lastId: typeof lastId === "bigint" && (lastId > Number.MAX_SAFE_INTEGER || lastId < -Number.MAX_SAFE_INTEGER)
        ? { i: lastId.toString() } : Number(lastId) };
  }

  /** Whether no transaction is open, so that the database is in a state worth saving. */
  get autocommit() {
    return this.sqlite3.capi.sqlite3_get_autocommit(this.db.pointer) !== 0;
  }

  export() {
    return this.sqlite3.capi.sqlite3_js_db_export(this.db.pointer);
  }
}

/**
 * The host: sqlite3 is the initialised sqlite-wasm module; store keeps each app's saved databases
 * ({load(app) → Map of path → bytes, save(app, Map of path → bytes)}, both async).
 */
export class SqliteHost {
  constructor(sqlite3, store) {
    this.sqlite3 = sqlite3;
    this.store = store;
    this.saved = new Map(); // app → Map of path → the bytes last saved (what a failed save returns to)
    this.open = new Map(); // handle → OpenDatabase
    this.byPath = new Map(); // "app\0path" → OpenDatabase: a reopened path sees the same data
    this.nextHandle = 1;
  }

  /** Reads app's saved databases from the store; must finish before app's Ruby opens one. */
  async preload(app) {
    if (!this.saved.has(app)) this.saved.set(app, await this.store.load(app));
  }

  /** The object Ruby calls (every method takes and returns strings or numbers, never throws). */
  api() {
    const guard = (fn) => (...args) => {
      try {
        return fn(...args);
      } catch (error) {
        return failure(error);
      }
    };
    const db = (handle) => this.open.get(handle) || (() => { throw new Error("database is closed"); })();
    return {
      version: guard(() => JSON.stringify({ version: this.sqlite3.version.libVersion })),
      open: guard((app, path) => JSON.stringify({ handle: this.openDatabase(String(app), String(path)) })),
      close: guard((handle) => JSON.stringify({ closed: this.open.delete(handle) })),
      columns: guard((handle, sql) => db(handle).columns(String(sql))),
      query: guard((handle, sql, binds) => db(handle).query(String(sql), JSON.parse(String(binds)))),
      batch: guard((handle, sql) => db(handle).batch(String(sql))),
      autocommit: guard((handle) => JSON.stringify({ autocommit: db(handle).autocommit })),
    };
  }

  openDatabase(app, path) {
    const key = `${app}\0${path}`;
    let database = this.byPath.get(key);
    if (!database) {
      database = new OpenDatabase(this.sqlite3, app, path, this.saved.get(app)?.get(path));
      this.byPath.set(key, database);
    }
    const handle = this.nextHandle++;
    this.open.set(handle, database);
    return handle;
  }

  /**
   * Saves app's changed databases in one store transaction. Resolves to null when all is saved, or to
   * the error after which they went back to their last saved state (nothing half-written is kept).
   */
  async save(app) {
    const changed = [...this.byPath.values()].filter((d) => d.app === app && d.dirty && d.autocommit);
    if (!changed.length) return null;
    const bytes = new Map(changed.map((d) => [d.path, d.export()]));
    try {
      await this.store.save(app, bytes);
    } catch (error) {
      const saved = this.saved.get(app);
      for (const database of changed) database.reset(saved?.get(database.path));
      return error;
    }
    const saved = this.saved.get(app) || new Map();
    for (const database of changed) {
      saved.set(database.path, bytes.get(database.path));
      database.dirty = false;
    }
    this.saved.set(app, saved);
    return null;
  }
}

/**
 * Loads sqlite-wasm (its wasm through fetchWasm(url), a Response: the service worker's cache when
 * offline), and makes its API globalThis.rubyportSqlite for Ruby; returns the SqliteHost.
 */
export async function startSqliteHost(init, fetchWasm, store) {
  const sqlite3 = await init({
    print: () => {},
    printErr: (text) => console.warn(`[sqlite] ${text}`),
    instantiateWasm(imports, done) {
      fetchWasm(SQLITE_WASM_URL)
        .then((response) => {
          if (!response.ok) throw new Error(`${SQLITE_WASM_URL}: HTTP ${response.status}`);
          return response.arrayBuffer();
        })
        .then((bytes) => WebAssembly.instantiate(bytes, imports))
        .then(({ instance, module }) => done(instance, module));
      return {};
    },
  });
  const host = new SqliteHost(sqlite3, store);
  globalThis.rubyportSqlite = host.api();
  return host;
}

export const SQLITE_WASM_URL = "/sqlite3.wasm";
