// The playground page at /: editor, Ruby in a worker, stdin, stop, sleep, files, persistence, sharing.
import { test, expect } from "@playwright/test";
import { randomBytes } from "node:crypto";

/** Opens the playground on a fresh origin state and waits until Ruby is ready. */
async function openPlayground(page, url = "/") {
  await page.goto(url);
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
  await expect(page.locator("#run")).toBeEnabled();
}

/** Replaces the editor's text, as typing (or pasting) would. */
async function setCode(page, code) {
  await page.locator(".cm-content").click();
  await page.keyboard.press("Control+A");
  await page.keyboard.insertText(code);
}

const output = (page) => page.locator("#output");

/** Reloads the playground and waits until Ruby is ready again. */
async function reloadPlayground(page) {
  await page.reload();
  await openPlayground(page, page.url());
}

/** Makes a share link of code (typed into the editor) with the Share button; returns the link. */
async function shareLink(page, code) {
  await setCode(page, code);
  await page.click("#share");
  // The link is made asynchronously (compression), so wait for it rather than read the field at once.
  await expect(page.locator("#share-url")).toHaveValue(/#code=/);
  // Saved before the link is opened elsewhere: a save landing later tells the other tab, whose notice
  // then rightly replaces the one a test reads.
  await expect(page.locator("#save-status")).toHaveText("Saved");
  return page.locator("#share-url").inputValue();
}

test("shows the download progress reaching 100% and Ruby's version", async ({ page }) => {
  await page.addInitScript(() => {
    // Records every value the page gives a progress bar.
    window.progressValues = [];
    const value = Object.getOwnPropertyDescriptor(HTMLProgressElement.prototype, "value");
    Object.defineProperty(HTMLProgressElement.prototype, "value", {
      get() { return value.get.call(this); },
      set(v) { window.progressValues.push(v); value.set.call(this, v); },
    });
  });
  await openPlayground(page);
  const values = await page.evaluate(() => window.progressValues);
  expect(values.at(-1)).toBe(100);
  expect(values.some((v) => v > 0 && v < 100)).toBe(true);
  await expect(page.locator("#loading")).toBeHidden();
});

test("each run's worker restores Ruby from the start-up snapshot the site shipped, a fresh VM each run", async ({ page }) => {
  const restores = () => page.evaluate(() => performance.getEntriesByName("rubyport:spare-restored").length);
  await openPlayground(page);
  expect(await restores()).toBe(1);
  await setCode(page, "puts defined?($seen).inspect\n$seen = true\n6 * 7");
  for (let run = 0; run < 2; run++) { // each run a fresh VM: nothing is left of the last one
    await page.click("#run");
    await expect(output(page).locator(".result")).toHaveText("=> 42\n");
    await expect(output(page).locator(".stdout")).toHaveText("nil\n");
  }
  expect(await restores()).toBe(2); // the second run's worker was ready before it ran
});

test("where the site shipped no start-up snapshot, the workers boot Ruby", async ({ page }) => {
  await page.route("**/ruby+stdlib.vm-snapshot", (route) => route.fulfill({ status: 404, body: "none" }));
  await openPlayground(page);
  await setCode(page, "puts 40 + 2");
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("42\n");
  expect(await page.evaluate(() => performance.getEntriesByName("rubyport:spare-restored").length)).toBe(0);
});

test("typing and Ctrl+Enter runs; stdout, stderr and the last value show", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'puts "sum=#{[1, 2, 3].sum}"\n$stderr.puts "warned"\n:done');
  await page.keyboard.press("Control+Enter");
  await expect(output(page).locator(".result")).toHaveText("=> :done\n");
  await expect(output(page).locator(".stdout")).toHaveText("sum=6\n");
  await expect(output(page).locator(".stderr")).toHaveText("warned\n");
});

test("stdout and stderr keep the order they were written in, unfinished lines too", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, '$stderr.print "a"\nputs "b"\nprint "c"\n$stderr.puts "d"\nputs "e"\nnil');
  await page.click("#run");
  await expect(output(page).locator(".result")).toHaveText("=> nil\n");
  const pieces = await output(page).locator(".stdout, .stderr").evaluateAll((spans) =>
    spans.map((span) => `${span.className.includes("stderr") ? "err" : "out"}:${span.textContent}`));
  expect(pieces.join("|")).toBe("err:a|out:b\nc|err:d\n|out:e\n");
});

