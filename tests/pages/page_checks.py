"""The page harness's checks: load a composed demo page as a user sees it, then inspect it.

Reused from the story harness (``tests/browser/harness.py``): :class:`PageProbe`
(console errors, uncaught exceptions, CSP violations through an init script),
``check_csp``, ``check_axe`` (axe-core as the storybook's static ``axe.min.js``,
a same-origin ``<script src>`` the demo's strict CSP allows) and ``check_visual``
(pixelmatch, the same tolerance and ``UPDATE_BASELINES``), with the baselines in
``tests/browser/baselines/pages/``. Added here, for whole pages:

* :func:`load_page`: status < 400 and no redirect away from the page (a lost
  session lands on the login page), lazy dashboard widgets revealed (scrolled
  into view, as a reader would), fonts, Alpine and htmx settled;
* :func:`check_no_sideways_scroll`: the document never scrolls sideways; the
  message names the widest element sticking out on the right;
* :func:`check_no_blank_tail`: a document that scrolls ends near its last
  visible content (no blank scroll area below it);
* :func:`check_colour_mode`: the page renders in the combination's scheme
  (``<html data-bs-theme>``, from the cabinet's colour-mode cookie).

axe-core runs on every combination: every rule of the story harness's tags in
light, the colour rules (:data:`COLOUR_RULES`) in dark, where only colours change.

Every failure message starts with the page's id and the combination.
"""

from __future__ import annotations

import time
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Error

from tests.browser.harness import (
    BASELINES,
    HarnessFailure,
    PageProbe,
    axe_options,
    check_axe,
    check_csp,
    check_visual,
    load_axe,
)

PAGE_BASELINES = BASELINES / "pages"
UPDATE_HELP = "UPDATE_BASELINES=1 .venv/bin/pytest tests/pages (or --update-baselines)"
SETTLE_TIMEOUT = 15.0
# Below the last visible content a scrolling document may keep the main area's bottom padding
# and a margin; a longer empty stretch is a blank scroll area.
BLANK_TAIL_LIMIT_PX = 96
# The dark scheme changes colours only (the same markup under <html data-bs-theme="dark">), so dark
# pages run the colour rules alone; the light ones run every rule of the story harness's tags.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]

# Counts htmx requests in flight (an init script: it runs before the page's own scripts).
HTMX_COUNTER_SCRIPT = """
window.__cabPagesInflight = 0;
document.addEventListener("htmx:beforeRequest", () => { window.__cabPagesInflight += 1; }, true);
for (const name of ["htmx:afterRequest", "htmx:sendAbort"]) {
  document.addEventListener(name, () => {
    window.__cabPagesInflight = Math.max(0, window.__cabPagesInflight - 1);
  }, true);
}
"""

SETTLED = """() => {
  if (document.readyState !== "complete" || document.fonts.status !== "loaded") return false;
  if ((window.__cabPagesInflight || 0) > 0) return false;
  if (document.documentElement.dataset.cabHtmx === "loading") return false;
  if (document.querySelector(".htmx-request, .htmx-settling, .htmx-swapping, .htmx-added")) return false;
  const roots = document.querySelectorAll("[x-data]");
  if (roots.length && !window.Alpine) return false;
  return Array.prototype.every.call(roots, (element) => Boolean(element._x_dataStack));
}"""

# Lazy widgets load when revealed: scroll each placeholder into view, as a reader scrolling would.
REVEAL = """() => {
  const waiting = document.querySelectorAll("[hx-trigger~='revealed'], [data-hx-trigger~='revealed']");
  for (const element of waiting) element.scrollIntoView({block: "center"});
  return waiting.length;
}"""

DESCRIBE = """
const describe = (element) => {
  const parts = [];
  for (let node = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
    let part = node.tagName.toLowerCase();
    if (node.id) part += "#" + node.id;
    const classes = Array.from(node.classList).filter((name) => !name.startsWith("djc-")).slice(0, 3);
    if (classes.length) part += "." + classes.join(".");
    parts.unshift(part);
  }
  return parts.join(" > ");
};
"""

