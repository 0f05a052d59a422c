// Follow the system colour scheme before the first paint (loaded blocking in <head>,
// only when the user's colour mode is "system": see templatetags/cabinet_theme.py).
// The server already wrote data-bs-theme from the cookie; this only resolves "system".
// The colour-mode switch (components/color_mode_switch) keeps it in sync afterwards.
(function () {
  var root = document.documentElement;
  var query = window.matchMedia("(prefers-color-scheme: dark)");
  function apply() {
    if (root.getAttribute("data-cab-color-mode") !== "system") return;
    root.setAttribute("data-bs-theme", query.matches ? "dark" : "light");
  }
  apply();
  if (query.addEventListener) query.addEventListener("change", apply);
})();
