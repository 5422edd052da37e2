// Loaded before either Ruby loader: records, in ms since navigation start (performance.now()), when the first
// console.log line "ready" appears. Both loaders send Ruby's stdout to console.log (ours a line at a time, the
// official one a write at a time, so "ready\n"), and both look console.log up after this script has run.
(() => {
  const log = console.log;
  console.log = function (...args) {
    if (globalThis.__benchReadyAt === undefined && args.some((a) => String(a).trim() === "ready")) {
      globalThis.__benchReadyAt = performance.now();
    }
    return log.apply(console, args);
  };
})();
