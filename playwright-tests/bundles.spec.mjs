// App bundles in the browser: an intact one mounts, a damaged or foreign one is refused with a message
// that says what to do, and nothing of it is mounted.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

test.beforeAll(async () => {
  // boot.js and the WASI runtime as the service worker uses them.
  await build({ stdin: { contents: 'export * from "./boot.js"; export { AppWasi } from "./app-wasi.js";', resolveDir: path.join(root, "playground/src/main/js"),
    loader: "js" }, bundle: true, format: "esm", target: "es2022", logLevel: "warning", conditions: ["browser"],
  outfile: path.join(root, "playwright-tests/fixtures/.generated/bundle-ruby.js") });
});

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

test("Ruby over a mounted bundle: gems load and are read-only, the app's tree takes writes", async ({ page }) => {
  const result = await page.evaluate(() => window.rubyOnBundle(`
    $LOAD_PATH.unshift("/gems/rack/lib")
    require "rack"
    write_gem = begin; File.write("/gems/rack/lib/evil.rb", "x"); "written"; rescue SystemCallError => e; e.class.name; end
    delete_gem = begin; File.delete("/gems/rack/lib/rack.rb"); "deleted"; rescue SystemCallError => e; e.class.name; end
    Dir.mkdir("/app/tmp")
    File.write("/app/tmp/log.txt", "hello")
    File.write("/app/config.ru", File.read("/app/config.ru") + "# changed")
    [Rack::VERSION.join("."), write_gem, delete_gem, File.read("/app/tmp/log.txt"),
     File.read("/app/config.ru").end_with?("# changed")].join(" ")
  `));
  expect(result).toMatch(/^1\.\d+ Errno::EROFS Errno::EROFS hello true$/);
});
