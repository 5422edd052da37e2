// <script type="text/ruby"> support: the behaviour of ruby.wasm's browser.script.iife.js, plus error reports.

/** Reads the loader tag's data-env JSON; bad input is reported and ignored, as the official loader does. */
export function parseDataEnv(tag) {
  const raw = tag?.getAttribute("data-env")?.trim();
  if (!raw) return {};
  let parsed;
  try {
    parsed = JSON.parse(raw);
  } catch {
    console.warn(`data-env must be a JSON object string. ${raw} is ignored.`);
    return {};
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    console.warn(`data-env must be a JSON object string. ${raw} is ignored.`);
    return {};
  }
  const env = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (key.includes("=") || key.includes("\0") || typeof value !== "string") {
      console.warn(`data-env entry ${key} is ignored: keys may not hold "=" or NUL, and values must be strings.`);
      continue;
    }
    env[key] = value;
  }
  return env;
}

function evalStyle(tag) {
  const style = tag.getAttribute("data-eval") || "sync";
  if (style !== "sync" && style !== "async") {
    console.warn(`data-eval attribute of script tag must be "async" or "sync". ${style} is ignored and "sync" is used instead.`);
    return "sync";
  }
  return style;
}

/** Starts fetching a tag's source; resolves to {code, name, style} or to {error, name}. */
async function loadTag(tag, index) {
  const style = evalStyle(tag);
  if (!tag.hasAttribute("src")) {
    return { code: tag.textContent, name: `inline script #${index + 1}`, style };
  }
  const name = new URL(tag.getAttribute("src"), document.baseURI).href;
  try {
    const response = await fetch(name);
    if (!response.ok) return { error: `HTTP ${response.status}`, name };
    return { code: await response.text(), name, style };
  } catch (e) {
    return { error: e.message, name };
  }
}

/**
 * Runs every text/ruby tag in document order: sources are fetched in parallel, each tag runs after the
 * previous one, and a failing tag is reported with its name while the later tags still run.
 */
export async function runRubyScripts(vm, flush) {
  const tags = Array.from(document.querySelectorAll('script[type="text/ruby"]'));
  const pending = tags.map(loadTag);
  for (const loading of pending) {
    const script = await loading;
    if (script.error) {
      console.error(`Ruby script ${script.name} could not be loaded: ${script.error}`);
      continue;
    }
    try {
      if (script.style === "async") {
        vm.evalAsync(script.code).catch((e) => report(script.name, e)).finally(flush);
      } else {
        vm.eval(script.code);
      }
    } catch (e) {
      report(script.name, e);
    }
    flush();
  }
}

// ruby.wasm runs a tag's code as a file named "eval" (or "eval_async" for an async tag), one C-level call
// deep, as the official loader does; wrapping it to name the file makes every setjmp of the code slower
// (ruby.wasm unwinds the whole stack for each one), so the report names the tag instead. The VM's own
// Kernel.eval frame ("-e") says nothing about the user's script: it goes, and for a syntax error, where
// ruby.wasm puts it before the message ("frame: message (Class)"), only it goes, not the message after it.
// So do the frames of the js gem that runs an async tag, below the tag's own.
const TAG_FILE = /^(?:eval|eval_async):(?=\d+)/;
const VM_FRAME = /^-e:in /;
const VM_PREFIX = /^-e:in '[^']*': /;
const ASYNC_RUNNER_FRAME = /^\/bundle\/gems\/js-[^/]+\/lib\/js\.rb:/;

function report(name, error) {
  const text = String(error && error.message ? error.message : error);
  const [first, ...rest] = text.split("\n");
  const lines = [first.replace(VM_PREFIX, ""), ...rest.filter((line) => !VM_FRAME.test(line))]
    .map((line) => line.replace(TAG_FILE, `${name}:`));
  while (lines.length > 1 && ASYNC_RUNNER_FRAME.test(lines.at(-1))) lines.pop();
  console.error(`Ruby error in ${name}:\n${lines.join("\n")}`);
}
