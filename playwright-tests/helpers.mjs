// Shared helpers: collect a page's console output, and wait for Ruby lines to appear in it.
import { expect } from "@playwright/test";

/** Records console messages of page as {type, text}; returns the live array. */
export function captureConsole(page) {
  const messages = [];
  page.on("console", (message) => messages.push({ type: message.type(), text: message.text() }));
  page.on("pageerror", (error) => messages.push({ type: "pageerror", text: error.message }));
  return messages;
}

/** Waits until a console message of the given type contains text; returns its index. */
export async function waitForConsole(messages, text, type = "log") {
  await expect.poll(() => messages.findIndex((m) => m.type === type && m.text.includes(text)),
    { message: `console ${type} containing ${JSON.stringify(text)}`, timeout: 60_000 }).toBeGreaterThanOrEqual(0);
  return messages.findIndex((m) => m.type === type && m.text.includes(text));
}

/** Stops the service workers, as the browser does with idle ones: the next request starts one afresh. */
export async function stopServiceWorkers(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("ServiceWorker.enable");
  await cdp.send("ServiceWorker.stopAllWorkers");
  await cdp.detach();
}
