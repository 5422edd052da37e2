#!/usr/bin/env node
// Benchmark (not a test): where the small-files workload's time goes in Chromium, with the WASI runtime in
// a module of its own: ours (/wasi.js) or @bjorn3/browser_wasi_shim, under the same RubyVM glue. A CPU
// profile of each run splits the time into the runtime's JavaScript and the rest (ruby+stdlib.wasm, the
// engine, the glue). The runtime's share bounds what any WASI runtime could gain on this workload: with a
// runtime that cost nothing, ours would take (1 - share) of its time. Profiling slows everything, so the
// milliseconds here are larger than workloads.mjs's; the shares are what to read.
//
//   node bench/workload-profile.mjs [--runs N]      (after the site is built)
import { build } from "esbuild";
import { rm } from "node:fs/promises";
import path from "node:path";
import process from "node:process";
import { BOOT_TIMEOUT_MS, BenchError, PAGES, ROOT, median, startComparison } from "./lib.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const RUNTIME_FILE = { ours: "wasi.js", theirs: "shim.tmp.js" };
const generated = [path.join(PAGES, "rubyvm.tmp.js"), path.join(PAGES, "shim.tmp.js")];

/** The profiled run of variant in a fresh context: {total, runtime} in ms. */
async function profileOnce(newContext, origin, variant) {
  const context = await newContext("ours-direct");
  try {
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${origin}/fixtures/workload-profile.html?v=${variant}`, { timeout: BOOT_TIMEOUT_MS });
    await page.waitForFunction(() => document.title === "ready", null, { timeout: BOOT_TIMEOUT_MS })
      .catch(() => { throw new BenchError(`${variant}: the page did not get ready: ${errors.join("; ") || "no error"}`); });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
    await cdp.send("Profiler.start");
    await page.evaluate(() => window.runWorkload());
    const { profile } = await cdp.send("Profiler.stop");
    const spent = new Map();
    profile.samples.forEach((id, i) => spent.set(id, (spent.get(id) || 0) + (profile.timeDeltas[i] || 0)));
    let total = 0;
    let runtime = 0;
    for (const node of profile.nodes) {
      const us = spent.get(node.id) || 0;
      total += us;
      if (node.callFrame.url.endsWith(`/${RUNTIME_FILE[variant]}`)) runtime += us;
    }
    return { total: total / 1000, runtime: runtime / 1000 };
  } finally {
    await context.close();
  }
}

const comparison = await startComparison(process.env.CHROMIUM_PATH || "/usr/bin/chromium");
try {
  const common = { bundle: true, format: "esm", target: "es2022", logLevel: "error", conditions: ["browser"] };
  await build({ ...common, stdin: { contents: 'export { RubyVM } from "@ruby/wasm-wasi/dist/vm";', resolveDir: ROOT },
    outfile: generated[0] });
  await build({ ...common, stdin: { contents: 'export * from "@bjorn3/browser_wasi_shim";', resolveDir: ROOT },
    outfile: generated[1] });
  const results = { ours: [], theirs: [] };
  for (let run = 0; run < runs; run++) {
    for (const variant of ["ours", "theirs"]) results[variant].push(await profileOnce(comparison.newContext, comparison.origin, variant));
    process.stderr.write(`run ${run + 1}/${runs}\n`);
  }
  console.log(`small-files under the CPU profiler, ${new Date().toISOString()}, Chromium ${comparison.browser.version()}, medians of ${runs}`);
  for (const [variant, label] of [["ours", "ours (/wasi.js)"], ["theirs", "browser_wasi_shim"]]) {
    const total = median(results[variant].map((r) => r.total));
    const runtime = median(results[variant].map((r) => r.runtime));
    const share = median(results[variant].map((r) => r.runtime / r.total));
    console.log(`  ${label.padEnd(18)} profiled ${total.toFixed(0).padStart(5)} ms, in the runtime ${runtime.toFixed(0).padStart(4)} ms: ` +
      `share ${share.toFixed(2)}; a free runtime would leave ${(1 - share).toFixed(2)} of the time`);
  }
} finally {
  await Promise.all(generated.map((file) => rm(file, { force: true })));
  await comparison.cleanup();
}
