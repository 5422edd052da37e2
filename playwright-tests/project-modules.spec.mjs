// The project modules (playground/src/main/js/project/) in real Chromium: zip, share links, IndexedDB storage,
// the project model, the file tree UI, and every example run on ruby.wasm. The modules are bundled here with
// esbuild, so the site build stays as it is.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import { deflateRawSync, crc32 } from "node:zlib";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const js = path.join(root, "playground/src/main/js");
const generated = path.join(root, "playwright-tests/fixtures/.generated");

test.beforeAll(async () => {
  const common = { bundle: true, format: "esm", target: "es2022", logLevel: "warning", conditions: ["browser"] };
  await build({ ...common, entryPoints: [path.join(js, "project/index.js")], outfile: path.join(generated, "project-modules.js") });
  // Ruby itself, for running the examples: boot.js as the playground uses it.
  await build({ ...common, stdin: { contents: 'export * from "./boot.js"; export { JavaWasi } from "./wasi.js";',
    resolveDir: js, loader: "js" },
    outfile: path.join(generated, "ruby-boot.js") });
});

async function openFixture(page) {
  await page.goto("/fixtures/project-modules.html");
  await page.waitForFunction(() => window.projectModules);
}

/** A zip written by hand in Node, independent of createZip: optional data descriptors (flag bit 3). */
function handZip(entries, { descriptor = false, deflate = false } = {}) {
  const parts = [];
  const central = [];
  let offset = 0;
  for (const [name, text] of entries) {
    const nameBytes = Buffer.from(name, "utf8");
    const data = Buffer.from(text, "utf8");
    const body = deflate ? deflateRawSync(data) : data;
    const crc = crc32(data);
    const flags = 0x0800 | (descriptor ? 0x0008 : 0);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(deflate ? 8 : 0, 8);
    // With a data descriptor the local header holds zeros; the real values follow the data.
    local.writeUInt32LE(descriptor ? 0 : crc, 14);
    local.writeUInt32LE(descriptor ? 0 : body.length, 18);
    local.writeUInt32LE(descriptor ? 0 : data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    parts.push(local, nameBytes, body);
    let size = 30 + nameBytes.length + body.length;
    if (descriptor) {
      const tail = Buffer.alloc(16);
      tail.writeUInt32LE(0x08074b50, 0);
      tail.writeUInt32LE(crc, 4);
      tail.writeUInt32LE(body.length, 8);
      tail.writeUInt32LE(data.length, 12);
      parts.push(tail);
      size += 16;
    }
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(flags, 8);
    entry.writeUInt16LE(deflate ? 8 : 0, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(body.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += size;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return [...Buffer.concat([...parts, centralBytes, end])];
}

/** zip (handZip's bytes) with its first entry's size in the central directory replaced by size: a lying zip. */
function withDeclaredSize(zip, size) {
  const bytes = Buffer.from(zip);
  bytes.writeUInt32LE(size, bytes.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
  return [...bytes];
}

/** A zip bomb: 8 MB of one letter, deflated to a few KB, whose headers say it unpacks to 100 bytes. */
const zipBomb = () => withDeclaredSize(handZip([["bomb.txt", "a".repeat(8 << 20)]], { deflate: true }), 100);

test.describe("zip.js", () => {
  test("round trip: deflated and stored entries, a UTF-8 name, a folder, binary data", async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { createZip, readZip } = window.projectModules;
      const files = {
        "main.rb": "puts 'hello'\n".repeat(200),
        "lib/grüße 😀.rb": "x = 1\n",
        "data/": "",
        "bin.dat": new Uint8Array([0, 255, 128, 7]),
      };
      const blob = await createZip(files);
      const bytes = new Uint8Array(await blob.arrayBuffer());
      const view = new DataView(bytes.buffer);
      const back = await readZip(blob);
      return {
        type: blob.type,
        methodOfFirst: view.getUint16(8, true), // local header of main.rb
        flagsOfFirst: view.getUint16(6, true),
        keys: Object.keys(back),
        main: new TextDecoder().decode(back["main.rb"]) === files["main.rb"],
        utf8: new TextDecoder().decode(back["lib/grüße 😀.rb"]),
        folder: back["data/"].length,
        bin: [...back["bin.dat"]],
        smaller: bytes.length < files["main.rb"].length,
      };
    });
    expect(result).toEqual({
      type: "application/zip", methodOfFirst: 8, flagsOfFirst: 0x0800,
      keys: ["main.rb", "lib/grüße 😀.rb", "data/", "bin.dat"], main: true, utf8: "x = 1\n", folder: 0,
      bin: [0, 255, 128, 7], smaller: true,
    });
  });

  test("reads zips written elsewhere, with data descriptors", async ({ page }) => {
    await openFixture(page);
    const zips = [handZip([["a.rb", "puts 1\n".repeat(50)], ["dir/b.txt", "b"]], { descriptor: true, deflate: true }),
      handZip([["a.rb", "stored"]], { descriptor: true })];
    const read = await page.evaluate(async (list) => Promise.all(list.map(async (bytes) => {
      const files = await window.projectModules.readZip(new Uint8Array(bytes));
      return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, new TextDecoder().decode(data)]));
    })), zips);
    expect(read).toEqual([{ "a.rb": "puts 1\n".repeat(50), "dir/b.txt": "b" }, { "a.rb": "stored" }]);
  });

  test("rejects unsafe paths, garbage and damage, naming the problem", async ({ page }) => {
    await openFixture(page);
    const cases = {
      evil: handZip([["main.rb", "ok"], ["../evil.rb", "pwned"]]),
      absolute: handZip([["/etc/passwd", "x"]]),
      backslash: handZip([["lib\\x.rb", "x"]]),
      drive: handZip([["C:/x.rb", "x"]]),
      garbage: [...Buffer.from("this is not a zip file at all, just some bytes".repeat(3))],
      empty: [],
    };
    const damaged = handZip([["a.rb", "puts 1\n".repeat(50)]], { deflate: true });
    damaged[40] ^= 0xff; // inside the deflated data
    cases.damaged = damaged;
    const messages = await page.evaluate(async (all) => {
      const out = {};
      for (const [name, bytes] of Object.entries(all)) {
        try {
          await window.projectModules.readZip(new Uint8Array(bytes).buffer);
          out[name] = "accepted";
        } catch (error) {
          out[name] = error.message;
        }
      }
      return out;
    }, cases);
    expect(messages.evil).toBe('The zip contains an unsafe path "../evil.rb"; nothing was imported.');
    expect(messages.absolute).toContain('unsafe path "/etc/passwd"');
    expect(messages.backslash).toContain("unsafe path");
    expect(messages.drive).toContain('unsafe path "C:/x.rb"');
    expect(messages.garbage).toMatch(/^This file is not a zip archive .*nothing was imported/);
    expect(messages.empty).toMatch(/^This file is not a zip archive/);
    expect(messages.damaged).toMatch(/^The zip entry "a\.rb" is damaged/);
  });
});

