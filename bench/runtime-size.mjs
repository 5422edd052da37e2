#!/usr/bin/env node
// Benchmark (not a test): the WASI shim's JavaScript, minified and gzipped (level 9), ours against
// @bjorn3/browser_wasi_shim (what the official loader embeds). Both are bundled by esbuild with
// minification from their ES module entries, so the same tool measures both. Ours is /wasi.js, what pages
// load; the service worker's build, which also mounts app bundles (a feature the shim has no counterpart
// of), is printed below it.
//
//   node bench/runtime-size.mjs      (after `mvn install`, which builds playground/target/javascript/runtime.js)
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const OURS = path.join(ROOT, "playground/src/main/js/wasi-module.js");
const THEIRS = path.join(ROOT, "node_modules/@bjorn3/browser_wasi_shim/dist/index.js");

if (!existsSync(path.join(ROOT, "playground/target/javascript/runtime.js"))) {
  console.error("playground/target/javascript/runtime.js is missing: run `mvn -q install -DskipTests` first");
  process.exit(2);
}

async function size(entry) {
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: "esm", target: "es2022",
    write: false, logLevel: "error", legalComments: "none" });
  const code = result.outputFiles[0].contents;
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length };
}

const ours = await size(OURS);
const apps = await size(path.join(ROOT, "playground/src/main/js/app-wasi.js"));
const theirs = await size(THEIRS);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log("WASI shim JavaScript, esbuild --minify, gzip -9");
console.log(`  ours (/wasi.js: TeaVM runtime.js)   ${kb(ours.minified).padStart(10)} minified, ${kb(ours.gzipped).padStart(9)} gzipped`);
console.log(`  @bjorn3/browser_wasi_shim          ${kb(theirs.minified).padStart(10)} minified, ${kb(theirs.gzipped).padStart(9)} gzipped`);
console.log(`  ours/theirs, gzipped: ${(ours.gzipped / theirs.gzipped).toFixed(2)}`);
console.log(`  (the service worker's app-runtime.js, with app bundles: ${kb(apps.minified)} minified, ${kb(apps.gzipped)} gzipped)`);
