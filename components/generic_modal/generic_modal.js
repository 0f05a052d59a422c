// generic_modal: the content's own behaviour. CLOSE buttons dispatch "close-modal"
// on window (the modal host closes); an action with a confirm question first shows
// an in-modal "Yes / No, go back" step: focus moves to "Yes", "No" returns it.
// The "Yes" button stays disabled until asked, so Enter in a field never triggers it.

document.addEventListener("alpine:init", () => {
  window.Alpine.data("cabModalContent", () => ({
    asking: "",

    isAsked(element) {
      return this.asking !== "" && this.asking === element.dataset.confirmKey;
    },

    closer: {
      ["@click"]() {
        window.dispatchEvent(new CustomEvent("close-modal"));
      },
    },
    asker: {
      ["@click"]() {
        const key = this.$el.dataset.confirmKey;
        this.asking = key;
        this.$nextTick(() => {
          const yes = this.$root.querySelector('[data-confirm-yes="' + key + '"]');
          if (yes) yes.focus();
        });
      },
      [":aria-expanded"]() {
        return this.isAsked(this.$el) ? "true" : "false";
      },
    },
    confirmPanel: {
      [":hidden"]() {
        return !this.isAsked(this.$el);
      },
    },
    confirmYes: {
      [":disabled"]() {
        return !this.isAsked(this.$el);
      },
    },
    confirmNo: {
      ["@click"]() {
        const key = this.asking;
        this.asking = "";
        this.$nextTick(() => {
          const asker = this.$root.querySelector('[data-confirm-key="' + key + '"][aria-controls]');
          if (asker) asker.focus();
        });
      },
    },
  }));
});
