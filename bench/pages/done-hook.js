// Loaded before either Ruby loader on the workload pages: records, in ms since navigation start
// (performance.now()), when the workload's "BENCH ..." line reaches console.log, so that the time from page
// open to the workload's end, boot included, can be read beside the phases Ruby timed.
(() => {
  const log = console.log;
  console.log = function (...args) {
    if (globalThis.__benchDoneAt === undefined && args.some((a) => String(a).startsWith("BENCH "))) {
      globalThis.__benchDoneAt = performance.now();
    }
    return log.apply(console, args);
  };
})();
