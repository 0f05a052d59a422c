// card_grid: grid/list toggle (remembered in localStorage) and client-side search.
//
// One Alpine component per grid, none per card: the search walks the cards'
// <li data-search> elements and sets their `hidden` property; the mode is a
// class on the root. Data arrives through data- attributes only.

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
    mode: "grid",
    shown: 0,
    total: 0,

    init() {
      const initial = this.$root.dataset.viewMode;
      const stored = readStored(this.storageKey());
      this.mode = MODES.includes(stored) ? stored : MODES.includes(initial) ? initial : "grid";
      this.total = this.cards().length;
      this.shown = this.total;
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
    filter(text) {
      const query = String(text || "").trim().toLowerCase();
      let shown = 0;
      for (const card of this.cards()) {
        const match = !query || (card.dataset.search || "").includes(query);
        card.hidden = !match;
        if (match) shown += 1;
      }
      this.shown = shown;
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
    search: {
      ["@input.debounce.150ms"]() {
        this.filter(this.$el.value);
      },
      ["@keydown.escape"]() {
        this.$el.value = "";
        this.filter("");
      },
    },
    noResults: {
      [":hidden"]() {
        return !(this.total > 0 && this.shown === 0);
      },
    },
  }));
});
