// calendar_grid: clicks open the page modal, arrow keys move a roving tab stop, event colours.
//
// * A click on a free slot or an event (Enter/Space on the focused button is a click)
//   dispatches `open-modal` with {url}; the page's modal host loads it. A free slot's URL is
//   the grid's data-new-event-url plus col, row, col_label, col_id and time (the time row's
//   data-time: HH:MM, never its localised label).
// * One tab stop: every slot and clickable event has tabindex=-1 except one. Arrow keys
//   move it to the nearest item in that direction, measured on screen (so lanes, spans and
//   right-to-left layouts need no special cases); Home/End stay in the row,
//   Ctrl+Home/End go to the first/last item.
// * Positions are classes printed by the server; the one value classes cannot hold, an event
//   colour other than a Bootstrap name (hex, named, rgb()/hsl()..., var(--x): the server's
//   strict grammar, codex_django.cabinet.types.css_colour), arrives in an escaped data-color
//   and is set here as the custom property --cab-cal-ev through the CSSOM, which a strict
//   Content-Security-Policy allows (style= attributes it would not). The browser checks it
//   again: only a value it parses as a colour, made of the grammar's characters, is set.

document.addEventListener("alpine:init", () => {
  const ITEMS = ".cab-cal__slot, button.cab-cal__event";
  const COLOUR_CHARACTERS = /^[A-Za-z0-9#%.,()/+\-_ ]+$/;
  const KEYS = ["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"];

  function centre(rect) {
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  }

  function overlaps(startA, endA, startB, endB) {
    return Math.min(endA, endB) - Math.max(startA, startB) > 1;
  }

  // The best candidate for a key from the current rect, or null.
  function pick(key, from, candidates, ctrl) {
    const here = centre(from);
    let best = null;
    let bestScore = null;
    for (const candidate of candidates) {
      const rect = candidate.rect;
      const there = centre(rect);
      let score = null;
      if (key === "ArrowDown" && rect.top >= from.bottom - 1 && overlaps(rect.left, rect.right, from.left, from.right)) {
        score = [rect.top, Math.abs(there.x - here.x)];
      } else if (key === "ArrowUp" && rect.bottom <= from.top + 1 && overlaps(rect.left, rect.right, from.left, from.right)) {
        score = [-rect.bottom, Math.abs(there.x - here.x)];
      } else if (key === "ArrowRight" && there.x > here.x + 1) {
        const beside = overlaps(rect.top, rect.bottom, from.top, from.bottom) ? 0 : 1;
        score = [beside, there.x, Math.abs(there.y - here.y)];
      } else if (key === "ArrowLeft" && there.x < here.x - 1) {
        const beside = overlaps(rect.top, rect.bottom, from.top, from.bottom) ? 0 : 1;
        score = [beside, -there.x, Math.abs(there.y - here.y)];
      } else if ((key === "Home" || key === "End") && ctrl) {
        score = key === "Home" ? [rect.top, rect.left] : [-rect.bottom, -rect.right];
      } else if ((key === "Home" || key === "End") && overlaps(rect.top, rect.bottom, from.top, from.bottom)) {
        score = key === "Home" ? [rect.left, rect.top] : [-rect.right, rect.top];
      }
      if (score === null) continue;
      if (bestScore === null || lessThan(score, bestScore)) {
        best = candidate.element;
        bestScore = score;
      }
    }
    return best;
  }

  function lessThan(a, b) {
    for (let i = 0; i < a.length; i += 1) {
      if (Math.abs(a[i] - b[i]) > 0.5) return a[i] < b[i];
    }
    return false;
  }

  window.Alpine.data("cabCalendarGrid", () => ({
    init() {
      this.$root.querySelectorAll(".cab-cal__event[data-color]").forEach((element) => {
        const colour = element.dataset.color;
        if (COLOUR_CHARACTERS.test(colour) && window.CSS.supports("color", colour)) {
          element.style.setProperty("--cab-cal-ev", colour);
        }
      });
    },

    items() {
      return Array.from(this.$root.querySelectorAll(ITEMS));
    },

    moveTo(target) {
      this.items().forEach((element) => {
        element.tabIndex = element === target ? 0 : -1;
      });
      target.focus();
    },

    // The create URL of a free slot: new_event_url plus the cell and what it stands for.
    slotUrl(slot) {
      const url = new URL(this.$root.dataset.newEventUrl, window.location.href);
      const col = Number(slot.dataset.col);
      const row = Number(slot.dataset.row);
      const head = this.$root.querySelectorAll(".cab-cal__head")[col];
      const time = this.$root.querySelectorAll(".cab-cal__time")[row];
      url.searchParams.set("col", String(col));
      url.searchParams.set("row", String(row));
      if (head) {
        url.searchParams.set("col_label", head.querySelector(".cab-cal__head-label").textContent.trim());
        if (head.dataset.id) url.searchParams.set("col_id", head.dataset.id);
      }
      // The row's machine value (HH:MM for a time row), not its label: "10 a.m." is for people.
      if (time) url.searchParams.set("time", time.dataset.time || time.textContent.trim());
      return url.origin === window.location.origin ? url.pathname + url.search + url.hash : url.href;
    },

    open(element) {
      let url = "";
      if (element.classList.contains("cab-cal__slot")) {
        if (this.$root.dataset.newEventUrl) url = this.slotUrl(element);
      } else {
        url = element.dataset.url || "";
      }
      if (!url) return;
      this.moveTo(element);
      element.dispatchEvent(new CustomEvent("open-modal", { detail: { url: url }, bubbles: true, composed: true }));
    },

    root: {
      ["@click"](event) {
        const element = event.target.closest(ITEMS);
        if (element && this.$root.contains(element)) this.open(element);
      },
      ["@keydown"](event) {
        if (!KEYS.includes(event.key) || event.altKey || event.metaKey) return;
        const current = event.target.closest(ITEMS);
        if (!current || !this.$root.contains(current)) return;
        const candidates = this.items()
          .filter((element) => element !== current)
          .map((element) => ({ element: element, rect: element.getBoundingClientRect() }));
        const target = pick(event.key, current.getBoundingClientRect(), candidates, event.ctrlKey);
        event.preventDefault();
        if (target) this.moveTo(target);
      },
    },
  }));
});