test("a write without a newline shows while the program still runs, as a progress bar needs", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'print "working"\nt = Time.now\nnil while Time.now - t < 3\nputs " done"');
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("working");
  await expect(output(page).locator(".stdout")).toHaveText("working done\n");
});

test("Stop ends a runaway loop within a second, and the next run starts at once", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'puts "looping"\nloop {}');
  await page.click("#run");
  await expect(output(page)).toContainText("looping");
  const stoppedAt = Date.now();
  await page.click("#stop");
  await expect(output(page).locator(".info")).toHaveText("■ Stopped.\n", { timeout: 1000 });
  expect(Date.now() - stoppedAt).toBeLessThan(1000);
  await setCode(page, "puts :again");
  await expect(page.locator("#run")).toBeEnabled({ timeout: 30_000 });
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("again\n");
});

test("gets blocks until a line is typed, and EOF ends input", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'print "Name? "\nname = gets\nputs "Hello, #{name.chomp}!"\nrest = $stdin.each_line.map(&:chomp)\nputs "rest=#{rest.inspect}"');
  await page.click("#run");
  await expect(page.locator("#stdin")).toBeEnabled();
  await expect(output(page)).toContainText("Name? ");
  await page.fill("#stdin", "Ruby");
  await page.press("#stdin", "Enter");
  await expect(output(page)).toContainText("Hello, Ruby!");
  await expect(page.locator("#stdin")).toBeEnabled();
  await page.fill("#stdin", "one");
  await page.press("#stdin", "Enter");
  await expect(page.locator("#stdin")).toBeEnabled();
  await page.press("#stdin", "Control+d");
  await expect(output(page)).toContainText('rest=["one"]');
});

test("a pasted line longer than the stdin buffer (64 KiB) arrives whole, and input after it too", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'line = gets\nputs "line: #{line.bytesize} bytes, #{line.count("é")} é"\nputs "next: #{gets.inspect}"');
  await page.click("#run");
  await expect(page.locator("#stdin")).toBeEnabled();
  await page.fill("#stdin", "é".repeat(100_000)); // 200,001 UTF-8 bytes with the newline
  await page.press("#stdin", "Enter");
  await expect(output(page)).toContainText("line: 200001 bytes, 100000 é");
  await expect(page.locator("#stdin")).toBeEnabled();
  await page.fill("#stdin", "after");
  await page.press("#stdin", "Enter");
  await expect(output(page)).toContainText('next: "after\\n"');
});

test("the next spare VM boots after a short run, not beside it; beside a run that waits for input or runs long", async ({ page }) => {
  await page.addInitScript(() => {
    // When each Ruby worker is made, and when Run was last clicked, in ms of performance.now().
    window.workersMade = [];
    const Original = window.Worker;
    window.Worker = class extends Original {
      constructor(...args) {
        super(...args);
        window.workersMade.push(performance.now());
      }
    };
    document.addEventListener("click", (e) => { if (e.target.id === "run") window.runClickedAt = performance.now(); }, true);
  });
  await openPlayground(page);
  /** Runs code until text is in the output, then lists when workers were made, in ms after the click. */
  const workersAfterRun = async (code, until, answer) => {
    await setCode(page, code);
    await expect(page.locator("#run")).toBeEnabled();
    const before = await page.evaluate(() => window.workersMade.length);
    await page.click("#run");
    if (answer) {
      await expect(page.locator("#stdin")).toBeEnabled();
      await expect.poll(() => page.evaluate(() => window.workersMade.length)).toBe(before + 1);
      await page.fill("#stdin", answer);
      await page.press("#stdin", "Enter");
    }
    await expect(output(page)).toContainText(until);
    await expect.poll(() => page.evaluate(() => window.workersMade.length)).toBe(before + 1);
    return page.evaluate((n) => window.workersMade.slice(n).map((t) => t - window.runClickedAt), before);
  };
  const busy = (seconds) => `t = Process.clock_gettime(Process::CLOCK_MONOTONIC)\n` +
    `nil while Process.clock_gettime(Process::CLOCK_MONOTONIC) - t < ${seconds}\nputs "done"`;
  // Half a second of work: the spare waits until it has ended.
  const [afterShort] = await workersAfterRun(busy(0.5), "done");
  expect(afterShort).toBeGreaterThanOrEqual(500);
  // Waiting in gets leaves the machine free: the spare boots then, well before the long-run timer.
  const [afterGets] = await workersAfterRun('puts "hi #{gets}"', "hi Ada", "Ada");
  expect(afterGets).toBeLessThan(900);
  // A long run gets its spare beside it after a second, so that the next run still starts at once.
  const [afterLong] = await workersAfterRun(busy(2.5), "done");
  expect(afterLong).toBeGreaterThanOrEqual(950);
  expect(afterLong).toBeLessThan(2400);
});

