// The hostile batch page's ready signal: <html data-story-ready="true">, as a storybook preview sets it.
//
// Set once the page has loaded (images and htmx.js included), the fonts are ready, Alpine has
// started every component, htmx has no request in flight (so nothing left to swap), three checks in a
// row 40 ms apart; "timeout" after 60 s. The test waits on this instead of a fixed sleep or
// "networkidle", so a loaded machine only makes it slower, not flaky. Served by views.py from
// the page's own origin (script-src 'self'); the renders cannot reach it.

(function () {
  "use strict";

  let inflight = 0;
  document.addEventListener("htmx:beforeRequest", () => { inflight += 1; });
  document.addEventListener("htmx:afterRequest", () => { inflight = Math.max(0, inflight - 1); });

  function alpineSettled() {
    const roots = document.querySelectorAll("[x-data]");
    if (roots.length === 0) return true;
    if (!window.Alpine) return false;
    // Alpine leaves what sits under x-ignore alone: those roots never get a data stack.
    return Array.prototype.every.call(
      roots,
      (element) => Boolean(element._x_dataStack) || Boolean(element.closest("[x-ignore]")),
    );
  }

  // Counted from htmx's events, not its classes: a hostile render may carry a class named
  // "htmx-request". A response is swapped before htmx:afterRequest; its settle step (20 ms)
  // ends inside the 120 ms of calm checks below.
  function htmxSettled() {
    return inflight === 0 && document.documentElement.dataset.cabHtmx !== "loading";
  }

  async function waitUntilReady() {
    if (document.readyState !== "complete") {
      await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
    }
    const started = performance.now();
    let calm = 0;
    while (calm < 3) {
      await document.fonts.ready;
      await new Promise((resolve) => setTimeout(resolve, 40));
      calm = alpineSettled() && htmxSettled() ? calm + 1 : 0;
      if (performance.now() - started > 60000) {
        document.documentElement.dataset.storyReady = "timeout";
        return;
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    document.documentElement.dataset.storyReady = "true";
  }

  waitUntilReady();
})();
