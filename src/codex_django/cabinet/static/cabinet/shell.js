// Shell behaviour for the cabinet: disclosure dropdowns and the offcanvas sidebar.
//
// Bootstrap's own JS is not loaded; Bootstrap's CSS classes (.dropdown-menu.show)
// are driven by these Alpine components instead. Templates only name them
// (x-data="cabDropdown") and spread the bindings (x-bind="trigger"), which keeps
// every expression out of the markup, as Alpine's CSP build requires.

document.addEventListener("alpine:init", () => {
  const Alpine = window.Alpine;
  const ITEM_SELECTOR = "a[href], button:not([disabled])";
  const TABBABLE =
    'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), ' +
    'textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';
  const SCROLL_LOCK = "cab-offcanvas-open";

  // A disclosure menu (WAI-ARIA "disclosure navigation" pattern, not role=menu):
  // the trigger carries aria-expanded/aria-controls, Esc closes and returns focus,
  // a click outside or tabbing away closes, arrow keys move between the items.
  Alpine.data("cabDropdown", () => ({
    open: false,

    items() {
      return Array.from(this.$refs.menu.querySelectorAll(ITEM_SELECTOR));
    },
    focusItem(index) {
      const items = this.items();
      if (items.length === 0) return;
      items[(index + items.length) % items.length].focus();
    },
    move(step) {
      const items = this.items();
      this.focusItem(items.indexOf(document.activeElement) + step);
    },
    show(focusFirst) {
      this.open = true;
      if (focusFirst) this.$nextTick(() => this.focusItem(0));
    },
    close(returnFocus) {
      if (!this.open) return;
      this.open = false;
      if (returnFocus) this.$refs.trigger.focus();
    },

    root: {
      ["@keydown.escape"]() {
        this.close(true);
      },
      ["@click.outside"]() {
        this.close(false);
      },
      ["@focusout"](event) {
        if (event.relatedTarget && !this.$root.contains(event.relatedTarget)) this.close(false);
      },
    },
    trigger: {
      ["@click"]() {
        if (this.open) this.close(false);
        else this.show(false);
      },
      ["@keydown.arrow-down.prevent"]() {
        this.show(true);
      },
      [":aria-expanded"]() {
        return this.open ? "true" : "false";
      },
    },
    menu: {
      [":class"]() {
        return { show: this.open };
      },
      ["@keydown.arrow-down.prevent"]() {
        this.move(1);
      },
      ["@keydown.arrow-up.prevent"]() {
        this.move(-1);
      },
      ["@keydown.home.prevent"]() {
        this.focusItem(0);
      },
      ["@keydown.end.prevent"]() {
        this.focusItem(-1);
      },
    },
  }));

  // The sidebar below the md breakpoint (768px): a modal panel sliding in from
  // the inline start. While open, the rest of the page is inert and scroll-locked,
  // focus moves into the panel and Tab / Shift+Tab cycle inside it; Esc, the close
  // button and the backdrop close it, and focus returns to the toggler.
  // Growing past the breakpoint closes it, since the sidebar is static there.
  // (A few lines here instead of the 9 kB Alpine focus plugin and its x-trap.)
  Alpine.data("cabOffcanvas", () => ({
    open: false,
    inerted: [],

    init() {
      const wide = window.matchMedia("(min-width: 768px)");
      wide.addEventListener("change", (event) => {
        if (event.matches) this.open = false;
      });
      this.$watch("open", (value) => (value ? this.trap() : this.release()));
    },
    close() {
      if (!this.open) return;
      this.open = false;
      this.release();
      this.$nextTick(() => this.$refs.toggler && this.$refs.toggler.focus());
    },
    tabbables() {
      const panel = this.$refs.panel;
      if (!panel) return [];
      return Array.from(panel.querySelectorAll(TABBABLE)).filter((element) => element.getClientRects().length > 0);
    },
    // Everything beside the panel's ancestors becomes inert (no focus, no clicks,
    // hidden from assistive technology) except the backdrop, which closes on click.
    trap() {
      const panel = this.$refs.panel;
      if (!panel || this.inerted.length) return;
      for (let node = panel; node.parentElement && node !== document.body; node = node.parentElement) {
        for (const sibling of node.parentElement.children) {
          if (sibling === node || sibling.inert || sibling.classList.contains("cab-backdrop")) continue;
          if (sibling.tagName === "SCRIPT" || sibling.tagName === "TEMPLATE") continue;
          sibling.inert = true;
          this.inerted.push(sibling);
        }
      }
      document.documentElement.classList.add(SCROLL_LOCK);
      this.$nextTick(() => {
        const first = this.tabbables()[0];
        if (first) first.focus();
      });
    },
    release() {
      this.inerted.forEach((element) => {
        element.inert = false;
      });
      this.inerted = [];
      document.documentElement.classList.remove(SCROLL_LOCK);
    },
    // Tab past either end wraps to the other end, so focus never leaves the panel.
    cycle(event) {
      if (!this.open || event.key !== "Tab") return;
      const items = this.tabbables();
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      const active = document.activeElement;
      if (event.shiftKey && (active === first || !this.$refs.panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !this.$refs.panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    },

    root: {
      ["@keydown.escape"]() {
        this.close();
      },
    },
    toggler: {
      ["@click"]() {
        this.open = !this.open;
      },
      [":aria-expanded"]() {
        return this.open ? "true" : "false";
      },
    },
    panel: {
      [":class"]() {
        return { "is-open": this.open };
      },
      ["@keydown"](event) {
        this.cycle(event);
      },
    },
    closer: {
      ["@click"]() {
        this.close();
      },
    },
    backdrop: {
      [":class"]() {
        return { "is-visible": this.open };
      },
      ["@click"]() {
        this.close();
      },
    },
  }));
});

// Stylesheets of components that arrive in HTMX responses. A page links the CSS of
// the components it rendered in its <head>; a fragment (a modal's content, a lazy
// widget, a split panel's detail) may bring others. Before the swap, each marker
// class of the map {% cabinet_css %} writes (#cab-stylesheets) is looked for in
// the response, and the stylesheets not yet linked are added to the <head>.
(() => {
  let stylesheets = null;

  function map() {
    if (stylesheets === null) {
      const element = document.getElementById("cab-stylesheets");
      try {
        stylesheets = element ? Object.entries(JSON.parse(element.textContent)) : [];
      } catch {
        stylesheets = [];
      }
    }
    return stylesheets;
  }

  function linked(href) {
    return Array.from(document.querySelectorAll('link[rel="stylesheet"]')).some(
      (link) => link.getAttribute("href") === href,
    );
  }

  function linkStylesheetsFor(html) {
    for (const [marker, href] of map()) {
      // The class as a whole word of an attribute value: `"cab-cal "`, not `cab-cal-r-1`.
      if (!new RegExp(`["'\\s]${marker}["'\\s]`).test(html) || linked(href)) continue;
      const link = document.createElement("link");
      link.rel = "stylesheet";
      link.href = href;
      link.dataset.cabFragment = "";
      document.head.append(link);
    }
  }

  document.addEventListener("htmx:beforeSwap", (event) => {
    const html = event.detail.serverResponse;
    if (typeof html === "string" && html.includes("cab-")) linkStylesheetsFor(html);
  });
})();