test("sleep 1 really waits about a second, without hanging", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 't = Process.clock_gettime(Process::CLOCK_MONOTONIC)\nsleep 1\nputs "slept=#{(Process.clock_gettime(Process::CLOCK_MONOTONIC) - t).round(2)}"');
  const started = Date.now();
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toContainText("slept=", { timeout: 10_000 });
  const elapsed = Date.now() - started;
  expect(elapsed).toBeGreaterThanOrEqual(950);
  expect(elapsed).toBeLessThan(8000);
  const slept = Number((await output(page).locator(".stdout").textContent()).match(/slept=([\d.]+)/)[1]);
  expect(slept).toBeGreaterThanOrEqual(0.95);
});

test("an exception shows its message and backtrace and highlights the failing line", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'x = 1\ndef boom = raise(ArgumentError, "bad thing")\nboom\nputs "unreached"');
  await page.click("#run");
  await expect(output(page).locator(".error")).toContainText("bad thing (ArgumentError)");
  await expect(output(page).locator(".error")).toContainText("main.rb:2");
  await expect(page.locator(".cm-error-line")).toHaveText('def boom = raise(ArgumentError, "bad thing")');
  // Only the user's frames: none of the runner that evaluated their file.
  await expect(output(page).locator(".error")).not.toContainText("Rubyport::Runner");
  await expect(output(page).locator(".error")).not.toContainText("InstructionSequence");
});

test("a syntax error shows Ruby's message and highlights its line, in main.rb or a required file", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'puts "a"\nputs(1\nputs "b"');
  await page.click("#run");
  await expect(output(page).locator(".error")).toContainText("SyntaxError");
  await expect(output(page).locator(".error")).toContainText("main.rb:");
  await expect(output(page).locator(".error")).not.toContainText("NotImplementedError");
  await expect(output(page).locator(".error")).not.toContainText("Thread");
  await expect(page.locator(".cm-error-line")).toHaveCount(1);
  await expect(page.locator("#run")).toBeEnabled();
});

test("the project's code runs without a string eval beneath it (each C frame there slows every setjmp)", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'puts caller.grep(/Kernel.eval|<main>/).size');
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("0\n");
});

test("exit! ends the run with its status and no crash report; $0 is the file, as under `ruby main.rb`", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, 'puts $0 == __FILE__\nat_exit { puts "at_exit ran" }\nexit! 2');
  await page.click("#run");
  await expect(output(page).locator(".info")).toHaveText("Exited with status 2.\n");
  await expect(output(page).locator(".stdout")).toHaveText("true\n");
  await expect(output(page).locator(".stderr")).toHaveCount(0);
  await setCode(page, "Process.exit!(true)");
  // Ctrl+Enter runs from outside the editor too.
  await page.locator("#output").click();
  await page.keyboard.press("Control+Enter");
  await expect(output(page).locator(".info")).toHaveText("Exited with status 0.\n");
});

test("require_relative works across files made in the file tree", async ({ page }) => {
  await openPlayground(page);
  await page.click('[data-action="new-file"]');
  await page.fill(".file-tree-input", "lib/greeter.rb");
  await page.press(".file-tree-input", "Enter");
  await expect(page.locator("#current-file")).toHaveText("lib/greeter.rb");
  await setCode(page, 'module Greeter\n  def self.hi(name) = "hi #{name}"\nend');
  await page.locator('.file-tree [data-path="main.rb"]').click();
  await expect(page.locator("#current-file")).toHaveText("main.rb");
  await setCode(page, 'require_relative "lib/greeter"\nputs Greeter.hi("files")');
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("hi files\n");
});

