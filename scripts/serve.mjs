// A static server for site/ on 127.0.0.1 with correct MIME types (application/wasm lets the browser
// compile while downloading) and cross-origin isolation headers (SharedArrayBuffer for blocking stdin).
import { createServer } from "node:http";
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(process.env.SITE_DIR ||
  path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), "site"));
const port = Number(process.env.PORT || 8080);
// Tests mount their fixture pages at /fixtures/ beside the site, so that they load /ruby.js same-origin.
const fixtures = process.env.FIXTURES_DIR ? path.resolve(process.env.FIXTURES_DIR) : null;
const TYPES = {
  ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8", ".json": "application/json", ".map": "application/json",
  ".wasm": "application/wasm", ".rb": "text/plain; charset=utf-8", ".txt": "text/plain; charset=utf-8",
  ".rpk": "application/octet-stream", ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon", ".webmanifest": "application/manifest+json",
};

// A page of a packed app (/apps/<name>/...): the service worker serves these; without it, the boot page.
const APP_PAGE = /^\/apps\/[a-z0-9][a-z0-9-]*(\/|$)/;

// Cross-origin isolation, so that pages may use SharedArrayBuffer (blocking stdin in the playground).
const ISOLATION = {
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cross-Origin-Resource-Policy": "same-origin",
};

const server = createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  const pathname = decodeURIComponent(url.pathname);
  if (fixtures && await sendTestDeploy(req, res, pathname)) return;
  const [base, rest] = fixtures && pathname.startsWith("/fixtures/")
    ? [fixtures, pathname.slice("/fixtures".length)] : [root, pathname];
  let file = path.join(base, rest);
  if (file !== base && !file.startsWith(base + path.sep)) {
    res.writeHead(403).end("Forbidden");
    return;
  }
  try {
    let info = await stat(file);
    if (info.isDirectory()) {
      file = path.join(file, "index.html");
      info = await stat(file);
    }
    await sendFile(req, res, file, info);
  } catch {
    // An app page asked for before the service worker runs: the boot page installs it and reloads.
    if (APP_PAGE.test(pathname) && base === root) {
      const boot = path.join(root, "app-boot.html");
      await sendFile(req, res, boot, await stat(boot));
      return;
    }
    res.writeHead(404, { "Content-Type": "text/plain" }).end(`Not found: ${url.pathname}`);
  }
});

/**
 * Tests stand for a newer deploy in one browser context with cookies: test-deploy=<version> answers
 * /version.json, and test-deploy-marker=<text> adds <p id="marker">text</p> to the playground's page.
 * (Playwright's routing cannot stand for it: while a route answers version.json, Chromium installs the
 * same worker script again on every page load, and a navigation waiting on a worker so replaced can hang.)
 */
async function sendTestDeploy(req, res, pathname) {
  const cookies = new URLSearchParams((req.headers.cookie || "").replace(/;\s*/g, "&"));
  const version = cookies.get("test-deploy");
  if (!version) return false;
  const marker = cookies.get("test-deploy-marker");
  let body, type;
  if (pathname === "/version.json") {
    [body, type] = [JSON.stringify({ version }), TYPES[".json"]];
  } else if (marker && (pathname === "/" || pathname === "/index.html")) {
    const page = await readFile(path.join(root, "index.html"), "utf8");
    [body, type] = [page.replace("</body>", `<p id="marker">${marker}</p></body>`), TYPES[".html"]];
  } else {
    return false;
  }
  res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", ...ISOLATION });
  res.end(body);
  return true;
}

async function sendFile(req, res, file, info) {
  // A validator lets a browser revalidate the 30 MB wasm with a 304 instead of downloading it again.
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  if (req.headers["if-none-match"] === etag) {
    res.writeHead(304, { ETag: etag, "Cache-Control": "no-cache", ...ISOLATION }).end();
    return;
  }
  res.writeHead(200, {
    "Content-Type": TYPES[path.extname(file)] || "application/octet-stream",
    "Content-Length": info.size,
    "Cache-Control": "no-cache",
    ETag: etag,
    ...ISOLATION,
  });
  if (req.method === "HEAD") {
    res.end();
  } else {
    createReadStream(file).pipe(res);
  }
}

server.listen(port, "127.0.0.1", () => console.log(`Serving ${root} on http://127.0.0.1:${port}/`));
