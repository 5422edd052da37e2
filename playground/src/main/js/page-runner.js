// Runs a project on the page's own thread, for code that needs the DOM (`require "js"` and
// JS.global[:document]). No Stop and no blocking gets there: the page would freeze.
import { createRubyVM, runProjectFile } from "./boot.js";
import { JavaWasi } from "./wasi.js";
import runnerSource from "../ruby/runner.rb";

export class PageRunner {
  constructor(module, onOutput) {
    this.module = module;
    this.onOutput = onOutput;
    this.booted = null;
  }

  async run(files) {
    this.booted ||= createRubyVM(this.module, {
      Wasi: JavaWasi,
      stdout: (text) => this.onOutput("stdout", text),
      stderr: (text) => this.onOutput("stderr", text),
    }).then(({ vm, wasi }) => {
      vm.eval(runnerSource);
      return { vm, wasi };
    });
    const { vm, wasi } = await this.booted;
    for (const [path, text] of Object.entries(files)) {
      if (path.endsWith("/")) wasi.makeDirectories(`/project/${path}`);
      else wasi.writeFile(`/project/${path}`, text);
    }
    try {
      return runProjectFile(vm, "/project/main.rb");
    } finally {
      wasi.flush();
    }
  }
}
