// Registers the service worker (offline use, installability, cross-origin isolation on static hosts)
// and tells the user when a new version is ready or when offline mode is unavailable.

/** How often an open page asks whether a new build was deployed (and on becoming visible, at most this often). */
const UPDATE_CHECK_MS = 30 * 60 * 1000;

/**
 * Registers /sw.js for this build, and again whenever a newer build is deployed while the page is open.
 * notify(text, action, run, passing) shows a message with an optional button; a passing one is news only.
 */
export async function enableOffline(notify) {
  if (!("serviceWorker" in navigator)) return;
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
  // Reloads once the worker controlling the page has activated: a navigation made while it is still
  // activating waits for it, and if a newer worker replaces it meanwhile, Chromium can leave that
  // navigation hanging (the page then never reloads).
  const reloadWhenActivated = () => {
    const worker = navigator.serviceWorker.controller;
    if (!worker || worker.state === "activated") location.reload();
    else if (worker.state === "redundant") navigator.serviceWorker.addEventListener("controllerchange", reloadWhenActivated, { once: true });
    else worker.addEventListener("statechange", reloadWhenActivated, { once: true });
  };
  let controlled = Boolean(navigator.serviceWorker.controller);
  let reloadOnChange = false;
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    const replaced = controlled;
    controlled = true;
    if (reloadOnChange) {
      reloadOnChange = false;
      reloadWhenActivated();
    }
    // A first install taking control is no news; a new build another tab applied is.
    else if (replaced) notify("A new version was applied in another tab.", "Reload", reloadWhenActivated);
  });
  const offerUpdate = (worker) => notify("A new version of Rubyport is ready.", "Reload", () => {
    // Another tab may have applied it already: then there is nothing left to wait for.
    if (worker.state !== "installed") {
      reloadWhenActivated();
      return;
    }
    reloadOnChange = true;
    worker.postMessage("skip-waiting");
  });
  // first: no worker was active when this one came, so its activation makes the playground work offline.
  const watch = (worker, first) => worker.addEventListener("statechange", () => {
    if (worker.state === "installed" && navigator.serviceWorker.controller) offerUpdate(worker);
    if (worker.state === "activated" && first) notify("Rubyport is stored for offline use: it now works without a connection.", null, null, true);
    if (worker.state === "redundant" && !navigator.serviceWorker.controller) {
      installFailed = true;
      notifyUnavailable();
    }
  });
  let registered = null;
  let lastCheck = 0;
  const check = async () => {
    lastCheck = Date.now();
    let version;
    try {
      ({ version } = await (await fetch("version.json", { cache: "no-store" })).json());
    } catch {
      return; // offline: the installed worker, if any, keeps serving
    }
    if (version === registered) return;
    registered = version;
    try {
      const registration = await navigator.serviceWorker.register(`sw.js?v=${encodeURIComponent(version)}`);
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      if (registration.installing) watch(registration.installing, !registration.active);
      if (!registration.onupdatefound) registration.onupdatefound = () => watch(registration.installing, !registration.active);
    } catch (e) {
      notify(`Offline mode is unavailable: ${e.message.replace(/\.$/, "")}. The playground still works while you are online.`);
    }
  };
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "visible" && Date.now() - lastCheck > UPDATE_CHECK_MS) check();
  });
  setInterval(check, UPDATE_CHECK_MS);
  await check();
}
