#!/usr/bin/env node
// Benchmark (not a test): page open → first Ruby output through /ruby.js on a later visit, with the service
// worker installed and the wasm from its cache, against the official loader's own second visit, in one
// Chromium session; medians.
//
//   node bench/offline-second-visit.mjs [--runs 5]      (after the site is built)
//
// Ours, per fresh browser profile: a first visit to a page with a Ruby tag (network), which restores the
// start-up snapshot the site ships (or, without one, stays open until the page has stored its own, as a
// visitor reads the page meanwhile); the playground installs the service worker; then the later visit is timed. The official loader is measured twice: as shipped, with
// its CDN request answered by a Playwright route (which turns the HTTP cache off), and with its CDN URL
// rewritten to this origin's wasm, so that its second visit gets the wasm from the HTTP cache (a 304
// revalidation) and V8's code cache, its best case. The headline compares ours with that best case. Ours
// and the official's best case each run in a fresh profile on disk (newProfile): Playwright's own contexts
// keep no 30 MB entry in their HTTP cache, so the official's second visit would download the wasm again.
// Every second or later visit comes 2 s after the previous page closed, as a returning visitor's would.
import process from "node:process";
import { BOOT_TIMEOUT_MS, BenchError, median, startComparison, waitForConsoleLine, waitForSnapshotStored } from "./lib.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const { origin, browser, newContext, newProfile, pages, cleanup } =
  await startComparison(process.env.CHROMIUM_PATH || "/usr/bin/chromium");

/** Opens the boot page of variant in context; returns {page, at}: ms from navigation start to "ready". */
async function boot(context, variant, label) {
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "warning") process.stderr.write(`  ${label}: ${m.text()}\n`); });
  const ready = waitForConsoleLine(page, (t) => t.trim() === "ready", BOOT_TIMEOUT_MS, label);
  await page.goto(`${origin}/fixtures/boot-${pages(variant)}.html`, { timeout: BOOT_TIMEOUT_MS });
  await ready;
  const restored = await page.evaluate(() => performance.getEntriesByName("rubyport:vm-restored").length > 0);
  if (!variant.startsWith("official") && !restored) process.stderr.write(`  ${label}: Ruby started without the snapshot\n`);
  if (process.env.BENCH_DEBUG) {
    process.stderr.write(`  ${label}: ${await page.evaluate(() => performance.getEntries()
      .filter((e) => e.entryType === "mark" || e.name.endsWith(".wasm"))
      .map((e) => `${e.name.split("/").pop()} ${e.startTime.toFixed(0)}${e.responseEnd ? `-${e.responseEnd.toFixed(0)}` : ""}`)
      .join(", "))}\n`);
  }
  return { page, restored, at: await page.evaluate(() => globalThis.__benchReadyAt) };
}

/** A later visit comes after a pause, not while the browser still winds down the first (the same for all). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2000));

try {
  const results = { first: [], later: [], officialFirst: [], officialSecond: [], directFirst: [], directSecond: [] };
  for (let i = 1; i <= runs; i++) {
    const context = await newProfile();
    const first = await boot(context, "ours-direct", `ours first visit ${i}`);
    if (!first.restored) await waitForSnapshotStored(first.page); // no shipped snapshot: the page makes one
    results.first.push(first.at);
    const installer = await context.newPage();
    await installer.goto(`${origin}/`);
    await installer.evaluate(() => navigator.serviceWorker.ready);
    await installer.close();
    await first.page.close();
    await settle();
    const later = await boot(context, "ours-direct", `ours later visit ${i}`);
    if (!(await later.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      throw new BenchError("the later visit was not served by the service worker");
    }
    results.later.push(later.at);
    await context.close();

    const official = await newContext("official");
    const cold = await boot(official, "official", `official first visit ${i}`);
    await cold.page.close();
    await settle();
    const second = await boot(official, "official", `official second visit ${i}`);
    results.officialFirst.push(cold.at);
    results.officialSecond.push(second.at);
    await official.close();

    const direct = await newProfile();
    const directCold = await boot(direct, "official-direct", `official (same origin) first visit ${i}`);
    await directCold.page.close();
    await settle();
    const directSecond = await boot(direct, "official-direct", `official (same origin) second visit ${i}`);
    results.directFirst.push(directCold.at);
    results.directSecond.push(directSecond.at);
    await direct.close();
    process.stderr.write(`run ${i}/${runs}: ours ${first.at.toFixed(0)} → ${later.at.toFixed(0)} ms, official ` +
      `${cold.at.toFixed(0)} → ${second.at.toFixed(0)} ms\n`);
  }
  const row = (label, values) => console.log(`${label.padEnd(44)} ${median(values).toFixed(0).padStart(6)} ms   ` +
    `[${values.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`offline second visit, ${new Date().toISOString()}, Chromium ${browser.version()}, medians of ${runs}`);
  row("ours, first visit (network)", results.first);
  row("ours, later visit (service worker, snapshot)", results.later);
  row("official, CDN URL routed: first visit", results.officialFirst);
  row("official, CDN URL routed: second visit", results.officialSecond);
  row("official, same-origin wasm: first visit", results.directFirst);
  row("official, same-origin wasm: second visit", results.directSecond);
  console.log(`ours later / official second (same origin, HTTP cache): ` +
    `${(median(results.later) / median(results.directSecond)).toFixed(2)}`);
  console.log(`ours later / official second (routed):                  ` +
    `${(median(results.later) / median(results.officialSecond)).toFixed(2)}`);
} finally {
  await cleanup();
}
