// A dedicated worker that boots one Ruby VM, then runs one project in it on request. The page terminates
// the worker to stop a run, and keeps a booted spare so that the next run starts at once.
import { createRubyVM, runProjectFile } from "../boot.js";
import { JavaWasi } from "../wasi.js";
import { blockingStdin } from "./stdin-channel.js";
import { ringWriter } from "./output-channel.js";
import runnerSource from "../../ruby/runner.rb";

let vm;
let wasi;

const post = (message) => self.postMessage(message);

async function boot({ module, snapshot, stdinBuffer, outputBuffer }) {
  const stdin = stdinBuffer ? blockingStdin(stdinBuffer, () => post({ type: "stdin" })) : () => null;
  // Without cross-origin isolation there is no shared ring, and each write is a message.
  const write = outputBuffer ? ringWriter(outputBuffer) : (stream, text) => post({ type: "output", stream, text });
  let restored;
  ({ vm, wasi, restored = false } = await createRubyVM(module, {
    Wasi: JavaWasi,
    restoreFrom: snapshot,
    stdin,
    // Each write shows as it is made, as in a terminal (runner.rb sets $stdout.sync): `print "."` in a
    // busy loop is a progress bar. Lines cost the same either way; only writes without a newline add a record.
    writeThrough: true,
    stdout: (text) => write("stdout", text),
    stderr: (text) => write("stderr", text),
  }));
  vm.eval(runnerSource);
  post({ type: "ready", version: vm.eval("RUBY_DESCRIPTION").toString(), restored });
}

function run({ files }) {
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith("/")) wasi.makeDirectories(`/project/${path}`);
    else wasi.writeFile(`/project/${path}`, text);
  }
  let report;
  try {
    report = runProjectFile(vm, "/project/main.rb");
  } catch (e) {
    // The VM itself failed (e.g. out of memory); this worker is finished either way.
    report = { status: "error", message: `Ruby stopped: ${e.message}` };
  }
  wasi.flush();
  post({ type: "done", report });
}

self.onmessage = async ({ data }) => {
  try {
    if (data.type === "boot") await boot(data);
    else if (data.type === "run") run(data);
  } catch (e) {
    post({ type: "failed", message: e.message });
  }
};
