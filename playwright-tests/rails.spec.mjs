// The Rails demo (apps/rails-tasks): Rails 6.1 on the stock Ruby 3.4 wasm inside the service worker, with
// ActiveRecord on sqlite-wasm and its database kept in IndexedDB: CRUD through the forms, validations,
// flash and redirects, sessions, has_many, JSON, the stylesheet, persistence across reloads, worker and
// browser restarts, offline use, and a failed save.
import { test, expect, chromium } from "@playwright/test";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { stopServiceWorkers } from "./helpers.mjs";

test.use({ serviceWorkers: "allow" });
test.describe.configure({ mode: "serial" });

const APP = "/apps/rails-tasks/";
const BOOT_TIMEOUT = 120_000;
let context;
let page;

/** Opens an app page (through the boot page when Rails is not up); waits for its first heading. */
async function open(url, heading) {
  await page.goto(url);
  await expect(page.locator("h1").first()).toHaveText(heading, { timeout: BOOT_TIMEOUT });
}

/** Fills a form's fields (name → value) and submits it with the button labelled submit. */
async function submit(fields, submitLabel) {
  for (const [name, value] of Object.entries(fields)) await page.fill(`[name="${name}"]`, value);
  await page.click(`input[type="submit"][value="${submitLabel}"]`);
}

/** Submits the form as submit() does; returns the response to its POST. */
async function submitForResponse(fields, submitLabel) {
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    submit(fields, submitLabel),
  ]);
  return response;
}

test.beforeAll(async ({ browser }) => {
  context = await browser.newContext({ serviceWorkers: "allow" });
  page = await context.newPage();
});

test.afterAll(async () => {
  await context.close();
});

test("the playground lists the Rails app; its first visit boots Rails behind a progress page, migrates and seeds", async () => {
  test.setTimeout(BOOT_TIMEOUT + 30_000);
  await page.goto("/");
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.locator(".apps-menu summary").click();
  await expect(page.locator("#apps-list a", { hasText: "Rails tasks" })).toHaveAttribute("href", APP);
  const stages = [];
  await page.exposeFunction("recordStage", (text) => stages.push(text));
  await page.addInitScript(() => {
    new BroadcastChannel("rubyport-app-boot").onmessage = ({ data }) => window.recordStage?.(data.detail);
  });
  await page.locator("#apps-list a", { hasText: "Rails tasks" }).click();
  await expect(page.locator("#progress")).toBeVisible();
  await expect(page.locator("h1").first()).toHaveText("Projects", { timeout: BOOT_TIMEOUT });
  await expect(page.locator("table.projects")).toContainText("Try Rubyport");
  await expect(page.locator("table.projects")).toContainText("0.75 h");
  expect(stages.some((text) => /Loading Rails tasks: active_record \(\d+ of \d+\)/.test(text))).toBe(true);
  expect(stages.at(-1)).toMatch(/^Booted in \d+ ms$/);
});

test("the layout links the stylesheet from public/, and it applies", async () => {
  const href = await page.locator('link[rel="stylesheet"]').getAttribute("href");
  expect(href).toBe("/apps/rails-tasks/stylesheets/app.css");
  const response = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { status: r.status, type: r.headers.get("content-type") };
  }, href);
  expect(response).toEqual({ status: 200, type: expect.stringContaining("text/css") });
  expect(await page.locator("footer").evaluate((el) => getComputedStyle(el).color)).toBe("rgb(119, 119, 119)");
  await expect(page.locator("footer")).toContainText("Rails 6.1.7");
});

test("a project is created through the form, with a redirect after POST and a flash message", async () => {
  await page.click("text=New project");
  await expect(page.locator("h1")).toHaveText("New project");
  await submit({ "project[name]": "Garden", "project[description]": "Beds & <borders>" }, "Create Project");
  await expect(page.locator("h1")).toHaveText("Garden");
  await expect(page).toHaveURL(/\/apps\/rails-tasks\/projects\/\d+$/);
  await expect(page.locator(".flash.notice")).toHaveText("Project “Garden” was created.");
  await expect(page.locator(".description")).toHaveText("Beds & <borders>");
  await page.reload();
  await expect(page.locator(".flash")).toHaveCount(0); // a flash is shown once
});

test("validation errors show on the form, with a 422, and nothing is saved", async () => {
  await open(`${APP}projects/new`, "New project");
  const response = await submitForResponse({ "project[name]": "" }, "Create Project");
  expect(response.status()).toBe(422);
  await expect(page.locator(".errors")).toContainText("1 error prevented this from being saved");
  await expect(page.locator(".errors li")).toHaveText(["Name can't be blank"]);
  await submit({ "project[name]": "garden" }, "Create Project");
  await expect(page.locator(".errors li")).toHaveText(["Name has already been taken"]);
  await open(APP, "Projects");
  await expect(page.locator("table.projects tbody tr")).toHaveCount(2);
});

