// Ruby's file APIs on the Java VFS behave as they do on Linux.
import { test, expect } from "@playwright/test";
import { captureConsole, waitForConsole } from "./helpers.mjs";

test("symlinks, stat, times, FileUtils trees, glob, seek/pread, append, EXCL, Tempfile", async ({ page }) => {
  const messages = captureConsole(page);
  await page.goto("/fixtures/posix.html");
  const index = await waitForConsole(messages, "POSIX ");
  const results = JSON.parse(messages[index].text.slice("POSIX ".length));
  expect(results).toEqual({
    symlink: ["/t/f.txt", "f.txt"],
    lstat: [true, true, false],
    read_via_links: ["0123456789", "0123456789"],
    mtime_now: true,
    utime: [1000000, 2000000],
    cp_r: "c",
    mv: [false, "c"],
    glob: ["a", "a/b", "a/b/c.txt"],
    rm_rf: false,
    seek_pread: ["34", "789", 5],
    append: "0123456789ABCD",
    excl: "Errno::EEXIST: File exists @ rb_sysopen - /t/f.txt",
    excl_new: "n",
    tmpdir: "/tmp",
    tempfile: ["hi", true, "/tmp"],
  });
});

test("Ruby cannot reach outside the in-memory file system: absolute paths, .. chains, symlinks, renames", async ({ page }) => {
  const logs = captureConsole(page);
  await page.goto("/fixtures/sandbox.html");
  await waitForConsole(logs, "done");
  const lines = logs.filter((m) => m.type === "log").map((m) => m.text);
  // "/etc/passwd" names nothing in the VFS; ".." above the preopen is refused outright (ENOTCAPABLE).
  expect(lines).toEqual(expect.arrayContaining([
    "absolute: Errno::ENOENT",
    "dot-dot chain: Errno::ENOTCAPABLE",
    "relative dot-dot: Errno::ENOTCAPABLE",
    "symlink out: Errno::ENOENT",
    "write above root: Errno::ENOTCAPABLE",
    'root listing: ["tmp"]',
    "rename above root: Errno::ENOTCAPABLE",
    'root listing after: ["tmp"]',
  ]));
});
