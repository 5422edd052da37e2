// Raw DEFLATE through the browser's own CompressionStream/DecompressionStream (no bundled inflater).

/** Reads a byte stream to one Uint8Array; throws RangeError past maxBytes (a guard against zip bombs). */
async function collect(stream, maxBytes = Infinity) {
  const reader = stream.getReader();
  const chunks = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw new RangeError(`more than ${maxBytes} bytes after unpacking`);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

/** bytes compressed with raw DEFLATE (no zlib or gzip header), as zip and share links use. */
export function deflateRaw(bytes) {
  return collect(new Blob([bytes]).stream().pipeThrough(new CompressionStream("deflate-raw")));
}

/** The bytes that deflateRaw produced; rejects (TypeError) on damaged or truncated input. */
export function inflateRaw(bytes, maxBytes = Infinity) {
  return collect(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")), maxBytes);
}