test("tasks belong to a project (has_many): added, validated, edited and deleted through the forms", async () => {
  await page.click("text=Garden");
  await submit({ "task[title]": "Dig", "task[estimate]": "1.5" }, "Add task");
  await expect(page.locator(".flash.notice")).toHaveText("Task “Dig” was added.");
  await submit({ "task[title]": "Plant", "task[estimate]": "0.25" }, "Add task");
  await expect(page.locator("ul.tasks li .title")).toHaveText(["Dig", "Plant"]);
  await expect(page.locator("h2")).toContainText("1.75 h left");
  await submit({ "task[title]": "", "task[estimate]": "lots" }, "Add task");
  await expect(page.locator(".errors li")).toHaveText(["Title can't be blank", "Estimate is not a number"]);
  await submit({ "task[title]": "", "task[estimate]": "5" }, "Add task");
  await expect(page.locator(".errors li")).toHaveText(["Title can't be blank"]);
  await expect(page.locator("h2", { hasText: "left" })).toContainText("1.75 h left"); // the unsaved task is not counted

  await page.locator("ul.tasks li", { hasText: "Dig" }).locator("text=Edit").click();
  await expect(page.locator("h1")).toHaveText("Edit task in Garden");
  await page.check('[name="task[done]"][type="checkbox"]');
  await submit({ "task[title]": "Dig deeper" }, "Update task");
  await expect(page.locator(".flash.notice")).toHaveText("Task “Dig deeper” was updated.");
  await expect(page.locator("ul.tasks li.done .title")).toHaveText("Dig deeper");
  await expect(page.locator("h2")).toContainText("0.25 h left");

  await page.locator("ul.tasks li", { hasText: "Plant" }).locator('input[value="Delete"]').click();
  await expect(page.locator(".flash.notice")).toHaveText("Task “Plant” was deleted.");
  await expect(page.locator("ul.tasks li .title")).toHaveText(["Dig deeper"]);
});

test("a body Rails cannot parse gets a 400 page that says so, and the app goes on", async () => {
  const here = page.url(); // the tests share one page: the next one goes on from here
  const heading = await page.locator("h1").first().textContent();
  const reply = await page.evaluate(async (url) => {
    const token = document.querySelector('meta[name="csrf-token"]').content;
    const response = await fetch(url, { method: "POST", body: "{bad json",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token } });
    return { status: response.status, text: await response.text() };
  }, `${APP}projects`);
  expect(reply.status).toBe(400);
  expect(reply.text).toContain("The request could not be read");
  await open(here, heading);
});

test("a project is edited, and its edit form shows validation errors too", async () => {
  await page.click("text=Edit");
  await submit({ "project[name]": "" }, "Update Project");
  await expect(page.locator(".errors li")).toHaveText(["Name can't be blank"]);
  await submit({ "project[name]": "Vegetable garden" }, "Update Project");
  await expect(page.locator(".flash.notice")).toHaveText("Project “Vegetable garden” was updated.");
  await expect(page.locator("h1")).toHaveText("Vegetable garden");
});

test("signing in keeps the name in the session: tasks added are signed with it, until signing out", async () => {
  await page.click("text=Sign in");
  await submit({ name: "Ada" }, "Sign in");
  await expect(page.locator(".flash.notice")).toHaveText("Signed in as Ada.");
  await expect(page.locator("header .user")).toHaveText("Signed in as Ada");
  expect(await page.evaluate(() => document.cookie)).toBe(""); // the worker's jar keeps the session cookie
  await page.click("text=Vegetable garden");
  await submit({ "task[title]": "Water" }, "Add task");
  await expect(page.locator("ul.tasks li", { hasText: "Water" }).locator(".meta")).toContainText("by Ada");
  await page.click('input[value="Sign out"]');
  await expect(page.locator(".flash.notice")).toHaveText("Signed out.");
  await expect(page.locator("header nav")).toContainText("Sign in");
});

test("the JSON endpoints list projects with their tasks; decimals come as strings", async () => {
  const json = await page.evaluate(async (url) => {
    const r = await fetch(url);
    return { type: r.headers.get("content-type"), body: await r.json() };
  }, `${APP}projects.json`);
  expect(json.type).toContain("application/json");
  const garden = json.body.find((p) => p.name === "Vegetable garden");
  expect(garden.description).toBe("Beds & <borders>");
  expect(garden.remaining_hours).toBe("0.0");
  expect(garden.tasks.map((t) => [t.title, t.done, t.estimate, t.created_by])).toEqual([
    ["Dig deeper", true, "1.5", "anonymous"], ["Water", false, null, "Ada"]]);
  const one = await page.evaluate(async (url) => (await fetch(url)).json(), `${APP}projects/${garden.id}.json`);
  expect(one.name).toBe("Vegetable garden");
  expect(one.tasks.map((t) => t.title)).toEqual(["Dig deeper", "Water"]); // no unsaved task for the form
});

