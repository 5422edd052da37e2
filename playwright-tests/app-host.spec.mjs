// An app's VM life cycle (apps/app-host.js): a VM past its memory limit is retired after its request, and
// the next request is served by a new VM over the same files, so nothing the app wrote is lost; for an app
// with preloads (Rails) that new VM comes from the app's snapshot, over the same databases.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

test.beforeAll(async () => {
  const js = path.join(root, "playground/src/main/js");
  await build({ stdin: { contents: [
    'export { AppHost } from "./apps/app-host.js";',
    'export { compileRuby } from "./boot.js";',
    'export { startSqliteHost } from "./apps/sqlite-host.js";',
    'export { default as sqlite3InitModule } from "@sqlite.org/sqlite-wasm";',
  ].join("\n"),
    resolveDir: js, loader: "js" }, bundle: true, format: "esm", target: "es2022", logLevel: "warning",
  conditions: ["browser"], loader: { ".rb": "text" },
  outfile: path.join(root, "playwright-tests/fixtures/.generated/app-host.js") });
});

test("a VM past its memory limit is replaced after its request, and the app's writes survive", async ({ page }) => {
  await page.goto("/fixtures/app-host.html");
  await expect(page).toHaveTitle("ready");
  const result = await page.evaluate(async () => {
    const host = window.sinatraHost({ recycleBytes: 1 }); // every VM is past it: each request gets a new one
    const env = window.sinatraEnv;
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

test("a retired Rails VM is replaced from the app's snapshot, which sees the same database", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto("/fixtures/app-host.html");
  await expect(page).toHaveTitle("ready");
  const result = await page.evaluate(async () => {
    const { AppHost, compileRuby, startSqliteHost, sqlite3InitModule } = window.appHost;
    const saved = new Map();
    const store = { load: async () => new Map(saved), save: async (app, files) => files.forEach((b, p) => saved.set(p, b)) };
    const host = new AppHost("rails-tasks", {
      loadBundle: async () => new Uint8Array(await (await fetch("/apps/rails-tasks.rpk")).arrayBuffer()),
      loadRuby: () => compileRuby("/ruby+stdlib.wasm"),
      loadDatabases: () => startSqliteHost(sqlite3InitModule, (url) => fetch(url), store),
      recycleBytes: 1, // every VM is past it: each request gets a new one
    });
    const env = JSON.stringify({ REQUEST_METHOD: "GET", SCRIPT_NAME: "/apps/rails-tasks", PATH_INFO: "/projects.json",
      QUERY_STRING: "", SERVER_NAME: "127.0.0.1", SERVER_PORT: "80", SERVER_PROTOCOL: "HTTP/1.1", REMOTE_ADDR: "127.0.0.1",
      "rack.url_scheme": "http", HTTP_HOST: "127.0.0.1", HTTP_ACCEPT: "application/json" });
    const names = (reply) => JSON.parse(new TextDecoder().decode(reply.body)).map((p) => p.name);
    const first = names(await host.call(env, new Uint8Array(0)));
    const firstFrom = host.restoredFrom;
    // The snapshot is stored in the background after the first boot.
    const cache = await caches.open("ruby-app-snapshots");
    while ((await cache.keys()).length === 0) await new Promise((r) => setTimeout(r, 100));
    const second = names(await host.call(env, new Uint8Array(0)));
    return { first, firstFrom, second, secondFrom: host.restoredFrom, boots: host.boots, databaseFiles: [...saved.keys()] };
  });
  expect(result.first).toEqual(["Try Rubyport"]);
  expect(result.firstFrom).not.toBe("app");
  expect(result.second).toEqual(["Try Rubyport"]);
  expect(result.secondFrom).toBe("app");
  expect(result.boots).toBe(2);
  expect(result.databaseFiles).toEqual(["/app/db/production.sqlite3"]);
});

test("Ruby's start-up snapshot waits until the apps have had no request for two seconds", async ({ page }) => {
  await page.goto("/fixtures/app-host.html");
  await expect(page).toHaveTitle("ready");
  const result = await page.evaluate(async () => {
    const host = window.sinatraHost();
    const env = window.sinatraEnv("GET", "/");
    const started = () => performance.getEntriesByName("rubyport:snapshot-started").length > 0;
    const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
    await host.call(env, new Uint8Array(0)); // boots Ruby in full: this fresh page has no snapshot yet
    // A visitor clicking about: a request every 400 ms for 4 s leaves idle time, but never a quiet spell.
    let duringRequests = false;
    for (let i = 0; i < 10; i++) {
      await pause(400);
      await host.call(env, new Uint8Array(0));
      duringRequests ||= started();
    }
    const lastRequest = performance.now();
    while (!started() && performance.now() - lastRequest < 15_000) await pause(100);
    const mark = performance.getEntriesByName("rubyport:snapshot-started")[0];
    return { duringRequests, afterLast: mark ? mark.startTime - lastRequest : null };
  });
  expect(result.duringRequests).toBe(false);
  expect(result.afterLast).toBeGreaterThanOrEqual(1900);
});
