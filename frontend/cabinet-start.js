// Imported last by the generated entry: every component has added its
// "alpine:init" listener by now, so Alpine can start. The bundle is loaded with
// `defer`, hence usually before DOMContentLoaded; either way Alpine starts once.
function start() {
  window.Alpine.start();
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start, { once: true });
} else {
  start();
}
