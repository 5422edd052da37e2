// The Rails demo (apps/rails-tasks) in the service worker against the same app on native Ruby: the
// first boot (Ruby, Rails, migrations and seeds, with the boot page's progress), a later boot once the
// browser has stopped the worker (from the app's snapshot), and the warm median of
// GET / (the projects index: two queries, a layout, URL and number helpers). Native is Debian's ruby with
// the same Rails sources, ruby-sqlite3 and WEBrick on 127.0.0.1. Both are timed by fetch() from a page of
// their origin in the same Chromium (ours answered by the service worker, which costs the browser ~6 ms a
// request even for a constant response). Prints medians and the ratios.
//
//   node bench/rails-app.mjs [--runs 3] [--warm 50]      (after the site is built; installs Debian's
//                                                         ruby, ruby-sqlite3 and ruby-webrick if missing)
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ROOT, startSite, launchChromium } from "../scripts/local-browser.mjs";
import { packageDirectory } from "../scripts/pack-apps.mjs";

const arg = (name, fallback) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const runs = arg("--runs", 3);
const warmRequests = arg("--warm", 50);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const APP = "/apps/rails-tasks/";

if (!existsSync(path.join(ROOT, "site/apps/rails-tasks.rpk"))) {
  console.error("site/ is not built: run `mvn -q install -DskipTests && node scripts/build-site.mjs` first");
  process.exit(2);
}

