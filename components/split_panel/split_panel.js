// split_panel: after htmx swaps a detail in, mark the item current and move focus
// to the detail's heading; the mobile "Back to list" control; Up/Down between items.
//
// The items carry hx-get / hx-push-url themselves (htmx does the request and the
// history entry). State lives in the DOM (data-view on the root, aria-current
// on the item), so htmx's history snapshots restore it as it was.

document.addEventListener("alpine:init", () => {
  const ITEM = "a.cab-split-panel__item";
  const HEADING = "h1, h2, h3, h4, h5, h6";

  window.Alpine.data("cabSplitPanel", () => ({
    items() {
      return this.$refs.items ? Array.from(this.$refs.items.querySelectorAll(ITEM)) : [];
    },
    markCurrent(item) {
      for (const other of this.items()) {
        if (other === item) other.setAttribute("aria-current", "true");
        else other.removeAttribute("aria-current");
      }
    },
    focusDetail() {
      const region = this.$refs.detail;
      const target = region.querySelector(HEADING) || region;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
      target.focus();
    },
    detailLoaded(event) {
      const region = this.$refs.detail;
      if (event.target !== region) return;
      // The first-load fallback (hx-trigger="load") must not run again from a history snapshot.
      region.removeAttribute("hx-get");
      region.removeAttribute("hx-trigger");
      const source = event.detail && event.detail.requestConfig ? event.detail.requestConfig.elt : null;
      if (!source || !source.matches || !source.matches(ITEM)) return;
      this.markCurrent(source);
      this.$root.dataset.view = "detail";
      this.focusDetail();
    },
    move(step) {
      const items = this.items();
      if (items.length === 0) return;
      const index = items.indexOf(document.activeElement);
      const next = index < 0 ? 0 : Math.min(items.length - 1, Math.max(0, index + step));
      items[next].focus();
    },

    root: {
      ["@htmx:after-settle"](event) {
        this.detailLoaded(event);
      },
    },
    itemList: {
      ["@keydown.arrow-down.prevent"]() {
        this.move(1);
      },
      ["@keydown.arrow-up.prevent"]() {
        this.move(-1);
      },
    },
    back: {
      ["@click"]() {
        this.$root.dataset.view = "list";
        const current = this.items().find((item) => item.getAttribute("aria-current") === "true");
        if (current) current.focus();
      },
    },
  }));
});
