// Runs WebAssembly/wasi-testsuite's prebuilt wasm32-wasip1 programs against the browser build of our
// runtime, in Chromium, and prints "N passed, N failed" with the failures.
//
//   node conformance/wasi-testsuite.mjs <wasi-testsuite checkout> [name-filter]
//
// The checkout (a prod/testsuite-base commit) is obtained locally and never committed. Both layouts are
// read: older tests list "dirs" preopened under their own names; newer ones name a "root" preopened as "/".
import { readFile, readdir } from "node:fs/promises";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT as root, startSite, launchChromium } from "../scripts/local-browser.mjs";
const [suiteDir, filter = ""] = process.argv.slice(2);
if (!suiteDir) {
  console.error("usage: node conformance/wasi-testsuite.mjs <wasi-testsuite checkout> [name-filter]");
  process.exit(2);
}
if (!existsSync(path.join(root, "site/wasi.js"))) {
  console.error("site/ is not built: run `mvn -q install -DskipTests && node scripts/build-site.mjs` first");
  process.exit(2);
}

async function findTests() {
  const tests = [];
  for (const lang of await readdir(path.join(suiteDir, "tests"))) {
    const dir = path.join(suiteDir, "tests", lang, "testsuite", "wasm32-wasip1");
    if (!existsSync(dir)) continue;
    for (const file of (await readdir(dir)).sort()) {
      if (file.endsWith(".wasm") && `${lang}/${file}`.includes(filter)) tests.push({ lang, dir, file });
    }
  }
  return tests;
}

/** Every directory and file under dir, relative to it; files as base64 (a number array per byte is slow to send). */
async function readTree(dir, prefix = "", tree = { dirs: [], files: {} }) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      tree.dirs.push(rel);
      await readTree(path.join(dir, entry.name), rel, tree);
    } else {
      tree.files[rel] = (await readFile(path.join(dir, entry.name))).toString("base64");
    }
  }
  return tree;
}

async function loadTest({ lang, dir, file }) {
  const base = file.replace(/\.wasm$/, "");
  const specPath = path.join(dir, `${base}.json`);
  const spec = existsSync(specPath) ? JSON.parse(await readFile(specPath, "utf8")) : {};
  const preopens = [];
  for (const name of spec.dirs || []) preopens.push({ guest: name, ...await readTree(path.join(dir, name)) });
  if (spec.root) preopens.push({ guest: "/", ...await readTree(path.join(dir, spec.root)) });
  return {
    name: `${lang}/${base}`,
    expected: { exitCode: spec.exit_code ?? 0, stdout: spec.stdout },
    input: { wasm: (await readFile(path.join(dir, file))).toString("base64"), args: [file, ...(spec.args || [])],
      env: spec.env || {}, preopens },
  };
}

const site = await startSite(path.join(root, "playwright-tests/fixtures"));
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${site.origin}/fixtures/wasi/index.html`);
  const failures = [];
  const tests = await findTests();
  for (const entry of tests) {
    const test = await loadTest(entry);
    const input = { ...test.input, wasm: undefined };
    const result = await page.evaluate(async ({ t, wasm }) => {
      const bytes = (base64) => Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      t.wasm = bytes(wasm);
      for (const p of t.preopens) for (const f in p.files) p.files[f] = bytes(p.files[f]);
      return window.runWasiTest(t, 20000);
    }, { t: input, wasm: test.input.wasm });
    process.stderr.write(`${test.name}: ${result.error ? "error" : result.exitCode}\n`);
    let problem = null;
    if (result.error) problem = result.error;
    else if (result.exitCode !== test.expected.exitCode) problem = `exit code ${result.exitCode}, expected ${test.expected.exitCode}`;
    else if (test.expected.stdout !== undefined && result.stdout !== test.expected.stdout) problem = `stdout ${JSON.stringify(result.stdout)}, expected ${JSON.stringify(test.expected.stdout)}`;
    if (problem) {
      const detail = `${result.stdout || ""}${result.stderr || ""}`.trim().split("\n").slice(-4).join("\n    ");
      failures.push(`${test.name}: ${problem}${detail ? `\n    ${detail}` : ""}`);
    }
  }
  console.log(`${tests.length - failures.length} passed, ${failures.length} failed`);
  for (const failure of failures) console.log(`FAIL ${failure}`);
} finally {
  await browser.close();
  site.stop();
}