# The widest element whose right edge passes the viewport and that no clipping ancestor hides.
SIDEWAYS = (
    """() => {
  const root = document.documentElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width) return null;
"""
    + DESCRIBE
    + """
  const clipped = (element) => {
    for (let node = element.parentElement; node && node !== document.body; node = node.parentElement) {
      const style = getComputedStyle(node);
      if (style.position === "fixed") return true;
      if (style.overflowX !== "visible" && node.getBoundingClientRect().right <= width + 0.5) return true;
    }
    return false;
  };
  let worst = null;
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.right <= width + 0.5 || box.width === 0 || getComputedStyle(element).position === "fixed") continue;
    if (clipped(element)) continue;
    if (!worst || box.width > worst.width) worst = {element, width: box.width, right: box.right};
  }
  return {
    scrollWidth: root.scrollWidth,
    width,
    widest: worst ? `${describe(worst.element)} (${Math.round(worst.width)} px wide, ` +
      `right edge at ${Math.round(worst.right)} px)` : "no single element (a margin or a transform?)",
  };
}"""
)

# The bottom of the last visible content: text, replaced elements (images, controls) and childless
# elements that paint something (a background, a border, an icon's ::before), not the wrappers
# that stretch to the document's height nor empty boxes that only take room.
BLANK_TAIL = (
    """() => {
  const root = document.documentElement;
  const height = root.scrollHeight;
  const viewport = window.innerHeight;
"""
    + DESCRIBE
    + """
  const shown = (element) => element.checkVisibility({visibilityProperty: true, opacityProperty: true});
  const replaced = new Set(["IMG", "SVG", "INPUT", "SELECT", "TEXTAREA", "BUTTON", "CANVAS", "VIDEO", "IFRAME", "HR"]);
  const paints = (element) => {
    const style = getComputedStyle(element);
    const colour = (value) => value && value !== "transparent" && !value.replace(/ /g, "").endsWith(",0)");
    if (colour(style.backgroundColor) || style.backgroundImage !== "none" || style.boxShadow !== "none") return true;
    if (["Top", "Bottom", "Left", "Right"].some((side) =>
      parseFloat(style[`border${side}Width`]) > 0 && colour(style[`border${side}Color`]))) return true;
    const before = getComputedStyle(element, "::before").content;
    return before !== "none" && before !== "normal";
  };
  let bottom = 0;
  let last = null;
  const consider = (box, element) => {
    if (box.width <= 1 || box.height <= 1) return;  // nothing, or visually hidden text for screen readers
    const edge = box.bottom + window.scrollY;
    if (edge > bottom) { bottom = edge; last = element; }
  };
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (!node.textContent.trim() || !parent || !shown(parent) || parent.closest(".visually-hidden")) continue;
      const box = parent.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;  // text for screen readers only
      range.selectNodeContents(node);
      consider(range.getBoundingClientRect(), node.parentElement);
    } else if (shown(node) && (replaced.has(node.tagName.toUpperCase()) || (node.childElementCount === 0 && paints(node)))) {
      consider(node.getBoundingClientRect(), node);
    }
  }
  return {height, viewport, bottom: Math.round(bottom), last: last ? describe(last) : "nothing"};
}"""
)


def _settle(probe: PageProbe, label: str) -> None:
    deadline = time.monotonic() + SETTLE_TIMEOUT
    calm = 0
    # Settled means three checks in a row with nothing pending, as the storybook's preview waits.
    while calm < 3:
        if probe.page.evaluate(REVEAL):
            calm = 0
        calm = calm + 1 if probe.page.evaluate(SETTLED) else 0
        if time.monotonic() > deadline:
            raise HarnessFailure(f"{label}: the page did not settle within {SETTLE_TIMEOUT:.0f} s")
        probe.page.wait_for_timeout(40)
    probe.page.evaluate("window.scrollTo(0, 0)")
    probe.page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def load_page(probe: PageProbe, url: str, label: str) -> None:
    """Open ``url``; fail when it answers 400 or more, lands elsewhere or never settles."""
    probe.console_errors.clear()
    try:
        response = probe.page.goto(url, wait_until="load")
    except Error as error:
        raise HarnessFailure(f"{label}: the page did not load: {error}") from None
    if response is None:
        raise HarnessFailure(f"{label}: no response from {url}")
    if response.status >= 400:
        raise HarnessFailure(f"{label}: HTTP {response.status} from {url}")
    wanted, landed = urlsplit(url), urlsplit(probe.page.url)
    if (landed.path, landed.query) != (wanted.path, wanted.query):
        raise HarnessFailure(f"{label}: {url} sent the browser to {probe.page.url}")
    _settle(probe, label)


