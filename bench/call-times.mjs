#!/usr/bin/env node
// Benchmark (not a test): each WASI function's calls and time in a workload, ours (/wasi.js) against
// @bjorn3/browser_wasi_shim under the same RubyVM glue in Chromium, on the workload's first run in a fresh page
// (what workloads.mjs times) and on a later run in the same page, once V8 has optimised Ruby's wasm and the
// runtime's JavaScript. Each call is timed with performance.now() around it (5 µs steps in a cross-origin
// isolated page), which adds its own cost alike to both; a garbage collection lands in whichever call set it
// off, so a function's few calls can carry a millisecond of it. The totals are what to read, next to the
// whole run's time.
//
//   node bench/call-times.mjs [--workload small-files|stdlib] [--rounds 5] [--runs 3]      (after the site is built)
import process from "node:process";
import { BenchError, measureProfilePages, median, openProfilePage, workloadOption } from "./lib.mjs";

const option = (name, fallback) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : fallback);
const workload = workloadOption();
const rounds = Number(option("--rounds", 5));
const runs = Number(option("--runs", 3));
if (!(rounds >= 2 && runs >= 1)) throw new BenchError("--rounds needs 2 or more, --runs 1 or more");

/** The workload run rounds times in one fresh page of variant: [{ms, calls}] per round. */
async function roundsInPage({ newContext, origin }, variant) {
  const context = await newContext("ours-direct");
  try {
    const page = await openProfilePage(context, origin, `v=${variant}&w=${workload}&calls`, variant);
    const results = [];
    for (let round = 0; round < rounds; round++) results.push(await page.evaluate(() => window.runWorkload()));
    return results;
  } finally {
    await context.close();
  }
}

const { version, results: pages } = await measureProfilePages(runs, roundsInPage);
const inWasi = (calls) => Object.values(calls).reduce((sum, entry) => sum + entry.ms, 0);
/** Median over the pages of variant of what pick takes from the round's result. */
const at = (variant, round, pick) => median(pages[variant].map((rounds) => pick(rounds[round])));
const names = [...new Set(Object.values(pages).flat(2).flatMap((r) => Object.keys(r.calls)))]
  .sort((a, b) => at("ours", 0, (r) => r.calls[b]?.ms ?? 0) - at("ours", 0, (r) => r.calls[a]?.ms ?? 0));
const last = rounds - 1;
const ms = (x) => x.toFixed(x < 1 ? 2 : 1).padStart(9);
const row = (label, calls, pick) => console.log(`  ${label.padEnd(22)}${calls.padStart(7)}` +
  `${ms(at("ours", 0, pick))}${ms(at("theirs", 0, pick))}     ${ms(at("ours", last, pick))}${ms(at("theirs", last, pick))}`);

console.log(`${workload}: WASI calls timed one by one, ${new Date().toISOString()}, Chromium ${version}, ` +
  `medians of ${runs} pages each`);
console.log(`  ${"".padEnd(29)}first run in the page     run ${rounds} in the same page`);
console.log(`  ${"function".padEnd(22)}${"calls".padStart(7)}${"ours ms".padStart(9)}${"shim ms".padStart(9)}     ` +
  `${"ours ms".padStart(9)}${"shim ms".padStart(9)}`);
for (const name of names) row(name, String(at("ours", 0, (r) => r.calls[name]?.count ?? 0)), (r) => r.calls[name]?.ms ?? 0);
row("all WASI calls", "", (r) => inWasi(r.calls));
row("the whole run", "", (r) => r.ms);
row("share in WASI", "", (r) => inWasi(r.calls) / r.ms);
