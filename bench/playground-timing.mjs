// Playground responsiveness, printed as medians (a benchmark, not a test): Run → first output with the
// pre-booted spare VM, Stop → "Stopped" on a runaway loop, how long `sleep 1` takes, and the small-files
// workload (bench/pages/small-files.rb) run four times in each of --runs fresh pages, as its own timing says.
//
//   node bench/playground-timing.mjs [--runs 5]      (after the site is built)
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, startSite, launchChromium } from "../scripts/local-browser.mjs";

const runs = Number(process.argv[process.argv.indexOf("--runs") + 1]) || 5;
if (!existsSync(path.join(ROOT, "site/playground.js"))) {
  console.error("site/ is not built: run `mvn -q install -DskipTests && node scripts/build-site.mjs` first");
  process.exit(2);
}
const site = await startSite();
const browser = await launchChromium();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A fresh playground page, ready to run, and setCode(code) for its editor. */
async function openPlayground() {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("#status[data-ready]", { timeout: 120_000 });
  const setCode = async (code) => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(code);
  };
  return { page, setCode };
}

/** The small-files workload's total_ms on each of four Runs in a fresh page, 3 s apart (a user reading). */
async function smallFilesRuns() {
  const { page, setCode } = await openPlayground();
  await setCode(readFileSync(path.join(ROOT, "bench/pages/small-files.rb"), "utf8"));
  const totals = [];
  for (let i = 0; i < 4; i++) {
    await page.waitForFunction(() => !document.getElementById("run").disabled);
    await page.waitForTimeout(3000);
    await page.click("#run");
    await page.waitForFunction(() => /BENCH small-files .*total_ms=/.test(document.getElementById("output").textContent),
      null, { timeout: 60_000 });
    totals.push(Number(/total_ms=([0-9.]+)/.exec(await page.textContent("#output"))[1]));
  }
  await page.close();
  return totals;
}

try {
  const { page, setCode } = await openPlayground();
  /** Clicks Run once the spare VM is ready; returns ms until the output holds text. */
  const timeRun = async (text) => {
    await page.waitForFunction(() => !document.getElementById("run").disabled);
    await page.waitForTimeout(1500); // let the spare finish booting, as it does while a user types
    const t0 = Date.now();
    await page.click("#run");
    await page.waitForFunction((t) => document.getElementById("output").textContent.includes(t), text, { timeout: 60_000 });
    return Date.now() - t0;
  };
  const runToOutput = [];
  const stopLatency = [];
  const sleepOne = [];
  for (let i = 0; i < runs; i++) {
    await setCode('puts "hi"');
    runToOutput.push(await timeRun("hi"));
    await setCode('puts "spin"\nloop {}');
    await timeRun("spin");
    const t0 = Date.now();
    await page.click("#stop");
    await page.waitForFunction(() => document.getElementById("output").textContent.includes("Stopped"));
    stopLatency.push(Date.now() - t0);
    await setCode('sleep 1\nputs "woke"');
    sleepOne.push(await timeRun("woke"));
  }
  console.log(`playground timing, ${new Date().toISOString()}, ${browser.version()}, medians of ${runs}`);
  console.log(`Run → first output (spare VM):  ${median(runToOutput)} ms   [${runToOutput.join(", ")}]`);
  console.log(`Stop → "Stopped" (loop {}):     ${median(stopLatency)} ms   [${stopLatency.join(", ")}]`);
  console.log(`Run of "sleep 1" → output:      ${median(sleepOne)} ms   [${sleepOne.join(", ")}]`);
  const firsts = [];
  const laters = [];
  for (let i = 0; i < runs; i++) {
    const [first, ...later] = await smallFilesRuns();
    firsts.push(first);
    laters.push(...later);
  }
  console.log(`small files, a page's first Run: ${median(firsts)} ms   [${firsts.join(", ")}]`);
  console.log(`small files, its later Runs:     ${median(laters)} ms   [${laters.join(", ")}]`);
} finally {
  await browser.close();
  site.stop();
}