test.describe("zip.js limits", () => {
  test("refuses what would unpack past the limit, a bomb's lying sizes, and a zip over the limit without reading it", async ({ page }) => {
    await openFixture(page);
    const cases = {
      declaredTooBig: withDeclaredSize(handZip([["big.txt", "x"]]), 300 << 20),
      bomb: zipBomb(),
    };
    const outcome = await page.evaluate(async (all) => {
      const messages = {};
      const attempt = async (name, input) => {
        try {
          await window.projectModules.readZip(input);
          messages[name] = "accepted";
        } catch (error) {
          messages[name] = error.message;
        }
      };
      for (const [name, bytes] of Object.entries(all)) await attempt(name, new Uint8Array(bytes).buffer);
      // A 300 MB file, told by its size alone; reading it would set read.
      let read = false;
      class HugeFile extends Blob {
        get size() { return 300 << 20; }
        arrayBuffer() { read = true; return super.arrayBuffer(); }
      }
      await attempt("huge", new HugeFile(["PK"]));
      return { messages, read };
    }, cases);
    expect(outcome.messages.declaredTooBig).toBe("The zip unpacks to 300 MB, more than the 256 MB allowed; nothing was imported.");
    expect(outcome.messages.bomb).toBe('The zip entry "bomb.txt" is damaged (it unpacks to more than the 100 bytes its header ' +
      "gives); nothing was imported.");
    expect(outcome.messages.huge).toBe("This zip is 300 MB, more than the 256 MB allowed; nothing was imported.");
    expect(outcome.read).toBe(false);
  });
});

