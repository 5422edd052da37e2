// /wasi.js as a developer uses it on a page, with a C program of conformance/c (built by the JVM tests):
// what the host-side calls accept and say, stdin and output callbacks, and when a runtime is freed.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const stdinCopy = [...readFileSync(path.join(root, "wasi-shim/target/conformance/stdin_copy.wasm"))];

test.beforeEach(async ({ page }) => {
  await page.goto("/fixtures/wasi/index.html");
  // runCopy(options): runs stdin_copy.wasm under a JavaWasi made with options; {exitCode, stdout, stderr}
  // or {thrown} when start() threw.
  await page.evaluate(async (wasm) => {
    const { JavaWasi } = await import("/wasi.js");
    const module = await WebAssembly.compile(new Uint8Array(wasm));
    window.JavaWasi = JavaWasi;
    window.runCopy = async (options) => {
      const out = { stdout: "", stderr: "" };
      const wasi = new JavaWasi({ stdout: (t) => { out.stdout += t; }, stderr: (t) => { out.stderr += t; }, ...options });
      const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
      try {
        out.exitCode = wasi.start(instance);
      } catch (e) {
        out.thrown = `${e.name}: ${e.message}`;
      }
      return out;
    };
    window.stdinCopyModule = module;
  }, stdinCopy);
});

test("writeFile takes strings, ArrayBuffers and any typed array; anything else, and relative paths, are refused", async ({ page }) => {
  const result = await page.evaluate(() => {
    const wasi = new window.JavaWasi({});
    const bytes = (path) => Array.from(wasi.readFile(path));
    const refused = (fn) => { try { fn(); return "accepted"; } catch (e) { return `${e.name}: ${e.message}`; } };
    wasi.writeFile("/buffer", new TextEncoder().encode("hello").buffer);
    wasi.writeFile("/wide", new Uint16Array([0x4241, 0x4443]));
    wasi.writeFile("/view", new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 1, 2));
    wasi.writeFile("/text", "é");
    return {
      buffer: bytes("/buffer"), wide: bytes("/wide"), view: bytes("/view"), text: bytes("/text"),
      number: refused(() => wasi.writeFile("/n", 42)),
      relative: refused(() => wasi.writeFile("rel.txt", "x")),
      directory: refused(() => wasi.writeFile("/tmp", "x")),
      missing: refused(() => wasi.makeReadOnly("/nope")),
    };
  });
  expect(result.buffer).toEqual([104, 101, 108, 108, 111]);
  expect(result.wide).toEqual([0x41, 0x42, 0x43, 0x44]);
  expect(result.view).toEqual([2, 3]);
  expect(result.text).toEqual([0xc3, 0xa9]);
  expect(result.number).toBe("TypeError: writeFile's data must be a string, an ArrayBuffer or a typed array, not number");
  expect(result.relative).toBe("TypeError: a JavaWasi path must be absolute: rel.txt");
  expect(result.directory).toBe("Error: cannot write /tmp: EISDIR: it is a directory");
  expect(result.missing).toBe("Error: cannot make read-only /nope: ENOENT: no such file or directory");
});

test("stdin: what the callback gives beyond what the guest asked for is kept for its next reads; strings work", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const input = Array.from({ length: 300 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const once = (value) => { let given = false; return () => (given ? null : (given = true, value)); };
    const asked = [];
    const givenOnce = once(new TextEncoder().encode(input));
    const whole = await window.runCopy({ stdin: (max) => { asked.push(max); return givenOnce(); } });
    const text = await window.runCopy({ stdin: once("naïve\n") });
    return { input, whole, text, calls: asked.length };
  });
  expect(result.input.length).toBeGreaterThan(2500);
  // The whole input was given at once, to a guest reading 100 bytes at a time: once more for the end.
  expect(result.calls).toBe(2);
  expect(result.whole.stdout).toBe(`${result.input}eof\n`);
  expect(result.whole.exitCode).toBe(0);
  expect(result.text.stdout).toBe("naïve\neof\n");
});

test("with outputBytes, stdout gets each write's bytes exactly, including bytes that are not UTF-8", async ({ page }) => {
  const result = await page.evaluate(async () => {
    // Every byte value, twice over: 512 bytes the program copies in writes of at most 100.
    const input = Uint8Array.from({ length: 512 }, (_, i) => i % 256);
    const chunks = [];
    const once = () => { let given = false; return () => (given ? null : (given = true, input)); };
    const bytes = await window.runCopy({ stdin: once(), outputBytes: true, stdout: (b) => chunks.push(b) });
    const text = await window.runCopy({ stdin: once() });
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (joined.set(c, at), at + c.length), 0);
    return {
      exitCode: bytes.exitCode, allUint8: chunks.every((c) => c instanceof Uint8Array), writes: chunks.length,
      same: Array.from(joined).join() === [...input, ...new TextEncoder().encode("eof\n")].join(),
      textHasReplacement: text.stdout.includes("\ufffd"),
    };
  });
  expect(result.exitCode).toBe(0);
  expect(result.allUint8).toBe(true);
  expect(result.same).toBe(true);
  expect(result.writes).toBeGreaterThanOrEqual(6); // 100-byte reads, each written at once, then "eof\n"
  expect(result.textHasReplacement).toBe(true); // what text output makes of them, for contrast
});

