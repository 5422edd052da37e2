// Compiles the Ruby files a packed app loads at boot into instruction sequences (site build, after the
// first packing): the bundle is mounted into our own WASI runtime exactly as the service worker mounts
// it, the manifest's preloads are required, and every file they loaded from a read-only gem mount or the
// standard library is compiled with RubyVM::InstructionSequence#to_binary by this same ruby+stdlib.wasm. The binaries go to
// OUT_DIR/<absolute path>.iseq, which pack-apps.mjs packs as the gem "iseq-cache" (see
// apps/wasm-compat/lib/rubyport/iseq_cache.rb). Run with --no-incremental-marking (Node 20 and ruby.wasm).
//
//   node --no-incremental-marking scripts/compile-iseqs.mjs BUNDLE.rpk OUT_DIR
// (the bundle must contain apps/wasm-compat, whose first preload defines Rubyport::IseqCache)
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { RubyVM } from "@ruby/wasm-wasi/dist/vm";
import { AppWasi } from "../playground/src/main/js/app-wasi.js";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const [bundlePath, outDir] = process.argv.slice(2);
const bridge = await readFile(path.join(root, "playground/src/main/ruby/rack_bridge.rb"), "utf8");
const module = await WebAssembly.compile(await readFile(path.join(root, "node_modules/@ruby/3.4-wasm-wasi/dist/ruby+stdlib.wasm")));

const wasi = new AppWasi({ args: ["ruby.wasm"], stderr: (line) => process.stderr.write(`${line}\n`) });
const manifest = wasi.mountBundle(new Uint8Array(await readFile(bundlePath)));
wasi.writeFile("/rubyport/rack_bridge.rb", bridge);
wasi.writeFile("/rubyport/manifest.json", JSON.stringify(manifest));
const { vm } = await RubyVM.instantiateModule({ module, wasip1: wasi, args: ["ruby.wasm", "-EUTF-8", "-e_=0"] });
const count = Number(vm.eval('require "/rubyport/rack_bridge"; Rubyport::RackBridge.setup(File.read("/rubyport/manifest.json"))').toString());
vm.eval("Rubyport::RackBridge.reserve_memory(64)");
for (let i = 0; i < count; i++) vm.eval(`Rubyport::RackBridge.preload(${i})`);
// Written into the VM's file system, then read back: a list of paths and one binary per path.
const listed = vm.eval(`
  files = $LOADED_FEATURES.select { |f| f.start_with?(*Rubyport::IseqCache::IMMUTABLE) && f.end_with?(".rb") && File.file?(f) }.uniq
  Dir.mkdir("/tmp") unless Dir.exist?("/tmp")
  files.each_with_index { |f, i| File.binwrite("/tmp/iseq-#{i}", RubyVM::InstructionSequence.compile_file(f).to_binary) }
  files.join("\\n")
`).toString().split("\n").filter(Boolean);
await rm(outDir, { recursive: true, force: true });
let bytes = 0;
for (const [i, file] of listed.entries()) {
  const binary = wasi.readFile(`/tmp/iseq-${i}`);
  const target = path.join(outDir, `${file}.iseq`);
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, binary);
  bytes += binary.length;
}
console.log(`compiled ${listed.length} files of ${manifest.name} (${(bytes / 2 ** 20).toFixed(1)} MiB)`);