test("an unknown record is a 404 with Rails' error page, and the app keeps serving", async () => {
  const response = await page.goto(`${APP}projects/999999`);
  expect(response.status()).toBe(404);
  await expect(page.locator("body")).toContainText("ActiveRecord::RecordNotFound");
  await open(APP, "Projects");
});

test("a reload after the service worker stopped boots again, from the app's snapshot, over the saved database", async () => {
  test.setTimeout(BOOT_TIMEOUT + 30_000);
  await stopServiceWorkers(page); // the next request boots Ruby again
  await open(APP, "Projects");
  const status = await page.evaluate(async () => (await fetch("/__rubyport/boot/rails-tasks")).json());
  expect(status).toMatchObject({ ok: true, restored: true, from: "app" });
  await expect(page.locator("table.projects")).toContainText("Vegetable garden");
  await page.click("text=Vegetable garden");
  await expect(page.locator("ul.tasks li .title")).toHaveText(["Dig deeper", "Water"]);
});

test("offline after the first visit, the app still reads and writes", async () => {
  await context.setOffline(true);
  try {
    await open(APP, "Projects");
    await page.click("text=New project");
    await submit({ "project[name]": "Offline notes" }, "Create Project");
    await expect(page.locator(".flash.notice")).toHaveText("Project “Offline notes” was created.");
  } finally {
    await context.setOffline(false);
  }
});

test("a save the browser refuses gives a 500 page saying what to do; the saved data is intact", async () => {
  const worker = context.serviceWorkers()[0];
  // The next IndexedDB write fails as with a full quota.
  await worker.evaluate(() => {
    self.realPut = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
    };
  });
  try {
    await open(`${APP}projects/new`, "New project");
    const response = await submitForResponse({ "project[name]": "Never saved" }, "Create Project");
    expect(response.status()).toBe(500);
    await expect(page.locator("body")).toContainText("Your change was not saved: the browser's storage for this site is full");
    await expect(page.locator("body")).toContainText("The data saved before is unchanged");
  } finally {
    await worker.evaluate(() => {
      IDBObjectStore.prototype.put = self.realPut;
    });
  }
  await open(APP, "Projects");
  await expect(page.locator("table.projects")).not.toContainText("Never saved");
  await expect(page.locator("table.projects")).toContainText("Offline notes");
  // And after a restart, the stored database is the last complete save.
  await stopServiceWorkers(page); // the next request boots Ruby again
  await open(APP, "Projects");
  await expect(page.locator("table.projects")).not.toContainText("Never saved");
  await expect(page.locator("table.projects tbody tr")).toHaveCount(3);
});

test("projects are deleted with their tasks (dependent: :destroy)", async () => {
  await page.click("text=Offline notes");
  await page.click('input[value="Delete project"]');
  await expect(page.locator(".flash.notice")).toHaveText("Project “Offline notes” was deleted.");
  await expect(page.locator("table.projects")).not.toContainText("Offline notes");
});

test("the database survives a browser restart", async ({}, testInfo) => {
  test.setTimeout(2 * BOOT_TIMEOUT + 30_000);
  const profile = await mkdtemp(path.join(tmpdir(), "rubyport-rails-"));
  const options = { ...testInfo.project.use.launchOptions, baseURL: testInfo.project.use.baseURL, serviceWorkers: "allow" };
  try {
    for (const visit of [1, 2]) {
      const browser = await chromium.launchPersistentContext(profile, options);
      const tab = browser.pages()[0] || await browser.newPage();
      if (visit === 1) {
        await tab.goto("/");
        await tab.evaluate(() => navigator.serviceWorker.ready);
      }
      await tab.goto(APP);
      await expect(tab.locator("h1").first()).toHaveText("Projects", { timeout: BOOT_TIMEOUT });
      if (visit === 1) {
        await tab.goto(`${APP}projects/new`);
        await tab.fill('[name="project[name]"]', "Kept across restarts");
        await tab.click('input[value="Create Project"]');
        await expect(tab.locator(".flash.notice")).toContainText("was created");
      } else {
        await expect(tab.locator("table.projects")).toContainText("Kept across restarts");
      }
      await browser.close();
    }
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
});
