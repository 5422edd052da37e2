// Shared by the benchmarks that compare ours with the official loader: the site served on a free port
// with bench/pages at /fixtures/, Chromium, the route that answers the official loader's CDN wasm request
// (and ours, alike) from the local wasm, console waiting, medians.
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { copyFile, mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import { createServer } from "node:net";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import path from "node:path";
import process from "node:process";

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.dirname(HERE);
export const SITE = path.join(ROOT, "site");
export const PAGES = path.join(HERE, "pages");
const OFFICIAL_PKG = path.join(ROOT, "node_modules", "@ruby", "3.4-wasm-wasi");
const OFFICIAL_LOADER = path.join(OFFICIAL_PKG, "dist", "browser.script.iife.js");
const OFFICIAL_COPY = path.join(PAGES, "browser.script.iife.tmp.js"); // the name the *-official.html pages load
// The official loader with its CDN URL replaced by this origin's wasm (boot-official-direct.html), so that
// its later visits can use the browser's HTTP cache as ours do: its best case here.
const OFFICIAL_DIRECT_COPY = path.join(PAGES, "browser.script.iife.direct.tmp.js");
const CDN_TEMPLATE = "https://cdn.jsdelivr.net/npm/${pkg.name}@${pkg.version}/dist/ruby+stdlib.wasm";
const CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];
export const BOOT_TIMEOUT_MS = 60_000;

/** An error whose message is the whole story (no stack trace printed). */
export class BenchError extends Error {}

export async function requireFile(file, hint) {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || info.size === 0) throw new BenchError(`${path.relative(ROOT, file) || file} is missing: ${hint}`);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Spawns scripts/serve.mjs (registering its shutdown in cleanups); resolves to its origin once it answers. */
async function startServer(port, cleanups) {
  const child = spawn(process.execPath, [path.join(ROOT, "scripts", "serve.mjs")], {
    env: { ...process.env, PORT: String(port), FIXTURES_DIR: PAGES, SITE_DIR: SITE },
    stdio: ["ignore", "pipe", "pipe"],
  });
  cleanups.push(() => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", resolve);
    child.kill();
  }));
  let output = "";
  child.stdout.on("data", (d) => { output += d; });
  child.stderr.on("data", (d) => { output += d; });
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new BenchError(`scripts/serve.mjs exited with ${child.exitCode}:\n${output}`);
    const ok = await fetch(`${origin}/fixtures/boot-ours.html`).then((r) => r.ok, () => false);
    if (ok) return origin;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new BenchError(`scripts/serve.mjs did not answer on ${origin} within 15 s:\n${output}`);
}

export const median = (values) => {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/**
 * Resolves to the text of the first console.log line passing test; rejects on a timeout, a page error, a crash or a
 * console.error (but for the 404 of the browser's own /favicon.ico request), so a broken run fails loudly.
 */
export function waitForConsoleLine(page, test, timeoutMs, label) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => done(new BenchError(`${label}: no such console output within ${timeoutMs / 1000} s`)),
      timeoutMs);
    const onConsole = (m) => {
      const url = m.location()?.url || "";
      if (m.type() === "log" && test(m.text())) done(null, m.text());
      else if (m.type() === "error" && !/\/favicon\.ico$/.test(url)) {
        done(new BenchError(`${label}: console.error: ${m.text()}${url ? ` (${url})` : ""}`));
      }
    };
    const onError = (e) => done(new BenchError(`${label}: page error: ${e.message}`));
    const onCrash = () => done(new BenchError(`${label}: the page crashed`));
    function done(error, text) {
      clearTimeout(timer);
      page.off("console", onConsole);
      page.off("pageerror", onError);
      page.off("crash", onCrash);
      if (error) reject(error); else resolve(text);
    }
    page.on("console", onConsole);
    page.on("pageerror", onError);
    page.on("crash", onCrash);
  });
}

