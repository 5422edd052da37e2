// Keeps the current project in IndexedDB (database "rubyport", store "projects", key "current"), so that
// it survives reloads, and the one an example or a share link replaced (key "previous"). IndexedDB rather
// than localStorage: it does not block the page and holds far more.
import { normalizeProject } from "./project.js";

const DB_NAME = "rubyport";
const STORE = "projects";
const KEY = "current";
const PREVIOUS_KEY = "previous";
/** Tabs of this origin tell each other here when they save the project. */
const CHANNEL = "rubyport-project";
/** This tab, in the records it saves: a save can tell whether another tab saved in between. */
const TAB = Math.random().toString(36).slice(2);
/** The revision this tab loaded or last saved; a stored revision above it came from another tab. */
let knownRevision = 0;

/** A storage failure whose message can be shown to the user as is; `cause` is the browser's error. */
export class StorageError extends Error {
  constructor(message, cause) {
    super(message, { cause });
    this.name = "StorageError";
  }
}

/** Turns a DOMException (or anything thrown) from IndexedDB into a StorageError saying what to do. */
function storageError(error, doing) {
  if (error instanceof StorageError) return error;
  // Saving fails with the code safe in memory; loading fails before there is anything to lose.
  const next = doing === "saved" ? "your code is still in the editor"
    : "you can keep working, but download the project as a zip before closing the page";
  const name = error?.name ?? "";
  if (name === "QuotaExceededError" || /quota/i.test(String(error?.message))) {
    return new StorageError(`Your browser's storage is full, so the project could not be ${doing}. ` +
      `Free some space (or download the project as a zip) — ${next}.`, error);
  }
  if (name === "SecurityError" || name === "InvalidStateError" || !globalThis.indexedDB) {
    return new StorageError("This browser does not let the page store data (private browsing, or site data blocked?), " +
      `so the project could not be ${doing}. Allow site data for this page, or download the project as a zip — ${next}.`, error);
  }
  return new StorageError(`The browser's storage failed, so the project could not be ${doing} ` +
    `(${name || "error"}: ${error?.message ?? error}). Try again, or download the project as a zip — ${next}.`, error);
}

let connection = null;

/** The shared connection, opened on first use; a failed open is retried on the next call. */
function openDatabase() {
  connection ??= new Promise((resolve, reject) => {
    const request = indexedDB.open(DB_NAME, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading the database needs us to let go; reopen lazily next time.
      db.onversionchange = () => {
        db.close();
        connection = null;
      };
      db.onclose = () => {
        connection = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new DOMException("the database is held open by another tab", "InvalidStateError"));
  }).catch((error) => {
    connection = null;
    throw error;
  });
  return connection;
}

/** Runs one request in a transaction; resolves with its result once the transaction has committed. */
async function transact(mode, makeRequest) {
  const db = await openDatabase();
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    let request;
    // Quota errors usually surface as the transaction aborting at commit, not on the request.
    tx.oncomplete = () => resolve(request?.result);
    tx.onabort = () => reject(tx.error ?? request?.error ?? new DOMException("transaction aborted", "AbortError"));
    try {
      request = makeRequest(tx.objectStore(STORE));
    } catch (error) {
      reject(error);
      try { tx.abort(); } catch { /* already finished */ }
    }
  });
}

/** The record stored under key, or null. Rejects with a StorageError. */
async function readRecord(key) {
  try {
    return (await transact("readonly", (store) => store.get(key))) ?? null;
  } catch (error) {
    throw storageError(error, "loaded");
  }
}

/** stored as a project (normalized), or null when it is none (nothing saved, or written by something else). */
function asStoredProject(stored) {
  try {
    return stored && normalizeProject(stored);
  } catch {
    return null;
  }
}

/** The saved project (normalized), or null when none was saved. Rejects with a StorageError. */
export async function loadProject() {
  const stored = await readRecord(KEY);
  if (stored) knownRevision = Number(stored.revision) || 0;
  return asStoredProject(stored);
}

let keepAsked = false;

/**
 * Asks, once per page and only once the user has something saved, that the browser keep this origin's storage
 * under pressure: by default it may evict the project to make room. Chromium decides silently; Firefox asks
 * the user. Refused or unsupported, saving works as before.
 */
function askToKeepStorage() {
  if (keepAsked) return;
  keepAsked = true;
  navigator.storage?.persist?.().catch(() => {});
}

