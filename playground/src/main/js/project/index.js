// Everything the playground page needs from the project modules, in one import.
export * from "./project.js";
export * from "./store.js";
export * from "./share.js";
export * from "./zip.js";
export * from "./examples.js";
export * from "./file-tree.js";
