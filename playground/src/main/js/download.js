// Downloads and compiles ruby+stdlib.wasm, reporting bytes received as it goes.

/**
 * The copy of url the service worker cached, or undefined: read straight from Cache Storage, which spares
 * waking the worker and streaming the file through it. A page no service worker controls does not look:
 * opening Cache Storage costs a fresh browser profile tens of milliseconds before the download may start,
 * and such a page has no offline copy to use (its own visit is online).
 */
export async function offlineCopy(url) {
  if (!self.caches || (self.document && !navigator.serviceWorker?.controller)) return undefined;
  return caches.match(url).catch(() => undefined);
}

/**
 * Compiles the wasm at url while it downloads; onProgress(received, total, fromCache) is called as bytes
 * arrive. fromCache: the bytes are the service worker's copy (offlineCopy).
 */
export async function compileWithProgress(url, onProgress) {
  const cached = await offlineCopy(url);
  const response = cached || await fetch(url);
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status} for ${url}`);
  const total = Number(response.headers.get("content-length")) || 0;
  let received = 0;
  const counter = new TransformStream({
    transform(chunk, controller) {
      received += chunk.byteLength;
      onProgress(received, total, Boolean(cached));
      controller.enqueue(chunk);
    },
  });
  const counted = new Response(response.body.pipeThrough(counter), {
    headers: { "content-type": "application/wasm" },
  });
  const module = await WebAssembly.compileStreaming(counted);
  onProgress(total || received, total || received, Boolean(cached));
  return module;
}
