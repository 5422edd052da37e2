// The compatibility layer that lets Rails run on the stock ruby+stdlib.wasm (apps/wasm-compat), tested on its
// own as rails-tasks.rpk packs it: the real Ruby, the real sqlite-wasm behind the sqlite3 stand-in, and a
// database store that can be told to refuse a save. Each test runs one Ruby snippet that returns its checks
// joined by " | ", so that a failure shows every value at once.
import { test, expect } from "@playwright/test";
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

test.beforeAll(async () => {
  // What the service worker uses to start Ruby and the SQLite host, for the fixture page.
  await build({ stdin: { contents: [
    'export { compileRuby, createRubyVM } from "./boot.js";',
    'export { AppWasi } from "./app-wasi.js";',
    'export { startSqliteHost } from "./apps/sqlite-host.js";',
    'export { default as sqlite3InitModule } from "@sqlite.org/sqlite-wasm";',
  ].join("\n"), resolveDir: path.join(root, "playground/src/main/js"), loader: "js" }, bundle: true, format: "esm",
  target: "es2022", logLevel: "warning", conditions: ["browser"],
  outfile: path.join(root, "playwright-tests/fixtures/.generated/wasm-compat.js") });
});

test.beforeEach(async ({ page }) => {
  await page.goto("/fixtures/wasm-compat.html");
  await expect(page).toHaveTitle("ready");
});

/** Runs code in the page's Ruby; returns its result split at " | ". */
async function checks(page, code) {
  return (await page.evaluate((c) => window.ruby(c), code)).split(" | ");
}

test("BigDecimal: exact decimal arithmetic, rounding modes, conversions and comparisons", async ({ page }) => {
  expect(await checks(page, `
    require "bigdecimal"
    require "bigdecimal/util"
    d = BigDecimal("123.45")
    half = BigDecimal("2.5")
    minus = BigDecimal("-1.25")
    [d.to_s, d.to_s("F"), (BigDecimal("0.1") + BigDecimal("0.2")) == BigDecimal("0.3"), (BigDecimal(1) / 3).to_s,
     half.round.inspect, half.round(0, :half_even).to_s, half.round(half: :even).inspect, half.round(0, :banker).to_s,
     minus.round(1, :floor).to_s("F"), minus.round(1, :ceil).to_s("F"), minus.round(1, :down).to_s("F"),
     minus.round(1, :half_up).to_s("F"), BigDecimal("1250").round(-2).to_s("F"),
     BigDecimal("1250").round(-2, :half_even).to_s("F"),
     BigDecimal(1.1, 16).to_s, 1.1.to_d.to_s, "3.14abc".to_d.to_s,
     BigDecimal("1.5") > 1, 1 < BigDecimal("1.5"), BigDecimal("1.5") == 1.5, 1.5 == BigDecimal("1.5"),
     (2 + BigDecimal("0.5")).inspect, (1.5 + BigDecimal("1")).class, (BigDecimal("1") + 1.5).inspect,
     [BigDecimal("3"), 1, 2.5].sort.inspect,
     (begin; BigDecimal("x"); rescue ArgumentError => e; e.message; end), BigDecimal("x", exception: false).inspect,
     BigDecimal("NaN").nan?, BigDecimal("NaN") == BigDecimal("NaN"), BigDecimal("Infinity").infinite?,
     BigDecimal("-Infinity").infinite?, (-BigDecimal::INFINITY).to_s,
     BigDecimal("10").hash == BigDecimal("10.0").hash, BigDecimal("10").eql?(BigDecimal("10.0")),
     { BigDecimal("10") => "found" }[BigDecimal("10.0")],
     d.precision_scale.inspect, BigDecimal("0.001").precision_scale.inspect, BigDecimal("-1e20").precision_scale.inspect,
     d.exponent, BigDecimal("0.00123").exponent, BigDecimal("1.5").as_json.inspect, BigDecimal::NAN.as_json.inspect
    ].join(" | ")
  `)).toEqual([
    "0.12345e3", "123.45", "true", "0.33333333333333333333e0",
    "3", "0.2e1", "2", "0.2e1",
    "-1.3", "-1.2", "-1.2",
    "-1.3", "1300.0",
    "1200.0",
    "0.11e1", "0.11e1", "0.314e1",
    "true", "true", "true", "true",
    "0.25e1", "BigDecimal", "0.25e1",
    "[1, 2.5, 0.3e1]",
    'invalid value for BigDecimal(): "x"', "nil",
    "true", "false", "1",
    "-1", "-Infinity",
    "true", "true",
    "found",
    "[5, 2]", "[3, 3]", "[21, 0]",
    "3", "-2", '"0.15e1"', "nil",
  ]);
});

