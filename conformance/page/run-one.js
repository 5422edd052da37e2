// Runs one WASI command module in this worker: {wasm, args, env, preopens:[{guest, dirs, files}]} in,
// {exitCode, stdout, stderr} or {error} out.
import { JavaWasi } from "/wasi.js";

self.onmessage = async ({ data }) => {
  let stdout = "";
  let stderr = "";
  try {
    const wasi = new JavaWasi({
      args: data.args, env: data.env, preopens: data.preopens.map((p) => p.guest),
      stdout: (text) => { stdout += text; }, stderr: (text) => { stderr += text; },
    });
    for (const preopen of data.preopens) {
      const base = preopen.guest === "/" ? "" : `/${preopen.guest}`;
      for (const dir of preopen.dirs) wasi.makeDirectories(`${base}/${dir}`);
      for (const [file, bytes] of Object.entries(preopen.files)) wasi.writeFile(`${base}/${file}`, bytes);
    }
    const module = await WebAssembly.compile(data.wasm);
    const instance = await WebAssembly.instantiate(module, { wasi_snapshot_preview1: wasi.wasiImport });
    const exitCode = wasi.start(instance);
    self.postMessage({ exitCode, stdout, stderr });
  } catch (e) {
    self.postMessage({ error: `${e && e.name}: ${e && e.message}`, stdout, stderr });
  }
};
