// Page open → first Ruby output through /ruby.js, first visit (empty browser) against later visits with
// the service worker installed (wasm from its cache), in one Chromium session; medians.
//
//   node bench/offline-second-visit.mjs [--runs 5]      (after the site is built)
// Not a comparison with the official loader: its CDN request can only be answered by a Playwright route,
// which turns caching off (see boot-and-bigfile.mjs).
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT, startSite, launchChromium } from "../scripts/local-browser.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
if (!existsSync(path.join(ROOT, "site/sw.js"))) {
  console.error("site/ is not built: run `mvn -q install -DskipTests && node scripts/build-site.mjs` first");
  process.exit(2);
}
const site = await startSite(path.join(ROOT, "bench/pages"));
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const { origin } = site;

/** Opens the boot page; returns ms from navigation start to the "ready" line. */
async function boot(context) {
  const page = await context.newPage();
  await page.goto(`${origin}/fixtures/boot-ours.html`);
  await page.waitForFunction(() => globalThis.__benchReadyAt !== undefined, null, { timeout: 120_000 });
  const at = await page.evaluate(() => globalThis.__benchReadyAt);
  await page.close();
  return at;
}

try {
  const first = [];
  const later = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "allow" });
    first.push(await boot(context));
    const installer = await context.newPage();
    await installer.goto(`${origin}/`);
    await installer.evaluate(() => navigator.serviceWorker.ready);
    await installer.close();
    later.push(await boot(context));
    await context.close();
  }
  console.log(`offline second visit, ${new Date().toISOString()}, Chromium ${browser.version()}, medians of ${runs}`);
  console.log(`first visit (network):            ${median(first).toFixed(0)} ms   [${first.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`later visit (service worker):     ${median(later).toFixed(0)} ms   [${later.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`ratio later/first:                ${(median(later) / median(first)).toFixed(2)}`);
} finally {
  await browser.close();
  site.stop();
}
