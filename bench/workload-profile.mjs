#!/usr/bin/env node
// Benchmark (not a test): where a workload's time goes in Chromium (small-files, or stdlib with --workload
// stdlib), with the WASI runtime in a module of its own: ours (/wasi.js) or @bjorn3/browser_wasi_shim, under
// the same RubyVM glue. A CPU profile of each run splits the time into the runtime's JavaScript and the rest
// (ruby+stdlib.wasm, the engine, the glue). The runtime's share bounds what any WASI runtime could gain on this workload: with a
// runtime that cost nothing, ours would take (1 - share) of its time. Profiling slows everything, so the
// milliseconds here are larger than workloads.mjs's; the shares are what to read.
//
//   node bench/workload-profile.mjs [--runs N] [--workload small-files|stdlib]      (after the site is built)
import process from "node:process";
import { measureProfilePages, median, openProfilePage, workloadOption } from "./lib.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
const workload = workloadOption();
const RUNTIME_FILE = { ours: "wasi.js", theirs: "shim.tmp.js" };

/** The profiled run of variant in a fresh context: {total, runtime} in ms. */
async function profileOnce({ newContext, origin }, variant) {
  const context = await newContext("ours-direct");
  try {
    const page = await openProfilePage(context, origin, `v=${variant}&w=${workload}`, variant);
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

const { version, results } = await measureProfilePages(runs, profileOnce);
console.log(`${workload} under the CPU profiler, ${new Date().toISOString()}, Chromium ${version}, medians of ${runs}`);
for (const [variant, label] of [["ours", "ours (/wasi.js)"], ["theirs", "browser_wasi_shim"]]) {
  const total = median(results[variant].map((r) => r.total));
  const runtime = median(results[variant].map((r) => r.runtime));
  const share = median(results[variant].map((r) => r.runtime / r.total));
  console.log(`  ${label.padEnd(18)} profiled ${total.toFixed(0).padStart(5)} ms, in the runtime ${runtime.toFixed(0).padStart(4)} ms: ` +
    `share ${share.toFixed(2)}; a free runtime would leave ${(1 - share).toFixed(2)} of the time`);
}
