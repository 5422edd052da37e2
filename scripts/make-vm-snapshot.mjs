// Makes the start-up snapshot the site ships beside ruby+stdlib.wasm (site build): a VM booted here, on our
// own WASI runtime, exactly as a page's spare VM boots, encoded against a fresh instance and gzipped, so
// that a first visit restores it instead of booting (see vm-snapshot.js). The boot is made deterministic:
// its entropy is seeded from the wasm's hash and its clocks stand still, so that the same wasm and runtime
// give the same bytes and the build's version does not change from one build to the next.
// Run with --no-incremental-marking (Node 20 and ruby.wasm).
//
//   node --no-incremental-marking scripts/make-vm-snapshot.mjs WASM OUT
import { readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { bootAgainstFresh } from "../playground/src/main/js/boot.js";
import { encodeAgainstFresh } from "../playground/src/main/js/vm-snapshot.js";
import { JavaWasi } from "../playground/src/main/js/wasi.js";

const [wasmPath, outPath] = process.argv.slice(2);
const wasm = await readFile(wasmPath);

// The bytes of SHA-256 chains seeded with the wasm's hash stand in for crypto.getRandomValues.
let seed = createHash("sha256").update(wasm).digest();
globalThis.crypto.getRandomValues = (array) => {
  const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
  for (let at = 0; at < bytes.length; at += seed.length) {
    seed = createHash("sha256").update(seed).digest();
    bytes.set(seed.subarray(0, Math.min(seed.length, bytes.length - at)), at);
  }
  return array;
};
const EPOCH_MS = Date.UTC(2025, 0, 1);
Object.defineProperty(performance, "timeOrigin", { value: EPOCH_MS });
performance.now = () => 0;
Date.now = () => EPOCH_MS;

const { fresh, booted } = await bootAgainstFresh(await WebAssembly.compile(wasm), JavaWasi);
const encoded = encodeAgainstFresh(fresh, booted);
const packed = gzipSync(encoded, { level: 9 });
await writeFile(outPath, packed);
console.log(`start-up snapshot: ${(encoded.length / 2 ** 20).toFixed(1)} MiB, ${(packed.length / 2 ** 20).toFixed(2)} MiB gzipped`);