test("Thread.new defers its block to join or value, on the main thread, and re-raises its error", async ({ page }) => {
  expect(await checks(page, `
    require "rubyport/deferred_thread"
    runs = []
    thread = Thread.new(5) { |n| runs << n; n * 2 }
    before = [runs.inspect, thread.alive?]
    thread.join
    thread.join
    failing = Thread.new { raise IOError, "boom" }
    $unjoined_ran = false
    Thread.new { $unjoined_ran = true }
    on_main = nil
    Thread.new { on_main = Thread.current.equal?(Thread.main) }.join
    thread[:x] = 1
    [*before, runs.inspect, thread.value, thread.alive?,
     (begin; failing.join; "no error"; rescue IOError => e; e.message; end),
     (begin; failing.value; "no error"; rescue IOError => e; e.message; end),
     $unjoined_ran, on_main, thread[:x], thread["x"], thread.key?(:x)].join(" | ")
  `)).toEqual(["[]", "true", "[5]", "10", "false", "boom", "boom", "false", "true", "1", "1", "true"]);
  // Nothing runs the unjoined block later either.
  expect(await page.evaluate(() => window.ruby("$unjoined_ran"))).toBe("false");
});

test("the sqlite3 stand-in: binds and types round-trip, errors map to the gem's classes, transactions", async ({ page }) => {
  expect(await checks(page, `
    require "sqlite3"
    db = SQLite3::Database.new("db/test.sqlite3")
    db.execute("CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT UNIQUE, n INTEGER, f REAL, data BLOB, note TEXT)")
    bytes = [255, 0, 195, 40].pack("C*")
    db.execute("INSERT INTO items (name, n, f, data, note) VALUES (?, ?, ?, ?, ?)", "a", 2**60 + 1, 2.0, bytes, nil)
    first = [db.last_insert_row_id, db.changes]
    db.execute("INSERT INTO items (name, n) VALUES (?, ?)", "héllo 🎉", -(2**62) - 3)
    name, n, f, data, note = db.execute("SELECT name, n, f, data, note FROM items WHERE id = ?", 1).first
    emoji = db.get_first_value("SELECT name FROM items WHERE id = 2")
    db.execute("UPDATE items SET note = 'x'")
    updated = db.changes
    unique = begin; db.execute("INSERT INTO items (name) VALUES ('a')"); "no error"
             rescue SQLite3::ConstraintException => e; e.message; end
    bad = begin; db.execute("SELEC 1"); "no error"; rescue SQLite3::SQLException => e; e.class.name; end
    db.transaction
    db.execute("INSERT INTO items (name) VALUES (?)", "rolled back")
    db.rollback
    db.transaction
    db.execute("INSERT INTO items (name) VALUES (?)", "committed")
    db.commit
    raised = begin; db.transaction { db.execute("INSERT INTO items (name) VALUES ('raised')"); raise "undo" }
             rescue RuntimeError => e; e.message; end
    # The same path opened again is the same database.
    again = SQLite3::Database.new("db/test.sqlite3", results_as_hash: true)
    [*first, name, n == 2**60 + 1, f.inspect, data.encoding, data == bytes, note.inspect,
     emoji == "héllo 🎉", emoji.encoding, db.get_first_value("SELECT n FROM items WHERE id = 2") == -(2**62) - 3,
     updated, unique, bad, raised,
     db.execute("SELECT typeof(?), ?, ?", 2.0, 3.0, 1.5).inspect,
     db.execute("SELECT ?, ?", Float::INFINITY, -Float::INFINITY).inspect,
     db.execute("SELECT name FROM items WHERE id > :id ORDER BY id", id: 1).flatten.inspect,
     again.execute("SELECT id, name FROM items WHERE id < 3 ORDER BY id").inspect,
     SQLite3::Database.quote("it's")].join(" | ")
  `)).toEqual([
    "1", "1", "a", "true", "2.0", "ASCII-8BIT", "true", "nil",
    "true", "UTF-8", "true",
    "2", "UNIQUE constraint failed: items.name", "SQLite3::SQLException", "undo",
    '[["real", 3.0, 1.5]]',
    "[[Infinity, -Infinity]]",
    '["héllo 🎉", "committed"]',
    '[{"id" => 1, "name" => "a"}, {"id" => 2, "name" => "héllo 🎉"}]',
    "it''s",
  ]);
});

test("a database whose save fails goes back to what was last saved", async ({ page }) => {
  const ruby = (code) => page.evaluate((c) => window.ruby(c), code);
  const save = () => page.evaluate(() => window.saveDatabases("rails-tasks"));
  const names = 'db.execute("SELECT name FROM notes ORDER BY id").flatten.join(",")';
  await ruby(`
    require "sqlite3"
    db = SQLite3::Database.new("db/production.sqlite3")
    db.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, name TEXT)")
    db.execute("INSERT INTO notes (name) VALUES ('kept')")
  `);
  expect(await save()).toBeNull();

  await page.evaluate(() => { window.failSaves = true; });
  // Each snippet opens the path again: the host keeps one database per path.
  const db = 'db = SQLite3::Database.new("db/production.sqlite3");';
  expect(await ruby(`${db} db.execute("INSERT INTO notes (name) VALUES ('lost')"); ${names}`)).toBe("kept,lost");
  expect(await save()).toBe("QuotaExceededError: quota");
  expect(await ruby(`${db} ${names}`)).toBe("kept");
});

