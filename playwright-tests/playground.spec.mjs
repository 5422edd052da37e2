// The first playground page at /.
import { test, expect } from "@playwright/test";

test("shows Ruby's version, runs code and shows its output", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await page.fill("#code", 'puts "sum=#{[1, 2, 3].sum}"\n$stderr.puts "warned"\n:done');
  await page.click("#run");
  await expect(page.locator("#output .stdout")).toHaveText("sum=6\n");
  await expect(page.locator("#output .stderr")).toHaveText("warned\n");
  await expect(page.locator("#output .result")).toHaveText("=> :done\n");
});

test("Ctrl+Enter runs, and an exception shows its message and line", async ({ page }) => {
  await page.goto("/");
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await page.fill("#code", 'x = 1\nraise "bad thing"');
  await page.press("#code", "Control+Enter");
  await expect(page.locator("#output .stderr")).toContainText("bad thing");
  await expect(page.locator("#output .stderr")).toContainText("main.rb:2");
});