test("a callback that throws is logged, the guest's call fails with EIO, and start() throws it afterwards", async ({ page }) => {
  const errors = [];
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  const result = await page.evaluate(async () => ({
    stdin: await window.runCopy({ stdin: () => { throw new Error("no input here"); } }),
    stdout: await window.runCopy({ stdin: () => "x\n", stdout: () => { throw new Error("no output here"); } }),
    promise: await window.runCopy({ stdin: async () => "x\n" }),
  }));
  expect(result.stdin.stderr).toBe("read failed: EIO\n");
  expect(result.stdin.thrown).toBe("Error: the stdin callback threw: no input here");
  expect(result.stdout.stderr).toBe("write failed: EIO\n");
  expect(result.stdout.thrown).toBe("Error: the stdout callback threw: no output here");
  expect(result.promise.thrown).toBe("Error: the stdin callback threw: stdin returned a Promise; it must return bytes, a string or null");
  expect(errors.filter((e) => e.startsWith("JavaWasi: the stdin callback threw"))).toHaveLength(2);
  expect(errors.filter((e) => e.startsWith("JavaWasi: the stdout callback threw"))).toHaveLength(1);
});

test("options the runtime could not use are refused with a TypeError saying what is expected", async ({ page }) => {
  const result = await page.evaluate(() => {
    const refused = (options) => { try { new window.JavaWasi(options); return "accepted"; } catch (e) { return `${e.name}: ${e.message}`; } };
    return [refused({ env: ["A=1"] }), refused({ env: { A: undefined } }), refused({ args: ["x", null] }),
      refused({ stdout: "console" }), refused({ env: { A: 1 }, args: ["prog"] })];
  });
  expect(result).toEqual([
    'TypeError: JavaWasi env is an object of names to values, such as {HOME: "/"}',
    "TypeError: JavaWasi env.A has no value",
    "TypeError: JavaWasi args must be an array of strings",
    "TypeError: JavaWasi stdout must be a function",
    "accepted",
  ]);
});

test("a module run without start or attach, or after dispose, gets an error that says what to do", async ({ page }) => {
  const result = await page.evaluate(async () => {
    const attempt = async (prepare) => {
      const wasi = new window.JavaWasi({});
      const instance = await WebAssembly.instantiate(window.stdinCopyModule, { wasi_snapshot_preview1: wasi.wasiImport });
      prepare(wasi, instance);
      try { instance.exports._start(); return "ran"; } catch (e) { return e.message; }
    };
    const disposed = new window.JavaWasi({});
    disposed.dispose();
    let readAfter;
    try { disposed.readFile("/tmp"); } catch (e) { readAfter = e.message; }
    return {
      unattached: await attempt(() => {}),
      afterDispose: await attempt((wasi, instance) => { wasi.attach(instance); wasi.dispose(); }),
      readAfter,
    };
  });
  expect(result.unattached).toContain("run it with start(instance) or initialize(instance), or call attach(instance) first");
  expect(result.afterDispose).toContain("the module called a JavaWasi that was disposed");
  expect(result.readAfter).toBe("this JavaWasi was disposed");
});

test("a JavaWasi nothing can reach any more is freed, its files with it, unless its module still is", async ({ page, context }) => {
  const cdp = await context.newCDPSession(page);
  await page.evaluate(async () => {
    // The runtime's own exports, called with each JavaWasi's handle: fd_close of a descriptor that was
    // never open answers EBADF (8) while the Java side is there, and throws once it has been freed.
    window.handles = [];
    const keep = [];
    for (let i = 0; i < 4; i++) {
      const wasi = new window.JavaWasi({});
      wasi.writeFile("/big", new Uint8Array(20 << 20).fill(1));
      const instance = await WebAssembly.instantiate(window.stdinCopyModule, { wasi_snapshot_preview1: wasi.wasiImport });
      wasi.attach(instance);
      window.runtime = wasi.runtime;
      window.handles.push(wasi.handle);
      if (i === 3) keep.push(instance); // the last one's instance stays reachable, and must keep its runtime
    }
    window.kept = keep;
  });
  for (let i = 0; i < 3; i++) {
    await cdp.send("HeapProfiler.collectGarbage");
    await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50))); // finalizers run after
  }
  const states = await page.evaluate(() => window.handles.map((h) => {
    try { return window.runtime.fdClose(h, 99); } catch (e) { return e.message.includes("disposed") ? "freed" : e.message; }
  }));
  expect(states).toEqual(["freed", "freed", "freed", 8]);
});