test.describe("share.js", () => {
  test("encode/decode round trip through location.hash", async ({ page }) => {
    await openFixture(page);
    const project = { files: { "main.rb": 'puts "héllo #{1 + 1}" # ✓\n', "lib/x.rb": "X = 1\n".repeat(300), "data/": "" }, open: "lib/x.rb",
      target: "page" };
    const result = await page.evaluate(async (p) => {
      const { encodeShareFragment, decodeShareFragment } = window.projectModules;
      const hash = await encodeShareFragment(p);
      location.hash = hash;
      return { hash, decoded: await decodeShareFragment(location.hash), none: await decodeShareFragment("#other=1"), empty: await decodeShareFragment("") };
    }, project);
    expect(result.hash).toMatch(/^#code=[A-Za-z0-9_-]+$/);
    expect(result.hash.length).toBeLessThan(600); // compressed: 1800 characters of code
    expect(result.decoded).toEqual(project);
    expect(result.none).toBeNull();
    expect(result.empty).toBeNull();
  });

  test("a damaged or cut-short link gives a clear error", async ({ page }) => {
    await openFixture(page);
    const messages = await page.evaluate(async () => {
      const { encodeShareFragment, decodeShareFragment } = window.projectModules;
      const hash = await encodeShareFragment({ files: { "main.rb": "puts 'a fairly long line of Ruby code here'\n".repeat(20) }, open: "main.rb" });
      const out = [];
      for (const bad of [hash.slice(0, hash.length - 12), "#code=not*base64!", "#code=AAAAAAAA", hash.slice(0, 20)]) {
        try {
          await decodeShareFragment(bad);
          out.push("accepted");
        } catch (error) {
          out.push(error.message);
        }
      }
      return out;
    });
    for (const message of messages) {
      expect(message).toMatch(/^This share link is damaged or incomplete: .+\. Ask for the link again/);
    }
  });

  test("a link that unpacks past 16 MB (a bomb of a few KB) is refused, saying so", async ({ page }) => {
    await openFixture(page);
    const bomb = deflateRawSync(Buffer.from(`{"files":{"main.rb":"${"a".repeat(20 << 20)}"}}`)).toString("base64url");
    const message = await page.evaluate(async (payload) => {
      try {
        await window.projectModules.decodeShareFragment(`#code=${payload}`);
        return "accepted";
      } catch (error) {
        return error.message;
      }
    }, bomb);
    expect(bomb.length).toBeLessThan(100_000);
    expect(message).toBe("This share link is damaged or incomplete: it unpacks to far more code than a link can hold. " +
      "Ask for the link again and make sure it was copied completely.");
  });
});

test.describe("store.js", () => {
  test("save and load round trip; nothing saved gives null", async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { loadProject, saveProject } = window.projectModules;
      const before = await loadProject();
      await saveProject({ files: { "main.rb": "puts 1\n", "lib/a.rb": "A = 1\n", "empty/": "" }, open: "lib/a.rb", target: "page" });
      return { before, after: await loadProject() };
    });
    expect(result.before).toBeNull();
    expect(result.after).toEqual({ files: { "main.rb": "puts 1\n", "lib/a.rb": "A = 1\n", "empty/": "" }, open: "lib/a.rb", target: "page" });
    // And after a reload, from the same origin's IndexedDB.
    await openFixture(page);
    expect(await page.evaluate(() => window.projectModules.loadProject().then((p) => p.files["lib/a.rb"]))).toBe("A = 1\n");
  });

  test("a full disk gives a StorageError saying what to do, keeps the project, and the autosaver retries", async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { saveProject, loadProject, createAutosaver, StorageError } = window.projectModules;
      await saveProject({ files: { "main.rb": "old\n" }, open: "main.rb" });
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function () {
        throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      };
      const project = { files: { "main.rb": "typed by the user\n" }, open: "main.rb" };
      let direct;
      try {
        await saveProject(project);
      } catch (error) {
        direct = { isStorageError: error instanceof StorageError, name: error.name, message: error.message, cause: error.cause?.name };
      }
      const statuses = [];
      const saver = createAutosaver(() => project, (status) => statuses.push(status), 50);
      saver.schedule();
      await new Promise((resolve) => setTimeout(resolve, 300));
      const afterFailure = statuses.map((s) => s.state);
      const stillSaved = (await loadProject()).files["main.rb"];
      IDBObjectStore.prototype.put = put; // space was freed
      saver.schedule();
      await saver.flush();
      return { direct, afterFailure, errorMessage: statuses[1]?.message, stillSaved, finalStates: statuses.map((s) => s.state),
        inMemory: project.files["main.rb"], saved: (await loadProject()).files["main.rb"] };
    });
    const message = "Your browser's storage is full, so the project could not be saved. Free some space (or download " +
      "the project as a zip) — your code is still in the editor.";
    expect(result.direct).toEqual({ isStorageError: true, name: "StorageError", message, cause: "QuotaExceededError" });
    expect(result.afterFailure).toEqual(["saving", "error"]);
    expect(result.errorMessage).toBe(message);
    expect(result.stillSaved).toBe("old\n");
    expect(result.inMemory).toBe("typed by the user\n");
    expect(result.finalStates).toEqual(["saving", "error", "saving", "saved"]);
    expect(result.saved).toBe("typed by the user\n");
  });

  test("autosave is debounced: many changes, one save of the newest project", async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { createAutosaver, loadProject } = window.projectModules;
      let project = { files: { "main.rb": "" }, open: "main.rb" };
      const states = [];
      const saver = createAutosaver(() => project, (s) => states.push(s.state), 250);
      for (let i = 1; i <= 10; i++) {
        project = { ...project, files: { "main.rb": `puts ${i}\n` } };
        saver.schedule();
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await new Promise((resolve) => setTimeout(resolve, 800));
      return { states, saved: (await loadProject()).files["main.rb"] };
    });
    expect(result).toEqual({ states: ["saving", "saved"], saved: "puts 10\n" });
  });

  test("a change not yet saved shows as saving at once, not as saved while the delay runs", async ({ page }) => {
    await openFixture(page);
    const result = await page.evaluate(async () => {
      const { createAutosaver, loadProject } = window.projectModules;
      let project = { files: { "main.rb": "first\n" }, open: "main.rb" };
      const states = [];
      const saver = createAutosaver(() => project, (s) => states.push(s.state), 250);
      saver.schedule();
      await saver.flush();
      project = { ...project, files: { "main.rb": "second\n" } };
      saver.schedule(); // the page may be left right now: the status must not say "saved"
      const rightAfter = states.at(-1);
      await new Promise((resolve) => setTimeout(resolve, 600));
      return { rightAfter, states, saved: (await loadProject()).files["main.rb"] };
    });
    expect(result.rightAfter).toBe("saving");
    expect(result.states).toEqual(["saving", "saved", "saving", "saved"]);
    expect(result.saved).toBe("second\n");
  });
});

