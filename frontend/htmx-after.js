// Evaluated just after htmx: the document's addEventListener is its own again (see htmx-before.js),
// and the page's <meta name="htmx-config"> (the strict-CSP settings: no eval, no script tags) is in
// htmx.config at once. htmx itself reads it only when it starts, which may be a task later.
if (Object.prototype.hasOwnProperty.call(document, "addEventListener")) delete document.addEventListener;
(() => {
  const meta = document.querySelector('meta[name="htmx-config"]');
  if (!meta || !window.htmx) return;
  try {
    Object.assign(window.htmx.config, JSON.parse(meta.content));
  } catch {
    // htmx reports a broken config itself when it starts
  }
})();