/** Debian's ruby with ruby-sqlite3 and ruby-webrick, installed when missing. */
function ensureNativeRuby() {
  const missing = ["ruby", "ruby-sqlite3", "ruby-webrick"].filter((pkg) => {
    try {
      execFileSync("dpkg", ["-s", pkg], { stdio: "ignore" });
      return false;
    } catch {
      return true;
    }
  });
  if (!missing.length) return;
  console.log(`installing ${missing.join(", ")} from Debian for the native comparison`);
  const [command, ...args] = process.getuid() === 0 ? ["apt-get"] : ["sudo", "apt-get"];
  execFileSync(command, [...args, "install", "-y", "-qq", ...missing],
    { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
}

/** The load path the bundle gives the app, pointing at the same unpacked Debian gems (no wasm stand-ins). */
function nativeLoadPath() {
  const config = JSON.parse(readFileSync(path.join(ROOT, "apps/apps.json"), "utf8"));
  const app = config.apps.find((a) => a.name === "rails-tasks");
  const dirs = [];
  for (const name of app.gems) {
    const gem = config.gems[name];
    // The wasm-only pieces: the compatibility layer, racc (native Ruby has it), zone files (native has them).
    if (gem.path || !gem.lib || gem.package === "libruby3.1") continue;
    dirs.push(path.join(packageDirectory(ROOT, gem), gem.lib));
  }
  return dirs;
}

/** Boots the app on native Ruby; resolves to {bootMillis, origin, stop}. */
async function startNative() {
  const copy = mkdtempSync(path.join(tmpdir(), "rails-native-"));
  cpSync(path.join(ROOT, "apps/rails-tasks"), copy, { recursive: true });
  const port = 20000 + Math.floor(Math.random() * 20000);
  const started = performance.now();
  const child = spawn("ruby", [path.join(ROOT, "bench/rails-native.rb"), copy, String(port), ...nativeLoadPath()],
    { stdio: ["ignore", "pipe", "inherit"] });
  const stop = () => {
    child.kill();
    rmSync(copy, { recursive: true, force: true });
  };
  await new Promise((resolve, reject) => {
    child.on("exit", (code) => reject(new Error(`native Rails exited with ${code}`)));
    child.stdout.on("data", (data) => String(data).includes("booted") && resolve());
  }).catch((error) => {
    stop();
    throw error;
  });
  const origin = `http://127.0.0.1:${port}`;
  const first = await fetch(`${origin}/`);
  await first.text();
  if (!first.ok) {
    stop();
    throw new Error(`native Rails answered GET / with ${first.status}`);
  }
  return { bootMillis: performance.now() - started, origin, stop };
}

/** The median time of n fetch(url) from Node (no browser in between), after three to warm up. */
async function warmMedianFromNode(url, n) {
  const times = [];
  for (let k = 0; k < n; k++) {
    const start = performance.now();
    await (await fetch(url)).text();
    times.push(performance.now() - start);
  }
  return median(times.slice(3));
}

/** The median time of n fetch(url) from page, after three to warm up. */
function warmMedian(page, url, n) {
  return page.evaluate(async ({ url, n }) => {
    const times = [];
    for (let k = 0; k < n; k++) {
      const start = performance.now();
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
      await response.text();
      times.push(performance.now() - start);
    }
    return times.slice(3).sort((a, b) => a - b)[Math.floor((n - 3) / 2)];
  }, { url, n });
}

/** A page of a fresh context controlled by the installed service worker. */
async function controlledPage(browser, origin) {
  const context = await browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  return { context, page };
}

ensureNativeRuby();
const site = await startSite();
const browser = await launchChromium();
try {
  const ours = { boot: [], inWorker: [], warm: [], bootMemory: [], memory: [], reboot: [], rebootFrom: [] };
  for (let i = 0; i < runs; i++) {
    const { context, page } = await controlledPage(browser, site.origin);
    // The boot page, as a visitor sees it: navigation to the heading of the app's own page.
    const start = Date.now();
    await page.goto(`${site.origin}${APP}`);
    await page.locator("h1", { hasText: "Projects" }).waitFor({ timeout: 180_000 });
    ours.boot.push(Date.now() - start);
    const status = await page.evaluate(async () => (await fetch("/__rubyport/boot/rails-tasks")).json());
    ours.inWorker.push(status.millis);
    ours.bootMemory.push(status.memoryBytes);
    ours.warm.push(await warmMedian(page, APP, warmRequests));
    ours.memory.push((await page.evaluate(async () => (await fetch("/__rubyport/boot/rails-tasks")).json())).memoryBytes);
    // The browser stops an idle worker; the next visit boots from the app's snapshot (left by the first).
    await page.waitForTimeout(3000); // the snapshot is stored after the first boot, in the background
    const cdp = await context.newCDPSession(page);
    await cdp.send("ServiceWorker.enable");
    await cdp.send("ServiceWorker.stopAllWorkers");
    const again = Date.now();
    await page.goto(`${site.origin}${APP}`);
    await page.locator("h1", { hasText: "Projects" }).waitFor({ timeout: 180_000 });
    ours.reboot.push(Date.now() - again);
    ours.rebootFrom.push((await page.evaluate(async () => (await fetch("/__rubyport/boot/rails-tasks")).json())).from);
    await context.close();
  }
  const native = { boot: [], warm: [], fromNode: [] };
  for (let i = 0; i < runs; i++) {
    const server = await startNative();
    const context = await browser.newContext();
    try {
      native.boot.push(server.bootMillis);
      // From a page of its own origin, like ours: both pay the browser's network stack.
      const page = await context.newPage();
      await page.goto(`${server.origin}/`);
      native.warm.push(await warmMedian(page, "/", warmRequests));
      native.fromNode.push(await warmMedianFromNode(`${server.origin}/`, warmRequests));
    } finally {
      await context.close();
      server.stop();
    }
  }
  const rubyVersion = execFileSync("ruby", ["-e", "print RUBY_VERSION"]).toString();
  console.log(`Rails demo (apps/rails-tasks), medians of ${runs} runs, ${warmRequests - 3} warm requests each`);
  console.log(`  first boot, page open → the app's page (service worker, Ruby 3.4 wasm): ${median(ours.boot)} ms`);
  const growth = median(ours.memory.map((bytes, i) => (bytes - ours.bootMemory[i]) / warmRequests));
  console.log(`    of which the boot in the worker: ${Math.round(median(ours.inWorker))} ms; wasm memory ` +
    `${(median(ours.bootMemory) / 2 ** 20).toFixed(0)} MiB after boot, growing ${(growth / 1024).toFixed(0)} KiB a warm request`);
  console.log(`  later boot, after the browser stopped the worker (from: ${ours.rebootFrom.join(", ")}): ${median(ours.reboot)} ms`);
  console.log(`  first boot, native Ruby ${rubyVersion} + WEBrick (process start → first response): ${Math.round(median(native.boot))} ms`);
  console.log(`  boot ratio ours/native: ${(median(ours.boot) / median(native.boot)).toFixed(2)}`);
  console.log(`  warm GET / : ours ${median(ours.warm).toFixed(1)} ms, native ${median(native.warm).toFixed(1)} ms, ` +
    `ratio ${(median(ours.warm) / median(native.warm)).toFixed(2)} (goal ≤ 3)`);
  console.log(`    native timed from Node instead (no browser network stack): ${median(native.fromNode).toFixed(1)} ms, ` +
    `ratio ${(median(ours.warm) / median(native.fromNode)).toFixed(2)}`);
} finally {
  await browser.close();
  site.stop();
}
