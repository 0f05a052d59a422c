// card_grid: grid/list toggle (remembered in localStorage), client-side search and paging.
//
// One Alpine component per grid, none per card: the search walks the cards'
// <li data-search> elements and hands the matching ones to the shared paging
// (frontend/collection-paging.js), which shows one page of them by setting the
// cards' `hidden` property; the mode is a class on the root. Data arrives
// through data- attributes only (data-page-size on the root, the pager's texts
// on its <nav>).

document.addEventListener("alpine:init", () => {
  const MODES = ["grid", "list"];

  function readStored(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (error) {
      return null; // storage disabled: the server's view_mode stands
    }
  }

  function writeStored(key, value) {
    try {
      window.localStorage.setItem(key, value);
    } catch (error) {
      // storage full or disabled: the choice lasts for this page only
    }
  }

  window.Alpine.data("cabCardGrid", () => ({
    ...window.cabinetCollectionPaging((grid) => grid.cards()),
    mode: "grid",

    init() {
      const initial = this.$root.dataset.viewMode;
      const stored = readStored(this.storageKey());
      this.mode = MODES.includes(stored) ? stored : MODES.includes(initial) ? initial : "grid";
      this.initPaging();
    },
    storageKey() {
      return this.$root.dataset.storageKey || "cab-card-grid:" + window.location.pathname + ":view";
    },
    cards() {
      return this.$refs.items ? Array.from(this.$refs.items.children) : [];
    },
    setMode(mode) {
      if (!MODES.includes(mode)) return;
      this.mode = mode;
      writeStored(this.storageKey(), mode);
    },

    root: {
      [":class"]() {
        return { "cab-card-grid--grid": this.mode === "grid", "cab-card-grid--list": this.mode === "list" };
      },
    },
    modeButton: {
      ["@click"]() {
        this.setMode(this.$el.dataset.mode);
      },
      [":aria-pressed"]() {
        return this.mode === this.$el.dataset.mode ? "true" : "false";
      },
    },
  }));
});
