// The first playground at /: type Ruby, press Run (or Ctrl/Cmd+Enter), read the output.
import { compileRuby, createRubyVM, asNamedFile } from "./boot.js";

const $ = (id) => document.getElementById(id);
const output = $("output");
const runButton = $("run");
const status = $("status");

function append(text, className) {
  const span = document.createElement("span");
  span.className = className;
  span.textContent = text;
  output.append(span);
  output.scrollTop = output.scrollHeight;
}

async function start() {
  try {
    const module = await compileRuby(new URL("ruby+stdlib.wasm", document.baseURI));
    const { vm, wasi } = await createRubyVM(module, {
      stdout: (text) => append(text, "stdout"),
      stderr: (text) => append(text, "stderr"),
    });
    status.textContent = vm.eval("RUBY_DESCRIPTION").toString();
    status.dataset.ready = "true";
    runButton.disabled = false;
    const run = () => {
      output.textContent = "";
      try {
        const result = vm.eval(asNamedFile($("code").value, "main.rb"));
        wasi.flush();
        append(`=> ${result.call("inspect").toString()}\n`, "result");
      } catch (e) {
        wasi.flush();
        append(`${e.message}\n`, "stderr");
      }
    };
    runButton.addEventListener("click", run);
    $("code").addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        run();
      }
    });
  } catch (e) {
    status.textContent = `Ruby could not start: ${e.message}. Reload the page to try again.`;
    status.dataset.error = "true";
  }
}

start();
