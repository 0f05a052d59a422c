// The preview page (body[data-storybook-page="preview"]), loaded in the storybook's frame:
// redirects HTMX requests to the story's stubs (or names the ones not sent), sets
// <html data-story-ready="true"> once fonts, Alpine and HTMX have settled, and tells the
// storybook page what it rendered (HTML, usage, validation problems).

import { readJson } from "./dom.js";

const VERBS = ["get", "post", "put", "patch", "delete"];
const VERB_SELECTOR = VERBS.map((verb) => `[hx-${verb}]`).join(", ");

export const preview = {
  inflight: 0,

  // The state is a json_script at the end of <body>: read it once the page is parsed.
  get state() {
    if (!this.cached) this.cached = readJson("storybook-preview") || { stubs: {}, problems: [] };
    return this.cached;
  },

  // The toolbar's theme: ?brand=<name> links that theme's stylesheet after the bundle.
  linkTheme(script) {
    const brand = new URLSearchParams(window.location.search).get("brand");
    if (!brand || !script) return;
    let urls = {};
    try {
      urls = JSON.parse(script.dataset.themes || "{}");
    } catch (error) {
      urls = {};
    }
    if (!Object.prototype.hasOwnProperty.call(urls, brand)) return;
    const link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = urls[brand];
    document.head.append(link);
  },

  start(script) {
    this.linkTheme(script);
    this.guardBlobs();
    document.addEventListener("click", (event) => this.checkTarget(event), true);
    document.addEventListener("htmx:configRequest", (event) => this.redirect(event));
    document.addEventListener("htmx:beforeRequest", () => {
      this.inflight += 1;
    });
    const done = () => {
      this.inflight = Math.max(0, this.inflight - 1);
    };
    document.addEventListener("htmx:afterRequest", done);
    document.addEventListener("htmx:sendAbort", done);
    this.waitUntilReady();
  },

  // Stub map keys are the URLs in the story's payload; compare without the origin.
  stubFor(path) {
    const stubs = this.state.stubs || {};
    let url;
    try {
      url = new URL(path, window.location.href);
    } catch (error) {
      return null;
    }
    const candidates = [path, url.pathname + url.search, url.pathname, url.href];
    for (const candidate of candidates) {
      if (Object.prototype.hasOwnProperty.call(stubs, candidate)) return stubs[candidate];
    }
    return null;
  },

  // A stubbed request goes to its stub; any other is not sent (a story is not a cabinet: its
  // URLs lead nowhere, or somewhere real) and the notice says which request the server would get.
  redirect(event) {
    const target = this.stubFor(event.detail.path);
    if (!target) {
      event.preventDefault();
      this.notSent(event.detail.verb, event.detail.path, event.detail.elt, event.detail.target);
      return;
    }
    event.detail.path = this.readable(target);
    // Static hosts answer GET only; the stub is an answer, not an action.
    event.detail.verb = "get";
  },

  // A component made to live inside another (the slot picker swaps the modal content around
  // it) shown on its own: its request's target is not on the page. Stop the click before htmx
  // sees it (htmx would log a targetError) and say so instead.
  checkTarget(event) {
    const source = event.target instanceof Element ? event.target.closest(VERB_SELECTOR) : null;
    if (!source || (source.getAttribute("hx-trigger") || "click").trim().split(/[\s,[]/)[0] !== "click") return;
    const holder = source.closest("[hx-target]");
    const spec = holder ? holder.getAttribute("hx-target").trim() : "";
    if (!spec || spec === "this" || /^(next|previous)\b/.test(spec)) return;
    let found = null;
    try {
      if (spec.startsWith("closest ")) found = source.closest(spec.slice(8));
      else if (spec.startsWith("find ")) found = source.querySelector(spec.slice(5));
      else found = document.querySelector(spec);
    } catch (error) {
      return; // not a selector this check understands: htmx decides
    }
    if (found) return;
    event.stopPropagation();
    event.preventDefault();
    const verb = VERBS.find((name) => source.hasAttribute(`hx-${name}`));
    this.notSent(verb, source.getAttribute(`hx-${verb}`), source, null, spec);
  },

  // The notice is moved into an open modal dialog when the request came from one: the page
  // behind a modal is inert and under its backdrop.
  notSent(verb, path, source, target, missingTarget) {
    const notice = document.getElementById("cab-sb-request-notice");
    if (!notice) return;
    // The modal host loads its body from a hidden element beside the dialog: look at the target too.
    const inDialog = (element) => (element instanceof Element ? element.closest("dialog[open]") : null);
    const dialog = inDialog(source) || inDialog(target);
    (dialog || document.body).append(notice);
    notice.querySelector("[data-request]").textContent = `${String(verb).toUpperCase()} ${path}`;
    const reason = notice.querySelector("[data-reason]");
    reason.textContent = missingTarget ? reason.dataset.missingTarget : reason.dataset.noStub;
    notice.querySelector("[data-target]").textContent = missingTarget ? `hx-target="${missingTarget}"` : "";
    notice.hidden = false;
    if (!this.noticeBound) {
      this.noticeBound = true;
      notice.querySelector("button").addEventListener("click", () => {
        notice.hidden = true;
      });
    }
    // A modal opened on a URL without a stub: the host's loading state ends here (no answer comes).
    const host = target instanceof Element ? target.closest("[x-data=cabModalHost]") : null;
    if (host && window.Alpine) window.Alpine.$data(host).loading = false;
  },

  // A page opened from file:// cannot read the exported stub files: answer from the stub's
  // HTML the export embedded, as a blob: URL. Its origin ("null") is not the page's ("file://"),
  // so htmx's same-origin rule is lifted on such pages and guardBlobs() lets only these URLs through.
  readable(target) {
    const bodies = this.state.stub_bodies || {};
    if (window.location.protocol !== "file:" || !Object.prototype.hasOwnProperty.call(bodies, target)) return target;
    if (!this.blobs.has(target)) {
      this.blobs.set(target, URL.createObjectURL(new Blob([bodies[target]], { type: "text/html" })));
    }
    window.htmx.config.selfRequestsOnly = false;
    return this.blobs.get(target);
  },

  guardBlobs() {
    this.blobs = new Map();
    if (window.location.protocol !== "file:") return;
    document.addEventListener("htmx:validateUrl", (event) => {
      const ours = Array.from(this.blobs.values()).includes(event.detail.url.href);
      if (!ours) event.preventDefault();
    });
  },

  alpineSettled() {
    const roots = document.querySelectorAll("[x-data]");
    if (roots.length === 0) return true;
    if (!window.Alpine) return false;
    return Array.prototype.every.call(roots, (element) => Boolean(element._x_dataStack));
  },

  htmxSettled() {
    if (this.inflight > 0) return false;
    if (document.documentElement.dataset.cabHtmx === "loading") return false; // loaded on demand
    return !document.querySelector(".htmx-request, .htmx-settling, .htmx-swapping, .htmx-added");
  },

  async waitUntilReady() {
    if (document.readyState !== "complete") {
      await new Promise((resolve) => window.addEventListener("load", resolve, { once: true }));
    }
    const started = performance.now();
    let calm = 0;
    // Settled means three checks in a row (40 ms apart) with nothing pending.
    while (calm < 3) {
      await document.fonts.ready;
      await new Promise((resolve) => setTimeout(resolve, 40));
      calm = this.alpineSettled() && this.htmxSettled() ? calm + 1 : 0;
      if (performance.now() - started > 10000) {
        document.documentElement.dataset.storyReady = "timeout";
        this.report("timeout");
        return;
      }
    }
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    document.documentElement.dataset.storyReady = "true";
    this.report("ready");
  },

  report(status) {
    if (window.parent === window) return;
    const root = document.getElementById("story-root");
    window.parent.postMessage(
      {
        source: "cab-storybook",
        status: status,
        story: this.state.story,
        problems: this.state.problems || [],
        html: this.state.html || (root ? root.innerHTML.trim() : ""),
        usage: this.state.usage || "",
      },
      "*",
    );
  },
};
