// Packed Rack apps served by the service worker from Ruby running inside it: the Rack bridge (routing,
// request, response, cookies, static files, errors, serialisation), the Sinatra demo's features, and
// the apps working offline once visited.
import { test, expect } from "@playwright/test";
import { createHash, randomBytes } from "node:crypto";

test.use({ serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

let context;
let page;

/** Opens an app page, through the boot page on its first visit; waits for the app's own page. */
async function openApp(path, heading) {
  await page.goto(path);
  await expect(page.locator("h1").first()).toHaveText(heading, { timeout: 90_000 });
}

/** fetch() from the page, so that the request goes through the service worker; returns what it got. */
function pageFetch(url, init = {}) {
  return page.evaluate(async ({ url, init }) => {
    const response = await fetch(url, init);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, type: response.headers.get("content-type"), url: response.url,
      multi: response.headers.get("x-echo-multi"),
      // Header values are bytes, one char each: read back as UTF-8.
      utf8Header: new TextDecoder().decode(Uint8Array.from(response.headers.get("x-echo-text") || "", (c) => c.charCodeAt(0))),
      wideHeader: response.headers.get("x-echo-wide"),
      text: new TextDecoder().decode(bytes), bytes: Array.from(bytes) };
  }, { url, init });
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ serviceWorkers: "allow" });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context.close();
});

test("the playground lists the installed apps, and a first visit boots the app behind a progress page", async () => {
  await page.goto("/");
  await page.locator(".apps-menu summary").click();
  await expect(page.locator("#apps-list a")).toHaveText(["Rack echo", "Sinatra notes", "Rails tasks"]);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.locator("#apps-list a", { hasText: "Sinatra notes" }).click();
  await expect(page.locator("#progress")).toBeVisible();
  await expect(page.locator("h1").first()).toHaveText("Notes", { timeout: 90_000 });
  await expect(page).toHaveURL(/\/apps\/sinatra-demo\/$/);
});

test("once the service worker controls the page, the Apps menu still lists the apps and the bundles load", async () => {
  await page.goto("/");
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await page.locator(".apps-menu summary").click();
  await expect(page.locator("#apps-list a")).toHaveText(["Rack echo", "Sinatra notes", "Rails tasks"]);
  const bundle = await page.evaluate(async () => {
    const response = await fetch("/apps/rack-echo.rpk");
    return { status: response.status, magic: new TextDecoder().decode((await response.arrayBuffer()).slice(0, 4)) };
  });
  expect(bundle).toEqual({ status: 200, magic: "RPK1" });
  await page.goto("/apps/sinatra-demo/");
  await expect(page.locator("h1").first()).toHaveText("Notes");
});

test("the app's static stylesheet comes from public/ with its type", async () => {
  const css = await pageFetch("/apps/sinatra-demo/style.css");
  expect(css.status).toBe(200);
  expect(css.type).toContain("text/css");
  expect(css.text).toContain(".flash");
  const color = await page.locator("footer").evaluate((el) => getComputedStyle(el).color);
  expect(color).toBe("rgb(119, 119, 119)");
});

test("a form POST redirects back (303) and the note shows with a flash message", async () => {
  await page.fill('input[name="text"]', "Buy <milk> & eggs");
  await page.click('form[action$="/notes"] button');
  await expect(page).toHaveURL(/\/apps\/sinatra-demo\/$/);
  await expect(page.locator(".flash")).toHaveText("Note added.");
  await expect(page.locator("#notes li").last()).toContainText("Buy <milk> & eggs");
  await page.click('form[action$="/notes"] button');
  await expect(page.locator(".flash")).toHaveText("A note needs some text.");
});

test("signing in keeps a session across pages and reloads; its HttpOnly cookie stays out of page JS", async () => {
  await page.fill('input[name="name"]', "Alice");
  await page.click('form[action$="/login"] button');
  await expect(page.locator("#user")).toHaveText("Alice");
  await page.reload();
  await expect(page.locator("#user")).toHaveText("Alice");
  expect(await page.evaluate(() => document.cookie)).toBe("");
  const json = JSON.parse((await pageFetch("/apps/sinatra-demo/api/notes.json")).text);
  expect(json.user).toBe("Alice");
  expect(json.notes.map((n) => n.text)).toContain("Buy <milk> & eggs");
  await page.click('form[action$="/logout"] button');
  await expect(page.locator('input[name="name"]')).toBeVisible();
  expect(JSON.parse((await pageFetch("/apps/sinatra-demo/api/notes.json")).text).user).toBeNull();
});