test("files and the open tab come back after a reload", async ({ page }) => {
  await openPlayground(page);
  await page.click('[data-action="new-file"]');
  await page.fill(".file-tree-input", "notes.rb");
  await page.press(".file-tree-input", "Enter");
  await setCode(page, "# kept across reloads");
  await expect(page.locator("#save-status")).toHaveText("Saved");
  await reloadPlayground(page);
  await expect(page.locator("#current-file")).toHaveText("notes.rb");
  await expect(page.locator(".cm-content")).toHaveText("# kept across reloads");
  await expect(page.locator('.file-tree [data-path="main.rb"]')).toBeVisible();
});

test("a share link loads the project but never runs it", async ({ page, context }) => {
  await openPlayground(page);
  const url = await shareLink(page, 'puts "shared code ran"');
  const other = await context.newPage();
  await openPlayground(other, url);
  await expect(other.locator(".cm-content")).toHaveText('puts "shared code ran"');
  await expect(other.locator("#notice")).toContainText("has not run");
  await other.waitForTimeout(1000);
  await expect(other.locator("#output")).toHaveText("");
  await other.click("#run");
  await expect(other.locator("#output .stdout")).toHaveText("shared code ran\n");
});

test("a share link too long for browsers is not offered, and a long one says what to do if it arrives cut", async ({ page }) => {
  await openPlayground(page);
  // Random letters barely compress, so the link grows with the code.
  const randomText = (chars) => randomBytes(chars * 3 / 4).toString("base64");
  const notice = page.locator("#notice-text");

  await setCode(page, `# ${randomText(60_000)}\nputs 1\n`);
  await page.click("#share");
  await expect(notice).toContainText("The link is");
  await expect(notice).toContainText("KB long, and some apps cut links that long: if it arrives cut short, send the project as a zip");
  expect((await page.locator("#share-url").inputValue()).length).toBeGreaterThan(8000);

  const big = `# ${randomText(3_000_000)}\nputs 2\n`;
  await setCode(page, big);
  await page.click("#share");
  await expect(notice).toContainText("This project is too big for a share link");
  await expect(notice).toContainText("Use Download zip under the files and send the zip instead.");
  await expect(page.locator("#share-url")).toBeHidden();
  // Nothing the user typed is lost: the whole file still runs, down to its last line.
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("2\n");
});

test("a share link is read once: edits to the shared project survive a reload", async ({ page, context }) => {
  await openPlayground(page);
  const link = await shareLink(page, 'puts "v1"');
  expect(new URL(page.url()).hash).toBe(""); // sharing leaves the address bar alone
  const other = await context.newPage();
  await openPlayground(other, link);
  await expect(other.locator(".cm-content")).toHaveText('puts "v1"');
  expect(new URL(other.url()).hash).toBe("");
  await setCode(other, 'puts "v2"');
  await expect(other.locator("#save-status")).toHaveText("Saved");
  await reloadPlayground(other);
  await expect(other.locator(".cm-content")).toHaveText('puts "v2"');
});

test("the project a share link or an example replaced can still be restored after a reload", async ({ page, context }) => {
  await openPlayground(page);
  const link = await shareLink(page, 'puts "shared"');
  await setCode(page, 'puts "my own work"');
  await expect(page.locator("#save-status")).toHaveText("Saved");

  await page.goto("about:blank"); // a new page load, not a jump to the fragment
  await openPlayground(page, link);
  await expect(page.locator(".cm-content")).toHaveText('puts "shared"');
  await setCode(page, 'puts "shared, edited"'); // saved over the user's own project
  await expect(page.locator("#save-status")).toHaveText("Saved");
  await reloadPlayground(page);
  await expect(page.locator(".cm-content")).toHaveText('puts "shared, edited"');
  await page.click("#restore");
  await expect(page.locator(".cm-content")).toHaveText('puts "my own work"');
  await expect(page.locator("#save-status")).toHaveText("Saved");
  await reloadPlayground(page);
  await expect(page.locator(".cm-content")).toHaveText('puts "my own work"');
});

