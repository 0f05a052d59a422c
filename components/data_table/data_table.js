// data_table: client-side search, status filters and sorting over the rendered rows,
// the state in the URL, the column menu and the bulk selection.
//
// One Alpine component per table (never one per row). Python precomputed what
// each row needs: data-status (the value filters compare), data-search (the
// row's visible text, lower-cased) and data-sort (the row's rank in every
// sortable column). init() reads them once into plain arrays kept outside
// Alpine's reactive state, so filtering 1,000 rows is one loop toggling
// `hidden` where it changes, and sorting compares integers.
//
// In server-side mode (data-mode="server") HTMX does the searching, filtering,
// sorting and paging (and keeps the state in the URL); this component opens
// row actions in the modal and runs the column menu and the bulk selection,
// re-applying both when HTMX swaps in new results. The bulk bar's parts and
// the checkboxes are found through delegated listeners on the root, so swapped
// rows need no Alpine directives of their own.

const OFF = "cab-data-table__off";
const PARAMS = { search: "q", status: "status", sort: "sort" };

function setParam(url, name, value) {
  if (value) url.searchParams.set(name, value);
  else url.searchParams.delete(name);
}

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabDataTable", () => {
    // Per-table index, deliberately not reactive (see above).
    let index = null;
    let frame = 0;

    return {
      query: "",
      filter: "",

      init() {
        const root = this.$root;
        if (root.dataset.columnsKey) this.restoreColumns();
        root.addEventListener("change", (event) => this.onSelectChange(event));
        root.addEventListener("click", (event) => this.onBulkClick(event));
        root.addEventListener("submit", (event) => this.onBulkSubmit(event));
        if (root.dataset.mode === "server") {
          root.addEventListener("htmx:afterSettle", () => {
            this.applyColumns();
            this.updateSelection();
          });
          this.updateSelection();
          return;
        }
        if (!this.$refs.body) {
          this.updateSelection();
          return;
        }
        const rows = Array.from(this.$refs.body.rows);
        index = {
          rows,
          search: rows.map((row) => row.dataset.search || ""),
          status: rows.map((row) => row.dataset.status || ""),
          ranks: rows.map((row) => (row.dataset.sort || "").split(" ").map(Number)),
          boxes: rows.map((row) => row.querySelector(".cab-data-table__select")),
          shown: rows.length,
          column: -1,
          sortKey: "",
          descending: false,
        };
        const pressed = root.querySelector(".cab-data-table__filter[aria-pressed='true']");
        this.filter = pressed ? pressed.dataset.value : "";
        if ("urlState" in root.dataset) this.restoreState();
        this.updateSelection();
      },

      // ------------------------------------------------------------ state in the URL
      // Client-side mode reads ?q=&status=&sort= once (a reload, a shared link) and
      // writes them back with replaceState on every change: the history gets no entry
      // per keystroke, and the back button still leaves the page.
      restoreState() {
        const params = new URLSearchParams(window.location.search);
        const input = this.$root.querySelector(".cab-data-table__search-input");
        const query = params.get(PARAMS.search) || "";
        if (input && query) {
          input.value = query;
          this.query = query;
        }
        const status = params.get(PARAMS.status) || "";
        const filter = Array.from(this.$root.querySelectorAll(".cab-data-table__filter")).find(
          (button) => button.dataset.value === status,
        );
        if (status && filter) this.pressFilter(filter);
        const sort = params.get(PARAMS.sort) || "";
        const key = sort.replace(/^-/, "");
        const header = Array.from(this.$root.querySelectorAll(".cab-data-table__sort")).find(
          (button) => button.dataset.sortKey === key,
        );
        if (key && header) this.sortRows(header, sort.startsWith("-"));
        if (this.query || this.filter) this.apply(false);
      },

      // The state as query parameters: the URL (client-side mode) and the export link.
      state() {
        if (this.$root.dataset.mode === "server") {
          const root = this.$root;
          const value = (selector) => (root.querySelector(selector) || { value: "" }).value;
          return {
            [PARAMS.search]: value(".cab-data-table__search-input").trim(),
            [PARAMS.status]: value("[id$='-state'] [name='status']"),
            [PARAMS.sort]: value("[id$='-state'] [name='sort']"),
          };
        }
        const sort = index && index.column >= 0 ? (index.descending ? "-" : "") + index.sortKey : "";
        return { [PARAMS.search]: this.query.trim(), [PARAMS.status]: this.filter, [PARAMS.sort]: sort };
      },

      saveState() {
        if (!("urlState" in this.$root.dataset)) return;
        const url = new URL(window.location.href);
        for (const [name, value] of Object.entries(this.state())) setParam(url, name, value);
        if (url.href !== window.location.href) window.history.replaceState(window.history.state, "", url);
      },

      // The export link carries the state the user sees when it is followed.
      exportCsv(event) {
        const link = event.currentTarget;
        const url = new URL(link.href, window.location.href);
        for (const [name, value] of Object.entries(this.state())) setParam(url, name, value);
        url.searchParams.delete("page");
        link.href = url.href;
      },

      // ------------------------------------------------------------ search, filters, sorting
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
        this.pressFilter(event.currentTarget);
        this.apply();
      },

      pressFilter(button) {
        this.filter = button.dataset.value || "";
        for (const other of this.$root.querySelectorAll(".cab-data-table__filter")) {
          other.setAttribute("aria-pressed", other === button ? "true" : "false");
        }
      },

      // Show the rows matching the filter and every search word. Hidden rows' checkboxes
      // are disabled: a bulk action applies to the selected rows the user can see.
      apply(announce = true) {
        if (!index) return;
        const words = this.query.toLowerCase().split(/\s+/).filter(Boolean);
        const filter = this.filter;
        const { rows, search, status, boxes } = index;
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
          if (rows[i].hidden === visible) {
            rows[i].hidden = !visible;
            if (boxes[i]) boxes[i].disabled = !visible;
          }
          if (visible) shown += 1;
        }
        if (shown !== index.shown) {
          index.shown = shown;
          this.$refs.scroll.hidden = shown === 0;
          this.$refs.noResults.hidden = shown !== 0;
        }
        this.updateSelection();
        if (announce) {
          this.announce(shown, rows.length);
          this.saveState();
        }
      },

      announce(shown, total) {
        const template = this.$root.dataset.summary || "{shown} / {total}";
        this.$refs.status.textContent = template.replace("{shown}", String(shown)).replace("{total}", String(total));
      },

      // Header button: sort by its column, ascending first, then toggling.
      sortBy(event) {
        if (!index) return;
        const button = event.currentTarget;
        const column = Number(button.dataset.sortIndex);
        this.sortRows(button, index.column === column ? !index.descending : false);
        this.saveState();
      },

      // Stable: rows with equal ranks keep their original order either way.
      sortRows(button, descending) {
        const column = Number(button.dataset.sortIndex);
        index.column = column;
        index.sortKey = button.dataset.sortKey || "";
        index.descending = descending;
        const { ranks, rows } = index;
        const sign = descending ? -1 : 1;
        const order = rows.map((_row, i) => i);
        order.sort((a, b) => sign * (ranks[a][column] - ranks[b][column]) || a - b);
        const fragment = document.createDocumentFragment();
        for (const i of order) fragment.appendChild(rows[i]);
        this.$refs.body.appendChild(fragment);
        for (const other of this.$root.querySelectorAll("th[aria-sort]")) {
          const mine = other.contains(button);
          other.setAttribute("aria-sort", mine ? (descending ? "descending" : "ascending") : "none");
        }
      },

      // ------------------------------------------------------------ column menu
      // A disclosure: the button's aria-expanded says whether the checkboxes show;
      // Escape or a click elsewhere closes it, Escape returns focus to the button.
      // The choice is stored per table (localStorage, the root's data-columns-key).
      toggleColumns() {
        const open = this.$refs.columnsMenu.hidden;
        this.$refs.columnsMenu.hidden = !open;
        this.$refs.columnsButton.setAttribute("aria-expanded", open ? "true" : "false");
      },

      closeColumns() {
        if (this.$refs.columnsMenu.hidden) return;
        this.hideColumns();
        this.$refs.columnsButton.focus();
      },

      hideColumns() {
        this.$refs.columnsMenu.hidden = true;
        this.$refs.columnsButton.setAttribute("aria-expanded", "false");
      },

      columnBoxes() {
        const menu = this.$refs.columnsMenu;
        return menu ? Array.from(menu.querySelectorAll("input[type='checkbox']")) : [];
      },

      restoreColumns() {
        let stored = null;
        try {
          stored = JSON.parse(window.localStorage.getItem(this.$root.dataset.columnsKey) || "null");
        } catch {
          stored = null; // storage blocked or unreadable: the contract's defaults stay
        }
        if (Array.isArray(stored)) {
          for (const box of this.columnBoxes()) if (!box.disabled) box.checked = !stored.includes(box.value);
        }
        this.applyColumns();
      },

      onColumnToggle() {
        this.applyColumns();
        const hidden = this.columnBoxes()
          .filter((box) => !box.checked)
          .map((box) => box.value);
        try {
          window.localStorage.setItem(this.$root.dataset.columnsKey, JSON.stringify(hidden));
        } catch {
          // storage full or blocked: the choice holds until the page is left
        }
      },

      // Hide a column's header and cells (a class, so the stacked layout hides them too).
      applyColumns() {
        const boxes = this.columnBoxes();
        const table = this.$root.querySelector(".cab-data-table__table");
        if (!boxes.length || !table) return;
        const off = new Set(boxes.filter((box) => !box.checked).map((box) => box.value));
        const headers = table.tHead.rows[0].cells;
        const body = table.tBodies[0].rows;
        for (let i = 0; i < headers.length; i += 1) {
          const key = headers[i].dataset.column;
          const hide = Boolean(key) && off.has(key);
          if (!key || headers[i].classList.contains(OFF) === hide) continue;
          headers[i].classList.toggle(OFF, hide);
          for (const row of body) row.cells[i].classList.toggle(OFF, hide);
        }
      },

      // ------------------------------------------------------------ bulk selection
      bulkForm() {
        return this.$root.querySelector(".cab-data-table__bulk");
      },

      onSelectChange(event) {
        const target = event.target;
        if (target.classList.contains("cab-data-table__select-page")) {
          for (const box of this.$root.querySelectorAll(".cab-data-table__select:not(:disabled)")) {
            box.checked = target.checked;
          }
          this.updateSelection();
        } else if (target.classList.contains("cab-data-table__select")) {
          this.updateSelection();
        }
      },

      onBulkClick(event) {
        const form = this.bulkForm();
        const button = event.target.closest && event.target.closest("button");
        if (!form || !button) return;
        if (button.classList.contains("cab-data-table__select-matching")) {
          form.elements.all.value = "1";
          this.updateSelection();
          form.querySelector(".cab-data-table__clear").focus();
        } else if (button.classList.contains("cab-data-table__clear")) {
          form.elements.all.value = "";
          for (const box of this.$root.querySelectorAll(".cab-data-table__select")) box.checked = false;
          this.updateSelection();
          const page = this.$root.querySelector(".cab-data-table__select-page");
          if (page) page.focus();
        }
      },

      // The count (announced: the paragraph is aria-live), the header checkbox's
      // checked/indeterminate state, the buttons, and "select all matching" once the
      // whole page is selected.
      updateSelection() {
        const form = this.bulkForm();
        if (!form) return;
        const boxes = Array.from(this.$root.querySelectorAll(".cab-data-table__select:not(:disabled)"));
        const checked = boxes.filter((box) => box.checked).length;
        const whole = checked > 0 && checked === boxes.length;
        if (!whole) form.elements.all.value = "";
        const all = form.elements.all.value === "1";
        const page = this.$root.querySelector(".cab-data-table__select-page");
        if (page) {
          page.checked = whole;
          page.indeterminate = checked > 0 && !whole;
        }
        const count = new Intl.NumberFormat(document.documentElement.lang || undefined).format(checked);
        let text = form.dataset.none;
        if (all) text = form.dataset.all;
        else if (checked) text = form.dataset.selected.replace("{count}", count);
        const live = form.querySelector(".cab-data-table__bulk-count");
        if (live.textContent !== text) live.textContent = text;
        for (const button of form.querySelectorAll("button[type='submit']")) button.disabled = checked === 0;
        const matching = form.querySelector(".cab-data-table__select-matching");
        if (matching) matching.hidden = !whole || all;
        form.querySelector(".cab-data-table__clear").hidden = checked === 0;
      },

      // Ask the action's question first; send the user back to the address bar's URL.
      onBulkSubmit(event) {
        const form = event.target;
        if (form !== this.bulkForm()) return;
        const button = event.submitter;
        if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
          event.preventDefault();
          return;
        }
        form.elements.next.value = window.location.pathname + window.location.search;
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