/**
 * Serves the site, launches Chromium and prepares the variants: "ours" and "official" get the same wasm
 * bytes through the same Playwright route; "ours-direct" has no route. Returns {origin, browser,
 * officialPkg, wasm, routed, newContext(variant), newProfile(), pages(variant), cleanup}. newContext's
 * contexts are off-the-record, whose HTTP cache is in memory and too small to keep the 30 MB wasm;
 * newProfile() starts the same Chromium on a fresh profile of its own on disk, which keeps it (and V8's
 * code cache for it) as a returning visitor's browser does: close the context to end it.
 */
export async function startComparison(chromiumPath) {
  const buildHint = "run scripts/build-site.mjs first (mvn -q -B install -DskipTests && node scripts/build-site.mjs)";
  await requireFile(path.join(SITE, "ruby.js"), buildHint);
  await requireFile(path.join(SITE, "ruby+stdlib.wasm"), buildHint);
  await requireFile(OFFICIAL_LOADER, "run npm ci first");
  await requireFile(chromiumPath, "install Chromium (apt-get install chromium) or pass --chromium PATH");
  let chromium;
  try {
    ({ chromium } = createRequire(import.meta.url)("playwright-core"));
  } catch {
    throw new BenchError("playwright-core is missing: run npm ci first");
  }
  const officialPkg = JSON.parse(await readFile(path.join(OFFICIAL_PKG, "package.json"), "utf8"));
  const cdnWasmUrl = `https://cdn.jsdelivr.net/npm/${officialPkg.name}@${officialPkg.version}/dist/ruby+stdlib.wasm`;
  const wasm = await readFile(path.join(SITE, "ruby+stdlib.wasm"));
  // A validator, as jsDelivr and serve.mjs send one (ours names its start-up snapshot after it).
  const etag = `"${createHash("sha256").update(wasm).digest("hex").slice(0, 16)}"`;

  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await cleanups.pop()().catch(() => {});
  };
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.once(signal, () => cleanup().finally(() => process.exit(130)));
  }
  try {
    await copyFile(OFFICIAL_LOADER, OFFICIAL_COPY);
    cleanups.push(() => rm(OFFICIAL_COPY, { force: true }));
    const loader = await readFile(OFFICIAL_LOADER, "utf8");
    if (!loader.includes(CDN_TEMPLATE)) throw new BenchError("the official loader no longer fetches the wasm from the CDN URL this bench rewrites");
    await writeFile(OFFICIAL_DIRECT_COPY, loader.replace(CDN_TEMPLATE, "/ruby+stdlib.wasm"));
    cleanups.push(() => rm(OFFICIAL_DIRECT_COPY, { force: true }));
    const origin = await startServer(await freePort(), cleanups);
    const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
    cleanups.push(() => browser.close());

    const ourWasmUrl = `${origin}/ruby+stdlib.wasm`;
    const routed = { cdn: 0, ours: 0 };
    const serveWasm = (key) => (route) => {
      routed[key]++;
      return route.fulfill({
        status: 200,
        body: wasm,
        headers: {
          "Content-Type": "application/wasm",
          // The pages are cross-origin isolated (COEP require-corp) and the official loader fetches in cors mode.
          "Access-Control-Allow-Origin": "*",
          "Cross-Origin-Resource-Policy": "cross-origin",
          "Cache-Control": "public, max-age=31536000, immutable", // as jsDelivr sends it (moot: routing disables caching)
          ETag: etag,
        },
      });
    };
    const variants = {
      ours: { pages: "ours", route: ourWasmUrl, key: "ours" },
      official: { pages: "official", route: cdnWasmUrl, key: "cdn" },
      "ours-direct": { pages: "ours", route: null },
      "official-direct": { pages: "official-direct", route: null },
    };
    async function newContext(variant) {
      const context = await browser.newContext();
      const { route, key } = variants[variant];
      if (route) {
        await context.route(route, serveWasm(key));
        // Nothing else may leave the machine: a stray request fails the run instead of hanging it.
        await context.route((url) => !url.href.startsWith(`${origin}/`) && url.href !== route,
          (r) => r.abort("blockedbyclient"));
      }
      return context;
    }
    async function newProfile() {
      const dir = await mkdtemp(path.join(os.tmpdir(), "rubyport-bench-profile-"));
      cleanups.push(() => rm(dir, { recursive: true, force: true }));
      const context = await chromium.launchPersistentContext(dir, { executablePath: chromiumPath, headless: true,
        args: CHROMIUM_ARGS });
      cleanups.push(() => context.close());
      // No route here: one would turn the HTTP cache off. Only the direct pages, which ask nothing of the
      // network beyond this origin, belong in a profile.
      return context;
    }
    return { origin, browser, officialPkg, wasm, routed, newContext, newProfile, pages: (variant) => variants[variant].pages,
      cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

/**
 * Writes the two modules pages/workload-profile.html imports, each runtime in a file of its own under the same
 * RubyVM glue: rubyvm.tmp.js (@ruby/wasm-wasi's RubyVM) and shim.tmp.js (@bjorn3/browser_wasi_shim). Returns a
 * function that removes them.
 */
async function writeProfileModules() {
  const { build } = await import("esbuild");
  const files = [path.join(PAGES, "rubyvm.tmp.js"), path.join(PAGES, "shim.tmp.js")];
  const common = { bundle: true, format: "esm", target: "es2022", logLevel: "error", conditions: ["browser"] };
  await build({ ...common, stdin: { contents: 'export { RubyVM } from "@ruby/wasm-wasi/dist/vm";', resolveDir: ROOT },
    outfile: files[0] });
  await build({ ...common, stdin: { contents: 'export * from "@bjorn3/browser_wasi_shim";', resolveDir: ROOT },
    outfile: files[1] });
  return () => Promise.all(files.map((file) => rm(file, { force: true })));
}

/** The --workload argument of the profile benches: small-files (the default) or stdlib. */
export function workloadOption(argv = process.argv) {
  const workload = argv.includes("--workload") ? argv[argv.indexOf("--workload") + 1] : "small-files";
  if (!["small-files", "stdlib"].includes(workload)) throw new BenchError(`unknown workload ${workload} (small-files or stdlib)`);
  return workload;
}

/**
 * Serves the site with workload-profile.html's modules and calls measure(comparison, variant) runs times for
 * "ours" and "theirs" in turn; returns {version: Chromium's, results: {ours: [...], theirs: [...]}}, what
 * measure returned, once everything it started is stopped.
 */
export async function measureProfilePages(runs, measure) {
  const comparison = await startComparison(process.env.CHROMIUM_PATH || "/usr/bin/chromium");
  let removeModules = async () => {};
  try {
    removeModules = await writeProfileModules();
    const results = { ours: [], theirs: [] };
    for (let run = 0; run < runs; run++) {
      for (const variant of ["ours", "theirs"]) results[variant].push(await measure(comparison, variant));
      process.stderr.write(`run ${run + 1}/${runs}\n`);
    }
    return { version: comparison.browser.version(), results };
  } finally {
    await removeModules();
    await comparison.cleanup();
  }
}

/**
 * Opens pages/workload-profile.html?query in context and waits until its Ruby VM is ready; returns the
 * page. label names the run in errors.
 */
export async function openProfilePage(context, origin, query, label) {
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${origin}/fixtures/workload-profile.html?${query}`, { timeout: BOOT_TIMEOUT_MS });
  await page.waitForFunction(() => document.title === "ready", null, { timeout: BOOT_TIMEOUT_MS })
    .catch(() => { throw new BenchError(`${label}: the page did not get ready: ${errors.join("; ") || "no error"}`); });
  return page;
}

/**
 * Waits until the page's origin holds Ruby's start-up snapshot (ours only: the first visit leaves one for
 * later visits, encoding and storing it after its first output, while a visitor reads the page; the service
 * worker, once its apps have been quiet for two seconds).
 */
export async function waitForSnapshotStored(page, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  const stored = () => page.evaluate(async () => (await (await caches.open("ruby-vm-snapshots")).keys()).length);
  while (!(await stored())) {
    if (Date.now() > deadline) throw new BenchError(`no start-up snapshot was stored within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
