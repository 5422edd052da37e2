// A booted Ruby VM's linear memory, kept in Cache Storage so that later visits skip Ruby's own start-up
// (about a second: ruby_init, RubyGems and the prelude loaded from the in-wasm file system). Restoring
// copies the memory into a fresh instance of the same module and skips _initialize and ruby_init. This
// is sound because between calls from JS the module's only mutable globals are back where they started
// (the stack pointer at its base, asyncify idle), the VM holds no JS references before `require "js"`,
// and a fresh JavaWasi has the same descriptors and files as the one the snapshot was taken with.
//
// Stored format: "RVS1", u32 total pages, u32 stored pages, one byte per page (1 = stored, 0 = zero),
// then the stored pages. About two thirds of a booted VM's 69 MiB are zero pages.
//
// The site build ships one more (scripts/make-vm-snapshot.mjs), so that a first visit skips the boot too:
// "RVS2", the same plus u32 fresh pages and u32 fresh check after the counts, and a third page state,
// 2 = as in a fresh instance. Most of the stored pages of RVS1 are the wasm's data segments, which a
// fresh instance already holds, so RVS2 keeps 110 pages (6.9 MiB; 1.2 MiB gzipped) where RVS1 keeps 600.
// The check is a hash of the start of those kept pages: a snapshot made for another wasm is refused.

// Not under the "rubyport-" prefix, whose older caches the service worker deletes on activation: the
// snapshot of the visit that installed the worker must survive it. storeSnapshot cleans up instead.
const CACHE_NAME = "ruby-vm-snapshots";
/** Packed apps' VMs, snapshotted after their preloads (apps/app-host.js); one per app. */
export const APP_CACHE_NAME = "ruby-app-snapshots";
const PAGE = 65536;
const MAGIC = 0x31535652; // "RVS1", little-endian
const MAGIC_AGAINST_FRESH = 0x32535652; // "RVS2"
/** Page states: zero, stored in the snapshot, or (RVS2) kept as a fresh instance has it. */
const ZERO = 0;
const STORED = 1;
const KEPT = 2;
/** How much of each kept page the fresh check reads. */
const CHECKED_BYTES = 256;
/** Bump when what a fresh JavaWasi holds at start changes: old snapshots then stop matching. */
const LAYOUT_VERSION = 1;

const PREFIX = `/__rubyport/vm-snapshot/v${LAYOUT_VERSION}/`;

/** key is the wasm's source (URL and validator). */
function requestFor(key) {
  return new Request(`${self.location.origin}${PREFIX}${encodeURIComponent(key)}`);
}

/** The stored snapshot for key, or null (none, no Cache Storage here, or any error). */
export async function loadSnapshot(key, cacheName = CACHE_NAME) {
  try {
    if (!self.caches) return null;
    const cache = await caches.open(cacheName);
    const response = await cache.match(requestFor(key));
    return response ? new Uint8Array(await response.arrayBuffer()) : null;
  } catch {
    return null;
  }
}

/**
 * Stores a snapshot for later visits, dropping those whose keys start like key up to its first space
 * (other builds of the same wasm, or of the same app); a failure (a full quota) only means the next visit
 * boots normally.
 */
export async function storeSnapshot(key, copy, cacheName = CACHE_NAME) {
  try {
    if (!self.caches) return;
    const encoded = encode(copy);
    const cache = await caches.open(cacheName);
    const family = requestFor(key.split(" ")[0]).url;
    for (const request of await cache.keys()) {
      if (request.url !== requestFor(key).url && request.url.startsWith(family)) await cache.delete(request);
    }
    await cache.put(requestFor(key), new Response(encoded, { headers: { "Content-Type": "application/octet-stream" } }));
  } catch {
    // No snapshot, no harm.
  }
}

export async function deleteSnapshot(key, cacheName = CACHE_NAME) {
  try {
    await (await caches.open(cacheName)).delete(requestFor(key));
  } catch {
    // Nothing to clean.
  }
}

/** Copies memory now, before anything else runs in the VM; storeSnapshot encodes the copy. */
export function captureSnapshot(memory) {
  return memory.buffer.slice(0);
}

/** The stored form of a memory copy: the non-zero pages and where they go. */
function encode(buffer) {
  const totalPages = buffer.byteLength / PAGE;
  const stored = new Uint8Array(totalPages);
  let count = 0;
  for (let page = 0; page < totalPages; page++) {
    if (!isZero(new Uint8Array(buffer, page * PAGE, PAGE))) {
      stored[page] = STORED;
      count++;
    }
  }
  const headerBytes = 12 + totalPages;
  const out = new Uint8Array(headerBytes + count * PAGE);
  const header = new DataView(out.buffer);
  header.setUint32(0, MAGIC, true);
  header.setUint32(4, totalPages, true);
  header.setUint32(8, count, true);
  out.set(stored, 12);
  const source = new Uint8Array(buffer);
  let at = headerBytes;
  for (let page = 0; page < totalPages; page++) {
    if (stored[page]) {
      out.set(source.subarray(page * PAGE, (page + 1) * PAGE), at);
      at += PAGE;
    }
  }
  return out;
}

