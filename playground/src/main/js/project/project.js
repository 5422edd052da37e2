// The project model: plain JSON, `{ files: { "main.rb": "...", "lib/x.rb": "...", "data/": "" }, open }`.
// An optional `target: "page"` marks a project that must run on the page (DOM examples); it is kept as is.
// Paths are relative and "/"-separated; a key ending in "/" is an empty folder (folders that hold files are
// implied by their files). Every function here is pure: it returns a new project and never mutates its input.
// Operations that the user asked for and that cannot be done throw an Error whose message can be shown as is.

export const ENTRY = "main.rb";

export const DEFAULT_PROJECT = Object.freeze({
  files: Object.freeze({
    "main.rb": `# Welcome to Rubyport: Ruby running in your browser.
# Edit this code and press Run (or Ctrl/Cmd + Enter).

name = "world"
puts "Hello, #{name}!"

# Blocks, ranges and string formatting work as usual:
squares = (1..5).map { |n| n * n }
puts "Squares: #{squares.join(", ")}"
puts format("Their average is %.1f", squares.sum / squares.size.to_f)

# The last value is shown after the output.
RUBY_VERSION
`,
  }),
  open: "main.rb",
});

const isFolderKey = (path) => path.endsWith("/");
const stripSlash = (path) => (isFolderKey(path) ? path.slice(0, -1) : path);
const parentOf = (path) => {
  const bare = stripSlash(path);
  const cut = bare.lastIndexOf("/");
  return cut < 0 ? "" : bare.slice(0, cut + 1);
};

const utf8 = new TextEncoder();

/**
 * Why a path cannot name a file or folder in a project, as a sentence for the user; null when it can.
 * A trailing "/" (folder) is allowed.
 */
export function validatePath(path) {
  if (typeof path !== "string" || stripSlash(path).trim() === "") return "Enter a name.";
  if (path.startsWith("/")) return `"${path}" starts with "/": use a path relative to the project, like "lib/util.rb".`;
  if (path.includes("\\")) return `"${path}" contains "\\": separate folders with "/".`;
  // Control characters cannot be typed and break zip files and terminals alike.
  if (/[\u0000-\u001f\u007f]/.test(path)) return `"${path}" contains a control character; remove it.`;
  for (const segment of stripSlash(path).split("/")) {
    if (segment === "") return `"${path}" has an empty folder name (two "/" in a row); remove the extra "/".`;
    if (segment === "." || segment === "..") return `"${path}" contains "${segment}"; use a path inside the project, like "lib/util.rb".`;
    if (segment !== segment.trim()) return `"${segment}" starts or ends with a space; remove the space.`;
    // The file system's limit (Linux's NAME_MAX) is in UTF-8 bytes: 85 characters of "日本" already fill it.
    if (utf8.encode(segment).length > 255) return `"${segment.slice(0, 20)}…" is longer than 255 bytes; use a shorter name.`;
  }
  return null;
}

/** Every folder (with trailing "/") that exists in files, whether explicit or implied by what it holds. */
function allFolders(files) {
  const folders = new Set();
  for (const key of Object.keys(files)) {
    let parent = parentOf(key);
    while (parent !== "") {
      folders.add(parent);
      parent = parentOf(parent);
    }
    if (isFolderKey(key)) folders.add(key);
  }
  return folders;
}

/** Keeps explicit folder keys only for folders that are otherwise empty, so the JSON has one spelling. */
function tidy(entries) {
  const keys = entries.map(([key]) => key);
  return Object.fromEntries(entries.filter(([key]) => !isFolderKey(key) || !keys.some((k) => k !== key && k.startsWith(key))));
}

/** Where `path` would clash with what exists: a sentence for the user, or null. */
function clash(files, path) {
  const folders = allFolders(files);
  const bare = stripSlash(path);
  if (Object.hasOwn(files, bare)) return `A file named "${bare}" already exists; choose another name.`;
  if (folders.has(`${bare}/`)) return `A folder named "${bare}" already exists; choose another name.`;
  for (let parent = parentOf(bare); parent !== ""; parent = parentOf(parent)) {
    const file = stripSlash(parent);
    if (Object.hasOwn(files, file)) return `"${file}" is a file, so it cannot contain "${bare.slice(parent.length)}".`;
  }
  return null;
}

const fail = (message) => {
  throw new Error(message);
};

/**
 * Checks and repairs a parsed project: keeps only string files at valid paths (dropping the rest), makes
 * sure main.rb exists and `open` names a file; keeps a valid `target`. Throws when obj is not a project at all.
 */
export function normalizeProject(obj) {
  if (obj === null || typeof obj !== "object" || Array.isArray(obj)) {
    fail("This is not a Rubyport project: expected an object with a \"files\" map.");
  }
  const { files } = obj;
  if (files === null || typeof files !== "object" || Array.isArray(files)) {
    fail("This is not a Rubyport project: it has no \"files\" map of file names to code.");
  }
  const entries = [];
  for (const [key, value] of Object.entries(files)) {
    if (validatePath(key) !== null) continue;
    if (isFolderKey(key)) entries.push([key, ""]);
    else if (typeof value === "string") entries.push([key, value]);
  }
  // A file also used as a folder ("a" and "a/b") cannot exist on disk: the folder, which holds more, wins,
  // except that main.rb always stays a file.
  const folders = allFolders(Object.fromEntries(entries));
  let kept = entries.filter(([key]) => isFolderKey(key) ? true : !folders.has(`${key}/`) || key === ENTRY);
  kept = kept.filter(([key]) => !key.startsWith(`${ENTRY}/`));
  if (!kept.some(([key]) => key === ENTRY)) {
    kept.unshift([ENTRY, "# The project's entry point: Run starts here.\n"]);
  }
  const result = tidy(kept);
  const open = typeof obj.open === "string" && Object.hasOwn(result, obj.open) && !isFolderKey(obj.open) ? obj.open : ENTRY;
  return obj.target === "page" || obj.target === "worker" ? { files: result, open, target: obj.target } : { files: result, open };
}

