// The Sinatra demo under load in the service worker: 1,000 sequential and 50 concurrent requests, each
// answered, and answered with its own reply; the VM's memory afterwards is reported.
import { test, expect } from "@playwright/test";

test.use({ serviceWorkers: "allow" });
test.setTimeout(180_000);

test("1,000 sequential and 50 concurrent requests are all answered correctly", async ({ page }) => {
  await page.goto("/apps/sinatra-demo/");
  await expect(page.locator("h1").first()).toHaveText("Notes", { timeout: 90_000 });
  const outcome = await page.evaluate(async () => {
    const ask = async (n) => {
      const response = await fetch(`/apps/sinatra-demo/api/square/${n}`);
      const body = await response.json();
      return response.status === 200 && body.n === n && body.square === n * n;
    };
    let sequentialOk = 0;
    const started = performance.now();
    for (let n = 0; n < 1000; n++) sequentialOk += (await ask(n)) ? 1 : 0;
    const sequentialMs = performance.now() - started;
    const concurrent = await Promise.all(Array.from({ length: 50 }, (_, i) => ask(5000 + i)));
    const status = await (await fetch("/__rubyport/boot/sinatra-demo")).json();
    return { sequentialOk, sequentialMs, concurrentOk: concurrent.filter(Boolean).length, memoryBytes: status.memoryBytes };
  });
  console.log(`1,000 sequential requests in ${Math.round(outcome.sequentialMs)} ms; ` +
    `VM memory after the run: ${(outcome.memoryBytes / 1048576).toFixed(0)} MiB`);
  expect(outcome.sequentialOk).toBe(1000);
  expect(outcome.concurrentOk).toBe(50);
  // A booted VM is ~70 MiB. This ruby.wasm build never frees ~23 KB per non-local exit through a C frame
  // (throw, or break out of a C iterator: setjmp/longjmp by Asyncify), which Sinatra does several times a
  // request: ~170 KB a request, ~250 MiB after this run. A leak of the bridge's own would go past this.
  expect(outcome.memoryBytes).toBeLessThan(400 * 1048576);
});
