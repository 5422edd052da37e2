// Packs the demo apps of apps/apps.json into site/apps/<name>.rpk with the packer, taking each gem's
// pure-Ruby sources from its Debian package (apt-get download + dpkg-deb -x, cached in .cache/debian-gems),
// and writes site/apps/index.json, the list the playground and the service worker read.
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: "inherit", ...options });

/** Downloads and unpacks a Debian package once; returns the directory it was unpacked into. */
function unpackDebian(root, pkg) {
  const target = path.join(root, ".cache/debian-gems", pkg);
  if (existsSync(target)) return target;
  const debs = path.join(root, ".cache/debs");
  mkdirSync(debs, { recursive: true });
  // Quiet: as root, apt warns that it downloads unsandboxed; a failure's output is in the thrown error.
  const download = () => execFileSync("apt-get", ["download", pkg], { cwd: debs, stdio: "pipe" });
  try {
    download();
  } catch {
    // A fresh machine may have no package lists yet.
    if (process.getuid() === 0) run("apt-get", ["update", "-qq"]);
    else run("sudo", ["apt-get", "update", "-qq"]);
    download();
  }
  const deb = readdirSync(debs).find((file) => file.startsWith(`${pkg}_`) && file.endsWith(".deb"));
  if (!deb) throw new Error(`apt-get download ${pkg} left no .deb in ${debs}`);
  // Unpacked beside the target and renamed, so that an interrupted build never leaves half a package.
  rmSync(`${target}.tmp`, { recursive: true, force: true });
  mkdirSync(`${target}.tmp`, { recursive: true });
  run("dpkg-deb", ["-x", path.join(debs, deb), `${target}.tmp`]);
  renameSync(`${target}.tmp`, target);
  return target;
}

/**
 * The gem's directory. A gem of this repository has "path"; a Debian one has "package" and "dir", a path
 * in the package or a prefix naming a versioned directory. "only" or "exclude" (names directly inside it)
 * pack part of that directory, copied into .cache/staged.
 */
function gemDirectory(root, name, gem) {
  const full = gem.path ? path.join(root, gem.path) : packageDirectory(root, gem);
  if (!gem.only && !gem.exclude) return full;
  const staged = path.join(root, ".cache/staged", name);
  rmSync(staged, { recursive: true, force: true });
  mkdirSync(staged, { recursive: true });
  for (const entry of readdirSync(full)) {
    if ((gem.only && !gem.only.includes(entry)) || gem.exclude?.includes(entry)) continue;
    cpSync(path.join(full, entry), path.join(staged, entry), { recursive: true, verbatimSymlinks: true });
  }
  return staged;
}

/** A Debian gem's directory in its unpacked package (downloaded on first use). */
export function packageDirectory(root, gem) {
  const unpacked = unpackDebian(root, gem.package);
  const exact = path.join(unpacked, gem.dir);
  if (existsSync(exact) && statSync(exact).isDirectory()) return exact;
  const parent = path.dirname(exact);
  const match = readdirSync(parent).filter((name) => name.startsWith(path.basename(gem.dir)) && /^\d/.test(name.slice(path.basename(gem.dir).length)));
  if (match.length !== 1) throw new Error(`expected one ${gem.dir}* in ${gem.package}, found ${match.join(", ") || "none"}`);
  return path.join(parent, match[0]);
}

export async function packApps(root, site) {
  const config = JSON.parse(await readFile(path.join(root, "apps/apps.json"), "utf8"));
  const out = path.join(site, "apps");
  await mkdir(out, { recursive: true });
  const jar = path.join(root, "packer/target/packer.jar");
  const index = [];
  for (const app of config.apps) {
    const args = ["-jar", jar, "--name", app.name, "--title", app.title, "--app", path.join(root, "apps", app.dir),
      "--entry", "config.ru", "--out", path.join(out, `${app.name}.rpk`)];
    for (const name of app.gems) {
      const gem = config.gems[name];
      args.push("--gem", `${name}=${gemDirectory(root, name, gem)}`);
      // A gem without "lib" is data (zone files), not Ruby: it stays off the load path.
      if (gem.lib) args.push("--load-path", path.posix.join("/gems", name, gem.lib));
    }
    for (const [key, value] of Object.entries(app.env || {})) args.push("--env", `${key}=${value}`);
    for (const feature of app.preload || []) args.push("--preload", feature);
    run("java", args, { stdio: ["ignore", "ignore", "inherit"] });
    if (app.compileIseqs) {
      // Packed again with what its preloads load compiled (see scripts/compile-iseqs.mjs).
      const iseqs = path.join(root, ".cache/iseqs", app.name);
      run(process.execPath, ["--no-incremental-marking", path.join(root, "scripts/compile-iseqs.mjs"),
        path.join(out, `${app.name}.rpk`), iseqs]);
      run("java", [...args, "--gem", `iseq-cache=${iseqs}`], { stdio: ["ignore", "ignore", "inherit"] });
    }
    index.push({ name: app.name, title: app.title, description: app.description, bundle: `/apps/${app.name}.rpk`,
      url: `/apps/${app.name}/` });
  }
  await writeFile(path.join(out, "index.json"), JSON.stringify({ apps: index }, null, 2));
}
