// Runs projects in dedicated workers. A booted spare waits in the background, so a run starts at once
// and every run gets a fresh VM; stopping a run terminates its worker.
import { createStdinBuffer, provideStdin, endStdin, STDIN_CAPACITY } from "./worker/stdin-channel.js";
import { createOutputBuffer, ringReader } from "./worker/output-channel.js";

/** How often the page takes the running worker's output from its ring. */
const DRAIN_MS = 20;
/**
 * The next spare starts booting when a run ends, waits for input, or has run this long: a spare booting
 * beside a run (a second of work) slowed file-heavy code by a third on a machine of two cores.
 */
const SPARE_AFTER_MS = 1000;

export class RubyRunner {
  /** Input sent to the current run that it has not taken yet: the shared buffer holds STDIN_CAPACITY at a time. */
  #pendingInput = new Uint8Array(0);

  /**
   * handlers: onOutput(stream, text), onStdinRequest(), onSpareReady(version); snapshot: the bytes of a
   * start-up snapshot each worker restores instead of booting (see loadShippedSnapshot), or null.
   */
  constructor(module, handlers, { snapshot = null } = {}) {
    this.module = module;
    this.snapshot = snapshot;
    this.handlers = handlers;
    this.stdinBuffer = createStdinBuffer();
    this.spare = null;
    this.current = null;
    this.warm();
  }

  /** Whether blocking stdin is available (the page is cross-origin isolated). */
  get interactiveStdin() {
    return this.stdinBuffer !== null;
  }

  /** Starts booting a spare VM unless one is already there. */
  warm() {
    if (this.spare) return;
    const worker = new Worker("ruby-worker.js", { type: "module" });
    const ready = new Promise((resolve, reject) => {
      worker.onmessage = ({ data }) => {
        if (data.type === "ready") {
          if (data.restored) performance.mark("rubyport:spare-restored"); // tests tell a restore from a boot by it
          resolve(data.version);
        }
        else if (data.type === "failed") reject(new Error(data.message));
      };
      worker.onerror = (event) => reject(new Error(event.message || "the Ruby worker failed to start"));
    });
    ready.then((version) => this.handlers.onSpareReady?.(version), () => {});
    const outputBuffer = createOutputBuffer(); // each worker its own, so a spare never mixes in
    worker.postMessage({ type: "boot", module: this.module, snapshot: this.snapshot, stdinBuffer: this.stdinBuffer,
      outputBuffer });
    const drain = outputBuffer ? ringReader(outputBuffer, (stream, text) => this.handlers.onOutput(stream, text)) : () => {};
    this.spare = { worker, ready, drain };
  }

  /** Runs files ({path: text}, entry main.rb); resolves to the report {status, result|message|code, file, line}. */
  async run(files) {
    this.warm();
    const slot = this.spare;
    this.spare = null;
    this.current = slot;
    const done = new Promise((resolve) => { slot.finish = resolve; });
    try {
      await slot.ready;
    } catch (e) {
      this.current = null;
      this.warm();
      return { status: "error", message: `Ruby could not start: ${e.message}` };
    }
    if (this.current !== slot) return done; // stopped while booting
    slot.spareTimer = setTimeout(() => this.warm(), SPARE_AFTER_MS);
    slot.timer = setInterval(slot.drain, DRAIN_MS);
    slot.worker.onmessage = ({ data }) => {
      slot.drain(); // what was written before this message comes first
      if (data.type === "output") this.handlers.onOutput(data.stream, data.text);
      else if (data.type === "stdin") this.#waitForInput();
      else if (data.type === "done") this.#finish(slot, data.report);
      else if (data.type === "failed") this.#finish(slot, { status: "error", message: data.message });
    };
    slot.worker.onerror = (event) => this.#finish(slot, { status: "error", message: event.message });
    slot.worker.postMessage({ type: "run", files });
    return done;
  }

  /** Ends the current run at once; its promise resolves to {status: "stopped"}. */
  stop() {
    if (this.current) this.#finish(this.current, { status: "stopped" });
  }

  /** The run waits for input: the rest of what was sent, or else the user, leaving the machine free for the next spare. */
  #waitForInput() {
    if (this.#pendingInput.length > 0) {
      this.#sendPendingInput();
      return;
    }
    this.warm();
    this.handlers.onStdinRequest();
  }

  #finish(slot, report) {
    slot.worker.terminate();
    clearInterval(slot.timer);
    clearTimeout(slot.spareTimer);
    slot.drain();
    if (this.current === slot) {
      this.current = null;
      this.#pendingInput = new Uint8Array(0); // input was the ended run's
    }
    slot.finish(report);
    this.warm();
  }

  /** Gives a line (or any text, however long) to the run waiting in gets. */
  provideInput(text) {
    this.#pendingInput = new TextEncoder().encode(text);
    this.#sendPendingInput();
  }

  #sendPendingInput() {
    const chunk = this.#pendingInput.subarray(0, STDIN_CAPACITY);
    this.#pendingInput = this.#pendingInput.subarray(chunk.length);
    provideStdin(this.stdinBuffer, chunk);
  }

  /** Ends standard input for the waiting run (Ctrl+D). */
  endInput() {
    endStdin(this.stdinBuffer);
  }
}
