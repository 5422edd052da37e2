// A booted Ruby VM's linear memory, kept in Cache Storage so that later visits skip Ruby's own start-up
// (about a second: ruby_init, RubyGems and the prelude loaded from the in-wasm file system). Restoring
// copies the memory into a fresh instance of the same module and skips _initialize and ruby_init. This
// is sound because between calls from JS the module's only mutable globals are back where they started
// (the stack pointer at its base, asyncify idle), the VM holds no JS references before `require "js"`,
// and a fresh JavaWasi has the same descriptors and files as the one the snapshot was taken with.
//
// Stored format: "RVS1", u32 total pages, u32 stored pages, one byte per page (1 = stored, 0 = zero),
// then the stored pages. About two thirds of a booted VM's 69 MiB are zero pages.

// Not under the "rubyport-" prefix, whose older caches the service worker deletes on activation: the
// snapshot of the visit that installed the worker must survive it. storeSnapshot cleans up instead.
const CACHE_NAME = "ruby-vm-snapshots";
/** Packed apps' VMs, snapshotted after their preloads (apps/app-host.js); one per app. */
export const APP_CACHE_NAME = "ruby-app-snapshots";
const PAGE = 65536;
const MAGIC = 0x31535652; // "RVS1", little-endian
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
  const words = new BigUint64Array(buffer);
  const totalPages = buffer.byteLength / PAGE;
  const stored = new Uint8Array(totalPages);
  const wordsPerPage = PAGE / 8;
  let count = 0;
  for (let page = 0; page < totalPages; page++) {
    const end = (page + 1) * wordsPerPage;
    for (let i = page * wordsPerPage; i < end; i++) {
      if (words[i] !== 0n) {
        stored[page] = 1;
        count++;
        break;
      }
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

/** Writes a snapshot into a fresh instance's memory; throws when the bytes are not a snapshot that fits. */
export function restoreSnapshot(memory, encoded) {
  const header = new DataView(encoded.buffer, encoded.byteOffset, encoded.byteLength);
  if (encoded.byteLength < 12 || header.getUint32(0, true) !== MAGIC) throw new Error("not a VM snapshot");
  const totalPages = header.getUint32(4, true);
  const count = header.getUint32(8, true);
  const stored = encoded.subarray(12, 12 + totalPages);
  if (encoded.byteLength !== 12 + totalPages + count * PAGE || stored.reduce((a, b) => a + b, 0) !== count) {
    throw new Error("damaged VM snapshot");
  }
  const current = memory.buffer.byteLength / PAGE;
  if (totalPages < current) throw new Error("VM snapshot smaller than a fresh instance");
  if (totalPages > current) memory.grow(totalPages - current);
  const target = new Uint8Array(memory.buffer);
  let at = 12 + totalPages;
  for (let page = 0; page < totalPages; page++) {
    if (stored[page]) {
      target.set(encoded.subarray(at, at + PAGE), page * PAGE);
      at += PAGE;
    } else {
      target.fill(0, page * PAGE, (page + 1) * PAGE); // a fresh instance's data segments live in some of these
    }
  }
}
