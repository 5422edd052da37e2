// The Sinatra demo served by the service worker: the first request (Ruby booting inside the worker, on
// a browser that already has the service worker and its caches) and warm requests for its form page.
//
//   node bench/app-requests.mjs [--runs 5] [--warm 30]      (after the site is built)
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT, startSite, launchChromium } from "../scripts/local-browser.mjs";
import { waitForSnapshotStored } from "./lib.mjs";

const arg = (name, fallback) => Number(process.argv[process.argv.indexOf(name) + 1]) || fallback;
const runs = arg("--runs", 5);
const warmRequests = arg("--warm", 30);
if (!existsSync(path.join(ROOT, "site/apps/index.json"))) {
  console.error("site/ is not built: run `mvn -q install -DskipTests && node scripts/build-site.mjs` first");
  process.exit(2);
}
const site = await startSite();
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const APP = "/apps/sinatra-demo/";

/** A page controlled by a freshly installed service worker (precache done), on /. */
async function controlledPage(context) {
  const page = await context.newPage();
  await page.goto(`${site.origin}/`);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  return page;
}

try {
  const boots = [];
  const insideWorker = [];
  const warm = [];
  const secondApp = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ serviceWorkers: "allow" });
    const page = await controlledPage(context);
    // First request: the worker boots Ruby and the app; the boot status answers when that is done.
    const first = await page.evaluate(async (app) => {
      const start = performance.now();
      const status = await (await fetch(`/__rubyport/boot/${app}`)).json();
      const response = await fetch(`/apps/${app}/`);
      await response.text();
      return { total: performance.now() - start, bootMillis: status.millis, ok: response.ok };
    }, "sinatra-demo");
    if (!first.ok) throw new Error("the Sinatra demo did not answer");
    boots.push(first.total);
    insideWorker.push(first.bootMillis);
    const times = await page.evaluate(async ({ app, n }) => {
      const out = [];
      for (let k = 0; k < n; k++) {
        const start = performance.now();
        await (await fetch(app)).text();
        out.push(performance.now() - start);
      }
      return out;
    }, { app: APP, n: warmRequests });
    warm.push(median(times.slice(3)));
    // A second app in the same worker starts from Ruby's start-up snapshot, which the first boot left once
    // the apps had two quiet seconds.
    await waitForSnapshotStored(page);
    secondApp.push(await page.evaluate(async () => {
      const start = performance.now();
      const status = await (await fetch("/__rubyport/boot/rack-echo")).json();
      if (!status.ok) throw new Error(status.error);
      if (!status.restored) throw new Error(`the second app did not start from the snapshot: ${JSON.stringify(status)}`);
      return performance.now() - start;
    }));
    await context.close();
  }
  console.log(`Sinatra demo in the service worker, medians of ${runs} fresh browser contexts`);
  console.log(`  first request (boot + request):  ${Math.round(median(boots))} ms`);
  console.log(`    of which the boot in the worker: ${Math.round(median(insideWorker))} ms`);
  console.log(`  boot of a second app (rack-echo) in that worker, from the start-up snapshot: ${Math.round(median(secondApp))} ms`);
  console.log(`  warm GET ${APP} (median of ${warmRequests - 3}): ${median(warm).toFixed(1)} ms`);
} finally {
  await browser.close();
  site.stop();
}
