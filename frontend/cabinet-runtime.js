// The cabinet's runtime: Alpine's CSP build on window for component scripts, and
// htmx on demand.
//
// htmx (17.5 KB gzipped) is its own file, dist/htmx.js, which {% cabinet_js %}
// names in the bundle's data-htmx attribute. window.cabinetHtmx() loads it once
// and resolves to window.htmx once htmx has started. cabinet-start.js calls it when the page has an
// element that makes requests (hx-get/-post/-put/-patch/-delete, hx-boost, also
// as data-hx-*); components that use htmx from script call it first (the modal
// host, opening a modal). A page without either never loads htmx.
// <html data-cab-htmx> is "loading", then "ready" or "failed" (the storybook's
// readiness check waits for it).
//
// Alpine's CSP build is pinned at 3.14 (16.4 KB gzipped): from 3.15 on it carries an
// expression parser (+7.4 KB, 11% of a page's budget) that the cabinet never uses, since its
// templates name only properties, methods and x-bind objects (tests/unit/test_page_weight.py
// checks every template).
//
// No Alpine plugins: the offcanvas sidebar's focus trap lives in shell.js and
// the modal host's in its own component (a <dialog>). Component files never
// import: they use window.Alpine inside "alpine:init".
import Alpine from "@alpinejs/csp";

window.Alpine = Alpine;

const bundle = document.currentScript;
const htmxUrl = bundle ? bundle.dataset.htmx || "" : "";
let htmxLoading = null;

document.addEventListener(
  "DOMContentLoaded",
  () => {
    window.cabinetDomContentLoaded = true; // see frontend/htmx-before.js
  },
  { once: true },
);

window.cabinetHtmx = function cabinetHtmx() {
  if (window.htmx) return Promise.resolve(window.htmx);
  if (htmxLoading) return htmxLoading;
  const root = document.documentElement;
  htmxLoading = new Promise((resolve, reject) => {
    if (!htmxUrl) {
      root.dataset.cabHtmx = "failed";
      reject(new Error("cabinet.js has no data-htmx URL: load it with {% cabinet_js %}"));
      return;
    }
    root.dataset.cabHtmx = "loading";
    // Ready means started: htmx ends its start-up (config read, <body> processed, the abort
    // handler installed) by triggering htmx:load on <body>, possibly a task after the script ran.
    let timer = 0;
    const started = (event) => {
      if (event.target !== document.body) return;
      document.removeEventListener("htmx:load", started);
      clearTimeout(timer);
      root.dataset.cabHtmx = "ready";
      resolve(window.htmx);
    };
    document.addEventListener("htmx:load", started);
    const script = document.createElement("script");
    script.src = htmxUrl;
    script.addEventListener("load", () => {
      if (!window.htmx) {
        document.removeEventListener("htmx:load", started);
        root.dataset.cabHtmx = "failed";
        reject(new Error(`${htmxUrl} did not define htmx`));
        return;
      }
      timer = setTimeout(() => {
        document.removeEventListener("htmx:load", started);
        root.dataset.cabHtmx = "failed";
        reject(new Error("htmx did not start within 10 s"));
      }, 10000);
    });
    script.addEventListener("error", () => {
      root.dataset.cabHtmx = "failed";
      htmxLoading = null; // a later call tries again
      reject(new Error(`${htmxUrl} could not be loaded`));
    });
    document.head.append(script);
  });
  return htmxLoading;
};
