// Blocking stdin across threads: the worker parks on Atomics.wait until the page writes a line (or EOF)
// into a SharedArrayBuffer. Layout: Int32 state (0 waiting, 1 data, 2 end of input), Int32 length, bytes.
const WAITING = 0;
const DATA = 1;
const END = 2;
const HEADER = 8;
export const STDIN_CAPACITY = 64 * 1024;

/** The shared buffer, or null when the page is not cross-origin isolated (no SharedArrayBuffer). */
export function createStdinBuffer() {
  return globalThis.crossOriginIsolated ? new SharedArrayBuffer(HEADER + STDIN_CAPACITY) : null;
}

/** Worker side: a stdin(max) function that asks the page for input and blocks until it arrives. */
export function blockingStdin(buffer, askForInput) {
  const control = new Int32Array(buffer, 0, 2);
  const data = new Uint8Array(buffer, HEADER);
  let pending = new Uint8Array(0);
  return (max) => {
    if (pending.length === 0) {
      askForInput();
      Atomics.wait(control, 0, WAITING);
      const state = Atomics.load(control, 0);
      pending = state === DATA ? data.slice(0, Atomics.load(control, 1)) : new Uint8Array(0);
      Atomics.store(control, 0, WAITING);
      // End of input is reported once; a later read asks again, as a terminal does after Ctrl+D.
      if (state === END) return null;
    }
    const chunk = pending.subarray(0, max);
    pending = pending.subarray(chunk.length);
    return chunk;
  };
}

/** Page side: hands bytes to the waiting worker; more than STDIN_CAPACITY must go over several exchanges. */
export function provideStdin(buffer, bytes) {
  if (bytes.length > STDIN_CAPACITY) throw new RangeError(`stdin takes at most ${STDIN_CAPACITY} bytes at a time`);
  const control = new Int32Array(buffer, 0, 2);
  new Uint8Array(buffer, HEADER).set(bytes);
  Atomics.store(control, 1, bytes.length);
  Atomics.store(control, 0, DATA);
  Atomics.notify(control, 0);
}

/** Page side: tells the waiting worker that input has ended. */
export function endStdin(buffer) {
  const control = new Int32Array(buffer, 0, 2);
  Atomics.store(control, 0, END);
  Atomics.notify(control, 0);
}
