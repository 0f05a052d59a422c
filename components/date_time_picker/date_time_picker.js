// date_time_picker: tells the page what was chosen ("cab-booking-change" {name, value, label});
// loading another day's times is plain htmx on the day radios (hx-get to slots_url).

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabDateTimePicker", () => ({
    root: {
      ["@change"](event) {
        const input = event.target;
        if (input.name !== "booking_date" && input.name !== "selected_time") return;
        this.$root.dispatchEvent(
          new CustomEvent("cab-booking-change", {
            bubbles: true,
            detail: { name: input.name, value: input.value, label: input.dataset.label || input.value },
          }),
        );
      },
    },
  }));
});
