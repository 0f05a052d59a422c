// cabCombobox: the WAI-ARIA combobox (list autocomplete) of client_selector, also used by
// booking_quick_create's client search. Markup contract (x-ref): input (role=combobox),
// value (hidden input submitted), listbox (role=listbox with role=option children),
// status (live region), newClient (optional fieldset shown by the "create" option).
// Options carry data-value/data-label/data-search, the create option data-create="1".
// With data-remote on the input, htmx replaces the options (server search); otherwise
// they are filtered here by data-search, once data-min-chars characters are typed.
// Choosing dispatches "cab-booking-change" {name, value, label} for summaries.

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabCombobox", () => ({
    open: false,
    active: -1,
    creating: false,

    init() {
      this.creating = this.$root.dataset.creating === "1";
      this.minChars = parseInt(this.$root.dataset.minChars || "0", 10) || 0;
      this.remote = this.$refs.input.dataset.remote === "1";
      this.$root.addEventListener("htmx:afterSwap", (event) => {
        if (event.detail.target !== this.$refs.listbox) return;
        this.active = -1;
        this.show();
      });
    },

    options() {
      return Array.from(this.$refs.listbox.querySelectorAll("[role=option]"));
    },
    visible() {
      return this.options().filter((option) => !option.hidden);
    },

    filter() {
      const query = this.$refs.input.value.trim().toLowerCase();
      const tooShort = query.length < this.minChars;
      this.options().forEach((option) => {
        if (option.dataset.create) return;
        option.hidden = tooShort || (query !== "" && !(option.dataset.search || "").includes(query));
      });
    },

    show() {
      this.open = this.visible().length > 0;
      this.sync();
      const status = this.$refs.status;
      if (status) status.textContent = this.open ? "" : status.dataset.none || "";
    },

    close() {
      this.open = false;
      this.active = -1;
      this.sync();
    },

    move(step) {
      if (!this.remote) this.filter();
      const items = this.visible();
      if (!items.length) return;
      this.open = true;
      this.active = this.active < 0 && step < 0 ? items.length - 1 : (this.active + step + items.length) % items.length;
      this.sync();
      items[this.active].scrollIntoView({ block: "nearest" });
    },

    sync() {
      const current = this.open ? this.visible()[this.active] : null;
      this.options().forEach((option) => {
        const on = option === current;
        option.setAttribute("aria-selected", on ? "true" : "false");
        option.classList.toggle("is-active", on);
      });
      if (current) this.$refs.input.setAttribute("aria-activedescendant", current.id);
      else this.$refs.input.removeAttribute("aria-activedescendant");
    },

    choose(option) {
      if (!option) return;
      if (option.dataset.create) {
        this.$refs.value.value = "";
        this.creating = true;
        this.close();
        const fields = this.$refs.newClient;
        if (fields) {
          fields.hidden = false; // shown now (the binding agrees), so the first field can take focus
          const first = fields.querySelector("input");
          if (first) first.focus();
        }
        return;
      }
      this.$refs.value.value = option.dataset.value || "";
      this.$refs.value.dataset.label = option.dataset.label || "";
      this.$refs.input.value = option.dataset.label || "";
      this.creating = false;
      this.close();
      this.$root.dispatchEvent(
        new CustomEvent("cab-booking-change", {
          bubbles: true,
          detail: { name: this.$refs.value.name, value: this.$refs.value.value, label: option.dataset.label || "" },
        }),
      );
    },

    root: {
      ["@focusout"](event) {
        if (!event.relatedTarget || !this.$root.contains(event.relatedTarget)) this.close();
      },
    },
    input: {
      ["@input"]() {
        // Typing replaces the choice until an option is chosen again.
        this.$refs.value.value = "";
        this.active = -1;
        if (this.remote) return; // htmx brings the new options (htmx:afterSwap above)
        this.filter();
        this.show();
      },
      ["@keydown.arrow-down.prevent"]() {
        this.move(1);
      },
      ["@keydown.arrow-up.prevent"]() {
        this.move(-1);
      },
      ["@keydown.enter"](event) {
        // Enter picks the active option and never submits the surrounding form from here.
        event.preventDefault();
        if (this.open && this.active >= 0) this.choose(this.visible()[this.active]);
      },
      ["@keydown.escape"](event) {
        if (!this.open) return;
        // Only the list closes, not the modal around the widget.
        event.preventDefault();
        event.stopPropagation();
        this.close();
      },
      [":aria-expanded"]() {
        return this.open ? "true" : "false";
      },
    },
    listbox: {
      [":hidden"]() {
        return !this.open;
      },
    },
    option: {
      ["@mousedown.prevent"]() {
        // Keep focus in the input while the pointer chooses.
      },
      ["@click"]() {
        this.choose(this.$el);
      },
    },
    newClient: {
      [":hidden"]() {
        return !this.creating;
      },
    },
  }));
});
