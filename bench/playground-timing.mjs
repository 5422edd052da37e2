// Playground responsiveness, printed as medians (a benchmark, not a test): Run → first output with the
// pre-booted spare VM, Stop → "Stopped" on a runaway loop, and how long `sleep 1` takes.
//
//   node bench/playground-timing.mjs [--runs 5]      (after the site is built)
import { existsSync } from "node:fs";
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

try {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/`);
  await page.waitForSelector("#status[data-ready]", { timeout: 120_000 });
  const setCode = async (code) => {
    await page.locator(".cm-content").click();
    await page.keyboard.press("Control+A");
    await page.keyboard.insertText(code);
  };
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
} finally {
  await browser.close();
  site.stop();
}
