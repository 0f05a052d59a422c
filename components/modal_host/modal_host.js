// The page's modal host (components/modal_host): one <dialog> filled over HTMX.
//
// Opens on window "open-modal" {url, size} or a click on [data-cab-modal-url];
// closes on window "close-modal" (also sent by an `HX-Trigger: close-modal`
// response header), Esc, the close button or a click on the backdrop.
// showModal() makes the page behind inert and keeps focus inside; this file adds
// what the platform does not: loading and error states, labelling by the loaded
// heading, focus into the content and back to the opener, scroll lock, and an
// empty body before every load so reopening never shows stale content.

document.addEventListener("alpine:init", () => {
  const SIZES = ["sm", "md", "lg", "xl"];
  const FIELDS =
    "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";
  const FOCUSABLE = "button, a[href], input, select, textarea, [tabindex]";
  const TABBABLE =
    "a[href], button:not([disabled]), input:not([disabled]):not([type=hidden]), select:not([disabled]), " +
    "textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";
  const SCROLL_LOCK = "cab-modal-open";
  const FALLBACK_LABEL = "cab-modal-label";
  const LOADER = "data-cab-modal-loader";

  window.Alpine.data("cabModalHost", () => ({
    loading: false,
    error: false,
    errorStatus: "",
    opener: null,
    shown: false,
    openerId: "",
    tabbingBack: false,
    requestedSize: "",
    loadSeq: 0,
    loader: null,

    init() {
      const body = this.$refs.body;
      this.onDocumentClick = (event) => {
        const trigger = event.target instanceof Element ? event.target.closest("[data-cab-modal-url]") : null;
        if (!trigger) return;
        event.preventDefault();
        this.open({ url: trigger.dataset.cabModalUrl, size: trigger.dataset.cabModalSize }, trigger);
      };
      document.addEventListener("click", this.onDocumentClick);
      // htmx events of the host's own load and of requests from the loaded content bubble here.
      this.$root.addEventListener("htmx:beforeRequest", (event) => {
        if (this.inDialog(event.detail.target)) {
          this.loading = true;
          this.error = false;
        }
      });
      this.$root.addEventListener("htmx:afterRequest", (event) => {
        if (!this.inDialog(event.detail.target) || this.stale(event)) return;
        this.loading = false;
        const status = event.detail.xhr ? event.detail.xhr.status : 0;
        // status 0: aborted (a newer load) or a network failure (htmx:sendError below).
        if (!event.detail.successful && status >= 400) {
          this.showError(status + " " + (event.detail.xhr.statusText || ""));
        }
      });
      // A body that arrives after a newer load or a close is dropped, not swapped in.
      this.$root.addEventListener("htmx:beforeSwap", (event) => {
        if (this.stale(event)) event.detail.shouldSwap = false;
      });
      this.$root.addEventListener("htmx:sendError", (event) => {
        if (this.stale(event)) return;
        this.loading = false;
        this.showError(this.$root.dataset.networkError || "");
      });
      this.$root.addEventListener("htmx:afterSettle", (event) => {
        if (this.inDialog(event.detail.target) && this.$refs.dialog.open) this.settled();
      });
      if (this.$root.dataset.openUrl) {
        this.open({ url: this.$root.dataset.openUrl, size: this.$root.dataset.openSize }, null);
      }
    },

    destroy() {
      document.removeEventListener("click", this.onDocumentClick);
    },

    inDialog(element) {
      return element instanceof Node && this.$refs.dialog.contains(element);
    },

    // The element that asked for the modal: the dispatching element when the
    // event came from one, else whatever had focus.
    openerFrom(event) {
      const source = event && event.target instanceof Element ? event.target.closest(FOCUSABLE) : null;
      const active = document.activeElement;
      return source || (active && active !== document.body ? active : null);
    },

    setSize(size) {
      const dialog = this.$refs.dialog;
      const wanted = SIZES.includes(size) ? size : "md";
      SIZES.forEach((name) => dialog.classList.toggle("cab-modal--" + name, name === wanted));
    },

    // Each load of the body is issued from its own hidden source element (htmx queues a second
    // request from the same element behind the first): a newer load starts at once, and an older
    // one is left to finish and dropped (aborting it would log htmx:sendAbort as a console error).
    stale(event) {
      const source = event.detail.requestConfig ? event.detail.requestConfig.elt : event.detail.elt;
      return source instanceof Element && source.hasAttribute(LOADER) && source !== this.loader;
    },

    clear() {
      this.loadSeq += 1; // a load still waiting for htmx (open() below) is dropped
      if (this.loader) this.loader.remove();
      this.loader = null;
      this.$refs.body.replaceChildren();
      this.$refs.dialog.setAttribute("aria-labelledby", FALLBACK_LABEL);
    },

    showError(text) {
      this.error = true;
      this.errorStatus = text.trim();
      this.$nextTick(() => this.$refs.closer.focus());
    },

    open(detail, opener) {
      const url = detail && typeof detail.url === "string" ? detail.url : "";
      if (!url) return;
      const dialog = this.$refs.dialog;
      // A load started from inside the open modal keeps the original opener.
      if (!dialog.open) {
        this.opener = opener || null;
        this.openerId = this.opener && this.opener.id ? this.opener.id : "";
      }
      this.requestedSize = SIZES.includes(detail.size) ? detail.size : "";
      this.setSize(this.requestedSize);
      this.clear();
      this.error = false;
      this.errorStatus = "";
      this.loading = true;
      if (!dialog.open) {
        dialog.showModal();
        this.shown = true;
        document.documentElement.classList.add(SCROLL_LOCK);
      }
      this.$refs.closer.focus();
      const body = this.$refs.body;
      const seq = this.loadSeq;
      // htmx is loaded on demand (frontend/cabinet-runtime.js): the first modal of a page may wait for it.
      window
        .cabinetHtmx()
        .then((htmx) => {
          if (seq !== this.loadSeq || !dialog.open) return;
          const loader = document.createElement("span");
          loader.setAttribute(LOADER, "");
          loader.hidden = true;
          this.$root.append(loader);
          this.loader = loader;
          htmx.ajax("GET", url, { source: loader, target: body, swap: "innerHTML" }).catch(() => {});
        })
        .catch(() => {
          if (seq !== this.loadSeq) return;
          this.loading = false;
          this.showError(this.$root.dataset.networkError || "");
        });
    },

    // Clean up at once (the dialog's "close" event comes a task later); closed() runs once.
    close() {
      if (this.$refs.dialog.open) this.$refs.dialog.close();
      this.closed();
    },

    tabbables() {
      return Array.from(this.$refs.dialog.querySelectorAll(TABBABLE)).filter(
        (element) => element.getClientRects().length > 0,
      );
    },

    // showModal() makes the page inert, but Tab past the last control still leaves for the
    // browser's own UI: bring focus back to the other end of the dialog.
    keepFocusIn(event) {
      const dialog = this.$refs.dialog;
      const next = event.relatedTarget;
      if (!dialog.open || (next && dialog.contains(next))) return;
      const items = this.tabbables();
      if (!items.length) return;
      (this.tabbingBack ? items[items.length - 1] : items[0]).focus();
    },

    // The content arrived (first load or a re-render after a form post): label and focus.
    settled() {
      const dialog = this.$refs.dialog;
      const body = this.$refs.body;
      // The opener's size wins; without one, the content's own (ModalContentData.size).
      const sized = body.querySelector("[data-cab-modal-size]");
      if (sized && !this.requestedSize) this.setSize(sized.dataset.cabModalSize);
      const heading = body.querySelector("[data-cab-modal-title], h1, h2, h3");
      if (heading && !heading.id) heading.id = "cab-modal-title";
      dialog.setAttribute("aria-labelledby", heading ? heading.id : FALLBACK_LABEL);
      const target =
        body.querySelector("[aria-invalid=true]") ||
        body.querySelector("[autofocus]") ||
        body.querySelector(FIELDS) ||
        heading;
      if (!target) {
        this.$refs.closer.focus();
        return;
      }
      if (target === heading && !heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
      target.focus();
    },

    // After the dialog closed (any way): unlock, empty, and give focus back.
    closed() {
      if (!this.shown) return;
      this.shown = false;
      document.documentElement.classList.remove(SCROLL_LOCK);
      this.clear();
      this.loading = false;
      this.error = false;
      const opener = this.opener;
      const openerId = this.openerId;
      this.opener = null;
      if (opener && opener.isConnected) opener.focus();
      if (!openerId) return;
      // The opener may be re-rendered by the refresh the closing response asked for:
      // once that settles, focus its replacement (same id) if focus fell to <body>.
      const refocus = () => {
        const again = document.getElementById(openerId);
        if (again && (document.activeElement === document.body || !document.activeElement)) again.focus();
      };
      document.addEventListener("htmx:afterSettle", refocus, { once: true });
      setTimeout(() => document.removeEventListener("htmx:afterSettle", refocus), 5000);
    },

    root: {
      ["@open-modal.window"](event) {
        this.open(event.detail || {}, this.openerFrom(event));
      },
      ["@close-modal.window"]() {
        this.close();
      },
    },
    dialog: {
      ["@close"]() {
        // The event comes a task after close(); browsers may run input first, so a quick
        // re-open can come before it. An open dialog's "close" belongs to the earlier close:
        // acting on it would empty and abandon the new modal.
        if (this.$refs.dialog.open) return;
        this.closed();
      },
      ["@keydown.tab"](event) {
        this.tabbingBack = event.shiftKey;
      },
      // Esc closes through our own close(): Chrome's close-watcher rules may skip the
      // native cancel after several close requests without a user activation between them.
      ["@keydown.escape.prevent"]() {
        this.close();
      },
      ["@cancel.prevent"]() {
        this.close();
      },
      ["@focusout"](event) {
        this.keepFocusIn(event);
      },
      ["@click"](event) {
        // A click on the dialog element itself is a click on its backdrop.
        if (event.target === this.$refs.dialog) this.close();
      },
    },
    closer: {
      ["@click"]() {
        this.close();
      },
    },
    loadingState: {
      [":hidden"]() {
        return !this.loading;
      },
    },
    errorState: {
      [":hidden"]() {
        return !this.error;
      },
    },
  }));
});