test("the examples menu offers at least six examples, and each runs to its end without an error", async ({ page }) => {
  await openPlayground(page);
  const options = await page.locator("#examples option").evaluateAll((o) => o.map((x) => x.value).filter(Boolean));
  expect(options.length).toBeGreaterThanOrEqual(6);
  for (const example of options) {
    await page.selectOption("#examples", example);
    await expect(output(page)).toHaveText(""); // the last example's output is not left beside the new one
    await page.click("#run");
    if (example === "gets") {
      await page.fill("#stdin", "Ada");
      await page.press("#stdin", "Enter");
      for (const number of ["2", "40"]) {
        await expect(page.locator("#stdin")).toBeEnabled();
        await page.fill("#stdin", number);
        await page.press("#stdin", "Enter");
      }
      await expect(page.locator("#stdin")).toBeEnabled();
      await page.click("#stdin-eof");
    }
    await expect(output(page).locator(".result"), example).toBeVisible({ timeout: 30_000 });
    await expect(output(page).locator(".error"), example).toHaveCount(0);
    await expect(page.locator("#run")).toBeEnabled();
    if (example === "gets") await expect(output(page)).toContainText("The sum of 2 numbers is 42.");
    if (example === "dom") {
      await expect(page.locator("#dom-sandbox")).toContainText("Hello from Ruby 3.4");
      await page.locator("#dom-sandbox div").click();
      await expect(page.locator("#dom-sandbox")).toContainText("Clicked 1 time: now seagreen.");
    }
  }
});

test("a long loop of puts is drawn as it comes, keeps the page responsive, and Stop works", async ({ page }) => {
  await openPlayground(page);
  await setCode(page, "20_000.times { |i| puts i }\n:done");
  const started = Date.now();
  await page.click("#run");
  await expect(output(page).locator(".result")).toHaveText("=> :done\n", { timeout: 30_000 });
  const text = await output(page).locator(".stdout").allTextContents();
  expect(text.join("")).toBe(Array.from({ length: 20_000 }, (_, i) => `${i}\n`).join(""));
  expect(Date.now() - started).toBeLessThan(20_000); // 3,000 lines took 93 s when each was laid out alone

  await setCode(page, "loop { puts 'x' * 80 }");
  await page.click("#run");
  await expect(output(page)).toContainText("earlier output was dropped", { timeout: 30_000 });
  const answer = await page.evaluate(() => new Promise((resolve) => setTimeout(() => resolve("responsive"), 0)));
  expect(answer).toBe("responsive");
  await page.click("#stop");
  await expect(output(page).locator(".info").last()).toHaveText("■ Stopped.\n");
});

test("a failed download shows a retry button that works", async ({ page }) => {
  let fail = true;
  await page.route("**/ruby+stdlib.wasm", (route) => (fail ? route.abort() : route.continue()));
  await page.goto("/");
  await expect(page.locator("#retry")).toBeVisible();
  await expect(page.locator("#status")).toContainText("retry");
  fail = false;
  await page.click("#retry");
  await expect(page.locator("#status")).toContainText("ruby 3.4", { timeout: 60_000 });
});

test("without cross-origin isolation gets sees end of input and the page says why", async ({ page }) => {
  await page.route("**/*", async (route) => {
    const response = await route.fetch();
    const headers = { ...response.headers() };
    delete headers["cross-origin-opener-policy"];
    delete headers["cross-origin-embedder-policy"];
    await route.fulfill({ response, headers });
  });
  await openPlayground(page);
  await expect(page.locator("#notice")).toContainText("not cross-origin isolated");
  await setCode(page, 'line = gets\nputs "got=#{line.inspect}"');
  await page.click("#run");
  await expect(output(page).locator(".stdout")).toHaveText("got=nil\n");
});

test("the editor follows the system's light or dark setting", async ({ page }) => {
  const background = () => page.locator(".cm-editor").evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.emulateMedia({ colorScheme: "light" });
  await openPlayground(page);
  const light = await background();
  await page.emulateMedia({ colorScheme: "dark" });
  await expect.poll(background).not.toBe(light);
  await expect(page.locator(".cm-gutters")).toBeVisible();
  await expect(page.locator(".cm-lineNumbers")).toContainText("1");
});
