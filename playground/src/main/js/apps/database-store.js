// Where packed apps' SQLite databases are kept between visits: IndexedDB, one record per app and database
// path. A save of several databases is one transaction, so a failure (a full quota) leaves every record as
// it was.
const DB_NAME = "rubyport-app-databases";
const STORE = "files";

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function done(transaction) {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error || new Error("the save was aborted"));
    transaction.onerror = () => reject(transaction.error);
  });
}

export class DatabaseStore {
  constructor(indexedDB = self.indexedDB) {
    this.indexedDB = indexedDB;
    this.opening = null;
  }

  connection() {
    if (!this.opening) {
      const open = this.indexedDB.open(DB_NAME, 1);
      open.onupgradeneeded = () => open.result.createObjectStore(STORE);
      this.opening = request(open).catch((error) => {
        this.opening = null;
        throw error;
      });
    }
    return this.opening;
  }

  /** Map of path → bytes: app's saved databases. */
  async load(app) {
    const db = await this.connection();
    const store = db.transaction(STORE, "readonly").objectStore(STORE);
    const range = IDBKeyRange.bound([app, ""], [app, "\uffff"]);
    const [keys, values] = await Promise.all([request(store.getAllKeys(range)), request(store.getAll(range))]);
    return new Map(keys.map((key, i) => [key[1], new Uint8Array(values[i])]));
  }

  /** Writes each path → bytes of files for app, all or none. */
  async save(app, files) {
    const db = await this.connection();
    const transaction = db.transaction(STORE, "readwrite", { durability: "strict" });
    const store = transaction.objectStore(STORE);
    for (const [path, bytes] of files) store.put(bytes, [app, path]);
    await done(transaction);
  }
}
