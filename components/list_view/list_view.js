// list_view: client-side search and paging, roving focus between rows, modal dispatch.
//
// One Alpine component per list, none per row. The search hands the matching
// rows to the shared paging (frontend/collection-paging.js), which shows one
// page of them by setting the rows' `hidden`. Rows are the <li> children of
// the rows list; each row's focusable elements carry data-roving. Roving
// focus: only the current row's elements are in the Tab order (tabindex 0),
// the others get tabindex -1; Up/Down/Home/End move between visible rows.
// Links marked x-bind="modalLink" dispatch `open-modal` {url} instead of
// navigating (a modifier click still opens the URL as a page).

document.addEventListener("alpine:init", () => {
  const ROVING = "[data-roving]";

  window.Alpine.data("cabListView", () => ({
    ...window.cabinetCollectionPaging((list) => list.allRows()),

    init() {
      this.initPaging();
      this.setCurrent(this.focusRows()[0] || null);
    },
    allRows() {
      return this.$refs.rows ? Array.from(this.$refs.rows.children) : [];
    },
    // Visible rows with something to focus.
    focusRows() {
      return this.allRows().filter((row) => !row.hidden && row.querySelector(ROVING));
    },
    currentRow() {
      return this.allRows().find((row) => row.hasAttribute("data-current")) || null;
    },
    setCurrent(current) {
      for (const row of this.allRows()) {
        const active = row === current;
        row.toggleAttribute("data-current", active);
        for (const element of row.querySelectorAll(ROVING)) element.tabIndex = active ? 0 : -1;
      }
    },
    focusRow(row) {
      if (!row) return;
      this.setCurrent(row);
      row.querySelector(ROVING).focus();
    },
    move(step) {
      const rows = this.focusRows();
      if (rows.length === 0) return;
      const here = document.activeElement ? document.activeElement.closest("li") : null;
      const index = rows.indexOf(here || this.currentRow());
      const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + step));
      this.focusRow(rows[next]);
    },
    edge(last) {
      const rows = this.focusRows();
      this.focusRow(last ? rows[rows.length - 1] : rows[0]);
    },
    // Called by the paging after each page change: the roving Tab stop moves onto the page shown.
    pageShown() {
      const current = this.currentRow();
      if (!current || current.hidden) this.setCurrent(this.focusRows()[0] || null);
    },

    // Server-side mode: htmx swapped in another page of rows; the roving Tab stop starts on its first.
    root: {
      ["@htmx:after-settle"]() {
        this.initPaging();
        this.setCurrent(this.focusRows()[0] || null);
      },
    },
    rows: {
      ["@keydown.arrow-down.prevent"]() {
        this.move(1);
      },
      ["@keydown.arrow-up.prevent"]() {
        this.move(-1);
      },
      ["@keydown.home.prevent"]() {
        this.edge(false);
      },
      ["@keydown.end.prevent"]() {
        this.edge(true);
      },
      ["@focusin"](event) {
        const row = event.target.closest("li");
        if (row && row.parentElement === this.$refs.rows) this.setCurrent(row);
      },
    },
    modalLink: {
      ["@click"](event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.altKey || event.button !== 0) return;
        event.preventDefault();
        this.$dispatch("open-modal", { url: this.$el.getAttribute("href") });
      },
    },
  }));
});
