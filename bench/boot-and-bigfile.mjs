#!/usr/bin/env node
// Benchmark (not a test): our /ruby.js against ruby.wasm's official browser.script.iife.js, in one Chromium session.
//
//   node bench/boot-and-bigfile.mjs [--runs N] [--official-bigfile-runs N] [--only boot|bigfile] [--no-direct]
//                                   [--chromium PATH]
//
// Needs a built site/ (mvn -q -B install -DskipTests && node scripts/build-site.mjs) and npm ci. It starts
// scripts/serve.mjs on a free 127.0.0.1 port with FIXTURES_DIR=bench/pages, copies the official loader next to the
// fixture pages for the run (bench/pages/browser.script.iife.tmp.js: git-ignored by *.tmp.*, removed at exit), launches
// Chromium once, and answers the official loader's request for
// https://cdn.jsdelivr.net/npm/@ruby/3.4-wasm-wasi@<version>/dist/ruby+stdlib.wasm with a Playwright route from the
// local site/ruby+stdlib.wasm, so both runtimes compile the same bytes and nothing leaves the machine.
//
// Measured (medians; ratio = ours/official, below 1 means ours is faster):
// 1. boot: navigation start -> first Ruby output, a tag doing `puts "ready"`: performance.now() in the page when
//    console.log receives "ready" (pages/boot-hook.js). "cold" is a fresh browser context per run, "2nd visit" a new
//    page in that same context right after.
// 2. bigfile: 16 MiB written to /tmp/big in 4 KiB chunks, read back in 4 KiB chunks, size checked (pages/bigfile.rb),
//    timed inside Ruby with Process.clock_gettime(Process::CLOCK_MONOTONIC). The official runtime needs over 20 s for
//    the writes, so it gets fewer runs by default (--official-bigfile-runs) and a 120 s timeout.
//
// Ours restores Ruby's start-up snapshot that the site build ships (site/ruby+stdlib.vm-snapshot), on a cold
// visit too. Where that was not possible it stores one of its own after a page's first output; each boot page
// then stays open until it is stored (a visitor reads the page meanwhile), so that ours' 2nd visit restores it.
//
// How the wasm is delivered, and why the 2nd visit is not an HTTP-cache hit:
// - A Playwright route turns Chromium's HTTP cache off for its whole context (Network.setCacheDisabled; "Enabling
//   routing disables http cache" in Playwright's docs) and sends the 30 MB body over the DevTools protocol, which costs
//   a few hundred ms. The CDN request can only be served that way, so, to compare like with like, our own
//   /ruby+stdlib.wasm goes through the very same route handler (same buffer, same headers) in the headline rows.
// - Both are also measured with no route at all ("direct": wasm over HTTP from serve.mjs, HTTP cache on; the
//   official loader's CDN URL rewritten to this origin's wasm, pages/boot-official-direct.html). These rows leave the
//   route's few hundred ms out. Even so a 2nd visit downloads the wasm again: Playwright's contexts are
//   off-the-record, with an in-memory HTTP cache too small to keep a 30 MB entry. --no-direct skips these runs.
// The variants take turns in each run, in an order that rotates from run to run, so that drift (heat, other
// load) and the order itself hit them alike.
import process from "node:process";
import { BenchError, BOOT_TIMEOUT_MS, median, startComparison, waitForConsoleLine, waitForSnapshotStored } from "./lib.mjs";

const BIGFILE_TIMEOUT_MS = 120_000;
const BIGFILE_BYTES = 16 * 1024 * 1024;

const USAGE = `Usage: node bench/boot-and-bigfile.mjs [options]
  --runs N                   runs per measurement (default 5)
  --official-bigfile-runs N  runs of the 16 MiB file test for the official runtime (default 3; it takes 20+ s each)
  --only boot|bigfile        run one of the two measurements
  --no-direct                skip the boots without a route
  --chromium PATH            browser binary (default $CHROMIUM_PATH or /usr/bin/chromium)
The comment at the top of bench/boot-and-bigfile.mjs says what is measured and how.`;

