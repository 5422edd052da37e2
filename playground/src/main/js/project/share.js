// Share links: the whole project in the URL fragment, "#code=<base64url(deflate-raw(JSON))>". The fragment
// never reaches a server, so sharing needs no backend and the code stays between the people who have the link.
import { deflateRaw, inflateRaw } from "./compression.js";
import { normalizeProject } from "./project.js";

const PARAM = "code";
// Far more than any link can carry compressed; stops a crafted link from unpacking into gigabytes.
const MAX_JSON_BYTES = 16 * 1024 * 1024;

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error("it contains characters that do not belong in a share link");
  // No whole number of bytes is ever 4n+1 base64 characters long: the end was cut off.
  if (text.length % 4 === 1) throw new Error("its end is missing");
  const binary = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** A location.hash ("#code=…") that holds project; its length grows with the (compressed) code. */
export async function encodeShareFragment(project) {
  const { files, open, target } = project;
  const json = JSON.stringify(target ? { files, open, target } : { files, open });
  return `#${PARAM}=${toBase64Url(await deflateRaw(new TextEncoder().encode(json)))}`;
}

/**
 * The project a location.hash carries, normalized; null when the hash has no "code=" payload.
 * Throws an Error with a message for the user when the payload is damaged.
 */
export async function decodeShareFragment(hash) {
  const params = new URLSearchParams(String(hash ?? "").replace(/^#/, ""));
  if (!params.has(PARAM)) return null;
  const damaged = (why) => new Error(`This share link is damaged or incomplete: ${why}. ` +
    "Ask for the link again and make sure it was copied completely.");
  let bytes;
  try {
    bytes = fromBase64Url(params.get(PARAM).trim());
  } catch (error) {
    throw damaged(error.message);
  }
  if (bytes.length === 0) throw damaged("it holds no code");
  let json;
  try {
    json = new TextDecoder("utf-8", { fatal: true }).decode(await inflateRaw(bytes, MAX_JSON_BYTES));
  } catch (error) {
    throw damaged(error instanceof RangeError ? "it unpacks to far more code than a link can hold"
      : "its code could not be unpacked (was the link cut short?)");
  }
  let data;
  try {
    data = JSON.parse(json);
  } catch {
    throw damaged("the unpacked code is not a valid project");
  }
  try {
    return normalizeProject(data);
  } catch (error) {
    throw damaged(error.message.replace(/\.$/, ""));
  }
}
