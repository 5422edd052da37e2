// Shared by the benchmark and conformance scripts: the built site served on a free 127.0.0.1 port, and
// Debian's Chromium with the flags that work on a machine without outside network.
import { chromium } from "playwright-core";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

function freePort() {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Serves site/ (and fixturesDir at /fixtures/); resolves to {origin, stop} once it answers. */
export async function startSite(fixturesDir) {
  const port = await freePort();
  const env = { ...process.env, PORT: String(port) };
  if (fixturesDir) env.FIXTURES_DIR = fixturesDir;
  const server = spawn(process.execPath, [path.join(ROOT, "scripts/serve.mjs")], { env, stdio: "ignore" });
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; !(await fetch(`${origin}/`).then((r) => r.ok, () => false)); i++) {
    if (i > 150) throw new Error(`scripts/serve.mjs did not answer on ${origin}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { origin, stop: () => server.kill() };
}

/** Launches Debian's Chromium (CHROMIUM_PATH overrides). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
      "--disable-component-update", "--disable-sync"],
  });
}