def check_no_sideways_scroll(probe: PageProbe, label: str) -> None:
    """``scrollWidth <= clientWidth``: the document never scrolls sideways."""
    found = probe.page.evaluate(SIDEWAYS)
    if found:
        raise HarnessFailure(
            f"{label}: the page scrolls sideways: the document is {found['scrollWidth']} px wide in a "
            f"{found['width']} px viewport; widest element past the edge: {found['widest']}"
        )


def check_no_blank_tail(probe: PageProbe, label: str) -> None:
    """A scrolling document ends within :data:`BLANK_TAIL_LIMIT_PX` of its last visible content."""
    found = probe.page.evaluate(BLANK_TAIL)
    if found["height"] <= found["viewport"]:
        return  # it does not scroll: the shell filling the window is not a scroll area
    blank = found["height"] - max(found["bottom"], found["viewport"])
    if blank > BLANK_TAIL_LIMIT_PX:
        raise HarnessFailure(
            f"{label}: {blank} px of blank scroll area below the content: the document is "
            f"{found['height']} px high, the last visible content ({found['last']}) ends at {found['bottom']} px"
        )


def check_colour_mode(probe: PageProbe, label: str, theme: str) -> None:
    """The page really renders in ``theme``: the cabinet's ``<html data-bs-theme>``, not only the media query."""
    rendered = probe.page.evaluate("document.documentElement.getAttribute('data-bs-theme')")
    if rendered != theme:
        raise HarnessFailure(f"{label}: the page renders data-bs-theme={rendered!r}, not {theme!r}")


def inspect_page(
    probe: PageProbe,
    url: str,
    label: str,
    baseline: str,
    combination: str,
    *,
    theme: str = "light",
    update: bool = False,
    baselines: Path = PAGE_BASELINES,
) -> list[str]:
    """Load the page and run every check but axe; the failures, each naming the page and combination."""
    try:
        load_page(probe, url, label)
    except HarnessFailure as failure:
        return [str(failure)]
    failures: list[str] = []
    checks = [
        lambda: check_csp(probe, label),
        lambda: check_colour_mode(probe, label, theme),
        lambda: check_no_sideways_scroll(probe, label),
        lambda: check_no_blank_tail(probe, label),
        # Before axe, which may scroll elements into view while it checks their contrast.
        lambda: check_visual(
            probe, baseline, combination, update=update, baselines=baselines, update_help=UPDATE_HELP
        ),
    ]
    for check in checks:
        try:
            check()
        except HarnessFailure as failure:
            failures.append(str(failure))
    return failures


def start_axe(probe: PageProbe, theme: str) -> None:
    """Start axe-core in the page without waiting: it runs in the page's renderer process while the
    harness loads the same page in the next combination's context (the other CPU core)."""
    load_axe(probe.page)
    options = axe_options(COLOUR_RULES if theme == "dark" else None)
    probe.page.evaluate(
        "(options) => { window.__cabPagesAxe = window.axe.run(document, options).then((r) => r.violations); }",
        options,
    )


def finish_axe(probe: PageProbe, label: str) -> list[str]:
    """The failures of the axe run :func:`start_axe` started (waits for it)."""
    try:
        check_axe(probe, label, violations=probe.page.evaluate("window.__cabPagesAxe"))
    except HarnessFailure as failure:
        return [str(failure)]
    return []
