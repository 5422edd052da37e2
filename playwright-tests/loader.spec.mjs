// The /ruby.js loader in real Chromium with the real ruby+stdlib.wasm.
import { test, expect } from "@playwright/test";
import { captureConsole, waitForConsole } from "./helpers.mjs";

test("hello world reaches console.log, and rubyVM is set", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/hello.html");
  await waitForConsole(messages, "Hello, world!");
  expect(messages.some((m) => m.type === "log" && /^ruby 3\.4/.test(m.text))).toBe(true);
  expect(await page.evaluate(() => typeof globalThis.rubyVM?.eval)).toBe("function");
  expect(await page.evaluate(() => globalThis.rubyVM.eval("6 * 7").toString())).toBe("42");
  // The classes keep the names ruby.wasm gives them, as under the official loader.
  expect(await page.evaluate(() => {
    try { globalThis.rubyVM.eval("raise 'x'"); } catch (e) { return [globalThis.rubyVM.constructor.name, e.constructor.name]; }
  })).toEqual(["RubyVM", "RbError"]);
});

test("Ruby writes to the DOM through JS.global", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/dom.html");
  await waitForConsole(messages, "dom done");
  await expect(page.locator("#list li")).toHaveText(["alpha", "beta"]);
  await expect(page.locator("#out")).toHaveCount(0);
});

test("tags run in order: src, async, errors reported by name, later tags still run, data-env", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/tags.html");
  const last = await waitForConsole(messages, "order=");
  const logs = messages.filter((m) => m.type === "log").map((m) => m.text);
  expect(logs.indexOf("tag 1 ran")).toBeLessThan(logs.indexOf("external tag ran"));
  expect(messages[last].text).toBe("order=first,external,async-before-await,last");
  expect(logs).toContain("env=hello from data-env");
  // The async tag resumes after its await, once the later sync tag has run.
  await waitForConsole(messages, "async tag ran after await: first,external,async-before-await");

  const errors = messages.filter((m) => m.type === "error").map((m) => m.text);
  const inline = errors.find((t) => t.includes("boom from tag 3"));
  expect(inline).toContain("inline script #3");
  const fromSrc = errors.find((t) => t.includes("failure inside raises.rb"));
  expect(fromSrc).toContain("/fixtures/raises.rb");
  expect(fromSrc).toMatch(/raises\.rb:2/);
  expect(fromSrc).toContain("helper_that_fails");
  expect(messages.some((m) => m.type === "warning" && m.text.includes("BAD=KEY"))).toBe(true);
  // Top-level locals carry over from tag to tag, as under the official loader.
  expect(logs).toContain("local=42");
  // A syntax error names the tag and line, with Ruby's own header.
  await waitForConsole(messages, "syntax error", "error");
  const syntax = messages.find((m) => m.type === "error" && m.text.includes("syntax error")).text;
  expect(syntax).toContain("inline script #7:");
  // Output without a newline, written from a callback after the tags ran, is logged at once.
  await waitForConsole(messages, "prompt> ");
});

test("errors of sync and async tags name the tag and its lines, without the loader's own frames", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/tag-errors.html");
  await waitForConsole(messages, "async failure", "error");
  const errors = messages.filter((m) => m.type === "error").map((m) => m.text);
  expect(errors).toContain("Ruby error in inline script #2:\n" +
    "inline script #2:3:in 'Object#deep': sync failure (IOError)\ninline script #2:4:in '<main>'");
  expect(errors).toContain("Ruby error in inline script #1:\n" +
    "inline script #1:3:in 'Object#fails_later': async failure (RuntimeError)\ninline script #1:5:in '<main>'");
  // The code runs as ruby.wasm's own loader runs it, one call deep (see script-tags.js): its file is "eval".
  expect(messages.map((m) => m.text)).toContain("file=eval");
});

test("stderr goes to console.warn", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/hello.html");
  await waitForConsole(messages, "Hello, world!");
  await page.evaluate(() => { globalThis.rubyVM.eval('$stderr.puts "to stderr"; $stderr.flush'); });
  await waitForConsole(messages, "to stderr", "warning");
});

test("File and Dir round trip, and json from the packed stdlib", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/files.html");
  await waitForConsole(messages, "json=");
  const logs = messages.filter((m) => m.type === "log").map((m) => m.text);
  expect(logs).toContain('read="héllo wörld\\n"');
  expect(logs).toContain("size=14");
  expect(logs).toContain('children=["a.txt", "b.txt", "sub"]');
  expect(logs).toContain(`mtime_year=${new Date().getUTCFullYear()}`);
  expect(logs).toContain('json={"name":"rubyport","list":[1,2,3]}');
});

test("wasm is served as application/wasm from this origin, never a CDN", async ({ page }) => {
  const requests = [];
  page.on("request", (request) => requests.push(request.url()));
  const messages = captureConsole(page);
  await page.goto("/fixtures/hello.html");
  await waitForConsole(messages, "Hello, world!");
  const origin = new URL(page.url()).origin;
  expect(requests.every((url) => url.startsWith(origin))).toBe(true);
  const response = await page.request.get("/ruby+stdlib.wasm", { method: "HEAD" });
  expect(response.headers()["content-type"]).toBe("application/wasm");
});

test("the server lets browsers revalidate the wasm instead of downloading it again", async ({ request }) => {
  const first = await request.get("/ruby+stdlib.wasm", { method: "HEAD" });
  const etag = first.headers().etag;
  expect(etag).toBeTruthy();
  const again = await request.get("/ruby+stdlib.wasm", { headers: { "If-None-Match": etag } });
  expect(again.status()).toBe(304);
  expect(again.headers()["cross-origin-embedder-policy"]).toBe("require-corp");
});

test("a page no service worker controls downloads the wasm without looking in Cache Storage first", async ({ page }) => {
  await page.addInitScript(() => {
    // Records every Cache Storage call the page makes, and when (ms of performance.now()).
    window.cacheCalls = [];
    for (const name of ["match", "open", "has", "keys"]) {
      const original = CacheStorage.prototype[name];
      CacheStorage.prototype[name] = function (...args) {
        window.cacheCalls.push({ name, at: performance.now() });
        return original.apply(this, args);
      };
    }
  });
  const messages = captureConsole(page);
  await page.goto("/fixtures/hello.html");
  await waitForConsole(messages, "Hello, world!");
  const { calls, wasmAskedAt } = await page.evaluate(() => ({ calls: window.cacheCalls,
    wasmAskedAt: performance.getEntriesByType("resource").find((e) => e.name.endsWith("/ruby+stdlib.wasm")).startTime }));
  expect(await page.evaluate(() => navigator.serviceWorker.controller)).toBeNull();
  expect(calls.filter((c) => c.name === "match")).toEqual([]);
  // The start-up snapshot is looked for too, but only once the download has begun.
  expect(calls.length).toBeGreaterThan(0);
  expect(calls.filter((c) => c.at < wasmAskedAt)).toEqual([]);
});
