// Draws the app icons at build time (a red gem on a dark tile), so no binary image lives in the repo.
import { deflateSync, crc32 } from "node:zlib";
import { writeFile } from "node:fs/promises";

const BACKGROUND = [0x1e, 0x1e, 0x24];
const GEM = [0xb3, 0x20, 0x2a];
const FACET = [0xe0, 0x4a, 0x52];

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** The colour of pixel (x, y) of a size×size icon: a diamond, lighter in its upper half. */
function pixel(x, y, size) {
  const c = size / 2;
  const inGem = Math.abs(x - c) / (size * 0.36) + Math.abs(y - c) / (size * 0.4) <= 1;
  if (!inGem) return BACKGROUND;
  return y < c - size * 0.08 ? FACET : GEM;
}

/** A size×size RGB PNG of the icon. */
function iconPng(size) {
  const rows = [];
  for (let y = 0; y < size; y++) {
    const row = Buffer.alloc(1 + size * 3); // filter byte 0, then RGB
    for (let x = 0; x < size; x++) Buffer.from(pixel(x, y, size)).copy(row, 1 + x * 3);
    rows.push(row);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const png = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.concat(rows))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return png;
}

/** Writes a size×size RGB PNG icon to file. */
export async function writeIcon(file, size) {
  await writeFile(file, iconPng(size));
}

/** Writes /favicon.ico, which browsers ask for on every page, apps' pages included: an ICO around a PNG. */
export async function writeFavicon(file, size = 32) {
  const png = iconPng(size);
  const header = Buffer.alloc(22);
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.set([size, size, 0, 0], 6); // width, height, no palette
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(24, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18); // where the PNG starts
  await writeFile(file, Buffer.concat([header, png]));
}
