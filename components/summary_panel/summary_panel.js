// summary_panel: follows the other booking widgets through their "cab-booking-change"
// events ({name, value, label}) and shows each choice on the line for that field.

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabBookingSummary", () => ({
    root: {
      ["@cab-booking-change.window"](event) {
        const detail = event.detail || {};
        const line = this.$root.querySelector('[data-summary-for="' + CSS.escape(detail.name || "") + '"]');
        if (!line) return;
        const chosen = detail.value ? detail.label || detail.value : "";
        line.textContent = chosen || line.dataset.empty || "";
        line.classList.toggle("cab-summary__empty", !chosen);
      },
    },
  }));
});
