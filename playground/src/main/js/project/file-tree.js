// The project's file tree: rows for folders and files, and the actions New file, New folder, Rename, Delete,
// Upload and Download zip. Names are typed into inline inputs (window.prompt blocks the page and cannot show
// why a name is refused); a refused name stays in the input with the reason beside it.
import { addFile, addFolder, deleteEntry, renameEntry, listTree, validatePath, isFile, isFolder, ENTRY } from "./project.js";
import { createZip, readZip } from "./zip.js";

// Bigger files would make the editor and the saved project sluggish; they are not code one edits here.
const MAX_TEXT_BYTES = 2 * 1024 * 1024;
const ACTIONS = [
  ["new-file", "New file"], ["new-folder", "New folder"], ["rename", "Rename"], ["delete", "Delete"],
  ["upload", "Upload"], ["download", "Download zip"],
];

let instances = 0;

/** An element with attributes (a value of true sets an empty attribute) and children. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) node.setAttribute(name, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(name, value);
  }
  node.append(...children);
  return node;
}

const parentOf = (path) => path.replace(/[^/]*\/?$/, "");
const nameOf = (path) => path.slice(parentOf(path).length).replace(/\/$/, "");

/** Text of an uploaded file, or null when it is not UTF-8 text (NUL bytes mean binary even when valid). */
function decodeText(bytes) {
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    return text.includes("\0") ? null : text;
  } catch {
    return null;
  }
}

/** "dir/name.rb" → "dir/name (2).rb", the first such name not taken in project. */
function freeName(project, path) {
  const match = /^(.*?)(\.[^./]*)?$/.exec(path);
  for (let n = 2; ; n++) {
    const candidate = `${match[1]} (${n})${match[2] ?? ""}`;
    if (!isFile(project, candidate) && !isFolder(project, candidate)) return candidate;
  }
}

/** Zip entries without macOS Finder's metadata, and without one wrapping folder that holds main.rb. */
function projectEntries(entries) {
  let list = Object.entries(entries).filter(([path]) => !/(^|\/)(__MACOSX\/|\.DS_Store$)/.test(path));
  const top = list.length ? list[0][0].split("/")[0] : "";
  if (top && list.every(([path]) => path.startsWith(`${top}/`)) && list.some(([path]) => path === `${top}/${ENTRY}`)) {
    list = list.map(([path, data]) => [path.slice(top.length + 1), data]).filter(([path]) => path !== "");
  }
  return list;
}

/**
 * Renders the tree of getProject() into container and handles its actions; every change goes through
 * setProject(newProject), and onOpen(path) is called whenever the open file changes.
 */
