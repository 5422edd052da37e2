// The start-up snapshot the site build ships beside ruby+stdlib.wasm (scripts/make-vm-snapshot.mjs): a first
// visit of a /ruby.js page restores it instead of booting, and Ruby behaves as if booted; one that does not
// fit the wasm is refused with a warning and Ruby boots.
import { test, expect } from "@playwright/test";
import { gunzipSync, gzipSync } from "node:zlib";
import { captureConsole, waitForConsole } from "./helpers.mjs";

async function visit(context, name) {
  const page = await context.newPage();
  const logs = captureConsole(page);
  await page.goto(`/fixtures/${name}.html`);
  await waitForConsole(logs, "done");
  const marks = await page.evaluate(() => ["rubyport:vm-restored", "rubyport:snapshot-started"]
    .map((name) => performance.getEntriesByName(name).length));
  return { page, logs: logs.map((m) => `${m.type} ${m.text}`), restored: marks[0] > 0, snapshotStarted: marks[1] > 0 };
}

test("a first visit restores the shipped snapshot: ENV, JS interop and files work, and no spare VM boots", async ({ context }) => {
  const first = await visit(context, "snapshot-a");
  expect(first.restored).toBe(true);
  expect(first.logs).toContain('log env=[["WHO","a"]]');
  expect(first.logs).toContain("log js=5");
  expect(first.logs).toContain('log file=written ["t"]');
  expect(first.logs.filter((l) => l.startsWith("error") || l.startsWith("warning"))).toEqual([]);
  await first.page.waitForTimeout(1500); // the spare VM of an origin's own snapshot would have started by now
  expect(await first.page.evaluate(() => performance.getEntriesByName("rubyport:snapshot-started").length)).toBe(0);

  const other = await visit(context, "snapshot-b");
  expect(other.restored).toBe(true);
  expect(other.logs).toContain('log env=[["EXTRA","1"],["WHO","b"]]');
});

test("two VMs restored from it draw different random numbers: rand, Random.new_seed, SecureRandom", async ({ context }) => {
  const draws = [];
  for (let i = 0; i < 2; i++) {
    const page = await context.newPage();
    await page.goto("/fixtures/snapshot-a.html");
    await expect.poll(() => page.evaluate(() => performance.getEntriesByName("rubyport:vm-restored").length)).toBe(1);
    draws.push(JSON.parse(await page.evaluate(() => globalThis.rubyVM.eval(
      'require "securerandom"; [rand(2**60), Random.new_seed, SecureRandom.hex(8)].map(&:to_s).inspect').toString())));
  }
  // The snapshot is the same for every visitor, so anything seeded inside it would repeat.
  for (let i = 0; i < draws[0].length; i++) expect(draws[0][i]).not.toEqual(draws[1][i]);
});

test("a shipped snapshot made for another Ruby is refused with a warning, and Ruby boots normally", async ({ context, request }) => {
  const real = gunzipSync(await (await request.get("/ruby+stdlib.vm-snapshot")).body());
  real.writeUInt32LE((real.readUInt32LE(16) + 1) >>> 0, 16); // the fresh instance's check no longer matches
  await context.route("**/ruby+stdlib.vm-snapshot", (route) => route.fulfill({ status: 200, body: gzipSync(real),
    contentType: "application/octet-stream" }));
  const visited = await visit(context, "snapshot-a");
  expect(visited.restored).toBe(false);
  expect(visited.logs.some((l) => l.startsWith("warning Ruby's start-up snapshot could not be used (VM snapshot made for another Ruby)"))).toBe(true);
  expect(visited.logs).toContain('log env=[["WHO","a"]]');
  expect(visited.logs).toContain('log file=written ["t"]');
});

// Each in a context of its own: a visit that boots stores the origin's own snapshot, which the next would use.
for (const [label, cut] of [["is not gzip", () => Buffer.from("not a snapshot")],
  ["is cut short", (packed) => packed.subarray(0, packed.length >> 1)]]) {
  test(`a shipped snapshot that ${label} is passed over and Ruby boots normally`, async ({ context, request }) => {
    const body = cut(await (await request.get("/ruby+stdlib.vm-snapshot")).body());
    await context.route("**/ruby+stdlib.vm-snapshot", (route) => route.fulfill({ status: 200, body,
      contentType: "application/octet-stream" }));
    const visited = await visit(context, "snapshot-a");
    expect(visited.restored).toBe(false);
    expect(visited.logs).toContain('log file=written ["t"]');
    expect(visited.logs.filter((l) => l.startsWith("error") || l.startsWith("pageerror"))).toEqual([]);
  });
}
