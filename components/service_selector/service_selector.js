// service_selector: category filter and search over the service radios (client-side only),
// and a "cab-booking-change" event when a service is chosen.

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabServiceSelector", () => ({
    query: "",
    category: "",

    matches(element) {
      const category = element.dataset.category;
      const inCategory = this.category === "" || category === "all" || category === this.category;
      return inCategory && (this.query === "" || (element.dataset.search || "").includes(this.query));
    },

    root: {
      ["@change"](event) {
        const input = event.target;
        if (input.name !== "service_id") return;
        this.$root.dispatchEvent(
          new CustomEvent("cab-booking-change", {
            bubbles: true,
            detail: { name: input.name, value: input.value, label: input.dataset.label || "" },
          }),
        );
      },
    },
    search: {
      ["@input"]() {
        this.query = this.$el.value.trim().toLowerCase();
      },
    },
    filter: {
      ["@click"]() {
        this.category = this.$el.dataset.category || "";
      },
      [":aria-pressed"]() {
        return this.category === (this.$el.dataset.category || "") ? "true" : "false";
      },
    },
    item: {
      ["x-show"]() {
        return this.matches(this.$el);
      },
    },
    noMatch: {
      [":hidden"]() {
        const items = this.$root.querySelectorAll(".cab-service-selector__item");
        return Array.prototype.some.call(items, (item) => this.matches(item));
      },
    },
  }));
});