export function createFileTree(container, { getProject, setProject, onOpen = () => {} }) {
  const id = `file-tree-${++instances}`;
  let selected = null; // the row actions apply to; defaults to the open file
  let edit = null; // { mode: "new-file" | "new-folder" | "rename" | "delete", parent, path, value, error }
  let focusTarget = null; // after the next render, focus: "edit" (the input or confirmation), a row's path, or nothing
  const collapsed = new Set();

  const toolbar = el("div", { class: "file-tree-toolbar", role: "toolbar", "aria-label": "Project files" });
  for (const [action, label] of ACTIONS) toolbar.append(el("button", { type: "button", "data-action": action }, label));
  const upload = el("input", { type: "file", multiple: true, hidden: true, class: "file-tree-upload", tabindex: "-1" });
  const list = el("ul", { class: "file-tree-list", "aria-label": "Files" });
  const status = el("p", { class: "file-tree-status", role: "status" });
  const alert = el("p", { class: "file-tree-error file-tree-message", role: "alert", hidden: true });
  container.classList.add("file-tree");
  container.replaceChildren(toolbar, upload, alert, status, list);

  function say(message, isError = false) {
    alert.textContent = isError ? message : "";
    alert.hidden = !isError;
    status.textContent = isError ? "" : message;
  }

  /** Hands a changed project to the page, and tells it when the open file changed. */
  function change(next, { open } = {}) {
    const before = getProject().open;
    const project = open ? { ...next, open } : next;
    setProject(project);
    if (project.open !== before || open) onOpen(project.open);
  }

  const current = () => {
    const project = getProject();
    if (selected !== null && !isFile(project, selected) && !isFolder(project, selected)) selected = null;
    return selected ?? project.open ?? ENTRY;
  };
  const targetFolder = () => {
    const path = current();
    return path.endsWith("/") ? path : parentOf(path);
  };
  // Opens every folder down to path, so that its row (or the input beside it) can be seen.
  const reveal = (path) => {
    for (let folder = path.endsWith("/") ? path : parentOf(path); folder; folder = parentOf(folder)) collapsed.delete(folder);
  };

  function startEdit(mode) {
    const project = getProject();
    say("");
    if (mode === "new-file" || mode === "new-folder") {
      const parent = targetFolder();
      reveal(parent);
      edit = { mode, parent, value: "", error: null };
    } else {
      const path = current();
      if (path === ENTRY) {
        say(`main.rb is where Run starts, so it cannot be ${mode === "rename" ? "renamed" : "deleted"}. ` +
          "Select another file or folder first.", true);
        render();
        return;
      }
      const kind = isFolder(project, path) ? "folder" : "file";
      reveal(parentOf(path));
      edit = { mode, kind, path, parent: parentOf(path), value: nameOf(path), error: null };
    }
    focusTarget = "edit";
    render();
  }

  function commit() {
    if (!edit) return;
    const project = getProject();
    const { mode, parent, path } = edit;
    const typed = edit.value.trim();
    try {
      if (mode === "delete") {
        const next = deleteEntry(project, path);
        edit = null;
        selected = null;
        focusTarget = parent || null;
        change(next);
        say(`Deleted ${path}.`);
        return render();
      }
      const problem = validatePath(typed);
      if (problem) throw new Error(problem);
      const target = parent + typed;
      if (mode === "new-file") {
        const next = addFile(project, target);
        edit = null;
        selected = focusTarget = target;
        change(next, { open: target });
      } else if (mode === "new-folder") {
        const next = addFolder(project, target);
        edit = null;
        selected = focusTarget = `${target.replace(/\/$/, "")}/`;
        change(next);
      } else {
        const next = renameEntry(project, path, target);
        const moved = edit.kind === "folder" ? `${target.replace(/\/$/, "")}/` : target;
        edit = null;
        selected = focusTarget = moved;
        change(next);
        say(`Renamed ${path} to ${moved}.`);
      }
    } catch (error) {
      // The typed name stays in the input, with the reason beside it.
      if (edit) edit.error = error.message;
      focusTarget = "edit";
    }
    render();
  }

  function cancel() {
    focusTarget = edit?.path ?? current();
    edit = null;
    render();
  }

  function select(row) {
    // Clicking elsewhere abandons an edit that holds nothing typed; typed text is kept until Escape.
    if (edit && (edit.mode === "delete" || edit.value.trim() === "" || (edit.mode === "rename" && edit.value === nameOf(edit.path)))) {
      edit = null;
    }
    selected = row.path;
    focusTarget = row.path;
    if (row.isFolder) {
      if (collapsed.has(row.path)) collapsed.delete(row.path);
      else collapsed.add(row.path);
      render();
    } else {
      const project = getProject();
      if (project.open !== row.path) setProject({ ...project, open: row.path });
      render();
      onOpen(row.path);
    }
  }

  /** Adds uploaded files: zips are merged at the project's root, other files go into the selected folder. */
  async function importFiles(files) {
    const incoming = []; // [path, Uint8Array]
    const problems = [];
    for (const file of files) {
      if (/\.zip$/i.test(file.name) || file.type === "application/zip") {
        try {
          incoming.push(...projectEntries(await readZip(file)));
        } catch (error) {
          problems.push(`${file.name}: ${error.message}`);
        }
      } else {
        incoming.push([targetFolder() + file.name, file]);
      }
    }
    // Read everything first, then merge into the project as it is now (the editor may have changed it).
    const ready = [];
    for (const [path, source] of incoming) {
      if (path.endsWith("/")) {
        ready.push([path, null]);
        continue;
      }
      if ((source instanceof Blob ? source.size : source.length) > MAX_TEXT_BYTES) {
        problems.push(`${path} is larger than 2 MB, so it was not added.`);
        continue;
      }
      const text = decodeText(source instanceof Blob ? new Uint8Array(await source.arrayBuffer()) : source);
      if (text === null) problems.push(`${path} is not a text file (not UTF-8), so it was not added; only text files can be edited here.`);
      else ready.push([path, text]);
    }
    let project = getProject();
    const added = [];
    for (const [path, text] of ready) {
      try {
        if (text === null) {
          if (!isFolder(project, path)) project = addFolder(project, path);
          continue;
        }
        if (isFile(project, path) && project.files[path] === text) continue; // the same file again
        // Existing files are never overwritten: the upload gets a new name beside them.
        const name = isFile(project, path) || isFolder(project, path) ? freeName(project, path) : path;
        project = addFile(project, name, text);
        added.push(name);
        if (name !== path) problems.push(`${path} already exists, so the uploaded copy was added as ${name}.`);
      } catch (error) {
        problems.push(`${path} was not added: ${error.message}`);
      }
    }
    if (project !== getProject()) change(project, added.length === 1 ? { open: added[0] } : {});
    if (added.length === 1) selected = added[0];
    const summary = added.length ? `Added ${added.length} file${added.length === 1 ? "" : "s"}.` : "No files were added.";
    say(problems.length ? `${summary} ${problems.join(" ")}` : summary, problems.length > 0);
    render();
  }

  async function download() {
    try {
      const blob = await createZip(getProject().files);
      const url = URL.createObjectURL(blob);
      const link = el("a", { href: url, download: "project.zip", hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      // Revoking at once can cancel the download in some browsers.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      say("Downloaded project.zip.");
    } catch (error) {
      say(`The zip could not be made (${error.message}). Your files are unchanged; try again.`, true);
    }
  }

  toolbar.addEventListener("click", (event) => {
    const action = event.target.closest("[data-action]")?.dataset.action;
    if (!action) return;
    if (action === "new-file" || action === "new-folder" || action === "rename" || action === "delete") startEdit(action);
    else if (action === "upload") upload.click();
    else if (action === "download") download();
  });
  upload.addEventListener("change", () => {
    const files = [...upload.files];
    upload.value = ""; // so that choosing the same file again is noticed
    if (files.length) importFiles(files);
  });
  container.addEventListener("dragover", (event) => {
    if (event.dataTransfer?.types.includes("Files")) event.preventDefault();
  });
  container.addEventListener("drop", (event) => {
    if (!event.dataTransfer?.files.length) return;
    event.preventDefault();
    importFiles([...event.dataTransfer.files]);
  });
  list.addEventListener("keydown", (event) => {
    if (event.target.closest(".file-tree-input, .file-tree-confirm")) return;
    const buttons = [...list.querySelectorAll(".file-tree-item")];
    const at = buttons.indexOf(document.activeElement);
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      buttons[Math.max(0, Math.min(buttons.length - 1, at + (event.key === "ArrowDown" ? 1 : -1)))]?.focus();
    } else if (event.key === "F2") {
      event.preventDefault();
      startEdit("rename");
    } else if (event.key === "Delete") {
      event.preventDefault();
      startEdit("delete");
    }
  });

  function inputRow(depth) {
    const labels = { "new-file": "New file name", "new-folder": "New folder name", rename: `New name for ${edit.path}` };
    const errorId = `${id}-error`;
    const input = el("input", {
      type: "text", class: "file-tree-input", spellcheck: "false", autocomplete: "off",
      "aria-label": `${labels[edit.mode]}${edit.parent ? ` in ${edit.parent}` : ""} (Enter to confirm, Escape to cancel)`,
      "aria-invalid": edit.error ? "true" : "false", "aria-describedby": edit.error ? errorId : null,
      placeholder: edit.mode === "new-folder" ? "folder name" : "file name, e.g. util.rb",
    });
    input.value = edit.value;
    input.addEventListener("input", () => {
      edit.value = input.value;
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "Enter") {
        event.preventDefault();
        commit();
      } else if (event.key === "Escape") {
        event.preventDefault();
        cancel();
      }
    });
    const row = el("li", { class: "file-tree-row file-tree-editing" }, input);
    if (edit.error) row.append(el("p", { class: "file-tree-error", role: "alert", id: errorId }, edit.error));
    row.style.setProperty("--depth", depth);
    return row;
  }

  function confirmRow(depth) {
    const project = getProject();
    const inside = Object.keys(project.files).filter((key) => key !== edit.path && key.startsWith(edit.path) && !key.endsWith("/")).length;
    const what = edit.kind === "folder"
      ? `Delete the folder ${edit.path}${inside ? ` and the ${inside} file${inside === 1 ? "" : "s"} in it` : ""}?`
      : `Delete ${edit.path}?`;
    const yes = el("button", { type: "button", "data-action": "confirm-delete" }, "Delete");
    const no = el("button", { type: "button", "data-action": "cancel" }, "Cancel");
    yes.addEventListener("click", commit);
    no.addEventListener("click", cancel);
    const row = el("li", { class: "file-tree-row file-tree-confirm", role: "group", "aria-label": what },
      el("span", {}, `${what} This cannot be undone. `), yes, no);
    row.addEventListener("keydown", (event) => {
      if (event.key === "Escape") cancel();
    });
    row.style.setProperty("--depth", depth);
    return row;
  }

  function render() {
    const project = getProject();
    // The page may have replaced the project (an example, a share link): drop an edit of what is gone.
    if (edit && ((edit.path && !isFile(project, edit.path) && !isFolder(project, edit.path)) ||
        (edit.parent && !isFolder(project, edit.parent)))) edit = null;
    const hadFocus = list.contains(document.activeElement);
    // An input being typed in is rebuilt too; keep its caret so that typing carries on.
    const typing = document.activeElement?.classList.contains("file-tree-input") && container.contains(document.activeElement)
      ? [document.activeElement.selectionStart, document.activeElement.selectionEnd] : null;
    const open = project.open;
    const active = current();
    const rows = [];
    if (edit && (edit.mode === "new-file" || edit.mode === "new-folder") && edit.parent === "") rows.push(inputRow(0));
    let hiddenUnder = null;
    for (const row of listTree(project)) {
      if (hiddenUnder && row.path.startsWith(hiddenUnder)) continue;
      hiddenUnder = row.isFolder && collapsed.has(row.path) ? row.path : null;
      if (edit?.mode === "rename" && edit.path === row.path) {
        rows.push(inputRow(row.depth));
        continue;
      }
      const button = el("button", {
        type: "button", class: "file-tree-item",
        "aria-expanded": row.isFolder ? String(!collapsed.has(row.path)) : null,
        "aria-current": row.path === open ? "true" : null,
        title: row.path,
      }, el("span", { class: "file-tree-icon", "aria-hidden": "true" }, row.isFolder ? (collapsed.has(row.path) ? "▸" : "▾") : ""),
      el("span", { class: "file-tree-name" }, row.name));
      button.addEventListener("click", () => select(row));
      const item = el("li", {
        class: `file-tree-row${row.isFolder ? " is-folder" : " is-file"}${row.path === open ? " is-open" : ""}${row.path === active ? " is-selected" : ""}`,
        "data-path": row.path,
      }, button);
      item.style.setProperty("--depth", row.depth);
      rows.push(item);
      if (edit?.mode === "delete" && edit.path === row.path) rows.push(confirmRow(row.depth));
      if (edit && (edit.mode === "new-file" || edit.mode === "new-folder") && edit.parent === row.path) rows.push(inputRow(row.depth + 1));
    }
    list.replaceChildren(...rows);
    for (const action of ["rename", "delete"]) {
      const button = toolbar.querySelector(`[data-action="${action}"]`);
      button.disabled = active === ENTRY;
      button.title = active === ENTRY ? "main.rb is where Run starts: select another file or folder" : "";
    }
    // Keep the keyboard where the user is working, and never take it from elsewhere on the page.
    const input = list.querySelector(".file-tree-input");
    if (input && typing) {
      input.focus();
      input.setSelectionRange(...typing);
    } else if (input && focusTarget === "edit") {
      input.focus();
      if (!edit.error && edit.mode === "rename") {
        const dot = input.value.lastIndexOf(".");
        input.setSelectionRange(0, edit.kind === "file" && dot > 0 ? dot : input.value.length); // the name, not the extension
      }
    } else if (edit?.mode === "delete" && focusTarget === "edit") {
      list.querySelector('[data-action="confirm-delete"]')?.focus();
    } else if ((focusTarget !== null && focusTarget !== "edit") || hadFocus) {
      const target = [...list.querySelectorAll(".file-tree-row")].find((row) => row.dataset.path === (focusTarget ?? active));
      target?.querySelector("button")?.focus();
    }
    focusTarget = null;
  }

  render();
  return { render };
}
