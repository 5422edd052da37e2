// Downloads and compiles ruby+stdlib.wasm, reporting bytes received as it goes.

/**
 * Compiles the wasm at url while it downloads; onProgress(received, total, fromCache) is called as bytes
 * arrive. A copy the service worker cached is read straight from Cache Storage (fromCache true).
 */
export async function compileWithProgress(url, onProgress) {
  const cached = self.caches ? await caches.match(url).catch(() => undefined) : undefined;
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
