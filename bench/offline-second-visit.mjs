#!/usr/bin/env node
// Benchmark (not a test): page open → first Ruby output through /ruby.js on a later visit, with the service
// worker installed and the wasm from its cache, against the official loader's own second visit, in one
// Chromium session; medians.
//
//   node bench/offline-second-visit.mjs [--runs 5]      (after the site is built)
//
// Ours, per fresh browser context: a first visit to a page with a Ruby tag (network), which stays open
// until Ruby's start-up snapshot is stored (a visitor reads the page meanwhile); the playground installs the
// service worker; then the later visit is timed. The official loader gets its wasm through a Playwright
// route (its CDN request cannot be answered otherwise), which turns the HTTP cache off, so its second
// visit compiles from a download again: the best it can do here.
import process from "node:process";
import { BOOT_TIMEOUT_MS, BenchError, median, startComparison, waitForConsoleLine } from "./lib.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const { origin, browser, newContext, pages, cleanup } =
  await startComparison(process.env.CHROMIUM_PATH || "/usr/bin/chromium");

/** Opens the boot page of variant in context; returns {page, at}: ms from navigation start to "ready". */
async function boot(context, variant, label) {
  const page = await context.newPage();
  page.on("console", (m) => { if (m.type() === "warning") process.stderr.write(`  ${label}: ${m.text()}\n`); });
  const ready = waitForConsoleLine(page, (t) => t.trim() === "ready", BOOT_TIMEOUT_MS, label);
  await page.goto(`${origin}/fixtures/boot-${pages(variant)}.html`, { timeout: BOOT_TIMEOUT_MS });
  await ready;
  const restored = await page.evaluate(() => performance.getEntriesByName("rubyport:vm-restored").length > 0);
  if (variant !== "official" && !restored) process.stderr.write(`  ${label}: Ruby started without the snapshot\n`);
  if (process.env.BENCH_DEBUG) {
    process.stderr.write(`  ${label}: ${await page.evaluate(() => performance.getEntries()
      .filter((e) => e.entryType === "mark" || e.name.endsWith(".wasm"))
      .map((e) => `${e.name.split("/").pop()} ${e.startTime.toFixed(0)}${e.responseEnd ? `-${e.responseEnd.toFixed(0)}` : ""}`)
      .join(", "))}\n`);
  }
  return { page, at: await page.evaluate(() => globalThis.__benchReadyAt) };
}

try {
  const results = { first: [], later: [], officialFirst: [], officialSecond: [] };
  for (let i = 1; i <= runs; i++) {
    const context = await newContext("ours-direct");
    const first = await boot(context, "ours-direct", `ours first visit ${i}`);
    const stored = () => first.page.evaluate(async () => (await (await caches.open("ruby-vm-snapshots")).keys()).length);
    for (let wait = 0; !(await stored()); wait++) {
      if (wait > 300) throw new BenchError("the first visit stored no start-up snapshot within 30 s");
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    results.first.push(first.at);
    const installer = await context.newPage();
    await installer.goto(`${origin}/`);
    await installer.evaluate(() => navigator.serviceWorker.ready);
    await installer.close();
    await first.page.close();
    const later = await boot(context, "ours-direct", `ours later visit ${i}`);
    if (!(await later.page.evaluate(() => !!navigator.serviceWorker.controller))) {
      throw new BenchError("the later visit was not served by the service worker");
    }
    results.later.push(later.at);
    await context.close();

    const official = await newContext("official");
    const cold = await boot(official, "official", `official first visit ${i}`);
    await cold.page.close();
    const second = await boot(official, "official", `official second visit ${i}`);
    results.officialFirst.push(cold.at);
    results.officialSecond.push(second.at);
    await official.close();
    process.stderr.write(`run ${i}/${runs}: ours ${first.at.toFixed(0)} → ${later.at.toFixed(0)} ms, official ` +
      `${cold.at.toFixed(0)} → ${second.at.toFixed(0)} ms\n`);
  }
  const row = (label, values) => console.log(`${label.padEnd(44)} ${median(values).toFixed(0).padStart(6)} ms   ` +
    `[${values.map((x) => x.toFixed(0)).join(", ")}]`);
  console.log(`offline second visit, ${new Date().toISOString()}, Chromium ${browser.version()}, medians of ${runs}`);
  row("ours, first visit (network)", results.first);
  row("ours, later visit (service worker, snapshot)", results.later);
  row("official, first visit", results.officialFirst);
  row("official, second visit", results.officialSecond);
  console.log(`ours later / official second:                ${(median(results.later) / median(results.officialSecond)).toFixed(2)}`);
} finally {
  await cleanup();
}