test.describe("project.js", () => {
  test("paths, folders, rename and delete rules; nothing is mutated", async ({ page }) => {
    await openFixture(page);
    const r = await page.evaluate(() => {
      const P = window.projectModules;
      const attempt = (fn) => {
        try {
          fn();
          return "ok";
        } catch (error) {
          return error.message;
        }
      };
      const start = P.normalizeProject({ files: { "main.rb": "puts 1\n", "lib/util.rb": "U = 1\n", "data/": "" }, open: "lib/util.rb" });
      const frozen = JSON.stringify(start);
      const renamedFolder = P.renameEntry(start, "lib/", "src");
      const moved = P.renameEntry(start, "lib/util.rb", "util.rb");
      const deleted = P.deleteEntry(start, "lib");
      const withFile = P.addFile(start, "data/x.csv", "a,b\n");
      const deletedInner = P.deleteEntry(withFile, "data/x.csv");
      return {
        unchanged: JSON.stringify(start) === frozen,
        renamedFolder, moved, deleted,
        withFileKeys: Object.keys(withFile.files), deletedInnerKeys: Object.keys(deletedInner.files),
        tree: P.listTree(P.addFolder(P.addFile(start, "a.rb"), "lib/deep")),
        errors: {
          renameMain: attempt(() => P.renameEntry(start, "main.rb", "app.rb")),
          deleteMain: attempt(() => P.deleteEntry(start, "main.rb")),
          overwrite: attempt(() => P.renameEntry(P.addFile(start, "b.rb"), "b.rb", "lib/util.rb")),
          overFolder: attempt(() => P.renameEntry(P.addFile(start, "b.rb"), "b.rb", "data")),
          intoItself: attempt(() => P.renameEntry(start, "lib", "lib/inner")),
          addExisting: attempt(() => P.addFile(start, "main.rb")),
          underFile: attempt(() => P.addFile(start, "main.rb/x.rb")),
          missing: attempt(() => P.deleteEntry(start, "nope.rb")),
          notProject: attempt(() => P.normalizeProject("puts 1")),
          noFiles: attempt(() => P.normalizeProject({ open: "main.rb" })),
        },
        paths: ["lib/a.rb", "/abs.rb", "../up.rb", "a//b.rb", "a\\b.rb", "", "dir/", "./x.rb"].map((p) => P.validatePath(p)),
        // 255 bytes is the longest name; "日" takes 3 of them.
        lengths: [`lib/${"n".repeat(255)}`, `${"n".repeat(256)}.rb`, "日".repeat(85), "日".repeat(86)].map((p) => P.validatePath(p)),
        repaired: P.normalizeProject({ files: { "/abs.rb": "x", "../x.rb": "x", "a//b.rb": "x", "ok.rb": "ok", "n.rb": 5, "e/": "" }, open: "gone.rb", target: "moon" }),
        pageTarget: P.renameEntry(P.normalizeProject({ files: { "a.rb": "" }, target: "page" }), "a.rb", "b.rb").target,
      };
    });
    expect(r.unchanged).toBe(true);
    expect(r.renamedFolder).toEqual({ files: { "main.rb": "puts 1\n", "src/util.rb": "U = 1\n", "data/": "" }, open: "src/util.rb" });
    expect(r.moved).toEqual({ files: { "main.rb": "puts 1\n", "util.rb": "U = 1\n", "data/": "", "lib/": "" }, open: "util.rb" });
    expect(r.deleted).toEqual({ files: { "main.rb": "puts 1\n", "data/": "" }, open: "main.rb" });
    expect(r.withFileKeys).toEqual(["main.rb", "lib/util.rb", "data/x.csv"]); // "data/" is implied now
    expect(r.deletedInnerKeys).toEqual(["main.rb", "lib/util.rb", "data/"]); // the emptied folder stays
    expect(r.tree.map((row) => [row.path, row.name, row.depth, row.isFolder])).toEqual([
      ["data/", "data", 0, true], ["lib/", "lib", 0, true], ["lib/deep/", "deep", 1, true], ["lib/util.rb", "util.rb", 1, false],
      ["a.rb", "a.rb", 0, false], ["main.rb", "main.rb", 0, false],
    ]);
    expect(r.errors.renameMain).toMatch(/main\.rb is where Run starts, so it cannot be renamed/);
    expect(r.errors.deleteMain).toMatch(/cannot be deleted/);
    expect(r.errors.overwrite).toBe('A file named "lib/util.rb" already exists; choose another name.');
    expect(r.errors.overFolder).toBe('A folder named "data" already exists; choose another name.');
    expect(r.errors.intoItself).toMatch(/cannot be moved inside itself/);
    expect(r.errors.addExisting).toMatch(/already exists/);
    expect(r.errors.underFile).toMatch(/"main\.rb" is a file/);
    expect(r.errors.missing).toMatch(/"nope\.rb" does not exist/);
    expect(r.errors.notProject).toMatch(/^This is not a Rubyport project/);
    expect(r.errors.noFiles).toMatch(/^This is not a Rubyport project/);
    expect(r.lengths[0]).toBeNull();
    expect(r.lengths[1]).toMatch(/is longer than 255 bytes; use a shorter name/);
    expect(r.lengths[2]).toBeNull();
    expect(r.lengths[3]).toMatch(/is longer than 255 bytes/);
    expect(r.paths[0]).toBeNull();
    expect(r.paths[6]).toBeNull();
    for (const message of r.paths.filter((_, i) => i !== 0 && i !== 6)) expect(typeof message).toBe("string");
    expect(Object.keys(r.repaired.files).sort()).toEqual(["e/", "main.rb", "ok.rb"]);
    expect(r.repaired.open).toBe("main.rb");
    expect(r.repaired.target).toBeUndefined();
    expect(r.pageTarget).toBe("page");
  });
});