test("the sanitizer stand-in strips scripts, handlers and unsafe URLs, and keeps what is allowed", async ({ page }) => {
  expect(await checks(page, `
    require "rails-html-sanitizer"
    full = Rails::Html::FullSanitizer.new
    safe = Rails::Html::SafeListSanitizer.new
    [full.sanitize("<p>Hello <b>world</b><script>alert(1)</script></p>"), full.sanitize("1 < 2 & 3"),
     safe.sanitize('<b onclick="steal()">bold</b>'), safe.sanitize('<a href="https://x">link</a>'),
     safe.sanitize('<a href="javascript:alert(1)">x</a>'), safe.sanitize("<a href='jav&#x09;ascript:alert(1)'>x</a>"),
     safe.sanitize("<script>alert(1)</script>ok"), safe.sanitize("<SCRIPT>alert(1)</SCRIPT>ok"),
     safe.sanitize('<iframe src="https://x"></iframe>after'), safe.sanitize('<img src="x.png" onerror="alert(1)">'),
     safe.sanitize("1 < 2 & 3"), safe.sanitize("a &amp; b"), safe.sanitize('<p title="a&quot;b">q</p>'),
     safe.sanitize("<b>x</b><i>y</i>", tags: %w[i]),
     safe.sanitize('<span class="c" title="t">z</span>', attributes: %w[title]),
     Rails::Html::LinkSanitizer.new.sanitize('Go <a href="https://x">here</a>!')].join(" | ")
  `)).toEqual([
    "Hello world", "1 &lt; 2 &amp; 3",
    "<b>bold</b>", '<a href="https://x">link</a>',
    "<a>x</a>", "<a>x</a>",
    "ok", "ok",
    "after", '<img src="x.png">',
    "1 &lt; 2 &amp; 3", "a &amp; b", '<p title="a&quot;b">q</p>',
    "x<i>y</i>",
    '<span title="t">z</span>',
    "Go here!",
  ]);
});

test("socket, io and gem stand-ins: what loads, what refuses with a reason", async ({ page }) => {
  expect(await checks(page, `
    require "ipaddr"
    require "io/console/size"
    require "io/wait"
    require "rubyport/wasm_compat"
    net = IPAddr.new("192.168.1.0/24")
    [net.include?(IPAddr.new("192.168.1.7")), net.include?(IPAddr.new("192.168.2.7")),
     (begin; TCPSocket.new("example.com", 80); "connected"; rescue SocketError => e; e.message; end),
     IO.console_size.inspect, $stdin.wait_readable.equal?($stdin),
     gem("sqlite3", "~> 1.4"), (begin; gem "definitely-not-a-gem"; "found"; rescue LoadError => e; e.class.name; end),
     # Zone data comes from the bundle's zoneinfo files.
     TZInfo::Timezone.get("Europe/Paris").utc_to_local(Time.utc(2024, 7, 1, 12)).hour].join(" | ")
  `)).toEqual([
    "true", "false",
    "sockets are not available in Ruby on WebAssembly (WASI preview1)",
    "[25, 80]", "true",
    "true", "Gem::MissingSpecError",
    "14",
  ]);
});

test("the build's compiled Ruby serves requires of gem and standard library files, and only those", async ({ page }) => {
  expect(await checks(page, `
    require "rubyport/iseq_cache"
    gem_file = "/gems/activesupport/lib/active_support/core_ext/object/blank.rb"
    stdlib_file = "/usr/local/lib/ruby/3.4.0/set.rb"
    cached = RubyVM::InstructionSequence.load_iseq(gem_file)
    [cached.class.name, cached.path, RubyVM::InstructionSequence.load_iseq(stdlib_file)&.path,
     # The app's own files are writable, so they are always compiled from source; so is what the build
     # did not see loaded.
     RubyVM::InstructionSequence.load_iseq("/app/config/application.rb").inspect,
     RubyVM::InstructionSequence.load_iseq("/gems/activerecord/lib/active_record/connection_adapters/sqlite3_adapter.rb").inspect,
     # A required file compiled from the cache behaves as its source does.
     ($LOAD_PATH.unshift("/gems/activesupport/lib"); require "active_support/core_ext/object/blank"; [nil.blank?, " ".blank?, "a".blank?].inspect)
    ].join(" | ")
  `)).toEqual([
    "RubyVM::InstructionSequence", "/gems/activesupport/lib/active_support/core_ext/object/blank.rb",
    "/usr/local/lib/ruby/3.4.0/set.rb", "nil", "nil", "[true, true, false]",
  ]);
});
