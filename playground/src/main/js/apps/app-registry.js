// The packed apps this site offers (site/apps/index.json, written by the build), each hosted on demand
// by an AppHost. The service worker's Java core reaches this through self.rubyportApps.
import { AppHost } from "./app-host.js";
import { compileRuby } from "../boot.js";
import sqlite3InitModule from "@sqlite.org/sqlite-wasm";
import { startSqliteHost } from "./sqlite-host.js";
import { DatabaseStore } from "./database-store.js";

const INDEX_URL = "/apps/index.json";
const WASM_URL = "/ruby+stdlib.wasm";
/** Boot progress goes to every page on this channel, for the boot page's progress bar. */
export const BOOT_CHANNEL = "rubyport-app-boot";

export class AppRegistry {
  /**
   * cachedFetch(url): a Response from the service worker's caches, or from the network when missing;
   * uncache(url): drops a cached copy (a damaged bundle), so that a reload downloads it again.
   */
  constructor(cachedFetch, uncache = async () => {}) {
    this.cachedFetch = cachedFetch;
    this.uncache = uncache;
    this.hosts = new Map();
    this.channel = new BroadcastChannel(BOOT_CHANNEL);
    this.ruby = null;
    this.sqlite = null;
  }

  /** The names and bundle URLs of the installed apps; fresh from the network when asked (installing). */
  async index({ fresh = false } = {}) {
    const response = await (fresh ? fetch(INDEX_URL, { cache: "no-store" }) : this.cachedFetch(INDEX_URL));
    if (!response.ok) throw new Error(`The list of apps (${INDEX_URL}) could not be loaded: HTTP ${response.status}`);
    return (await response.json()).apps;
  }

  /** The host of the app called name, or null if no such app is installed. */
  async find(name) {
    if (this.hosts.has(name)) return this.hosts.get(name);
    const entry = (await this.index()).find((app) => app.name === name);
    if (!entry) return null;
    const host = new AppHost(name, {
      loadBundle: () => this.download(entry.bundle),
      discardBundle: () => this.uncache(entry.bundle),
      loadRuby: () => this.compileRuby(),
      loadDatabases: () => this.databases(),
      progress: (stage, detail, fraction) => this.channel.postMessage({ app: name, stage, detail, fraction }),
    });
    this.hosts.set(name, host);
    return host;
  }

  /** The compiled Ruby module, shared by all apps; compiled once (read from Cache Storage when there). */
  compileRuby() {
    if (!this.ruby) {
      this.ruby = compileRuby(new URL(WASM_URL, self.location.origin).href).catch((error) => {
        this.ruby = null;
        throw error;
      });
    }
    return this.ruby;
  }

  /** The SqliteHost that keeps every app's databases; sqlite-wasm is loaded on first use. */
  databases() {
    if (!this.sqlite) {
      this.sqlite = startSqliteHost(sqlite3InitModule, this.cachedFetch, new DatabaseStore()).catch((error) => {
        this.sqlite = null;
        throw new Error(`SQLite could not be started: ${error.message || error}`);
      });
    }
    return this.sqlite;
  }

  async download(url) {
    const response = await this.cachedFetch(url);
    if (!response.ok) throw new Error(`The app bundle ${url} could not be loaded: HTTP ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }
}
