// App bundles in the browser: an intact one mounts, a damaged or foreign one is refused with a message
// that says what to do, and nothing of it is mounted.
import { test, expect } from "@playwright/test";

test.beforeEach(async ({ page }) => {
  await page.goto("/fixtures/bundle.html");
  await expect(page).toHaveTitle("ready");
});

test("an intact bundle mounts: its manifest comes back and the app's files are readable", async ({ page }) => {
  const result = await page.evaluate(() => window.mountBundle("none"));
  expect(result.error).toBeUndefined();
  expect(result.manifest.name).toBe("rack-echo");
  expect(result.manifest.entry).toBe("/app/config.ru");
  expect(result.manifest.mounts).toContainEqual({ path: "/gems/rack", writable: false });
  expect(result.config).toContain("run EnvEcho.new");
});

for (const [damage, label, message] of [
  ["truncated", "a truncated download", /The bundle is truncated: expected \d+ bytes, got \d+; download it again\./],
  ["corrupted", "a corrupted download", /The bundle is damaged \(its checksum does not match\); download it again or pack it again\./],
  ["zip", "a zip file", /This is not a Rubyport app bundle .*; build it with the packer\./],
  ["empty", "an empty file", /This is not a Rubyport app bundle/],
]) {
  test(`${label} is refused as a bundle with a clear message, and nothing is mounted`, async ({ page }) => {
    const result = await page.evaluate((d) => window.mountBundle(d), damage);
    expect(result.error).toMatch(message);
    expect(result.app).toBeNull();
  });
}
