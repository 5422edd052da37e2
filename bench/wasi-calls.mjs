#!/usr/bin/env node
// Benchmark (not a test): the WASI runtimes alone, without Ruby: ours (the TeaVM runtime behind /wasi.js)
// against @bjorn3/browser_wasi_shim, each called the way a guest calls it, over a plain WebAssembly.Memory,
// in Node (V8, as in Chromium). Per round, on 1,000 files: create+write+close, stat, open+fdstat+filestat+
// read+close, stat of absent paths (ENOENT), unlink. The first round runs cold code, which is what a page's
// one-off workload meets; later rounds run warm. Each variant runs in its own process, so neither warms the
// other's code. Prints medians and theirs/ours (how many times faster ours is).
//
//   node bench/wasi-calls.mjs [--processes N] [--rounds N]      (after `mvn install`)
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { median } from "./lib.mjs";

const HERE = fileURLToPath(import.meta.url);
const ROOT = path.dirname(path.dirname(HERE));
const PHASES = ["create", "stat", "read", "absent", "unlink"];
const FILES = 1000;

/** One process's rounds for variant: [{phase: ms}] in round order. */
async function measure(variant, rounds) {
  const memory = new WebAssembly.Memory({ initial: 20 });
  const wasi = await makeWasi(variant, memory);
  const call = wasi.wasiImport;
  const bytes = new Uint8Array(memory.buffer);
  const view = new DataView(memory.buffer);
  const encoder = new TextEncoder();
  const PATH = 100, OPENED = 200, IOVEC = 4096, STAT = 300, DATA = 8192, RIGHTS = 0x1FFFFFFFn;
  const putPath = (text) => encoder.encodeInto(text, bytes.subarray(PATH, PATH + 4096)).written;
  const expect = (errno, what) => { if (errno !== 0) throw new Error(`${variant}: ${what} failed with errno ${errno}`); };
  const preopen = 3;
  expect(call.path_create_directory(preopen, PATH, putPath("bench")), "mkdir bench");
  bytes.fill(120, DATA, DATA + 100);
  const results = [];
  for (let round = 0; round < rounds; round++) {
    const dir = `bench/r${round}`;
    expect(call.path_create_directory(preopen, PATH, putPath(dir)), "mkdir");
    const names = Array.from({ length: FILES }, (_, i) => `${dir}/file${i}.txt`);
    const times = {};
    const time = (phase, body) => {
      const start = performance.now();
      for (const name of names) body(name);
      times[phase] = performance.now() - start;
    };
    const open = (name, oflags) => {
      expect(call.path_open(preopen, 1, PATH, putPath(name), oflags, RIGHTS, RIGHTS, 0, OPENED), `open ${name}`);
      return view.getUint32(OPENED, true);
    };
    time("create", (name) => {
      const fd = open(name, 9); // O_CREAT | O_TRUNC
      view.setUint32(IOVEC, DATA, true);
      view.setUint32(IOVEC + 4, 100, true);
      expect(call.fd_write(fd, IOVEC, 1, OPENED + 4), "write");
      expect(call.fd_close(fd), "close");
    });
    time("stat", (name) => expect(call.path_filestat_get(preopen, 1, PATH, putPath(name), STAT), "stat"));
    time("read", (name) => {
      const fd = open(name, 0);
      view.setUint32(IOVEC, DATA + 4096, true);
      view.setUint32(IOVEC + 4, 4096, true);
      expect(call.fd_fdstat_get(fd, STAT), "fdstat");
      expect(call.fd_filestat_get(fd, STAT), "filestat");
      expect(call.fd_read(fd, IOVEC, 1, OPENED + 4), "read");
      expect(call.fd_read(fd, IOVEC, 1, OPENED + 4), "read at the end");
      expect(call.fd_close(fd), "close");
    });
    time("absent", (name) => {
      if (call.path_filestat_get(preopen, 1, PATH, putPath(`${name}.missing`), STAT) === 0) throw new Error("absent file found");
    });
    time("unlink", (name) => expect(call.path_unlink_file(preopen, PATH, putPath(name)), "unlink"));
    results.push(times);
  }
  return results;
}

async function makeWasi(variant, memory) {
  const instance = { exports: { memory, _initialize() {} } };
  if (variant === "ours") {
    const { JavaWasi } = await import(path.join(ROOT, "playground/src/main/js/wasi.js"));
    const wasi = new JavaWasi({ args: ["bench"] });
    wasi.initialize(instance);
    return wasi;
  }
  const { WASI, File, OpenFile, ConsoleStdout, PreopenDirectory } = await import("@bjorn3/browser_wasi_shim");
  const fds = [new OpenFile(new File([])), ConsoleStdout.lineBuffered(() => {}), ConsoleStdout.lineBuffered(() => {}),
    new PreopenDirectory("/", new Map())];
  const wasi = new WASI(["bench"], [], fds, { debug: false });
  wasi.inst = instance;
  return wasi;
}

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  const value = at < 0 ? fallback : Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} needs a positive integer`);
  return value;
}

if (process.argv[2] === "--child") {
  process.stdout.write(JSON.stringify(await measure(process.argv[3], Number(process.argv[4]))));
} else {
  if (!existsSync(path.join(ROOT, "playground/target/javascript/runtime.js"))) {
    console.error("playground/target/javascript/runtime.js is missing: run `mvn -q install -DskipTests` first");
    process.exit(2);
  }
  const processes = option("--processes", 5);
  const rounds = option("--rounds", 6);
  const runs = { ours: [], theirs: [] };
  for (let p = 0; p < processes; p++) {
    for (const variant of ["ours", "theirs"]) { // alternating, so drift hits both alike
      runs[variant].push(JSON.parse(execFileSync(process.execPath, [HERE, "--child", variant, String(rounds)])));
    }
  }
  console.log(`WASI calls without Ruby, ${new Date().toISOString()}, Node ${process.version}, ${FILES} files, ` +
    `medians of ${processes} processes`);
  console.log(`  ${"phase".padEnd(8)} ${"cold: ours".padStart(11)} ${"theirs".padStart(8)} ${"ratio".padStart(6)}   ` +
    `${"warm: ours".padStart(11)} ${"theirs".padStart(8)} ${"ratio".padStart(6)}   (ms; ratio = theirs/ours)`);
  const cell = (variant, phase, pick) => median(runs[variant].flatMap((process) => pick(process).map((r) => r[phase])));
  const cold = (rounds) => rounds.slice(0, 1);
  const warm = (rounds) => rounds.slice(Math.min(3, rounds.length - 1));
  for (const phase of PHASES) {
    const row = [cold, warm].map((pick) => {
      const ours = cell("ours", phase, pick);
      const theirs = cell("theirs", phase, pick);
      return `${ours.toFixed(1).padStart(11)} ${theirs.toFixed(1).padStart(8)} ${(theirs / ours).toFixed(2).padStart(6)}`;
    });
    console.log(`  ${phase.padEnd(8)} ${row.join("   ")}`);
  }
}
