// Registers the service worker (offline use, installability, cross-origin isolation on static hosts)
// and tells the user when a new version is ready or when offline mode is unavailable.

/** Registers /sw.js for this build. notify(text, action) shows a message with an optional button. */
export async function enableOffline(notify) {
  if (!("serviceWorker" in navigator)) return;
  let version;
  try {
    ({ version } = await (await fetch("version.json", { cache: "no-store" })).json());
  } catch {
    return; // offline: the installed worker, if any, keeps serving
  }
  // Why the install failed, when the worker could say (it names the file it could not store). Its message
  // and the worker's turning redundant may come in either order; the notice is shown again with the reason.
  let precacheFailure = null;
  let installFailed = false;
  const notifyUnavailable = () => {
    const why = precacheFailure ? ` (${precacheFailure})` : " (is storage full?)";
    notify(`Offline mode is unavailable: this browser could not store the playground for offline use${why}. ` +
      "The playground still works while you are online.");
  };
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (!event.data || typeof event.data.precacheFailed !== "string") return;
    precacheFailure = event.data.precacheFailed;
    if (installFailed) notifyUnavailable();
  });
  let reloadOnChange = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (reloadOnChange) location.reload();
  });
  const offerUpdate = (worker) => notify("A new version is ready — reload", "Reload", () => {
    reloadOnChange = true;
    worker.postMessage("skip-waiting");
  });
  const watch = (worker) => worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    if (worker.state === "redundant" && !navigator.serviceWorker.controller) {
      installFailed = true;
      notifyUnavailable();
    }
  });
  try {
    const registration = await navigator.serviceWorker.register(`sw.js?v=${encodeURIComponent(version)}`);
    if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
    if (registration.installing) watch(registration.installing);
    registration.addEventListener("updatefound", () => watch(registration.installing));
  } catch (e) {
    notify(`Offline mode is unavailable: ${e.message}. The playground still works while you are online.`);
  }
}
