// data_table: client-side search, status filters and sorting over the rendered rows.
//
// One Alpine component per table (never one per row). Python precomputed what
// each row needs: data-status (the value filters compare), data-search (the
// row's visible text, lower-cased) and data-sort (the row's rank in every
// sortable column). init() reads them once into plain arrays kept outside
// Alpine's reactive state, so filtering 1,000 rows is one loop toggling
// `hidden` where it changes, and sorting compares integers.
//
// In server-side mode (data-mode="server") HTMX does the searching, filtering,
// sorting and paging; this component only opens row actions in the modal.

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabDataTable", () => {
    // Per-table index, deliberately not reactive (see above).
    let index = null;
    let frame = 0;

    return {
      query: "",
      filter: "",

      init() {
        if (this.$root.dataset.mode === "server" || !this.$refs.body) return;
        const rows = Array.from(this.$refs.body.rows);
        index = {
          rows,
          search: rows.map((row) => row.dataset.search || ""),
          status: rows.map((row) => row.dataset.status || ""),
          ranks: rows.map((row) => (row.dataset.sort || "").split(" ").map(Number)),
          shown: rows.length,
          column: -1,
          descending: false,
        };
        const pressed = this.$root.querySelector(".cab-data-table__filter[aria-pressed='true']");
        this.filter = pressed ? pressed.dataset.value : "";
      },

      // Search is debounced to one animation frame: a burst of input events
      // (a paste, a held key, an IME composition) costs one pass over the
      // index. A longer timer would only add lag: a pass over 1,000 rows
      // takes a few milliseconds.
      onSearch(event) {
        this.query = event.target.value;
        if (frame) return;
        frame = window.requestAnimationFrame(() => {
          frame = 0;
          this.apply();
        });
      },

      setFilter(event) {
        const button = event.currentTarget;
        this.filter = button.dataset.value || "";
        for (const other of this.$root.querySelectorAll(".cab-data-table__filter")) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        }
        this.apply();
      },

      // Show the rows matching the filter and every search word.
      apply() {
        if (!index) return;
        const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
        const filter = this.filter;
        const { rows, search, status } = index;
        let shown = 0;
        for (let i = 0; i < rows.length; i += 1) {
          let visible = filter === "" || status[i] === filter;
          if (visible) {
            const text = search[i];
            for (let w = 0; w < words.length; w += 1) {
              if (!text.includes(words[w])) {
                visible = false;
                break;
              }
            }
          }
          if (rows[i].hidden === visible) rows[i].hidden = !visible;
          if (visible) shown += 1;
        }
        if (shown !== index.shown) {
          index.shown = shown;
          this.$refs.scroll.hidden = shown === 0;
          this.$refs.noResults.hidden = shown !== 0;
        }
        this.announce(shown, rows.length);
      },

      announce(shown, total) {
        const template = this.$root.dataset.summary || "{shown} / {total}";
        this.$refs.status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(total));
      },

      // Header button: sort by its column, ascending first, then toggling.
      // Stable: rows with equal ranks keep their original order either way.
      sortBy(event) {
        if (!index) return;
        const button = event.currentTarget;
        const column = Number(button.dataset.sortIndex);
        index.descending = index.column === column ? !index.descending : false;
        index.column = column;
        const { ranks, rows } = index;
        const sign = index.descending ? -1 : 1;
        const order = rows.map((_row, i) => i);
        order.sort((a, b) => sign * (ranks[a][column] - ranks[b][column]) || a - b);
        const fragment = document.createDocumentFragment();
        for (const i of order) fragment.appendChild(rows[i]);
        this.$refs.body.appendChild(fragment);
        for (const other of this.$root.querySelectorAll("th[aria-sort]")) {
          const mine = other.contains(button);
          other.setAttribute("aria-sort", mine ? (index.descending ? "descending" : "ascending") : "none");
        }
      },

      // A "link"-style row action opens its URL in the page modal (the modal host listens
      // for "open-modal" on window). Modifier clicks keep the link's own behaviour (new tab).
      // $dispatch fires from the table's root, so the link takes focus first: the modal
      // host returns focus to the active element when it closes. No size: the modal
      // content chooses its own.
      openModal(event) {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button === 1) return;
        event.preventDefault();
        const link = event.currentTarget;
        link.focus();
        this.$dispatch("open-modal", { url: link.dataset.modalUrl, size: link.dataset.modalSize || "" });
      },
    };
  });
});
