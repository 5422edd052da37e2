// The Rails demo (apps/rails-tasks): Rails 6.1 on the stock Ruby 3.4 wasm inside the service worker, with
// ActiveRecord on sqlite-wasm and the database kept in IndexedDB.
import { test, expect } from "@playwright/test";

test.use({ serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

const APP = "/apps/rails-tasks/";
let context;
let page;

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ serviceWorkers: "allow" });
  page = await context.newPage();
  page.on("console", (m) => console.log("page:", m.text()));
});

test.afterAll(async () => {
  await context.close();
});

test("the first visit boots Rails behind a progress page, runs the migrations and the seeds", async () => {
  test.setTimeout(180_000);
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  context.serviceWorkers()[0]?.on("console", (m) => console.log("sw:", m.text()));
  await page.goto(APP);
  await expect(page.locator("h1").first()).toHaveText("Projects", { timeout: 150_000 });
  await expect(page.locator("table.projects")).toContainText("Try Rubyport");
});
