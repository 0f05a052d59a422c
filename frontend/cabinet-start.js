// Imported last by the generated entry: every component has added its
// "alpine:init" listener by now, so Alpine can start. The bundle is loaded with
// `defer`, hence usually before DOMContentLoaded; either way Alpine starts once.
// Then htmx, when the page has an element that makes requests (see cabinet-runtime.js).
const REQUESTS = ["get", "post", "put", "patch", "delete", "boost"]
  .flatMap((name) => [`[hx-${name}]`, `[data-hx-${name}]`])
  .join(",");

function start() {
  window.Alpine.start();
  if (document.querySelector(REQUESTS)) window.cabinetHtmx().catch(() => {});
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
