// The colour-mode switch (components/color_mode_switch): light, dark or follow the system.
//
// A change applies at once: the cookie remembers the choice (the server renders the next
// page in that mode, so there is no flash) and <html data-bs-theme> switches now. In
// "system" mode the page follows the OS setting live. With JavaScript the form never
// submits (its button is hidden); without, it posts to cabinet:color_mode.

document.addEventListener("alpine:init", () => {
  const COOKIE = "cabinet_color_mode";
  const MAX_AGE = 365 * 24 * 3600;
  const MODES = ["light", "dark", "system"];
  const systemDark = window.matchMedia("(prefers-color-scheme: dark)");

  function apply(mode) {
    const root = document.documentElement;
    const dark = mode === "dark" || (mode === "system" && systemDark.matches);
    root.setAttribute("data-cab-color-mode", mode);
    root.setAttribute("data-bs-theme", dark ? "dark" : "light");
  }

  function remember(mode) {
    const secure = window.location.protocol === "https:" ? "; secure" : "";
    document.cookie = `${COOKIE}=${mode}; path=/; max-age=${MAX_AGE}; samesite=lax${secure}`;
  }

  systemDark.addEventListener("change", () => {
    if (document.documentElement.getAttribute("data-cab-color-mode") === "system") apply("system");
  });

  window.Alpine.data("cabColorMode", () => ({
    root: {
      ["@submit.prevent"]() {},
    },
    input: {
      ["@change"](event) {
        const mode = event.target.value;
        if (!MODES.includes(mode)) return;
        remember(mode);
        apply(mode);
        // Other switches on the page show the same choice.
        document.querySelectorAll(`.cab-color-mode__input[value="${mode}"]`).forEach((input) => {
          input.checked = true;
        });
      },
    },
    submit: {
      [":hidden"]() {
        return true;
      },
    },
  }));
});
