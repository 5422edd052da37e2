// An app's VM life cycle (apps/app-host.js): a VM past its memory limit is retired after its request, and
// the next request is served by a new VM over the same files, so nothing the app wrote is lost.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

test.beforeAll(async () => {
  const js = path.join(root, "playground/src/main/js");
  await build({ stdin: { contents: 'export { AppHost } from "./apps/app-host.js"; export { compileRuby } from "./boot.js";',
    resolveDir: js, loader: "js" }, bundle: true, format: "esm", target: "es2022", logLevel: "warning",
  conditions: ["browser"], loader: { ".rb": "text" },
  outfile: path.join(root, "playwright-tests/fixtures/.generated/app-host.js") });
});

test("a VM past its memory limit is replaced after its request, and the app's writes survive", async ({ page }) => {
  await page.goto("/fixtures/app-host.html");
  await expect(page).toHaveTitle("ready");
  const result = await page.evaluate(async () => {
    const { AppHost, compileRuby } = window.appHost;
    const host = new AppHost("sinatra-demo", {
      loadBundle: async () => new Uint8Array(await (await fetch("/apps/sinatra-demo.rpk")).arrayBuffer()),
      loadRuby: () => compileRuby("/ruby+stdlib.wasm"),
      recycleBytes: 1, // every VM is past it: each request gets a new one
    });
    const env = (method, pathInfo, extra = {}) => JSON.stringify({ REQUEST_METHOD: method, SCRIPT_NAME: "/apps/sinatra-demo",
      PATH_INFO: pathInfo, QUERY_STRING: "", SERVER_NAME: "127.0.0.1", SERVER_PORT: "80", SERVER_PROTOCOL: "HTTP/1.1",
      REMOTE_ADDR: "127.0.0.1", "rack.url_scheme": "http", HTTP_HOST: "127.0.0.1", ...extra });
    const form = new TextEncoder().encode("text=kept+across+VMs");
    const posted = await host.call(env("POST", "/notes", { CONTENT_TYPE: "application/x-www-form-urlencoded",
      CONTENT_LENGTH: String(form.length) }), form);
    const afterPost = { boots: host.boots, booted: host.booted };
    const listed = await host.call(env("GET", "/api/notes.json"), new Uint8Array(0));
    return { status: posted.head.split("\n")[0], afterPost, boots: host.boots, notes: new TextDecoder().decode(listed.body) };
  });
  expect(result.status).toBe("303");
  expect(result.afterPost).toEqual({ boots: 1, booted: false });
  expect(result.boots).toBe(2);
  expect(JSON.parse(result.notes).notes.map((n) => n.text)).toEqual(["kept across VMs"]);
});
