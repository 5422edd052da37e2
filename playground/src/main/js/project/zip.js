// Zip files for project download and upload: the container format only (headers, CRC-32, central
// directory); the DEFLATE itself is the browser's CompressionStream/DecompressionStream.
import { deflateRaw, inflateRaw } from "./compression.js";

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const UTF8_NAMES = 0x0800; // general purpose bit 11: names are UTF-8
const ENCRYPTED = 0x0001;
const STORED = 0;
const DEFLATED = 8;
// Uploads are text files for an editor; this stops a small crafted zip from unpacking into gigabytes.
const DEFAULT_MAX_BYTES = 256 * 1024 * 1024;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** The CRC-32 (IEEE, as zip uses) of bytes. */
export function crc32(bytes) {
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** MS-DOS date and time, the only timestamps every unzip tool reads. */
function dosDateTime(date) {
  const year = Math.max(1980, Math.min(2107, date.getFullYear()));
  return {
    time: (date.getHours() << 11) | (date.getMinutes() << 5) | (date.getSeconds() >> 1),
    date: ((year - 1980) << 9) | ((date.getMonth() + 1) << 5) | date.getDate(),
  };
}

/**
 * A zip (Blob, application/zip) of files, `{ path: string | Uint8Array }`; keys ending in "/" become folder
 * entries. Each entry is deflated when that makes it smaller, else stored.
 */
export async function createZip(files) {
  const encoder = new TextEncoder();
  const { time, date } = dosDateTime(new Date());
  const parts = [];
  const central = [];
  let offset = 0;
  const entries = Object.entries(files);
  if (entries.length > 0xffff) throw new Error("The project has more than 65535 files, too many for a zip file.");
  for (const [path, content] of entries) {
    const name = encoder.encode(path);
    const isFolder = path.endsWith("/");
    const data = isFolder ? new Uint8Array(0) : typeof content === "string" ? encoder.encode(content) : new Uint8Array(content);
    const crc = crc32(data);
    const deflated = data.length > 0 ? await deflateRaw(data) : null;
    const [method, stored] = deflated && deflated.length < data.length ? [DEFLATED, deflated] : [STORED, data];
    if (data.length >= 0xffffffff || offset >= 0xffffffff) throw new Error(`"${path}" is too big for a zip file (4 GB or more).`);

    const local = new DataView(new ArrayBuffer(30));
    local.setUint32(0, LOCAL, true);
    local.setUint16(4, 20, true); // version needed: 2.0 (deflate, folders)
    local.setUint16(6, UTF8_NAMES, true);
    local.setUint16(8, method, true);
    local.setUint16(10, time, true);
    local.setUint16(12, date, true);
    local.setUint32(14, crc, true);
    local.setUint32(18, stored.length, true);
    local.setUint32(22, data.length, true);
    local.setUint16(26, name.length, true);
    local.setUint16(28, 0, true);
    parts.push(local, name, stored);

    const entry = new DataView(new ArrayBuffer(46));
    entry.setUint32(0, CENTRAL, true);
    entry.setUint16(4, (3 << 8) | 20, true); // made by: Unix, so unzip honours the permissions below
    entry.setUint16(6, 20, true);
    entry.setUint16(8, UTF8_NAMES, true);
    entry.setUint16(10, method, true);
    entry.setUint16(12, time, true);
    entry.setUint16(14, date, true);
    entry.setUint32(16, crc, true);
    entry.setUint32(20, stored.length, true);
    entry.setUint32(24, data.length, true);
    entry.setUint16(28, name.length, true);
    // 30 extra length, 32 comment length, 34 disk, 36 internal attributes: all 0
    entry.setUint32(38, ((isFolder ? 0o40755 : 0o100644) << 16 | (isFolder ? 0x10 : 0)) >>> 0, true);
    entry.setUint32(42, offset, true);
    central.push(entry, name);
    offset += 30 + name.length + stored.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.byteLength, 0);
  const end = new DataView(new ArrayBuffer(22));
  end.setUint32(0, END, true);
  end.setUint16(8, entries.length, true);
  end.setUint16(10, entries.length, true);
  end.setUint32(12, centralSize, true);
  end.setUint32(16, offset, true);
  return new Blob([...parts, ...central, end], { type: "application/zip" });
}

/** Why an entry name could write outside the folder it is unpacked into ("zip slip"), or null. */
function unsafeName(name) {
  return name.startsWith("/") || name.includes("\\") || /^[A-Za-z]:/.test(name) || name.includes("\0") ||
    name.split("/").includes("..");
}

/**
 * The entries of a zip (ArrayBuffer, Uint8Array or Blob) as `{ path: Uint8Array }`; folder entries give keys
 * ending in "/" with empty contents. Checks every name and CRC before returning anything, and throws an Error
 * naming the problem (unsafe path, damage, unsupported feature) so that nothing half-imported is left.
 */
export async function readZip(input, { maxBytes = DEFAULT_MAX_BYTES } = {}) {
  const mb = (n) => Math.round(n / 1048576);
  // Checked before reading: a file picked by mistake (a disk image, a video) is not loaded into memory.
  const fileSize = input instanceof Blob ? input.size : input.byteLength;
  if (fileSize > maxBytes) {
    throw new Error(`This zip is ${mb(fileSize)} MB, more than the ${mb(maxBytes)} MB allowed; nothing was imported.`);
  }
  const buffer = input instanceof Blob ? await input.arrayBuffer() : input;
  const bytes = buffer instanceof Uint8Array ? buffer : new Uint8Array(buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const notZip = new Error("This file is not a zip archive (or it is damaged or incomplete), so nothing was imported. " +
    "Choose a .zip file, for example one downloaded from here.");

  // The end record is in the last 22 + 65535 (comment) bytes; search backwards for its signature.
  let endAt = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === END) {
      endAt = i;
      break;
    }
  }
  if (endAt < 0) throw notZip;
  const count = view.getUint16(endAt + 10, true);
  const centralSize = view.getUint32(endAt + 12, true);
  const centralAt = view.getUint32(endAt + 16, true);
  if (count === 0xffff || centralAt === 0xffffffff) {
    throw new Error("This zip uses the ZIP64 format for very large archives, which is not supported; nothing was imported.");
  }
  if (centralAt + centralSize > endAt) throw notZip;

  const decoder = new TextDecoder();
  const entries = [];
  let at = centralAt;
  for (let i = 0; i < count; i++) {
    if (at + 46 > endAt || view.getUint32(at, true) !== CENTRAL) throw notZip;
    const nameLength = view.getUint16(at + 28, true);
    const entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localAt: view.getUint32(at + 42, true),
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
    };
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }

  // Names first: one unsafe entry means none is imported.
  for (const { name } of entries) {
    if (unsafeName(name)) throw new Error(`The zip contains an unsafe path "${name}"; nothing was imported.`);
  }
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > maxBytes) {
    throw new Error(`The zip unpacks to ${mb(total)} MB, more than the ${mb(maxBytes)} MB allowed; nothing was imported.`);
  }

  const result = [];
  for (const entry of entries) {
    const { name, method, flags } = entry;
    if (name.endsWith("/")) {
      result.push([name, new Uint8Array(0)]);
      continue;
    }
    if (flags & ENCRYPTED) throw new Error(`The zip entry "${name}" is encrypted, which is not supported; nothing was imported.`);
    if (entry.localAt + 30 > bytes.length || view.getUint32(entry.localAt, true) !== LOCAL) throw notZip;
    // The local header's name and extra field may differ in length from the central directory's.
    const dataAt = entry.localAt + 30 + view.getUint16(entry.localAt + 26, true) + view.getUint16(entry.localAt + 28, true);
    // With a data descriptor (flag bit 3) the local sizes are zero; the central directory's are always right.
    if (dataAt + entry.compressedSize > bytes.length) throw notZip;
    const raw = bytes.subarray(dataAt, dataAt + entry.compressedSize);
    let data;
    if (method === STORED) {
      data = raw.slice();
    } else if (method === DEFLATED) {
      try {
        data = await inflateRaw(raw, entry.size);
      } catch (error) {
        // RangeError: it unpacks past the size its header gives, as a zip bomb does; unpacking stopped there.
        const why = error instanceof RangeError ? `it unpacks to more than the ${entry.size} bytes its header gives`
          : "it could not be unpacked";
        throw new Error(`The zip entry "${name}" is damaged (${why}); nothing was imported.`);
      }
    } else {
      throw new Error(`The zip entry "${name}" uses compression method ${method}; only stored and deflated entries ` +
        "are supported, so nothing was imported. Re-create the zip with standard settings.");
    }
    if (data.length !== entry.size || crc32(data) !== entry.crc) {
      throw new Error(`The zip entry "${name}" is damaged (its checksum does not match); nothing was imported.`);
    }
    result.push([name, data]);
  }
  return Object.fromEntries(result);
}