test.describe("file-tree.js", () => {
  /** Mounts a tree on #tree over a project kept in window.treeState. */
  async function mountTree(page, files = { "main.rb": "puts 1\n", "lib/util.rb": "U = 1\n" }) {
    await openFixture(page);
    await page.evaluate((initial) => {
      const { createFileTree, normalizeProject } = window.projectModules;
      window.treeState = { project: normalizeProject({ files: initial, open: "main.rb" }), opened: [] };
      window.tree = createFileTree(document.getElementById("tree"), {
        getProject: () => window.treeState.project,
        setProject: (p) => { window.treeState.project = p; },
        onOpen: (path) => window.treeState.opened.push(path),
      });
    }, files);
  }
  const state = (page) => page.evaluate(() => window.treeState);
  const tree = (page) => page.locator("#tree");

  test("renders rows with the open file marked", async ({ page }) => {
    await mountTree(page);
    await expect(tree(page)).toHaveClass(/file-tree/);
    await expect(tree(page).locator(".file-tree-name")).toHaveText(["lib", "util.rb", "main.rb"]);
    await expect(tree(page).locator('[data-path="main.rb"]')).toHaveClass(/is-open/);
    await expect(tree(page).locator('[data-path="main.rb"] button')).toHaveAttribute("aria-current", "true");
    for (const action of ["new-file", "new-folder", "rename", "delete", "upload", "download"]) {
      await expect(tree(page).locator(`[data-action="${action}"]`)).toHaveCount(1);
    }
    // main.rb, selected by default, can be neither renamed nor deleted.
    await expect(tree(page).locator('[data-action="rename"]')).toBeDisabled();
    await tree(page).locator('[data-path="lib/util.rb"] button').click();
    expect((await state(page)).project.open).toBe("lib/util.rb");
    expect((await state(page)).opened).toEqual(["lib/util.rb"]);
    await expect(tree(page).locator('[data-path="lib/util.rb"]')).toHaveClass(/is-open/);
    // Folders collapse and expand.
    await tree(page).locator('[data-path="lib/"] button').click();
    await expect(tree(page).locator('[data-path="lib/util.rb"]')).toHaveCount(0);
    await expect(tree(page).locator('[data-path="lib/"] button')).toHaveAttribute("aria-expanded", "false");
    await tree(page).locator('[data-path="lib/"] button').click();
    await expect(tree(page).locator('[data-path="lib/util.rb"]')).toHaveCount(1);
  });

  test("create a file through the inline input, rename it, delete it", async ({ page }) => {
    await mountTree(page);
    const input = tree(page).locator(".file-tree-input");

    await tree(page).locator('[data-action="new-file"]').click();
    await expect(input).toBeFocused();
    await page.keyboard.type("../bad");
    await page.evaluate(() => window.tree.render()); // the page re-rendering must not lose what is typed
    await page.keyboard.type(".rb");
    await page.keyboard.press("Enter");
    await expect(tree(page).locator('.file-tree-editing [role="alert"]')).toContainText('contains ".."');
    await expect(input).toHaveValue("../bad.rb"); // what was typed is kept
    await input.fill("main.rb");
    await input.press("Enter");
    await expect(tree(page).locator('.file-tree-editing [role="alert"]')).toContainText('A file named "main.rb" already exists');
    await input.fill("hello.rb");
    await input.press("Enter");
    await expect(input).toHaveCount(0);
    await expect(tree(page).locator('[data-path="hello.rb"]')).toHaveClass(/is-open/);
    let s = await state(page);
    expect(s.project.files["hello.rb"]).toBe("");
    expect(s.project.open).toBe("hello.rb");
    expect(s.opened).toEqual(["hello.rb"]);

    // Rename: the selected (new) file; Escape first cancels.
    await tree(page).locator('[data-action="rename"]').click();
    await expect(input).toHaveValue("hello.rb");
    await input.press("Escape");
    await expect(input).toHaveCount(0);
    await tree(page).locator('[data-action="rename"]').click();
    await input.fill("greet/hi.rb");
    await input.press("Enter");
    await expect(tree(page).locator('[data-path="greet/hi.rb"]')).toHaveCount(1);
    s = await state(page);
    expect(Object.keys(s.project.files).sort()).toEqual(["greet/hi.rb", "lib/util.rb", "main.rb"]);
    expect(s.project.open).toBe("greet/hi.rb");
    expect(s.opened.at(-1)).toBe("greet/hi.rb");

    // Delete asks inline, then removes the file; the now empty folder stays.
    await tree(page).locator('[data-action="delete"]').click();
    await expect(tree(page).locator(".file-tree-confirm")).toContainText("Delete greet/hi.rb?");
    await tree(page).locator('[data-action="confirm-delete"]').click();
    await expect(tree(page).locator('[data-path="greet/hi.rb"]')).toHaveCount(0);
    s = await state(page);
    expect(s.project.files).toEqual({ "main.rb": "puts 1\n", "lib/util.rb": "U = 1\n", "greet/": "" });
    expect(s.project.open).toBe("main.rb");
    expect(s.opened.at(-1)).toBe("main.rb");
  });

  test("new folder inside the selected folder, and deleting a folder with its files", async ({ page }) => {
    await mountTree(page);
    await tree(page).locator('[data-path="lib/"] button').click();
    await tree(page).locator('[data-action="new-folder"]').click();
    await tree(page).locator(".file-tree-input").fill("deep");
    await tree(page).locator(".file-tree-input").press("Enter");
    expect((await state(page)).project.files["lib/deep/"]).toBe("");
    await tree(page).locator('[data-path="lib/"] button').click(); // collapses, and selects
    await tree(page).locator('[data-action="delete"]').click();
    await expect(tree(page).locator(".file-tree-confirm")).toContainText("Delete the folder lib/ and the 1 file in it?");
    await page.keyboard.press("Enter"); // the confirm button has focus
    expect((await state(page)).project.files).toEqual({ "main.rb": "puts 1\n" });
  });

  test("upload: text files added, binary refused, zip merged without overwriting", async ({ page }) => {
    await mountTree(page);
    const zip = Buffer.from(handZip([["main.rb", "puts 'from zip'\n"], ["lib/util.rb", "U = 1\n"], ["docs/read me.md", "# hi\n"],
      ["__MACOSX/._main.rb", "junk"]], { deflate: true }));
    await tree(page).locator(".file-tree-upload").setInputFiles([
      { name: "notes.txt", mimeType: "text/plain", buffer: Buffer.from("héllo\n") },
      { name: "logo.png", mimeType: "image/png", buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0, 1]) },
      { name: "project.zip", mimeType: "application/zip", buffer: zip },
    ]);
    await expect(tree(page).locator('.file-tree-message[role="alert"]')).toContainText("logo.png is not a text file");
    await expect(tree(page).locator('.file-tree-message[role="alert"]')).toContainText("main.rb already exists, so the uploaded copy was added as main (2).rb");
    const s = await state(page);
    expect(s.project.files).toEqual({
      "main.rb": "puts 1\n", "lib/util.rb": "U = 1\n", "notes.txt": "héllo\n",
      "main (2).rb": "puts 'from zip'\n", "docs/read me.md": "# hi\n",
    });

    const evil = Buffer.from(handZip([["../evil.rb", "x"]]));
    await tree(page).locator(".file-tree-upload").setInputFiles([{ name: "evil.zip", mimeType: "application/zip", buffer: evil }]);
    await expect(tree(page).locator('.file-tree-message[role="alert"]')).toContainText('unsafe path "../evil.rb"; nothing was imported');
    expect(Object.keys((await state(page)).project.files)).not.toContain("../evil.rb");
  });

  test("upload: a file over 2 MB and a zip bomb are refused with a message, and the project stays as it was", async ({ page }) => {
    await mountTree(page);
    const before = (await state(page)).project.files;
    await tree(page).locator(".file-tree-upload").setInputFiles([
      { name: "big.txt", mimeType: "text/plain", buffer: Buffer.alloc(3 << 20, "a") },
      { name: "bomb.zip", mimeType: "application/zip", buffer: Buffer.from(zipBomb()) },
    ]);
    const message = tree(page).locator('.file-tree-message[role="alert"]');
    await expect(message).toContainText("No files were added.");
    await expect(message).toContainText("big.txt is larger than 2 MB, so it was not added.");
    await expect(message).toContainText('bomb.zip: The zip entry "bomb.txt" is damaged (it unpacks to more than the 100 bytes');
    expect((await state(page)).project.files).toEqual(before);
  });

  test("download zip gives project.zip holding the project", async ({ page }) => {
    await mountTree(page, { "main.rb": "puts 'dl'\n", "lib/util.rb": "U = 1\n", "data/": "" });
    const [download] = await Promise.all([page.waitForEvent("download"), tree(page).locator('[data-action="download"]').click()]);
    expect(download.suggestedFilename()).toBe("project.zip");
    const bytes = [...await readFile(await download.path())];
    const files = await page.evaluate(async (list) => {
      const read = await window.projectModules.readZip(new Uint8Array(list));
      return Object.fromEntries(Object.entries(read).map(([name, data]) => [name, new TextDecoder().decode(data)]));
    }, bytes);
    expect(files).toEqual({ "main.rb": "puts 'dl'\n", "lib/util.rb": "U = 1\n", "data/": "" });
  });
});

