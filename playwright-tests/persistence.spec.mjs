// The project store under faults: a tab killed in the middle of a save, and two tabs editing one project.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

test.beforeAll(async () => {
  await build({ entryPoints: [path.join(root, "playground/src/main/js/project/store.js")], bundle: true, format: "esm",
    target: "es2022", logLevel: "warning", outfile: path.join(root, "playwright-tests/fixtures/.generated/persistence-store.js") });
});

async function openStore(page) {
  await page.goto("/fixtures/persistence.html");
  await page.waitForFunction(() => window.store);
}

/** A project of 40 files that all say which version they belong to; big ones make a save take a while. */
function projectSource(version, fileBytes) {
  return `(() => { const files = {}; for (let i = 0; i < 40; i++) files["f" + i + ".rb"] = "# ${version}\\n" + "x".repeat(${fileBytes});
    files["main.rb"] = "# ${version}\\n"; return { files, open: "main.rb" }; })()`;
}

for (const delay of [0, 5, 20, 60]) {
  test(`a tab killed ${delay} ms into a big save leaves the last complete save, whole`, async ({ context }) => {
    const page = await context.newPage();
    await openStore(page);
    await page.evaluate(`window.store.saveProject(${projectSource("v1", 100)})`);
    // Start a 40 MB save and crash the renderer while it may still be writing.
    await page.evaluate(`window.pending = window.store.saveProject(${projectSource("v2", 1_000_000)}); 0`);
    await page.waitForTimeout(delay);
    const cdp = await context.newCDPSession(page);
    cdp.send("Page.crash").catch(() => {});
    await page.waitForEvent("crash");

    const reopened = await context.newPage();
    await openStore(reopened);
    const versions = await reopened.evaluate(async () => {
      const project = await window.store.loadProject();
      return [...new Set(Object.values(project.files).map((text) => text.split("\n")[0]))];
    });
    expect(versions.length).toBe(1);
    expect(["# v1", "# v2"]).toContain(versions[0]);
  });
}

test("the first save asks the browser to keep the project's storage, once per page", async ({ page }) => {
  await page.addInitScript(() => {
    window.persistCalls = 0;
    navigator.storage.persist = async () => { window.persistCalls++; return false; };
  });
  await openStore(page);
  expect(await page.evaluate(() => window.persistCalls)).toBe(0);
  await page.evaluate(`window.store.saveProject(${projectSource("v1", 10)})`);
  await page.evaluate(`window.store.saveProject(${projectSource("v2", 10)})`);
  expect(await page.evaluate(() => window.persistCalls)).toBe(1);
  // Refused (false), saving goes on as before.
  expect(await page.evaluate(async () => (await window.store.loadProject()).files["main.rb"])).toBe("# v2\n");
});

/** Opens the playground and waits until the project has loaded and Ruby is ready. */
async function openPlayground(page) {
  await page.goto("/");
  await expect(page.locator("#run")).toBeEnabled({ timeout: 60_000 });
}

async function type(page, text) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(text);
  await expect(page.locator("#save-status")).toHaveText("Saved");
}

const editorText = (page) => page.locator(".cm-content").innerText();

test("two tabs on one project: each learns of the other's save, the later save wins, nothing is lost", async ({ context }) => {
  const a = await context.newPage();
  const b = await context.newPage();
  await openPlayground(a);
  await openPlayground(b);

  await type(a, 'puts "from tab A"');
  // B is told, and may load A's version.
  await expect(b.locator("#notice")).toContainText("changed in another tab");
  await expect(b.locator("#notice-action")).toHaveText("Load the other tab's version");

  // B does not load it but edits on: B's later save wins, and A's version stays restorable in B.
  await type(b, 'puts "from tab B"');
  await expect(b.locator("#notice")).toContainText("Your version here was saved over it");
  await b.click("#restore");
  await expect.poll(() => editorText(b)).toBe('puts "from tab A"');
  await b.click("#restore");
  await expect.poll(() => editorText(b)).toBe('puts "from tab B"');

  // A hears of B's saves and loads B's version; its own stays restorable.
  await expect(a.locator("#notice-action")).toHaveText("Load the other tab's version");
  await a.click("#notice-action");
  await expect.poll(() => editorText(a)).toBe('puts "from tab B"');
  await a.click("#restore");
  await expect.poll(() => editorText(a)).toBe('puts "from tab A"');

  // A's restore was the latest change, so once it is saved a new tab opens A's version.
  const c = await context.newPage();
  await expect.poll(async () => {
    await openPlayground(c);
    return editorText(c);
  }, { timeout: 30_000 }).toBe('puts "from tab A"');
});
