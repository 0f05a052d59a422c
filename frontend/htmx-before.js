// Evaluated just before htmx (frontend/build.mjs writes dist/htmx.js as this, htmx.min.js, htmx-after.js).
//
// htmx 2 initialises on DOMContentLoaded, or at once when document.readyState is
// "complete". The cabinet loads htmx on demand (frontend/cabinet-runtime.js), so
// it can arrive after DOMContentLoaded but before "complete" (images, fonts still
// loading): htmx would then wait for an event that already fired and never start.
// For the time htmx's module is evaluated, a DOMContentLoaded listener added to
// the document in that window runs on the next task instead (htmx-after.js puts
// the document's own addEventListener back).
if (window.cabinetDomContentLoaded && document.readyState !== "complete") {
  const original = document.addEventListener;
  document.addEventListener = function addEventListener(type, listener, options) {
    if (type !== "DOMContentLoaded") return original.call(this, type, listener, options);
    setTimeout(() => {
      const event = new Event("DOMContentLoaded");
      if (typeof listener === "function") listener.call(document, event);
      else if (listener && typeof listener.handleEvent === "function") listener.handleEvent(event);
    }, 0);
  };
}