/** Whether path names an existing file (not a folder). */
export function isFile(project, path) {
  return !isFolderKey(path) && Object.hasOwn(project.files, path);
}

/** Whether path (with or without trailing "/") names an existing folder. */
export function isFolder(project, path) {
  return allFolders(project.files).has(`${stripSlash(path)}/`);
}

/** Adds a file; throws when the path is invalid or taken. */
export function addFile(project, path, text = "") {
  const problem = validatePath(path) ?? (isFolderKey(path) ? `"${path}" ends with "/", which names a folder; give the file a name.` : null)
    ?? clash(project.files, path);
  if (problem) fail(problem);
  return { ...project, files: tidy([...Object.entries(project.files), [path, String(text)]]) };
}

/** Adds an empty folder (a trailing "/" is optional); throws when the path is invalid or taken. */
export function addFolder(project, path) {
  const problem = validatePath(path) ?? clash(project.files, path);
  if (problem) fail(problem);
  return { ...project, files: tidy([...Object.entries(project.files), [`${stripSlash(path)}/`, ""]]) };
}

/** Resolves path to ["file", path] or ["folder", "dir/"], or throws when nothing is there. */
function locate(project, path) {
  if (typeof path === "string" && isFile(project, path)) return ["file", path];
  if (typeof path === "string" && stripSlash(path) !== "" && isFolder(project, path)) return ["folder", `${stripSlash(path)}/`];
  return fail(`"${path}" does not exist in this project (it may have been renamed or deleted); pick it again from the file list.`);
}

/**
 * Renames (moves) a file or a whole folder. Refuses to overwrite anything, to move a folder into itself,
 * and to rename main.rb (Run starts there).
 */
export function renameEntry(project, from, to) {
  const [kind, source] = locate(project, from);
  if (source === ENTRY) fail("main.rb is where Run starts, so it cannot be renamed. Create a new file and move code there instead.");
  const target = kind === "folder" ? `${stripSlash(to ?? "")}/` : to;
  const problem = validatePath(target) ??
    (kind === "file" && isFolderKey(target ?? "") ? `"${to}" ends with "/"; give the file a name.` : null);
  if (problem) fail(problem);
  if (target === source) return project;
  if (kind === "folder" && target.startsWith(source)) fail(`A folder cannot be moved inside itself ("${source}" into "${target}").`);
  const moving = (key) => key === source || (kind === "folder" && key.startsWith(source));
  // The folder the entry leaves stays, even if now empty.
  const left = parentOf(source) === "" ? [] : [[parentOf(source), ""]];
  // The entry being renamed does not clash with itself, but does with the folder it leaves.
  const staying = [...Object.entries(project.files).filter(([key]) => !moving(key)), ...left];
  const taken = clash(Object.fromEntries(staying), target);
  if (taken) fail(taken);
  const move = (key) => (kind === "folder" ? target + key.slice(source.length) : target);
  const entries = Object.entries(project.files).map(([key, value]) => (moving(key) ? [move(key), value] : [key, value]));
  const open = typeof project.open === "string" && moving(project.open) ? move(project.open) : project.open;
  return { ...project, files: tidy([...entries, ...left]), open };
}

/** Deletes a file, or a folder with everything in it. Refuses to delete main.rb. */
export function deleteEntry(project, path) {
  const [kind, target] = locate(project, path);
  if (target === ENTRY) fail("main.rb is where Run starts, so it cannot be deleted. You can empty it instead.");
  const gone = (key) => key === target || (kind === "folder" && key.startsWith(target));
  const entries = Object.entries(project.files).filter(([key]) => !gone(key));
  if (parentOf(target) !== "") entries.push([parentOf(target), ""]);
  return { ...project, files: tidy(entries), open: gone(project.open ?? "") ? ENTRY : project.open };
}

/** A project with one file's text replaced (or added); convenient for the editor. */
export function setFileText(project, path, text) {
  if (!isFile(project, path)) return addFile(project, path, text);
  return { ...project, files: { ...project.files, [path]: String(text) } };
}

// Folders before files, then by name, ignoring case and treating digits as numbers ("2" before "10").
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });
const compareNames = (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);

/**
 * The tree in display order, depth first: `{ path, name, depth, isFolder }`, folders' paths ending in "/".
 */
export function listTree(project) {
  const rows = [];
  const folders = allFolders(project.files);
  const children = new Map();
  const add = (path) => {
    const parent = parentOf(path);
    if (!children.has(parent)) children.set(parent, []);
    children.get(parent).push(path);
  };
  folders.forEach(add);
  Object.keys(project.files).filter((key) => !isFolderKey(key)).forEach(add);
  const walk = (parent, depth) => {
    const items = (children.get(parent) ?? []).map((path) => ({
      path, name: stripSlash(path).slice(parent.length), depth, isFolder: isFolderKey(path),
    }));
    items.sort((a, b) => (a.isFolder === b.isFolder ? compareNames(a.name, b.name) : a.isFolder ? -1 : 1));
    for (const item of items) {
      rows.push(item);
      if (item.isFolder) walk(item.path, depth + 1);
    }
  };
  walk("", 0);
  return rows;
}