function parseArgs(argv) {
  const options = { runs: 5, officialBigfileRuns: 3, only: null, direct: true,
    chromium: process.env.CHROMIUM_PATH || "/usr/bin/chromium" };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new BenchError(`${arg} needs a value (try --help)`);
      return argv[++i];
    };
    const count = () => {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 1) throw new BenchError(`${arg} needs a positive integer`);
      return n;
    };
    switch (arg) {
      case "--runs": options.runs = count(); break;
      case "--official-bigfile-runs": options.officialBigfileRuns = count(); break;
      case "--only":
        options.only = value();
        if (options.only !== "boot" && options.only !== "bigfile") throw new BenchError("--only takes boot or bigfile");
        break;
      case "--no-direct": options.direct = false; break;
      case "--chromium": options.chromium = value(); break;
      case "-h": case "--help": console.log(USAGE); process.exit(0); break;
      default: throw new BenchError(`unknown argument ${arg} (try --help)`);
    }
  }
  return options;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const { origin, browser, officialPkg, wasm, routed, newContext, pages, cleanup } =
    await startComparison(options.chromium);
  const variants = { ours: {}, official: {}, "ours-direct": {}, "official-direct": {} };

  try {
    async function bootOnce(context, variant, label) {
      const page = await context.newPage();
      try {
        const ready = waitForConsoleLine(page, (t) => t.trim() === "ready", BOOT_TIMEOUT_MS, label);
        await page.goto(`${origin}/fixtures/boot-${pages(variant)}.html`, { timeout: BOOT_TIMEOUT_MS });
        await ready;
        const at = await page.evaluate(() => globalThis.__benchReadyAt);
        if (typeof at !== "number") throw new BenchError(`${label}: "ready" reached Playwright but not the page's hook`);
        // Ours restores the snapshot the site ships; where it did not, it leaves one of its own for later
        // visits once the page has shown its output.
        const restored = await page.evaluate(() => performance.getEntriesByName("rubyport:vm-restored").length > 0);
        if (!variant.startsWith("official") && !restored) await waitForSnapshotStored(page);
        return at;
      } finally {
        await page.close();
      }
    }

    async function bigfileOnce(variant, label) {
      const context = await newContext(variant);
      try {
        const page = await context.newPage();
        const line = waitForConsoleLine(page, (t) => t.startsWith("BENCH bigfile"), BIGFILE_TIMEOUT_MS, label);
        await page.goto(`${origin}/fixtures/bigfile-${pages(variant)}.html`, { timeout: BOOT_TIMEOUT_MS });
        const text = await line;
        const field = (name) => Number(new RegExp(`\\b${name}=([0-9.]+)`).exec(text)?.[1]);
        if (field("size") !== BIGFILE_BYTES) throw new BenchError(`${label}: unexpected output ${text}`);
        return { write: field("write_ms"), read: field("read_ms"), total: field("total_ms") };
      } finally {
        await context.close();
      }
    }

    const progress = (text) => process.stderr.write(`${text}\n`);
    const results = {};
    for (const v of Object.keys(variants)) results[v] = { cold: [], warm: [], bigfile: [] };

    // Boot. The variants take turns within each run, starting one later each run.
    const bootVariants = options.direct ? ["ours", "official", "ours-direct", "official-direct"] : ["ours", "official"];
    const bootRuns = options.only === "bigfile" ? 0 : options.runs;
    for (let run = 1; run <= bootRuns; run++) {
      const turn = (run - 1) % bootVariants.length;
      for (const variant of [...bootVariants.slice(turn), ...bootVariants.slice(0, turn)]) {
        const context = await newContext(variant);
        try {
          const cold = await bootOnce(context, variant, `boot ${variant} run ${run} (cold)`);
          const warm = await bootOnce(context, variant, `boot ${variant} run ${run} (2nd visit)`);
          results[variant].cold.push(cold);
          results[variant].warm.push(warm);
          progress(`boot    ${variant.padEnd(15)} run ${run}/${bootRuns}: cold ${cold.toFixed(0)} ms, ` +
            `2nd visit ${warm.toFixed(0)} ms`);
        } finally {
          await context.close();
        }
      }
    }

    const bigfileRuns = options.only === "boot" ? { ours: 0, official: 0 }
      : { ours: options.runs, official: Math.min(options.runs, options.officialBigfileRuns) };
    for (let run = 1; run <= bigfileRuns.ours; run++) {
      for (const variant of ["ours", "official"]) {
        if (run > bigfileRuns[variant]) continue;
        const r = await bigfileOnce(variant, `bigfile ${variant} run ${run}`);
        results[variant].bigfile.push(r);
        progress(`bigfile ${variant.padEnd(15)} run ${run}/${bigfileRuns[variant]}: write ${r.write.toFixed(0)} ms, ` +
          `read ${r.read.toFixed(0)} ms, total ${r.total.toFixed(0)} ms`);
      }
    }

    // Report.
    const rows = [];
    if (bootRuns) {
      rows.push(["boot, cold (fresh context)", (v) => results[v].cold],
        ["boot, 2nd visit (same context)", (v) => results[v].warm]);
    }
    if (bigfileRuns.ours) {
      rows.push(["16 MiB write, 4 KiB chunks", (v) => results[v].bigfile.map((r) => r.write)],
        ["16 MiB read back, 4 KiB chunks", (v) => results[v].bigfile.map((r) => r.read)],
        ["16 MiB write + read", (v) => results[v].bigfile.map((r) => r.total)]);
    }
    const fmt = (ms) => (Number.isFinite(ms) ? ms.toFixed(1) : "-");
    const table = rows.map(([metric, values]) => {
      const ours = median(values("ours"));
      const official = median(values("official"));
      return [metric, fmt(ours), fmt(official), Number.isFinite(ours / official) ? (ours / official).toFixed(3) : "-"];
    });
    const header = ["metric (median)", "ours (ms)", "official (ms)", "ours/official"];
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i].length)));
    const line = (cells) => cells.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join("  ");

    console.log(`boot-and-bigfile, ${new Date().toISOString()}`);
    console.log(`Chromium ${browser.version()} (${options.chromium}), Node ${process.version}, ` +
      `official loader ${officialPkg.name} ${officialPkg.version}; both compile site/ruby+stdlib.wasm ` +
      `(${(wasm.length / 1048576).toFixed(1)} MiB)`);
    const counts = [];
    if (bootRuns) counts.push(`boot ${bootRuns} runs per variant`);
    if (bigfileRuns.ours) {
      counts.push(`16 MiB file ${bigfileRuns.ours} runs ours, ${bigfileRuns.official} runs official` +
        (bigfileRuns.official < bigfileRuns.ours ? " (fewer: each takes 20+ s in the official runtime)" : ""));
    }
    console.log(`runs: ${counts.join("; ")}`);
    if (bootRuns) {
      console.log("boot rows: both wasm downloads answered by the same Playwright route, which turns the HTTP cache " +
        "off, so a 2nd visit is a warm browser that still gets the wasm again");
    }
    console.log("");
    console.log(line(header));
    console.log(line(widths.map((w) => "-".repeat(w))));
    for (const row of table) console.log(line(row));

    if (bootRuns && options.direct) {
      const direct = [["boot, cold, no route", "cold"], ["boot, 2nd visit, no route", "warm"]].map(([metric, key]) => {
        const ours = median(results["ours-direct"][key]);
        const official = median(results["official-direct"][key]);
        return [metric, fmt(ours), fmt(official), (ours / official).toFixed(3)];
      });
      console.log("");
      console.log("from this origin, no route (wasm over HTTP from serve.mjs; the official loader's CDN URL rewritten):");
      for (const row of direct) console.log(line(row));
      console.log(`  the route's cost, cold: ours ${fmt(median(results.ours.cold) - median(results["ours-direct"].cold))} ms, ` +
        `official ${fmt(median(results.official.cold) - median(results["official-direct"].cold))} ms`);
    }

    console.log("");
    console.log("every run (ms):");
    for (const [metric, values] of rows) {
      for (const variant of ["ours", "official"]) {
        console.log(`  ${metric}, ${variant}: ${values(variant).map((x) => x.toFixed(0)).join(", ")}`);
      }
    }
    if (bootRuns && options.direct) {
      for (const variant of ["ours-direct", "official-direct"]) {
        console.log(`  boot cold, ${variant}: ${results[variant].cold.map((x) => x.toFixed(0)).join(", ")}`);
        console.log(`  boot 2nd visit, ${variant}: ${results[variant].warm.map((x) => x.toFixed(0)).join(", ")}`);
      }
    }
    console.log(`wasm requests answered by the route: CDN url ${routed.cdn}, our url ${routed.ours}`);
  } finally {
    await cleanup();
  }
}

main().catch((error) => {
  console.error(`boot-and-bigfile: ${error instanceof BenchError ? error.message : error.stack || error}`);
  process.exitCode = 1;
});
