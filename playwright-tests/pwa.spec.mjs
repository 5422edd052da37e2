// The installable, offline playground: the Java service worker (/sw.js), its caches and the manifest.
import { test, expect } from "@playwright/test";
import { stopServiceWorkers } from "./helpers.mjs";

test.use({ serviceWorkers: "allow" });

/** Opens / and waits until the service worker is active and controls the page. */
async function openControlled(page) {
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
  }
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
}

/**
 * Makes the test server answer this context as a newer deploy would: version.json names version, and the
 * playground's page carries <p id="marker">marker</p> when one is given (see scripts/serve.mjs).
 */
async function deploy(page, version, marker = null) {
  const cookies = [{ name: "test-deploy", value: version }];
  if (marker) cookies.push({ name: "test-deploy-marker", value: marker });
  await page.context().addCookies(cookies.map((cookie) => ({ ...cookie, url: page.url() })));
}

async function runAndExpect(page, code, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
  await expect(page.locator("#run")).toBeEnabled();
  await page.click("#run");
  await expect(page.locator("#output .stdout")).toHaveText(text);
}

test("the manifest makes the app installable: name, icons at 192 and 512, standalone, theme colour", async ({ page, request }) => {
  await page.goto("/");
  const href = await page.locator('link[rel="manifest"]').getAttribute("href");
  const manifest = await (await request.get(`/${href}`)).json();
  expect(manifest.name).toContain("Rubyport");
  expect(manifest.short_name).toBe("Rubyport");
  expect(manifest.display).toBe("standalone");
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.start_url).toBeTruthy();
  expect(manifest.id).toBe("/"); // the installed app keeps its identity if start_url ever changes
  for (const size of [192, 512]) {
    const icon = manifest.icons.find((i) => i.sizes === `${size}x${size}`);
    expect(icon?.type).toBe("image/png");
    const png = await (await request.get(`/${icon.src}`)).body();
    expect(png.readUInt32BE(16)).toBe(size); // IHDR width
    expect(png.readUInt32BE(20)).toBe(size); // IHDR height
  }
  // Asked for by every page of the origin, the apps' pages too: an icon the browser decodes, not a 404.
  expect(await page.evaluate(() => new Promise((resolve) => {
    const image = new Image();
    image.onload = () => resolve(image.naturalWidth);
    image.onerror = () => resolve("not decoded");
    image.src = "/favicon.ico";
  }))).toBe(32);
});

test("Chromium reports no installability errors once the service worker controls the page", async ({ page, context }) => {
  await openControlled(page);
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send("Page.getInstallabilityErrors");
  // Playwright's contexts are incognito-like, which alone keeps Chromium from offering to install.
  expect(installabilityErrors.map((e) => e.errorId).filter((id) => id !== "in-incognito")).toEqual([]);
});

test("the service worker controls the page, and a reload works offline, Ruby included", async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  await page.addInitScript(() => {
    // Records what the loading line says, which a reload replaces within milliseconds.
    window.loadingTexts = [];
    document.addEventListener("DOMContentLoaded", () => {
      const text = document.getElementById("download-text");
      new MutationObserver(() => window.loadingTexts.push(text.textContent))
        .observe(text, { childList: true, characterData: true, subtree: true });
    });
  });
  await page.reload();
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  // Not "Downloading": the wasm comes from the worker's cache.
  const texts = await page.evaluate(() => window.loadingTexts);
  expect(texts.some((t) => t.startsWith("Loading Ruby from the offline copy"))).toBe(true);
  expect(texts.filter((t) => t.startsWith("Downloading"))).toEqual([]);
  await runAndExpect(page, 'puts "offline #{1 + 1}"', "offline 2\n");
  await context.setOffline(false);
});

test("offline, the playground opens with any query string, and as /index.html", async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  for (const url of ["/?utm_source=mail", "/index.html"]) {
    await page.goto(url);
    await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  }
  await context.setOffline(false);
});

test("while a new build waits, the page is all the old build's; Reload brings all the new one's", async ({ page }) => {
  await openControlled(page);
  await deploy(page, "marked-build", "new build");
  await page.reload();
  await expect(page.locator("#update")).toContainText("A new version of Rubyport is ready.", { timeout: 60_000 });
  await expect(page.locator("#marker")).toHaveCount(0);
  const reloaded = page.waitForEvent("load");
  await page.click("#update-action");
  await reloaded;
  await expect(page.locator("#marker")).toHaveText("new build");
});

test("script-tag pages of the origin work offline once visited", async ({ page, context }) => {
  await openControlled(page);
  const messages = [];
  page.on("console", (m) => messages.push(m.text()));
  await page.goto("/fixtures/hello.html");
  await expect.poll(() => messages.includes("Hello, world!"), { timeout: 60_000 }).toBe(true);
  await context.setOffline(true);
  messages.length = 0;
  await page.reload();
  await expect.poll(() => messages.includes("Hello, world!"), { timeout: 60_000 }).toBe(true);
  await expect(page.locator("#out")).toHaveText("written by Ruby");
  await context.setOffline(false);
});

