// The playground: an editor, Ruby in a worker, output with stdin, files that persist, examples, sharing.
import { compileWithProgress } from "./download.js";
import { RubyRunner } from "./ruby-runner.js";
import { loadShippedSnapshot } from "./vm-snapshot.js";
import { PageRunner } from "./page-runner.js";
import { createEditor } from "./editor.js";
import { DEFAULT_PROJECT, normalizeProject } from "./project/project.js";
import { loadProject, createAutosaver, watchOtherTabs, saveReplaced, loadReplaced } from "./project/store.js";
import { encodeShareFragment, decodeShareFragment } from "./project/share.js";
import { EXAMPLES } from "./project/examples.js";
import { createFileTree } from "./project/file-tree.js";
import { enableOffline } from "./offline.js";
import { OutputView } from "./output-view.js";
import "./apps-menu.js";

const $ = (id) => document.getElementById(id);
const output = new OutputView($("output"));
const stdinInput = $("stdin");

let project = DEFAULT_PROJECT;
let previousProject = null;
let runner = null;
let pageRunner = null;
let module = null;
let running = false;

function append(text, className) {
  output.append(text, className);
}

/**
 * A valid project from stored or shared data. Where it runs (worker, or the page for DOM examples) is
 * ours to keep, so it survives normalisation.
 */
function asProject(data) {
  const project = normalizeProject(data);
  return data.target === "page" ? { ...project, target: "page" } : project;
}

/** Shows text (none: hides the notice), with a button when action = {label, run} is given. */
function showNotice(text, action = null) {
  $("notice-text").textContent = text;
  $("notice").hidden = !text;
  $("notice-action").hidden = !action;
  if (action) {
    $("notice-action").textContent = action.label;
    $("notice-action").onclick = () => {
      showNotice("");
      action.run();
    };
  }
}

// ---- project, editor, files ----

const autosaver = createAutosaver(() => project, ({ state, message }) => {
  const status = $("save-status");
  status.dataset.state = state;
  status.textContent = state === "saving" ? "Saving…" : state === "saved" ? "Saved" : message;
}, 400, (replaced) => {
  // Another tab saved after this one loaded: this save won, and theirs stays one click away.
  previousProject = asProject(replaced);
  keepReplaced();
  $("restore").hidden = false;
  showNotice("This project was also changed in another tab. Your version here was saved over it; " +
    "the other tab's version is kept: use “Restore previous project” to get it back.");
});

// Another tab saved the project: say so, and offer its version (this tab's stays restorable).
watchOtherTabs(() => {
  showNotice("This project was changed in another tab. If you keep editing here, your next save replaces " +
    "that version (it stays restorable).", {
    label: "Load the other tab's version",
    run: async () => {
      try {
        const theirs = await loadProject();
        if (theirs) replaceProject(theirs, "The other tab's version is loaded. Yours can be restored with " +
          "“Restore previous project”.", false);
      } catch (e) {
        showNotice(e.message);
      }
    },
  });
});

const editor = createEditor($("editor"), {
  onRun: () => run(),
  onChange: (text) => {
    if (project.files[project.open] === text) return;
    project = { ...project, files: { ...project.files, [project.open]: text } };
    autosaver.schedule();
  },
});

const fileTree = createFileTree($("files"), {
  getProject: () => project,
  setProject: (next) => {
    project = next;
    if (!(project.open in project.files)) project = { ...project, open: "main.rb" };
    openFile(project.open);
    autosaver.schedule();
  },
  onOpen: (path) => openFile(path),
});

function openFile(path) {
  project = { ...project, open: path };
  $("current-file").textContent = path;
  editor.setText(project.files[path] ?? "");
  fileTree.render();
}

/** Keeps previousProject for "Restore previous project", in storage too, so that a reload keeps it. */
function keepReplaced() {
  if (previousProject) {
    saveReplaced(previousProject).catch((error) => showNotice(`${error.message} (the project you replaced)`));
  }
}

/** Replaces the whole project (example, share link), keeping the old one restorable. */
function replaceProject(next, message, save = true) {
  previousProject = project;
  keepReplaced();
  project = asProject(next);
  output.clear();
  editor.markError(null);
  openFile(project.open);
  $("restore").hidden = false;
  showNotice(message);
  if (save) autosaver.schedule();
}

$("restore").addEventListener("click", () => {
  if (!previousProject) return;
  const restored = previousProject;
  previousProject = project;
  keepReplaced();
  project = restored;
  openFile(project.open);
  autosaver.schedule();
  showNotice("Your previous project is back. The one you replaced can be restored with the same button.");
});

