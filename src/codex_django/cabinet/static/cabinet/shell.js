// Shell behaviour for the cabinet: disclosure dropdowns and the offcanvas sidebar.
//
// Bootstrap's own JS is not loaded; Bootstrap's CSS classes (.dropdown-menu.show)
// are driven by these Alpine components instead. Templates only name them
// (x-data="cabDropdown") and spread the bindings (x-bind="trigger"), which keeps
// every expression out of the markup, as Alpine's CSP build requires.

document.addEventListener("alpine:init", () => {
  const Alpine = window.Alpine;
  const ITEM_SELECTOR = "a[href], button:not([disabled])";

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
  // the inline start. While open, focus is trapped in it (x-trap in the
  // template), Esc and the backdrop close it, and focus returns to the toggler.
  // Growing past the breakpoint closes it, since the sidebar is static there.
  Alpine.data("cabOffcanvas", () => ({
    open: false,

    init() {
      const wide = window.matchMedia("(min-width: 768px)");
      wide.addEventListener("change", (event) => {
        if (event.matches) this.open = false;
      });
    },
    close() {
      if (!this.open) return;
      this.open = false;
      this.$nextTick(() => this.$refs.toggler && this.$refs.toggler.focus());
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