test("a multipart upload reaches Rack as a file: its size and SHA-256 are shown", async () => {
  const data = randomBytes(300_000);
  await page.goto("/apps/sinatra-demo/upload");
  await page.setInputFiles('input[type="file"]', { name: "random.bin", mimeType: "application/octet-stream", buffer: data });
  await page.click('form[enctype] button');
  await expect(page.locator("#size")).toHaveText(String(data.length));
  await expect(page.locator("#sha256")).toHaveText(createHash("sha256").update(data).digest("hex"));
  await expect(page.locator("#name")).toHaveText("random.bin");

  await page.goto("/apps/sinatra-demo/upload");
  await page.setInputFiles('input[type="file"]', { name: "résumé 日本.txt", mimeType: "text/plain", buffer: Buffer.from("hi") });
  await page.click('form[enctype] button');
  await expect(page.locator("#name")).toHaveText("résumé 日本.txt");
});

test("a streamed body (each) arrives whole", async () => {
  expect((await pageFetch("/apps/sinatra-demo/count")).text).toBe("1\n2\n3\n4\n5\n");
});

test("a Ruby exception gives a 500 page with message and backtrace, and the next request works", async () => {
  const boom = await pageFetch("/apps/sinatra-demo/boom");
  expect(boom.status).toBe(500);
  expect(boom.text).toContain("ArgumentError");
  expect(boom.text).toContain("deliberate failure");
  expect(boom.text).toMatch(/app\.rb:\d+/);
  expect((await pageFetch("/apps/sinatra-demo/")).status).toBe(200);
});

test("Rack sees SCRIPT_NAME, PATH_INFO, the query, every header and the body bytes", async () => {
  await openApp("/apps/rack-echo/", "Rack echo");
  const echo = await pageFetch("/apps/rack-echo/some/p%20ath?format=json&x=1", {
    method: "POST", headers: { "X-Custom": "yes", "X-A2": "digits", "Content-Type": "text/plain" }, body: "héllo",
  });
  const env = JSON.parse(echo.text);
  expect(env.HTTP_X_A2).toBe("digits");
  expect(env.HTTP_REFERER).toBe(page.url()); // kept out of request.headers by the browser, passed on
  expect(echo.utf8Header).toBe("grüße");
  expect(echo.wideHeader).toBeNull(); // dropped: the response itself still arrives
  expect(env.SCRIPT_NAME).toBe("/apps/rack-echo");
  expect(env.PATH_INFO).toBe("/some/p%20ath");
  expect(env.QUERY_STRING).toBe("format=json&x=1");
  expect(env.REQUEST_METHOD).toBe("POST");
  expect(env.HTTP_X_CUSTOM).toBe("yes");
  expect(env.CONTENT_TYPE).toBe("text/plain");
  expect(env.CONTENT_LENGTH).toBe("6");
  expect(env.body).toBe("héllo");
  expect(echo.multi).toBe("one, two");
  const bytes = Array.from({ length: 256 }, (_, i) => i);
  const raw = await page.evaluate(async (bytes) => {
    const response = await fetch("/apps/rack-echo/?format=raw", { method: "PUT", body: new Uint8Array(bytes) });
    return Array.from(new Uint8Array(await response.arrayBuffer()));
  }, bytes);
  expect(raw).toEqual(bytes);
});

test("an app URL without its trailing slash redirects under the prefix; unknown apps get a 404", async () => {
  const bare = await pageFetch("/apps/rack-echo?format=json");
  expect(bare.url).toMatch(/\/apps\/rack-echo\/\?format=json$/);
  expect(JSON.parse(bare.text).PATH_INFO).toBe("/");
  const missing = await pageFetch("/apps/no-such-app/");
  expect(missing.status).toBe(404);
  expect(missing.text).toContain("no-such-app");
});

test("concurrent requests to one app are all answered, each with its own body", async () => {
  const answers = await page.evaluate(() => Promise.all(Array.from({ length: 30 }, (_, i) =>
    fetch("/apps/rack-echo/?format=raw", { method: "POST", body: `request ${i}` }).then((r) => r.text()))));
  expect(answers).toEqual(Array.from({ length: 30 }, (_, i) => `request ${i}`));
});

test("with the network cut after the first visit, the apps still answer", async () => {
  await context.setOffline(true);
  try {
    await page.goto("/apps/sinatra-demo/");
    await expect(page.locator("h1").first()).toHaveText("Notes", { timeout: 90_000 });
    await page.fill('input[name="text"]', "written offline");
    await page.click('form[action$="/notes"] button');
    await expect(page.locator("#notes li").last()).toContainText("written offline");
    await page.goto("/apps/rack-echo/?format=json");
    await expect(page.locator("body")).toContainText('"PATH_INFO":"/"');
  } finally {
    await context.setOffline(false);
  }
});

test("a request body over the limit is refused with a 413 that says so, and the app goes on", async () => {
  const big = await page.evaluate(async () => {
    const response = await fetch("/apps/rack-echo/?format=raw", { method: "POST", body: new Uint8Array(65 * 1024 * 1024) });
    return { status: response.status, text: await response.text() };
  });
  expect(big.status).toBe(413);
  expect(big.text).toContain("larger than 64 MB");
  expect((await pageFetch("/apps/rack-echo/?format=raw", { method: "POST", body: "still here" })).text).toBe("still here");
});
