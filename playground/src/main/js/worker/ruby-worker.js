// A dedicated worker that boots one Ruby VM, then runs one project in it on request. The page terminates
// the worker to stop a run, and keeps a booted spare so that the next run starts at once.
import { createRubyVM } from "../boot.js";
import { JavaWasi } from "../wasi.js";
import { blockingStdin } from "./stdin-channel.js";
import runnerSource from "../../ruby/runner.rb";

let vm;
let wasi;

const post = (message) => self.postMessage(message);

async function boot({ module, stdinBuffer }) {
  const stdin = stdinBuffer ? blockingStdin(stdinBuffer, () => post({ type: "stdin" })) : () => null;
  ({ vm, wasi } = await createRubyVM(module, {
    Wasi: JavaWasi,
    stdin,
    stdout: (text) => post({ type: "output", stream: "stdout", text }),
    stderr: (text) => post({ type: "output", stream: "stderr", text }),
  }));
  vm.eval(runnerSource);
  post({ type: "ready", version: vm.eval("RUBY_DESCRIPTION").toString() });
}

function run({ files }) {
  for (const [path, text] of Object.entries(files)) {
    if (path.endsWith("/")) wasi.makeDirectories(`/project/${path}`);
    else wasi.writeFile(`/project/${path}`, text);
  }
  let report;
  try {
    report = JSON.parse(vm.eval('Rubyport::Runner.run("/project/main.rb")').toString());
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