for (const example of EXAMPLES) {
  const option = document.createElement("option");
  option.value = example.id;
  option.textContent = example.title;
  $("examples").append(option);
}
$("examples").addEventListener("change", (event) => {
  const example = EXAMPLES.find((e) => e.id === event.target.value);
  event.target.value = "";
  if (example) {
    replaceProject({ files: { ...example.files }, open: "main.rb", target: example.target },
      `Opened the example "${example.title}". Press Run to start it.`);
  }
});

// Chromium opens URLs of up to 2 MB. HTTP asks every client to take 8,000 characters; chat and mail apps
// cut links well short of 2 MB, so a longer link comes with a word on what to do if it arrives cut.
const MAX_LINK_CHARS = 2 * 1024 * 1024;
const PORTABLE_LINK_CHARS = 8000;

$("share").addEventListener("click", async () => {
  const fragment = await encodeShareFragment(project);
  const url = `${location.origin}${location.pathname}${fragment}`;
  const kb = Math.round(url.length / 1024);
  if (url.length > MAX_LINK_CHARS) {
    $("share-url").hidden = true;
    showNotice(`This project is too big for a share link (${kb} KB once compressed; browsers open links of up to ` +
      "2 MB). Use Download zip under the files and send the zip instead.");
    return;
  }
  $("share-url").value = url;
  $("share-url").hidden = false;
  $("share-url").select();
  const long = url.length > PORTABLE_LINK_CHARS ? ` The link is ${kb} KB long, and some apps cut links that long: if it ` +
    "arrives cut short, send the project as a zip (Download zip) instead." : "";
  try {
    await navigator.clipboard.writeText(url);
    showNotice(`The share link is in your clipboard. Opening it loads this project without running it.${long}`);
  } catch {
    showNotice(`Copy the share link from the field. Opening it loads this project without running it.${long}`);
  }
});

async function initialProject() {
  let saved = null;
  try {
    saved = await loadProject();
  } catch (e) {
    showNotice(`${e.message}`);
  }
  try {
    const shared = await decodeShareFragment(location.hash);
    // Read once: left in the address bar, the link would replace the user's edits again on every reload.
    if (location.hash) history.replaceState(null, "", location.pathname + location.search);
    if (shared) {
      previousProject = saved;
      keepReplaced();
      $("restore").hidden = !saved;
      showNotice("You opened a shared project. It has not run: read it, then press Run." +
        (saved ? " Your own project is kept: use “Restore previous project” to go back." : ""));
      return asProject({ ...shared, open: "main.rb" });
    }
  } catch (e) {
    showNotice(e.message);
  }
  try {
    // The project an example or a share link replaced before this reload stays restorable.
    previousProject = await loadReplaced();
    $("restore").hidden = !previousProject;
  } catch {
    // Nothing to restore; the current project matters more, and its load already reported any failure.
  }
  return saved ? asProject(saved) : DEFAULT_PROJECT;
}

// ---- running ----

function setRunning(value) {
  running = value;
  $("run").disabled = value || !runner;
  $("stop").disabled = !value;
  if (!value) setStdinEnabled(false);
}

function setStdinEnabled(enabled) {
  stdinInput.disabled = !enabled;
  $("stdin-send").disabled = !enabled;
  $("stdin-eof").disabled = !enabled;
  if (enabled) stdinInput.focus();
}

function showReport(report) {
  switch (report.status) {
    case "ok":
      append(`=> ${report.result}\n`, "result");
      break;
    case "exit":
      append(`Exited with status ${report.code}.\n`, "info");
      break;
    case "stopped":
      append("■ Stopped.\n", "info");
      break;
    default:
      append(`${report.message.replace(/\n?$/, "\n")}`, "error");
      if (report.file && report.file in project.files && report.line) {
        if (report.file !== project.open) openFile(report.file);
        editor.markError(report.line);
      }
  }
}

async function run() {
  if (!runner || running) return;
  output.clear();
  editor.markError(null);
  setRunning(true);
  const onPage = project.target === "page";
  let report;
  try {
    report = onPage
      ? await (pageRunner ||= new PageRunner(module, (stream, text) => append(text, stream))).run(project.files)
      : await runner.run(project.files);
  } catch (error) {
    // The runner itself failed (not the user's Ruby): say so, and leave Run usable.
    if (onPage) pageRunner = null;
    report = { status: "error", message: `The run could not start: ${error.message || error}` };
  }
  showReport(report);
  setRunning(false);
  editor.focus();
}