test.describe("examples.js on ruby.wasm", () => {
  /** Runs an example's project as the worker does: files under /project, cwd there, stdin from lines. */
  async function runExample(page, id, input = "") {
    await openFixture(page);
    return page.evaluate(async ({ id, input }) => {
      const { compileRuby, createRubyVM, JavaWasi } = await import("./.generated/ruby-boot.js");
      const example = window.projectModules.EXAMPLES.find((e) => e.id === id);
      let pending = new TextEncoder().encode(input);
      let output = "";
      const { vm, wasi } = await createRubyVM(await compileRuby("/ruby+stdlib.wasm"), {
        Wasi: JavaWasi,
        stdin: (max) => {
          if (pending.length === 0) return null;
          const chunk = pending.subarray(0, max);
          pending = pending.subarray(chunk.length);
          return chunk;
        },
        stdout: (text) => { output += text; },
        stderr: (text) => { output += `[stderr] ${text}`; },
      });
      for (const [path, text] of Object.entries(example.files)) {
        if (path.endsWith("/")) wasi.makeDirectories(`/project/${path}`);
        else wasi.writeFile(`/project/${path}`, text);
      }
      const status = vm.eval(`
        begin
          Dir.chdir("/project")
          RubyVM::InstructionSequence.compile_file("/project/main.rb").eval
          "ok"
        rescue Exception => e
          e.full_message(highlight: false)
        end`).toString();
      wasi.flush();
      return { status, output, target: example.target };
    }, { id, input });
  }

  test("there are at least 6, each a valid project", async ({ page }) => {
    await openFixture(page);
    const examples = await page.evaluate(() => window.projectModules.EXAMPLES.map((e) => ({
      id: e.id, title: e.title, target: e.target, normalized: JSON.stringify(window.projectModules.normalizeProject(e).files) === JSON.stringify(e.files),
    })));
    expect(examples.length).toBeGreaterThanOrEqual(6);
    expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
    for (const e of examples) {
      expect(e.normalized, e.id).toBe(true);
      expect(["worker", "page"]).toContain(e.target);
      expect(e.title.length).toBeGreaterThan(3);
    }
  });

  const expectations = {
    "strings-arrays": ["9 words, 35 letters", "Odd squares: [1, 9, 25, 49, 81, 121]", "Palindrome? true"],
    classes: ["dog Rex (5) says Woof, knows sit and roll", "puppy Bit (1) says woof!, no tricks yet", "Oldest: dog Rex (5)",
      "Puppy ancestors: Puppy < Dog < Animal < Describable < Comparable"],
    files: ['data/notes.txt has 4 lines; the first is "Shopping and chores"', "- buy milk\n- call the library\n- enjoy Ruby",
      "out/todo.txt (", "backup.txt after File.delete: gone"],
    "json-csv": ["Best: Yukihiro with 95", '"red": {', "team,players,average\nred,2,84.5\nblue,2,91.0\ngreen,1,88.0"],
    "data-patterns": ["Circle area: 12.57", "Rect area: 12", "(4, 6)", "the origin", "a point on the diagonal at 5",
      "Rubyport, tagged ruby", "a list starting with 1 (2 more)", "something else: :other"],
  };
  for (const [id, lines] of Object.entries(expectations)) {
    test(`example ${id} runs`, async ({ page }) => {
      const { status, output, target } = await runExample(page, id);
      expect(status, output).toBe("ok");
      expect(target).toBe("worker");
      for (const line of lines) expect(output).toContain(line);
      expect(output).not.toContain("[stderr]");
    });
  }

  test("example gets reads a name and sums numbers until the input ends", async ({ page }) => {
    const withInput = await runExample(page, "gets", "Ada\n1\n2.5\nabc\n\n3\n");
    expect(withInput.status, withInput.output).toBe("ok");
    expect(withInput.output).toBe("Name? Hello, Ada!\nType numbers, one per line; end the input to see their sum.\n" +
      '"abc" is not a number; skipped.\nThe sum of 3 numbers is 6.5.\n');
    const atEof = await runExample(page, "gets", "");
    expect(atEof.status, atEof.output).toBe("ok");
    expect(atEof.output).toContain("Hello, stranger!");
    expect(atEof.output).toContain("The sum of 0 numbers is 0.");
  });

  test("example dom changes the page through require \"js\"", async ({ page }) => {
    const { status, output, target } = await runExample(page, "dom");
    expect(status, output).toBe("ok");
    expect(target).toBe("page");
    const card = page.locator("#dom-sandbox > div");
    await expect(card).toContainText(/Hello from Ruby 3\.4/);
    const before = await card.evaluate((node) => node.style.background);
    await card.click();
    await expect(card).toContainText("Clicked 1 time: now seagreen.");
    expect(await card.evaluate((node) => node.style.background)).not.toBe(before);
    expect(output).toContain("Added a card to the page");
  });
});