/**
 * Saves project as the current one, in one transaction: a tab closed or killed mid-save leaves the last
 * complete save. Resolves to the project it replaced when another tab had saved since this tab loaded or
 * saved (the later save wins; the caller keeps what it replaced), else null. Rejects with a StorageError;
 * the caller's project is untouched.
 */
export async function saveProject(project) {
  let replaced = null;
  let revision;
  let failure = null;
  try {
    const { files, open, target } = project; // only the model: nothing the page may have attached
    await transact("readwrite", (store) => {
      const read = store.get(KEY);
      read.onsuccess = () => {
        const stored = read.result;
        const storedRevision = Number(stored?.revision) || 0;
        if (stored && stored.tab !== TAB && storedRevision > knownRevision) replaced = stored;
        revision = storedRevision + 1;
        const record = { files, open, revision, tab: TAB };
        if (target) record.target = target;
        try {
          store.put(record, KEY);
        } catch (error) {
          // Thrown here it would abort the transaction as a bare AbortError: keep the real cause.
          failure = error;
          store.transaction.abort();
        }
      };
      return read;
    });
  } catch (error) {
    throw storageError(failure ?? error, "saved");
  }
  knownRevision = revision;
  announce({ tab: TAB, revision });
  askToKeepStorage();
  try {
    return replaced && normalizeProject(replaced);
  } catch {
    return null;
  }
}

/**
 * Keeps project as the one an example or a shared project replaced (key "previous"), so that "Restore
 * previous project" still works after a reload. Rejects with a StorageError.
 */
export async function saveReplaced(project) {
  const { files, open, target } = project;
  const record = target ? { files, open, target } : { files, open };
  try {
    await transact("readwrite", (store) => store.put(record, PREVIOUS_KEY));
  } catch (error) {
    throw storageError(error, "saved");
  }
}

/** The project saveReplaced kept (normalized), or null. Rejects with a StorageError. */
export async function loadReplaced() {
  return asStoredProject(await readRecord(PREVIOUS_KEY));
}

let channel = null;

function announce(message) {
  try {
    channel ??= new BroadcastChannel(CHANNEL);
    channel.postMessage(message);
  } catch {
    // No BroadcastChannel: other tabs learn of it when they save.
  }
}

/** Calls onSaved() when another tab saves the project (with a revision this tab has not seen). */
export function watchOtherTabs(onSaved) {
  try {
    const listener = new BroadcastChannel(CHANNEL);
    listener.onmessage = ({ data }) => {
      if (data?.tab !== TAB && data?.revision > knownRevision) onSaved();
    };
  } catch {
    // Without BroadcastChannel the save-time check still keeps the other tab's work.
  }
}

/**
 * Debounced saving of getProject() (read when the save starts, so the newest state is saved).
 * onStatus receives { state: "saving" | "saved" | "error", message }, once per change of state: "saving"
 * from the first change not yet saved (so that "saved" is never shown over unsaved work), even while the
 * save waits out the delay. onReplaced(project) receives the newer project of another tab that a save
 * replaced. After an error the project stays dirty, so the next schedule() or flush() tries again. flush()
 * saves now and never rejects.
 */
export function createAutosaver(getProject, onStatus = () => {}, delayMs = 400, onReplaced = () => {}) {
  let timer = null;
  let dirty = false;
  let running = null; // the save in progress
  let shown = null; // the state last reported

  const report = (state, message) => {
    if (state === "saving" && shown === "saving") return;
    shown = state;
    try { onStatus({ state, message }); } catch (error) { console.error(error); }
  };

  async function saveNow() {
    // One save at a time; a change made during a save is saved right after it.
    while (running) await running;
    if (!dirty) return;
    dirty = false;
    report("saving", "Saving…");
    const current = Promise.resolve().then(() => saveProject(getProject())).then(
      (replaced) => {
        report("saved", "All changes saved in this browser.");
        if (replaced) onReplaced(replaced);
      },
      (error) => {
        dirty = true;
        report("error", error instanceof StorageError ? error.message : storageError(error, "saved").message);
      });
    running = current;
    await current;
    if (running === current) running = null;
  }

  return {
    /** Marks the project changed; saves once no change has come for delayMs. */
    schedule() {
      dirty = true;
      report("saving", "Saving…");
      clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        saveNow();
      }, delayMs);
    },
    /** Saves pending changes at once (e.g. on pagehide); resolves when done, whatever the outcome. */
    async flush() {
      clearTimeout(timer);
      timer = null;
      await saveNow();
    },
  };
}
