#!/usr/bin/env node
// Benchmark (not a test): Ruby workloads timed inside Ruby, ours (/ruby.js) against the official
// browser.script.iife.js (browser_wasi_shim inside) on the same local wasm, in one Chromium session.
//
//   node bench/workloads.mjs [--runs N] [--chromium PATH]      (after the site is built)
//
// - small-files (bench/pages/small-files.rb): write, read, stat, glob and delete 1,000 files of 100 bytes;
// - stdlib (bench/pages/stdlib.rb): require json, csv (when present), erb, set, time and fileutils, use them,
//   then FileUtils mkdir_p/cp_r/mv/rm_rf on a tree of 100 files.
// Each phase is timed with Process.clock_gettime inside Ruby, so boot is not included; a last row gives the time
// from page open to the workload's end, boot included (pages/done-hook.js). Prints medians and official/ours
// (how many times faster ours is). Ours restores Ruby's shipped start-up snapshot instead of booting, so the
// wasm code Ruby's boot would have had V8 compile is compiled during the workload instead.
import process from "node:process";
import { BenchError, BOOT_TIMEOUT_MS, median, startComparison, waitForConsoleLine } from "./lib.mjs";

const WORKLOADS = ["small-files", "stdlib"];

function parseArgs(argv) {
  const options = { runs: 5, chromium: process.env.CHROMIUM_PATH || "/usr/bin/chromium" };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--runs") options.runs = Number(argv[++i]);
    else if (argv[i] === "--chromium") options.chromium = argv[++i];
    else throw new BenchError(`unknown argument ${argv[i]} (use --runs N, --chromium PATH)`);
  }
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new BenchError("--runs needs a positive integer");
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { origin, browser, newContext, pages, cleanup } = await startComparison(options.chromium);
  try {
    /** One run of workload in variant: the numbers of its BENCH line. */
    async function runOnce(workload, variant) {
      const context = await newContext(variant);
      try {
        const page = await context.newPage();
        const label = `${workload} ${variant}`;
        const line = waitForConsoleLine(page, (t) => t.startsWith(`BENCH ${workload} `), 120_000, label);
        await page.goto(`${origin}/fixtures/workload-${pages(variant)}.html?w=${workload}`, { timeout: BOOT_TIMEOUT_MS });
        const fields = {};
        for (const [, key, value] of (await line).matchAll(/(\w+)=([0-9.]+)/g)) fields[key] = Number(value);
        fields.page_open_to_done = await page.evaluate(() => globalThis.__benchDoneAt);
        return fields;
      } finally {
        await context.close();
      }
    }

    console.log(`workloads, ${new Date().toISOString()}, Chromium ${browser.version()}, medians of ${options.runs}`);
    for (const workload of WORKLOADS) {
      const results = { ours: [], official: [] };
      for (let run = 1; run <= options.runs; run++) {
        for (const variant of ["ours", "official"]) { // alternating, so drift hits both alike
          results[variant].push(await runOnce(workload, variant));
        }
        process.stderr.write(`${workload} run ${run}/${options.runs}\n`);
      }
      console.log(`\n${workload}`);
      console.log(`  ${"phase".padEnd(12)} ${"ours ms".padStart(10)} ${"official ms".padStart(12)} ${"official/ours".padStart(14)}`);
      for (const key of Object.keys(results.ours[0]).filter((k) => k.endsWith("_ms"))) {
        const ours = median(results.ours.map((r) => r[key]));
        const official = median(results.official.map((r) => r[key]));
        console.log(`  ${key.replace("_ms", "").padEnd(12)} ${ours.toFixed(1).padStart(10)} ${official.toFixed(1).padStart(12)} ` +
          `${(official / ours).toFixed(2).padStart(14)}`);
      }
      const done = (variant) => median(results[variant].map((r) => r.page_open_to_done));
      console.log(`  ${"page open → done, boot included".padEnd(12)} ${done("ours").toFixed(1).padStart(10)} ` +
        `${done("official").toFixed(1).padStart(12)} ${(done("official") / done("ours")).toFixed(2).padStart(14)}`);
      if ("csv" in results.ours[0]) console.log(`  csv required: ${results.ours[0].csv ? "yes" : "no (not in the wasm)"}`);
    }
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(`workloads: ${error instanceof BenchError ? error.message : error.stack || error}`);
  process.exitCode = 1;
});