/**
 * The shipped form of a booted VM's memory (RVS2): booted against fresh, a copy of the same module's
 * memory in a fresh instance (after RubyVM.setInstance, where instantiateSnapshot restores).
 */
export function encodeAgainstFresh(fresh, booted) {
  const freshBytes = new Uint8Array(fresh);
  const bootedBytes = new Uint8Array(booted);
  const totalPages = booted.byteLength / PAGE;
  const freshPages = fresh.byteLength / PAGE;
  const states = new Uint8Array(totalPages);
  const storedPages = [];
  for (let page = 0; page < totalPages; page++) {
    const now = bootedBytes.subarray(page * PAGE, (page + 1) * PAGE);
    if (page < freshPages && sameBytes(now, freshBytes.subarray(page * PAGE, (page + 1) * PAGE))) states[page] = KEPT;
    else if (!isZero(now)) {
      states[page] = STORED;
      storedPages.push(now);
    }
  }
  const headerBytes = 20 + totalPages;
  const out = new Uint8Array(headerBytes + storedPages.length * PAGE);
  const header = new DataView(out.buffer);
  header.setUint32(0, MAGIC_AGAINST_FRESH, true);
  header.setUint32(4, totalPages, true);
  header.setUint32(8, storedPages.length, true);
  header.setUint32(12, freshPages, true);
  header.setUint32(16, freshCheck(freshBytes, states), true);
  out.set(states, 20);
  storedPages.forEach((bytes, i) => out.set(bytes, headerBytes + i * PAGE));
  return out;
}

/** Whether two pages hold the same bytes, compared a word at a time. */
function sameBytes(a, b) {
  const x = words(a);
  const y = words(b);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/** Whether a page holds only zero bytes, checked a word at a time. */
function isZero(page) {
  return words(page).every((word) => word === 0n);
}

const words = (page) => new BigUint64Array(page.buffer, page.byteOffset, page.length / 8);

/** FNV-1a over the first CHECKED_BYTES of each page kept from the fresh instance. */
function freshCheck(memoryBytes, states) {
  let hash = 0x811c9dc5;
  states.forEach((state, page) => {
    if (state !== KEPT) return;
    for (let i = page * PAGE, end = i + CHECKED_BYTES; i < end; i++) hash = Math.imul(hash ^ memoryBytes[i], 0x01000193);
  });
  return hash >>> 0;
}

/**
 * The snapshot the site build made for the wasm at wasmUrl (ruby+stdlib.vm-snapshot beside it, gzipped
 * RVS2), or null when there is none or it cannot be read.
 */
export async function loadShippedSnapshot(wasmUrl) {
  try {
    if (typeof DecompressionStream !== "function") return null;
    const response = await fetch(String(wasmUrl).replace(/\.wasm$/, ".vm-snapshot"));
    if (!response.ok) return null;
    const bytes = await new Response(response.body.pipeThrough(new DecompressionStream("gzip"))).arrayBuffer();
    return new Uint8Array(bytes);
  } catch {
    return null;
  }
}

/** Writes a snapshot into a fresh instance's memory; throws when the bytes are not a snapshot that fits. */
export function restoreSnapshot(memory, encoded) {
  const header = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  const magic = encoded.byteLength >= 12 ? header.getUint32(0, true) : 0;
  if (magic !== MAGIC && magic !== MAGIC_AGAINST_FRESH) throw new Error("not a VM snapshot");
  const headerBytes = magic === MAGIC ? 12 : 20;
  const totalPages = header.getUint32(4, true);
  const count = header.getUint32(8, true);
  const states = encoded.subarray(headerBytes, headerBytes + totalPages);
  if (encoded.byteLength !== headerBytes + totalPages + count * PAGE || states.filter((s) => s === STORED).length !== count) {
    throw new Error("damaged VM snapshot");
  }
  const current = memory.buffer.byteLength / PAGE;
  if (totalPages < current) throw new Error("VM snapshot smaller than a fresh instance");
  if (magic === MAGIC_AGAINST_FRESH && (header.getUint32(12, true) !== current ||
      header.getUint32(16, true) !== freshCheck(new Uint8Array(memory.buffer), states))) {
    throw new Error("VM snapshot made for another Ruby");
  }
  if (totalPages > current) memory.grow(totalPages - current);
  const target = new Uint8Array(memory.buffer);
  let at = headerBytes + totalPages;
  for (let page = 0; page < totalPages; page++) {
    if (states[page] === STORED) {
      target.set(encoded.subarray(at, at + PAGE), page * PAGE);
      at += PAGE;
    } else if (states[page] === ZERO && page < current) {
      target.fill(0, page * PAGE, (page + 1) * PAGE); // a fresh instance's data segments live in some of these
    }
  }
}