$("run").addEventListener("click", run);
// Ctrl/Cmd+Enter runs from anywhere on the page, not only from the editor (which handles it first).
document.addEventListener("keydown", (event) => {
  if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !event.defaultPrevented) {
    event.preventDefault();
    run();
  }
});
$("stop").addEventListener("click", () => runner?.stop());

$("stdin-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (stdinInput.disabled) return;
  const line = `${stdinInput.value}\n`;
  append(line, "input");
  stdinInput.value = "";
  setStdinEnabled(false);
  runner.provideInput(line);
});
const sendEof = () => {
  if (stdinInput.disabled) return;
  append("^D\n", "info");
  setStdinEnabled(false);
  runner.endInput();
};
$("stdin-eof").addEventListener("click", sendEof);
stdinInput.addEventListener("keydown", (event) => {
  if (event.key.toLowerCase() === "d" && event.ctrlKey) {
    event.preventDefault();
    sendEof();
  }
});

// ---- loading Ruby ----

/**
 * Settles once Ruby is ready to run, or could not be loaded. The service worker is registered after it:
 * its install stores the site (the wasm among it) in Cache Storage, and beside Ruby's download and start
 * that work made the first visit's Run button come later; once the page has the wasm, the install's request
 * for it is a revalidation, not a second download.
 */
let rubySettled;
const rubyStarted = new Promise((resolve) => { rubySettled = resolve; });

async function loadRuby() {
  $("retry").hidden = true;
  $("loading").hidden = false;
  $("status").removeAttribute("data-error");
  $("status").textContent = "";
  try {
    // Fetched while the wasm downloads: each run's worker restores it instead of booting Ruby (~0.5 s).
    const snapshot = loadShippedSnapshot(new URL("ruby+stdlib.wasm", location.href));
    module = await compileWithProgress("ruby+stdlib.wasm", (received, total, fromCache) => {
      const percent = total ? Math.round((received / total) * 100) : 0;
      $("download-progress").value = percent;
      $("download-text").textContent = `${fromCache ? "Loading Ruby from the offline copy" : "Downloading Ruby"}… ` +
        `${(received / 1048576).toFixed(1)} of ${(total / 1048576).toFixed(1)} MB`;
    });
    $("download-progress").value = 100;
    $("download-text").textContent = "Starting Ruby…";
    runner = new RubyRunner(module, {
      onOutput: (stream, text) => append(text, stream),
      onStdinRequest: () => setStdinEnabled(true),
      onSpareReady: (version) => {
        $("loading").hidden = true;
        $("status").textContent = version;
        $("status").dataset.ready = "true";
        if (!running) $("run").disabled = false;
        rubySettled();
      },
    }, { snapshot: await snapshot });
    if (!runner.interactiveStdin) {
      showNotice("This page is not cross-origin isolated, so programs cannot wait for typed input: " +
        "gets returns nil (end of input). Serve it with COOP/COEP headers to type into gets.");
    }
  } catch (e) {
    $("status").textContent = `Ruby could not be downloaded (${e.message}). Check your connection and retry.`;
    $("status").dataset.error = "true";
    $("retry").hidden = false;
    rubySettled();
  }
}
$("retry").addEventListener("click", loadRuby);

project = await initialProject();
openFile(project.open in project.files ? project.open : "main.rb");
window.addEventListener("beforeunload", () => autosaver.flush());
loadRuby();
// News only (passing) goes by itself.
let updateTimer = null;
const showUpdate = (text, label, action, passing = false) => {
  $("update-text").textContent = text;
  $("update-action").hidden = !label;
  $("update-action").textContent = label || "";
  $("update-action").onclick = action || null;
  $("update").hidden = false;
  clearTimeout(updateTimer);
  if (passing) updateTimer = setTimeout(() => { $("update").hidden = true; }, 10_000);
};
// Registered once Ruby is ready (see rubyStarted). A page a worker already controls, whose Ruby comes from
// the worker's cache, waits ten seconds at most: should its start never settle, a newer build with a fix
// must still be offered. A first visit waits for the download however slow, rather than download twice.
const tenSeconds = () => new Promise((resolve) => setTimeout(resolve, 10_000));
const registerAfter = navigator.serviceWorker?.controller ? Promise.race([rubyStarted, tenSeconds()]) : rubyStarted;
registerAfter.then(() => enableOffline(showUpdate));
$("update-dismiss").addEventListener("click", () => { $("update").hidden = true; });