test("offline, a page never visited says so and leads back to the playground; resources still fail", async ({ page, context }) => {
  await openControlled(page);
  await context.setOffline(true);
  const response = await page.goto("/notes/never-visited?draft=1");
  expect(response.status()).toBe(503);
  await expect(page.locator("h1")).toHaveText("You are offline");
  await expect(page.locator("code")).toHaveText("/notes/never-visited");
  await expect(page.getByRole("link", { name: "try this page again" }))
    .toHaveAttribute("href", /\/notes\/never-visited\?draft=1$/);
  // A script or fetch of the page gets the network error its caller expects, not an HTML page.
  expect(await page.evaluate(() => fetch("/never-fetched.js").then(() => "answered", () => "network error")))
    .toBe("network error");
  await page.getByRole("link", { name: "Open the playground" }).click();
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await context.setOffline(false);
});

test("the service worker adds cross-origin isolation where the server does not", async ({ page, context }) => {
  // Only documents and scripts matter for isolation; a reload may cancel a routed request, which is fine.
  await context.route((url) => !url.pathname.endsWith(".wasm"), async (route) => {
    try {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers["cross-origin-opener-policy"];
      delete headers["cross-origin-embedder-policy"];
      await route.fulfill({ response, headers });
    } catch {
      // the page went away while this request was in flight
    }
  });
  await page.goto("/");
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(false);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller)).toBe(true);
  expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
});

test("a new build offers a reload, activates on it, deletes old caches and keeps the user's files", async ({ page }) => {
  await openControlled(page);
  await page.evaluate(() => caches.open("rubyport-stale-build").then((c) => c.put("/x", new Response("old"))));
  await runAndExpect(page, 'puts "mine"', "mine\n");
  await expect(page.locator("#save-status")).toHaveText("Saved");
  const before = await page.evaluate(() => caches.keys());
  await deploy(page, "next-build");
  await page.reload();
  await expect(page.locator("#update")).toContainText("A new version of Rubyport is ready.", { timeout: 60_000 });
  const reloaded = page.waitForEvent("load");
  await page.click("#update-action");
  await reloaded;
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  // The new worker deletes old caches while it activates, which may finish after the reload.
  const keys = () => page.evaluate(() => caches.keys());
  await expect.poll(keys).toContain("rubyport-next-build");
  await expect.poll(keys).not.toContain("rubyport-stale-build");
  for (const old of before.filter((k) => k.startsWith("rubyport-"))) await expect.poll(keys).not.toContain(old);
  await expect(page.locator(".cm-content")).toHaveText('puts "mine"');
});

test("the first visit says when the playground is stored for offline use", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#update")).toContainText("Rubyport is stored for offline use", { timeout: 60_000 });
  await page.click("#update-dismiss");
  await expect(page.locator("#update")).toBeHidden();
});

/** Records in window.rubyReadyAtRegister whether Ruby was ready (the status the spare VM sets) at the first registration. */
async function recordReadinessAtRegister(page) {
  await page.addInitScript(() => {
    const register = ServiceWorkerContainer.prototype.register;
    ServiceWorkerContainer.prototype.register = function (...args) {
      window.rubyReadyAtRegister ??= document.getElementById("status")?.dataset.ready === "true";
      return register.apply(this, args);
    };
  });
}

test("the first visit registers the service worker once Ruby is ready, not beside its download and start", async ({ page }) => {
  await recordReadinessAtRegister(page);
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => window.rubyReadyAtRegister)).toBe(true);
});

test("a first visit whose download takes over ten seconds still registers only once Ruby is ready", async ({ page }) => {
  test.setTimeout(120_000);
  await recordReadinessAtRegister(page);
  // A slow connection: the page's own download of the wasm takes 11 s; the worker's is not held up.
  await page.context().route("**/ruby+stdlib.wasm", async (route) => {
    if (!route.request().serviceWorker()) await new Promise((resolve) => setTimeout(resolve, 11_000));
    await route.continue();
  });
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  expect(await page.evaluate(() => window.rubyReadyAtRegister)).toBe(true);
});

test("a page the worker controls still registers, within ten seconds, when Ruby never gets ready", async ({ page }) => {
  await openControlled(page);
  await recordReadinessAtRegister(page);
  // Ruby's start hangs: the wasm never finishes compiling.
  await page.addInitScript(() => {
    WebAssembly.compileStreaming = () => new Promise(() => {});
    WebAssembly.compile = () => new Promise(() => {});
  });
  await page.reload();
  await expect.poll(() => page.evaluate(() => window.rubyReadyAtRegister), { timeout: 20_000 }).toBe(false);
  await expect(page.locator("#status")).not.toHaveAttribute("data-ready", "true");
});

test("a new build another tab applied: this tab is told, and its Reload button reloads", async ({ page, context }) => {
  await openControlled(page);
  await deploy(page, "next-build");
  const other = await context.newPage();
  await other.goto("/");
  await expect(other.locator("#update")).toContainText("A new version of Rubyport is ready.", { timeout: 60_000 });
  // This tab saw the same new worker install (it watches the same registration).
  await expect(page.locator("#update")).toContainText("A new version of Rubyport is ready.");
  const otherReloaded = other.waitForEvent("load");
  await other.click("#update-action");
  await otherReloaded;
  await expect(page.locator("#update")).toContainText("A new version was applied in another tab.");
  const reloaded = page.waitForEvent("load");
  await page.click("#update-action");
  await reloaded;
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
});

