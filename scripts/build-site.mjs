// Assembles the static site in site/: the esbuild bundles of the JS entries (which pull in the TeaVM
// runtime), the files of web/, ruby+stdlib.wasm from npm and the start-up snapshot made for it.
import { build } from "esbuild";
import { cp, mkdir, rm, copyFile, readdir, readFile, writeFile } from "node:fs/promises";
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import { writeFavicon, writeIcon } from "./icons.mjs";
import { packApps } from "./pack-apps.mjs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const site = path.join(root, "site");
const js = path.join(root, "playground/src/main/js");

await rm(site, { recursive: true, force: true });
await mkdir(site, { recursive: true });
await cp(path.join(root, "web"), site, { recursive: true });
await copyFile(path.join(root, "node_modules/@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm"),
  path.join(site, "ruby+stdlib.wasm"));
// Ruby's start-up snapshot for first visits (see scripts/make-vm-snapshot.mjs), made on the runtime mvn built.
execFileSync(process.execPath, ["--no-incremental-marking", path.join(root, "scripts/make-vm-snapshot.mjs"),
  path.join(site, "ruby+stdlib.wasm"), path.join(site, "ruby+stdlib.vm-snapshot")], { stdio: "inherit" });
// SQLite for the packed apps' databases (loaded by the service worker).
await copyFile(path.join(root, "node_modules/@sqlite.org/sqlite-wasm/dist/sqlite3.wasm"), path.join(site, "sqlite3.wasm"));

const common = { bundle: true, minify: true, sourcemap: true, target: "es2022", logLevel: "warning",
  conditions: ["browser"], legalComments: "linked", loader: { ".rb": "text" } };
// Pages see its classes (globalThis.rubyVM, the RbError rubyVM.eval throws): their names stay readable.
await build({ ...common, entryPoints: [path.join(js, "ruby-loader.js")], outfile: path.join(site, "ruby.js"),
  format: "iife", keepNames: true });
await build({ ...common, entryPoints: [path.join(js, "playground-page.js")],
  outfile: path.join(site, "playground.js"), format: "esm" });
await build({ ...common, entryPoints: [path.join(js, "worker/ruby-worker.js")],
  outfile: path.join(site, "ruby-worker.js"), format: "esm" });
await build({ ...common, entryPoints: [path.join(js, "wasi-module.js")], outfile: path.join(site, "wasi.js"),
  format: "esm" });
// sqlite-wasm asks import.meta.url for its files, which a classic worker has not: the worker's own URL
// stands in (the wasm itself is passed to it from the cache, see apps/sqlite-host.js).
await build({ ...common, entryPoints: [path.join(js, "sw-entry.js")], outfile: path.join(site, "sw.js"),
  format: "iife", define: { "import.meta.url": "self.location.href" } });
await writeIcon(path.join(site, "icon-192.png"), 192);
await writeIcon(path.join(site, "icon-512.png"), 512);
await writeFavicon(path.join(site, "favicon.ico"));
await packApps(root, site);

// The build version names the service worker's cache: a hash of everything served, so that any change
// makes returning visitors' browsers install the new build.
const hash = createHash("sha256");
for (const file of (await readdir(site, { recursive: true })).sort()) {
  const full = path.join(site, file);
  if (!file.endsWith(".map") && statSync(full).isFile()) hash.update(file).update(await readFile(full));
}
await writeFile(path.join(site, "version.json"), JSON.stringify({ version: hash.digest("hex").slice(0, 16) }));
console.log(`site assembled in ${path.relative(process.cwd(), site) || "."}`);
