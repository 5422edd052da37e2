// Output across threads without a message per write. The worker appends records to a ring in a
// SharedArrayBuffer and the page drains it on a timer. A message per `puts` flooded the page: a loop of
// them queued messages faster than the page could take them, and froze it. A full ring makes the worker
// wait for the page instead, so runaway output runs at the pace the page can show it.
// Layout: Int32 bytes written, Int32 bytes read (both counting up, wrapping at 2^32), then the ring of
// records: a byte naming the stream, three bytes of length, then the UTF-8 bytes.
const HEADER = 8;
const RECORD_HEADER = 4;
export const OUTPUT_CAPACITY = 1 << 20; // a power of two, so positions are counts masked
const MAX_RECORD = OUTPUT_CAPACITY / 4;
const STREAMS = ["stdout", "stderr"];
const WRITTEN = 0;
const READ = 1;

/** The shared buffer, or null when the page is not cross-origin isolated (no SharedArrayBuffer). */
export function createOutputBuffer() {
  return globalThis.crossOriginIsolated ? new SharedArrayBuffer(HEADER + OUTPUT_CAPACITY) : null;
}

/** Worker side: write(stream, text) puts text in the ring, waiting while the page has not made room. */
export function ringWriter(buffer) {
  const control = new Int32Array(buffer, 0, 2);
  const ring = new Uint8Array(buffer, HEADER);
  const encoder = new TextEncoder();
  const put = (at, bytes) => {
    const start = at & (OUTPUT_CAPACITY - 1);
    const first = Math.min(bytes.length, OUTPUT_CAPACITY - start);
    ring.set(bytes.subarray(0, first), start);
    ring.set(bytes.subarray(first), 0);
  };
  const record = (streamId, bytes) => {
    const size = RECORD_HEADER + bytes.length;
    const written = Atomics.load(control, WRITTEN);
    for (;;) {
      const read = Atomics.load(control, READ);
      if (OUTPUT_CAPACITY - ((written - read) >>> 0) >= size) break;
      Atomics.wait(control, READ, read, 100);
    }
    put(written, Uint8Array.of(streamId, bytes.length & 0xff, (bytes.length >> 8) & 0xff, bytes.length >> 16));
    put(written + RECORD_HEADER, bytes);
    Atomics.store(control, WRITTEN, (written + size) | 0);
  };
  return (stream, text) => {
    const bytes = encoder.encode(text);
    const streamId = STREAMS.indexOf(stream);
    // A long write goes in pieces; the page's decoders join a character cut between two.
    for (let at = 0; at < bytes.length; at += MAX_RECORD) record(streamId, bytes.subarray(at, at + MAX_RECORD));
  };
}

/** Page side: drain() passes what the worker wrote since the last call to onOutput(stream, text). */
export function ringReader(buffer, onOutput) {
  const control = new Int32Array(buffer, 0, 2);
  const ring = new Uint8Array(buffer, HEADER);
  const decoders = STREAMS.map(() => new TextDecoder());
  const take = (at, length) => {
    const start = at & (OUTPUT_CAPACITY - 1);
    const first = Math.min(length, OUTPUT_CAPACITY - start);
    const bytes = new Uint8Array(length);
    bytes.set(ring.subarray(start, start + first));
    bytes.set(ring.subarray(0, length - first), first);
    return bytes;
  };
  return function drain() {
    const written = Atomics.load(control, WRITTEN);
    let read = Atomics.load(control, READ);
    if (read === written) return;
    // Consecutive records of one stream reach onOutput as one text.
    let stream = -1;
    let parts = [];
    const pass = () => {
      if (parts.length) onOutput(STREAMS[stream], parts.join(""));
      parts = [];
    };
    while (read !== written) {
      const [id, b0, b1, b2] = take(read, RECORD_HEADER);
      const length = b0 | (b1 << 8) | (b2 << 16);
      if (id !== stream) {
        pass();
        stream = id;
      }
      parts.push(decoders[id].decode(take(read + RECORD_HEADER, length), { stream: true }));
      read = (read + RECORD_HEADER + length) | 0;
    }
    pass();
    Atomics.store(control, READ, read);
    Atomics.notify(control, READ);
  };
}