test("an open page finds a build deployed after it opened (every 30 min, and on becoming visible)", async ({ page }) => {
  await page.clock.install();
  await openControlled(page);
  await deploy(page, "later-build");
  await page.clock.fastForward("31:00");
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
  await expect(page.locator("#update")).toContainText("A new version of Rubyport is ready.", { timeout: 60_000 });
});

test("when the precache fails the page still works online and says offline mode is unavailable", async ({ page, context }) => {
  await context.route("**/ruby+stdlib.wasm", (route) => (route.request().serviceWorker()
    ? route.fulfill({ status: 507, body: "Insufficient Storage" }) : route.continue()));
  await page.goto("/");
  await expect(page.locator("#update")).toContainText("Offline mode is unavailable", { timeout: 60_000 });
  await expect(page.locator("#update")).toContainText("precache failed for /ruby+stdlib.wasm: HTTP 507");
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await runAndExpect(page, 'puts "online"', "online\n");
});

test("an app opened first, when the worker cannot install, says why instead of waiting for ever", async ({ page, context }) => {
  await context.route("**/ruby+stdlib.wasm", (route) => (route.request().serviceWorker()
    ? route.fulfill({ status: 507, body: "Insufficient Storage" }) : route.continue()));
  await page.goto("/apps/rack-echo/");
  await expect(page.locator("#stage")).toContainText(
    "The service worker could not be installed (precache failed for /ruby+stdlib.wasm: HTTP 507)", { timeout: 60_000 });
  await expect(page).toHaveTitle("rack-echo could not start");
});

test("the boot page opened at its own address names no app: it says where apps open, and installs nothing", async ({ page }) => {
  await page.goto("/app-boot.html");
  await expect(page).toHaveTitle("No app to start here");
  await expect(page.locator("#stage")).toContainText("Open an app from the playground's Apps list");
  await expect(page.locator("#progress")).toBeHidden();
  await page.waitForTimeout(500); // a registration would have started by now
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
  await page.getByRole("link", { name: "playground" }).click();
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
});

test("an app bundle that cannot be had leaves the worker and the other apps working, and its app says which", async ({ page, context }) => {
  await context.route("**/apps/rack-echo.rpk", (route) => route.fulfill({ status: 404, body: "gone" }));
  await openControlled(page);
  expect(await page.evaluate(async () => (await caches.match("/apps/sinatra-demo.rpk"))?.status)).toBe(200);
  await page.goto("/apps/sinatra-demo/");
  await expect(page.locator("h1").first()).toHaveText("Notes", { timeout: 90_000 });
  await page.goto("/apps/rack-echo/");
  await expect(page.locator("#stage")).toContainText("The app bundle /apps/rack-echo.rpk could not be loaded: HTTP 404",
    { timeout: 60_000 });
});

test("a bundle the install could not have is kept once its app is opened online, and then works offline", async ({ page, context }) => {
  await context.route("**/apps/rack-echo.rpk", (route) => route.fulfill({ status: 404, body: "gone" }));
  await openControlled(page);
  expect(await page.evaluate(async () => (await caches.match("/apps/rack-echo.rpk")) ?? null)).toBeNull();
  await context.unroute("**/apps/rack-echo.rpk");
  await page.goto("/apps/rack-echo/");
  await expect(page.locator("h1").first()).toHaveText("Rack echo", { timeout: 60_000 });
  const keptIn = await page.evaluate(async () => {
    const names = [];
    for (const name of await caches.keys()) if (await (await caches.open(name)).match("/apps/rack-echo.rpk")) names.push(name);
    return names;
  });
  expect(keptIn).toEqual([expect.stringMatching(/^rubyport-/)]); // this build's cache, dropped with it
  // A worker started afresh, offline, has only the caches to mount the app from.
  await context.setOffline(true);
  try {
    await stopServiceWorkers(page);
    await page.reload();
    await expect(page.locator("h1").first()).toHaveText("Rack echo", { timeout: 60_000 });
  } finally {
    await context.setOffline(false);
  }
});

test("a bundle stored cut short says to download it again, and a reload does download it again", async ({ page, context }) => {
  const good = await (await fetch(new URL("/apps/rack-echo.rpk", test.info().project.use.baseURL))).arrayBuffer();
  await context.route("**/apps/rack-echo.rpk", (route) => route.fulfill({ status: 200,
    contentType: "application/octet-stream", body: Buffer.from(good.slice(0, good.byteLength >> 1)) }));
  await openControlled(page);
  await page.goto("/apps/rack-echo/");
  await expect(page.locator("#stage")).toContainText("The bundle is truncated", { timeout: 60_000 });
  await context.unroute("**/apps/rack-echo.rpk");
  await page.reload();
  await expect(page.locator("h1").first()).toHaveText("Rack echo", { timeout: 60_000 });
});
