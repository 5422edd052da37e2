// The project's WASI conformance programs (conformance/c, built to wasm by the JVM test run) against the
// browser build of the runtime, each in a fresh worker; expectations come from each program's header.
import { test, expect } from "@playwright/test";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sources = path.join(root, "conformance/c");
const built = path.join(root, "wasi-shim/target/conformance");

function expectations(source) {
  const lines = readFileSync(source, "utf8").split("\n");
  const value = (re) => lines.map((l) => l.match(re)).filter(Boolean).map((m) => m[1]);
  const preopens = value(/^\/\/\s*preopen:\s*(\S+)\s*$/);
  const stdout = value(/^\/\/\s*expect-stdout: ?(.*)$/);
  return {
    exitCode: Number(value(/^\/\/\s*expect-exit:\s*(-?\d+)\s*$/)[0] ?? 0),
    stdout: stdout.length ? `${stdout.join("\n")}\n` : "",
    preopens: preopens.length ? preopens : ["/"],
    readOnly: lines.map((l) => l.match(/^\/\/\s*readonly:\s*(\S+) (.*)$/)).filter(Boolean).map((m) => [m[1], m[2]]),
    fileSpace: value(/^\/\/\s*file-space:\s*(\d+)\s*$/).map(Number)[0],
  };
}

for (const file of readdirSync(sources).filter((f) => f.endsWith(".c")).sort()) {
  const name = file.replace(/\.c$/, "");
  test(`conformance/c/${file} in Chromium`, async ({ page }) => {
    const wasmPath = path.join(built, `${name}.wasm`);
    expect(existsSync(wasmPath), `${wasmPath} is built by the JVM tests: run mvn test (scripts/test.sh) first`).toBe(true);
    const expected = expectations(path.join(sources, file));
    await page.goto("/fixtures/wasi/index.html");
    const result = await page.evaluate(async ({ wasm, preopens, readOnly, fileSpace }) => window.runWasiTest({
      wasm: new Uint8Array(wasm), args: ["test.wasm"], env: {}, readOnly, fileSpace,
      preopens: preopens.map((guest) => ({ guest, dirs: [], files: {} })),
    }, 30000), { wasm: [...readFileSync(wasmPath)], preopens: expected.preopens, readOnly: expected.readOnly,
      fileSpace: expected.fileSpace });
    expect(result.error, result.stderr).toBeUndefined();
    expect(`exit ${result.exitCode}\n${result.stdout}`).toBe(`exit ${expected.exitCode}\n${expected.stdout}`);
  });
}
