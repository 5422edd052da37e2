// Programs that run away in the playground: endless loops, endless recursion, endless allocation. Each
// is reported as what it is, the page stays usable, and the next run works.
import { test, expect } from "@playwright/test";

test.setTimeout(180_000);

async function openPlayground(page) {
  await page.goto("/");
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await expect(page.locator("#run")).toBeEnabled();
}

async function run(page, code) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
  await page.click("#run");
}

async function expectNextRunWorks(page) {
  await expect(page.locator("#run")).toBeEnabled();
  await run(page, 'puts "still here #{6 * 7}"');
  await expect(page.locator("#output .stdout")).toHaveText("still here 42\n");
}

test("endless recursion is reported as SystemStackError, and the next run works", async ({ page }) => {
  await openPlayground(page);
  await run(page, "def dive(n) = dive(n + 1)\ndive(0)\n");
  const error = page.locator("#output .error");
  await expect(error).toContainText("stack level too deep (SystemStackError)", { timeout: 60_000 });
  await expect(error).toContainText("recursed too deeply");
  await expectNextRunWorks(page);
});

test("running out of memory says so, the page stays responsive, and the next run works", async ({ page }) => {
  await openPlayground(page);
  await run(page, 'chunks = []\nloop { chunks << ("x" * 200_000_000) }\n');
  // The page answers while the worker allocates.
  await expect(page.locator("#stop")).toBeEnabled();
  expect(await page.evaluate(() => 1 + 1)).toBe(2);
  const error = page.locator("#output .error");
  await expect(error).toContainText(/NoMemoryError|out of memory/, { timeout: 150_000 });
  await expect(error).toContainText("The next run starts in a fresh VM");
  await expectNextRunWorks(page);
});
