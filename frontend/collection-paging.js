// Client-side paging and search shared by card_grid and list_view: one pager, two components.
//
// window.cabinetCollectionPaging(allItems) returns Alpine data to spread into a
// component's own; allItems(component) lists the component's item elements:
//
//   window.Alpine.data("cabCardGrid", () => ({
//     ...window.cabinetCollectionPaging((grid) => grid.cards()),
//     init() { this.initPaging(); },
//     ...
//   }));
//
// The component renders every item (its search needs them all); items past the
// first page arrive `hidden` from the server. The search input (x-bind="search")
// keeps the items whose data-search (lowercased by the server) holds its text and
// `setMatches(list)` shows page 1 of them; the pager's buttons turn the page.
// The pager's markup is cabinet/includes/_collection_pager.html (Bootstrap's
// .pagination); its texts arrive as data- attributes with {placeholders} and are
// filled here with numbers in the page's locale. Works with Alpine's CSP build:
// the template only names the x-bind objects below.

function numberFormat() {
  try {
    return new Intl.NumberFormat(document.documentElement.lang || undefined);
  } catch (error) {
    return new Intl.NumberFormat(); // a lang attribute Intl does not know
  }
}

// "Cards {first}–{last} of {total}" with the values filled in.
function fill(template, values) {
  const format = numberFormat();
  return String(template || "").replace(/\{(\w+)\}/g, (whole, name) =>
    name in values ? format.format(values[name]) : whole,
  );
}

window.cabinetCollectionPaging = function cabinetCollectionPaging(allItems) {
  // The items the search kept, in order; not reactive (the DOM holds the state).
  let matches = [];

  return {
    page: 1,
    pageSize: 0,
    shown: 0,
    total: 0,

    // Call from the component's init(): reads data-page-size from its root.
    initPaging() {
      matches = allItems(this);
      this.total = matches.length;
      this.shown = this.total;
      this.pageSize = Math.max(0, Number(this.$root.dataset.pageSize) || 0);
    },
    // The search's result: page 1 of these items.
    setMatches(items) {
      matches = items;
      this.shown = items.length;
      this.showPage(1);
    },
    pageCount() {
      return this.pageSize ? Math.max(1, Math.ceil(this.shown / this.pageSize)) : 1;
    },
    // Shows page `number` (clamped) of the matches and hides every other item.
    showPage(number) {
      this.page = Math.min(Math.max(1, number), this.pageCount());
      const size = this.pageSize || matches.length;
      const start = (this.page - 1) * size;
      const visible = new Set(matches.slice(start, start + size));
      for (const item of allItems(this)) {
        const show = visible.has(item);
        if (item.hidden === show) item.hidden = !show;
      }
      if (this.pageShown) this.pageShown();
    },
    // A pager button turns the page. When it goes disabled (first/last page), focus
    // moves to the other button instead of falling back to <body>.
    turnPage(step, button) {
      this.showPage(this.page + step);
      this.$nextTick(() => {
        if (!button.disabled) return;
        const list = button.closest(".pagination");
        const other = list && list.querySelector(step > 0 ? "[data-pager-previous]" : "[data-pager-next]");
        if (other && !other.disabled) other.focus();
      });
    },

    // The search keeps the matching items; paging starts again on page 1 of them.
    filter(text) {
      const query = String(text || "").trim().toLowerCase();
      this.setMatches(allItems(this).filter((item) => !query || (item.dataset.search || "").includes(query)));
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
    pager: {
      [":hidden"]() {
        return this.pageCount() < 2;
      },
    },
    pagerSummary: {
      ["x-text"]() {
        const size = this.pageSize || this.shown;
        const first = this.shown ? (this.page - 1) * size + 1 : 0;
        const last = Math.min(this.shown, this.page * size);
        return fill(this.$el.closest("nav").dataset.summary, { first, last, total: this.shown });
      },
    },
    pagerPage: {
      ["x-text"]() {
        return fill(this.$el.closest("nav").dataset.pageLabel, { number: this.page, count: this.pageCount() });
      },
    },
    previousPage: {
      [":disabled"]() {
        return this.page <= 1;
      },
      ["@click"]() {
        this.turnPage(-1, this.$el);
      },
    },
    nextPage: {
      [":disabled"]() {
        return this.page >= this.pageCount();
      },
      ["@click"]() {
        this.turnPage(1, this.$el);
      },
    },
  };
};
