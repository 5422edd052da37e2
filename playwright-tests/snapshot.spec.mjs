// Ruby's start-up snapshot that an origin makes itself: where the site shipped none for its wasm, the
// first visit of a /ruby.js page stores the booted VM's memory, later visits restore it instead of booting
// (about a second less), and Ruby behaves the same. (The shipped one: shipped-snapshot.spec.mjs.)
import { test, expect } from "@playwright/test";
import { captureConsole, waitForConsole } from "./helpers.mjs";

test.beforeEach(async ({ context }) => {
  await context.route("**/ruby+stdlib.vm-snapshot", (route) => route.fulfill({ status: 404, body: "none" }));
});

const SNAPSHOTS = "ruby-vm-snapshots";

/** Opens a fixture and waits for its "done" line; returns {logs, restored}. */
async function visit(context, name) {
  const page = await context.newPage();
  const logs = captureConsole(page);
  await page.goto(`/fixtures/${name}.html`);
  await waitForConsole(logs, "done");
  const restored = await page.evaluate(() => performance.getEntriesByName("rubyport:vm-restored").length > 0);
  return { page, logs: logs.map((m) => `${m.type} ${m.text}`), restored };
}

async function snapshotCount(page) {
  return page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, SNAPSHOTS);
}

test("a later visit restores the snapshot; ENV, JS interop and files work, with the visiting page's ENV", async ({ context }) => {
  const first = await visit(context, "snapshot-a");
  expect(first.restored).toBe(false);
  expect(first.logs).toContain('log env=[["WHO","a"]]');
  await expect.poll(() => snapshotCount(first.page)).toBe(1);

  const again = await visit(context, "snapshot-a");
  expect(again.restored).toBe(true);
  const other = await visit(context, "snapshot-b");
  expect(other.restored).toBe(true);
  for (const [visited, env] of [[again, '[["WHO","a"]]'], [other, '[["EXTRA","1"],["WHO","b"]]']]) {
    expect(visited.logs).toContain(`log env=${env}`);
    expect(visited.logs).toContain("log js=5");
    expect(visited.logs).toContain('log file=written ["t"]');
    expect(visited.logs.filter((l) => l.startsWith("error") || l.startsWith("pageerror"))).toEqual([]);
  }
});

test("the first visit's spare VM boots in a worker: the page's thread never stalls while the snapshot is made", async ({ context }) => {
  const page = await context.newPage();
  const logs = captureConsole(page);
  // Long tasks are the page's thread busy for over 50 ms. The spare VM's boot on it is one of 0.6–1.2 s
  // (measured with Worker deleted); with it in a worker there is none, but a full two-worker run on 2 cores
  // once stretched a short task to 278 ms, hence the 450 ms bound.
  await page.addInitScript(() => {
    const log = console.log;
    console.log = (...args) => {
      if (args[0] === "done") window.doneAt = performance.now();
      log(...args);
    };
    window.longTasks = [];
    new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => [e.startTime, e.duration])))
      .observe({ type: "longtask", buffered: true });
  });
  await page.goto("/fixtures/snapshot-a.html");
  await waitForConsole(logs, "done");
  await expect.poll(() => snapshotCount(page), { timeout: 60_000 }).toBe(1);
  const later = await page.evaluate(() => window.longTasks.filter(([start]) => start > window.doneAt));
  expect(later.filter(([, duration]) => duration > 450)).toEqual([]);
  expect(await page.evaluate(() => performance.getEntriesByName("rubyport:snapshot-in-worker").length)).toBe(1);
});

test("the spare VM boots after the page's tags have run, not beside them", async ({ context }) => {
  const page = await context.newPage();
  // The tag's source comes 300 ms late, an idle time in which the spare VM used to start.
  await page.route("**/fixtures/slow-tag.rb", (route) => setTimeout(() => route.continue(), 300));
  const logs = captureConsole(page);
  await page.goto("/fixtures/snapshot-after-tags.html");
  await waitForConsole(logs, "done");
  await expect.poll(() => snapshotCount(page), { timeout: 60_000 }).toBe(1);
  const [started, tagEnd] = await page.evaluate(() =>
    [performance.getEntriesByName("rubyport:snapshot-started")[0]?.startTime, window.tagEnd]);
  expect(tagEnd).toBeGreaterThan(0);
  expect(started).toBeGreaterThan(tagEnd);
});

test("where no worker can start, the snapshot is still made, on the page's thread", async ({ context }) => {
  const page = await context.newPage();
  await page.addInitScript(() => delete window.Worker);
  const logs = captureConsole(page);
  await page.goto("/fixtures/snapshot-a.html");
  await waitForConsole(logs, "done");
  await expect.poll(() => snapshotCount(page), { timeout: 60_000 }).toBe(1);
  expect(await page.evaluate(() => performance.getEntriesByName("rubyport:snapshot-in-worker").length)).toBe(0);
});

test("a damaged snapshot is dropped with a warning, Ruby starts normally, and a good one replaces it", async ({ context }) => {
  const first = await visit(context, "snapshot-a");
  await expect.poll(() => snapshotCount(first.page)).toBe(1);
  await first.page.evaluate(async (name) => {
    const cache = await caches.open(name);
    const [request] = await cache.keys();
    const bytes = new Uint8Array(await (await cache.match(request)).arrayBuffer());
    await cache.put(request, new Response(bytes.slice(0, bytes.length >> 1)));
  }, SNAPSHOTS);

  const damaged = await visit(context, "snapshot-a");
  expect(damaged.restored).toBe(false);
  expect(damaged.logs.some((l) => l.startsWith("warning Ruby's start-up snapshot could not be used"))).toBe(true);
  expect(damaged.logs).toContain('log file=written ["t"]');
  await expect.poll(async () => (await visit(context, "snapshot-a")).restored, { timeout: 60_000 }).toBe(true);
});
