// What the service worker's Java core (org.rubyport.offline) needs from the browser to serve packed apps:
// requests taken apart, responses put together, the boot page, boot status and the cookie jars' storage.
// TeaVM code reaches it as self.rubyportApps.
import { AppRegistry } from "./app-registry.js";

// Not under the "rubyport-" prefix: activating a new build deletes those caches, and logins must survive.
const COOKIE_CACHE = "app-cookies";
const BOOT_PAGE = "/app-boot.html";
/** Larger request bodies are refused (413) before they fill the worker's memory and the app's. */
export const MAX_BODY_BYTES = 64 * 1024 * 1024;

/**
 * Responds from the service worker's caches first, so that apps work offline. What has to come from the
 * network (a bundle the install could not get, or one dropped as damaged) is kept in cacheName when given,
 * so that an app opened once online works offline from then on.
 */
async function cachedFetch(url, cacheName) {
  const cached = await caches.match(url);
  if (cached) return cached;
  const response = await fetch(url);
  if (cacheName && response.status === 200) {
    try {
      await (await caches.open(cacheName)).put(url, response.clone());
    } catch {
      // e.g. the quota is full: the app still gets its bundle, it just needs the network again next time.
    }
  }
  return response;
}

/** Drops url from every cache, so that the next fetch of it goes to the network. */
async function uncache(url) {
  for (const name of await caches.keys()) await (await caches.open(name)).delete(url);
}

/** The stream's bytes as one Int8Array, or null (and the stream cancelled) once they pass limit. */
async function readLimited(stream, limit) {
  const reader = stream.getReader();
  const chunks = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    length += value.length;
    if (length > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const body = new Int8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    body.set(new Int8Array(chunk.buffer, chunk.byteOffset, chunk.length), at);
    at += chunk.length;
  }
  return body;
}

export function createAppsGlue() {
  let downloadCache = null;
  const registry = new AppRegistry((url) => cachedFetch(url, downloadCache), uncache);
  const queues = new Map();
  return {
    /** Names the cache that downloads are kept in: the worker's build cache, set once it starts. */
    keepDownloadsIn(cacheName) {
      downloadCache = cacheName;
    },

    /**
     * Runs task() (which returns a promise) after every task queued before under key has settled: one
     * request at a time per app, in arrival order. This is done here rather than with Java monitors,
     * which TeaVM cannot hold across a wait for a promise.
     */
    queue(key, task) {
      const result = (queues.get(key) || Promise.resolve()).then(() => task());
      const settled = result.catch(() => {});
      queues.set(key, settled);
      settled.then(() => {
        if (queues.get(key) === settled) queues.delete(key);
      });
      return result;
    },

    /** The AppHost of name, or null. */
    find: (name) => registry.find(name),

    /**
     * The bundle URLs of this build's apps, for the precache (from the network: an older build's list may
     * still be cached); none when the list cannot be had.
     */
    async bundleUrls() {
      try {
        return (await registry.index({ fresh: true })).map((app) => app.bundle);
      } catch {
        return [];
      }
    },

    /**
     * {method, url, navigate, names, values, body, tooLarge}: a request in the shape the Java core reads.
     * The body is read up to MAX_BODY_BYTES; past that, reading stops and tooLarge is set.
     */
    async readRequest(request) {
      const names = [];
      const values = [];
      request.headers.forEach((value, name) => {
        names.push(name);
        values.push(value);
      });
      // The browser keeps Referer out of request.headers; apps read it (redirect back, origin checks).
      if (request.referrer && request.referrer !== "about:client" && !names.includes("referer")) {
        names.push("referer");
        values.push(request.referrer);
      }
      const hasBody = request.method !== "GET" && request.method !== "HEAD" && request.body;
      const body = hasBody ? await readLimited(request.body, MAX_BODY_BYTES) : new Int8Array(0);
      return { method: request.method, url: request.url, navigate: request.mode === "navigate", names, values,
        body: body || new Int8Array(0), tooLarge: body === null, limit: MAX_BODY_BYTES };
    },

    /** A Response; Set-Cookie never reaches the browser (the cookie jar keeps cookies). */
    makeResponse(status, names, values, body) {
      const headers = new Headers();
      // Headers takes no character past U+00FF (Chromium sends the others' UTF-8 on): such a header is
      // dropped with a warning rather than failing the whole response.
      names.forEach((name, i) => {
        if (/[^\x00-\xff]/.test(values[i])) console.warn(`[apps] header ${name} dropped: it has characters past U+00FF`);
        else headers.append(name, values[i]);
      });
      const nullBody = status === 204 || status === 205 || status === 304;
      return new Response(nullBody ? null : body, { status, headers });
    },

    /** The boot page, shown for an app page while its app boots. */
    async bootPage() {
      const cached = await cachedFetch(BOOT_PAGE);
      return new Response(cached.body, { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" } });
    },

    startBoot(host) {
      host.boot().catch(() => {}); // the boot page asks for the outcome through bootStatus
    },

    /** The bytes (Int8Array) of the app's public/ + path, or null. */
    async publicFile(host, path) {
      const bytes = await host.publicFile(path);
      return bytes && new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
    },

    /** {head, body: Int8Array}: one request through the app's Rack call. */
    async call(host, envJson, body) {
      const reply = await host.call(envJson, new Uint8Array(body.buffer, body.byteOffset, body.length));
      return { head: reply.head, body: new Int8Array(reply.body.buffer, reply.body.byteOffset, reply.body.length) };
    },

    /** Waits for the app's boot; a JSON answer {ok} or {ok: false, error}. */
    async bootStatus(name) {
      let result;
      try {
        const host = await registry.find(name);
        if (!host) throw new Error(`no app named ${name} is installed`);
        await host.boot();
        result = { ok: true, millis: Math.round(host.bootMillis), memoryBytes: host.memoryBytes, restored: host.restored,
          from: host.restoredFrom };
      } catch (error) {
        result = { ok: false, error: error.message || String(error) };
      }
      return new Response(JSON.stringify(result), { headers: { "Content-Type": "application/json" } });
    },

    /** The stored cookie jar of app, or null. */
    async loadCookies(app) {
      const cache = await caches.open(COOKIE_CACHE);
      const response = await cache.match(`/__rubyport/cookies/${app}`);
      return response ? response.text() : null;
    },

    async saveCookies(app, text) {
      const cache = await caches.open(COOKIE_CACHE);
      await cache.put(`/__rubyport/cookies/${app}`, new Response(text));
    },
  };
}
