"""The browser harness: load a story, then check its pixels, its accessibility and its CSP.

The main loop (``test_stories.py``) and the tests proving the harness catches
problems (``test_harness_catches.py``) call the same functions, so a failure
message always starts with the story id.

Visual tolerance (documented in ``tests/browser/README.md``): pixelmatch with
``threshold=0.1`` (per-pixel YIQ colour distance; anti-aliased pixels are
ignored), and a comparison fails when more than ``MAX_DIFF_RATIO`` (0.01 %) of
the pixels differ, or when the sizes differ.

Accessibility: axe-core (pinned in package.json, copied to the storybook's
static ``dist/``, loaded into the page by :func:`run_axe`) with the WCAG 2.0/2.1/2.2 A and AA rule tags; any violation
of impact ``serious`` or ``critical`` fails.

CSP and errors: ``INIT_SCRIPT`` (an init script, which a page's CSP does not
govern) records every ``securitypolicyviolation`` event; console errors and
uncaught page errors are recorded by the page listeners in :class:`PageProbe`.
"""

from __future__ import annotations

import dataclasses
import io
import json
import os
import time
from pathlib import Path
from typing import Any

from django.templatetags.static import static
from PIL import Image, ImageChops
from pixelmatch.contrib.PIL import pixelmatch
from playwright.sync_api import BrowserContext, ConsoleMessage, Error, Page

from codex_django.storybook.fixed import FROZEN_NOW

ROOT = Path(__file__).resolve().parents[2]
BASELINES = Path(__file__).resolve().parent / "baselines"
RESULTS = ROOT / "test-results" / "visual"
AXE_SOURCE = ROOT / "storybook" / "static" / "storybook" / "dist" / "axe.min.js"

PIXEL_THRESHOLD = 0.1
MAX_DIFF_RATIO = 0.0001
READY_TIMEOUT_MS = 15_000
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_FAILING_IMPACTS = ("serious", "critical")
# The axe rules that depend on the colour theme (the markup is the same in both themes).
AXE_COLOUR_RULES = ["color-contrast", "link-in-text-block"]

INIT_SCRIPT = """
window.__cabCspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cabCspViolations.push({
    directive: event.violatedDirective,
    blocked: event.blockedURI,
    sample: event.sample,
    source: event.sourceFile ? event.sourceFile + ":" + event.lineNumber : "",
  });
}, true);
"""

UPDATE_HELP = "UPDATE_BASELINES=1 .venv/bin/pytest tests/browser/test_stories.py (or --update-baselines)"


class HarnessFailure(AssertionError):
    """A story failed a check; the message starts with the story id."""


@dataclasses.dataclass
class PageProbe:
    """One reusable page of a (theme, viewport) context, with its error listeners."""

    page: Page
    console_errors: list[str] = dataclasses.field(default_factory=list)

    @classmethod
    def open(cls, context: BrowserContext) -> PageProbe:
        context.add_init_script(INIT_SCRIPT)
        # Components that read the clock in the browser see the stories' frozen "now".
        context.clock.set_fixed_time(FROZEN_NOW)
        probe = cls(page=context.new_page())
        probe.page.on("console", probe._on_console)
        probe.page.on("pageerror", lambda error: probe.console_errors.append(f"uncaught error: {error}"))
        return probe

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location or {}
            where = location.get("url", "")
            self.console_errors.append(f"console error: {message.text}" + (f" ({where})" if where else ""))


def load_story(probe: PageProbe, url: str, story_id: str) -> None:
    """Open ``url`` and wait for ``<html data-story-ready="true">``; fail naming the story otherwise."""
    probe.console_errors.clear()
    try:
        response = probe.page.goto(url, wait_until="load")
    except Error as error:
        raise HarnessFailure(f"{story_id}: the preview did not load: {error}") from None
    if response is None or response.status != 200:
        status = response.status if response else "no response"
        raise HarnessFailure(f"{story_id}: the preview answered HTTP {status} ({url})")
    try:
        probe.page.wait_for_selector("html[data-story-ready]", state="attached", timeout=READY_TIMEOUT_MS)
    except Error:
        raise HarnessFailure(f"{story_id}: the preview never set data-story-ready ({url})") from None
    state = probe.page.evaluate("document.documentElement.dataset.storyReady")
    if state != "true":
        raise HarnessFailure(f"{story_id}: the preview did not settle (data-story-ready={state!r}): {url}")


def check_csp(probe: PageProbe, story_id: str) -> None:
    """No CSP violation, console error or uncaught error while the story loaded."""
    violations: list[dict[str, str]] = probe.page.evaluate("window.__cabCspViolations || []")
    problems = [
        f"CSP violation: {item['directive']} blocked {item['blocked'] or 'inline'}"
        + (f" at {item['source']}" if item["source"] else "")
        + (f" ({item['sample']!r})" if item["sample"] else "")
        for item in violations
    ]
    problems += probe.console_errors
    if problems:
        raise HarnessFailure(f"{story_id}: " + "; ".join(problems))


def _shown(path: Path) -> str:
    """A path relative to the repository when it is inside it."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


def baseline_name(story_id: str, combination: str) -> str:
    return f"{story_id}--{combination}.png"


def update_requested(config_value: bool = False) -> bool:
    return config_value or os.environ.get("UPDATE_BASELINES", "") not in ("", "0")


def check_visual(
    probe: PageProbe,
    story_id: str,
    combination: str,
    *,
    update: bool = False,
    baselines: Path = BASELINES,
    results: Path = RESULTS,
    update_help: str = UPDATE_HELP,
) -> None:
    """Compare a full-page screenshot with the committed baseline (or write it when ``update``)."""
    name = baseline_name(story_id, combination)
    expected_path = baselines / name
    shot = probe.page.screenshot(full_page=True, animations="disabled", caret="hide")
    if update:
        if not within_tolerance(expected_path, shot):  # a baseline is rewritten only when it changed
            baselines.mkdir(parents=True, exist_ok=True)
            expected_path.write_bytes(shot)
        return
    if expected_path.exists() and expected_path.read_bytes() == shot:
        return  # the usual case: byte-identical, nothing to decode
    results.mkdir(parents=True, exist_ok=True)
    actual_path = results / name.replace(".png", "-actual.png")
    actual_path.write_bytes(shot)
    if not expected_path.exists():
        raise HarnessFailure(
            f"{story_id} [{combination}]: no baseline {_shown(expected_path)}; "
            f"the screenshot is in {_shown(actual_path)}. Create baselines with: {update_help}"
        )
    actual = Image.open(io.BytesIO(shot)).convert("RGBA")
    expected = Image.open(expected_path).convert("RGBA")
    if actual.size != expected.size:
        raise HarnessFailure(
            f"{story_id} [{combination}]: screenshot size {actual.size} differs from the baseline "
            f"{expected.size}; actual image: {_shown(actual_path)}"
        )
    different, diff = compare_images(expected, actual)
    total = actual.size[0] * actual.size[1]
    if different > total * MAX_DIFF_RATIO:
        diff_path = results / name.replace(".png", "-diff.png")
        diff.save(diff_path)
        raise HarnessFailure(
            f"{story_id} [{combination}]: {different} of {total} pixels differ from the baseline "
            f"({different / total:.3%} > {MAX_DIFF_RATIO:.2%}); actual: {_shown(actual_path)}, "
            f"diff: {_shown(diff_path)}"
        )
    actual_path.unlink(missing_ok=True)  # a parallel run may have cleared the results folder


def within_tolerance(expected_path: Path, shot: bytes) -> bool:
    """Whether ``shot`` matches the baseline at ``expected_path`` as :func:`check_visual` would pass it."""
    if not expected_path.exists():
        return False
    if expected_path.read_bytes() == shot:
        return True
    actual = Image.open(io.BytesIO(shot)).convert("RGBA")
    expected = Image.open(expected_path).convert("RGBA")
    if actual.size != expected.size:
        return False
    different, _ = compare_images(expected, actual)
    return different <= actual.size[0] * actual.size[1] * MAX_DIFF_RATIO


def compare_images(expected: Image.Image, actual: Image.Image) -> tuple[int, Image.Image]:
    """Pixels that differ (pixelmatch) and a diff image: changes in red over a faded baseline.

    pixelmatch is pure Python, so it only runs on the bounding box of the
    changed pixels (plus a margin for its anti-aliasing check), found in C by Pillow.
    """
    faded = Image.blend(expected, Image.new("RGBA", expected.size, (255, 255, 255, 255)), 0.8)
    box = ImageChops.difference(expected, actual).convert("RGB").getbbox()  # RGB: RGBA boxes only alpha
    if box is None:
        return 0, faded
    margin = 3
    left, top = max(box[0] - margin, 0), max(box[1] - margin, 0)
    right, bottom = min(box[2] + margin, expected.width), min(box[3] + margin, expected.height)
    region = (left, top, right, bottom)
    patch = Image.new("RGBA", (right - left, bottom - top))
    different = pixelmatch(
        expected.crop(region), actual.crop(region), patch, threshold=PIXEL_THRESHOLD, includeAA=False
    )
    faded.paste(patch, (left, top))
    return different, faded


def run_axe(page: Page, rules: list[str] | None = None) -> list[dict[str, Any]]:
    """axe-core's violations for the page (only ``rules`` when given, else every rule of :data:`AXE_TAGS`).

    The page's CSP forbids inline scripts, so axe comes in as the storybook's
    static ``axe.min.js`` (``<script src>`` from the page's own origin, allowed
    by ``script-src 'self'``; four times faster than ``evaluate`` of its source,
    the browser caches it). Pages without the static file get the source through ``evaluate``.
    """
    load_axe(page)
    options = axe_options(rules)
    results: dict[str, Any] = page.evaluate("(options) => window.axe.run(document, options)", options)
    return list(results["violations"])


def load_axe(page: Page) -> None:
    """Put axe-core into the page once (see :func:`run_axe`)."""
    if not page.evaluate("Boolean(window.axe)"):
        try:
            page.add_script_tag(url=static("storybook/dist/axe.min.js"))
        except Error:
            page.evaluate(AXE_SOURCE.read_text(encoding="utf-8"))


def axe_options(rules: list[str] | None = None) -> dict[str, Any]:
    """``axe.run`` options: only ``rules`` when given, else every rule of :data:`AXE_TAGS`; violations only."""
    only = {"type": "rule", "values": rules} if rules else {"type": "tag", "values": AXE_TAGS}
    return {"runOnly": only, "resultTypes": ["violations"]}


def check_axe(
    probe: PageProbe,
    story_id: str,
    rules: list[str] | None = None,
    violations: list[dict[str, Any]] | None = None,
) -> None:
    """No serious or critical axe-core violation (of ``rules`` only; of ``violations`` when already run)."""
    found = run_axe(probe.page, rules) if violations is None else violations
    failing = [item for item in found if item.get("impact") in AXE_FAILING_IMPACTS]
    if failing:
        details = [
            f"{item['impact']} {item['id']} ({item['help']}) at "
            + ", ".join(
                " ".join(node["target"]) if isinstance(node["target"], list) else json.dumps(node["target"])
                for node in item["nodes"][:5]
            )
            for item in failing
        ]
        raise HarnessFailure(f"{story_id}: accessibility violations: " + "; ".join(details))


def switch_to_dark(page: Page) -> None:
    """Switch a loaded light preview to the dark theme in place, as the toolbar does.

    The themes differ only in CSS custom properties under ``[data-bs-theme]``,
    so this gives the same pixels as loading the story with ``?theme=dark``
    (``test_dark_switch_matches_a_dark_load`` checks that against baselines).
    """
    page.evaluate("document.documentElement.setAttribute('data-bs-theme', 'dark')")
    page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def check_dark_contrast(probe: PageProbe, story_id: str) -> None:
    """The colour rules of axe on the story switched to dark, for stories with no dark load of their own."""
    switch_to_dark(probe.page)
    try:
        check_axe(probe, story_id, rules=AXE_COLOUR_RULES)
    except HarnessFailure as failure:
        raise HarnessFailure(
            str(failure).replace(": accessibility violations:", ": in the dark theme:", 1)
        ) from None


def check_story(
    probe: PageProbe,
    url: str,
    story_id: str,
    combination: str,
    *,
    update: bool = False,
    axe: bool = True,
    dark_contrast: bool = False,
    baselines: Path = BASELINES,
    results: Path = RESULTS,
) -> None:
    """All checks from one page load; every failure is reported, each naming the story.

    ``dark_contrast`` then switches the page to dark and checks its contrast too
    (:func:`check_dark_contrast`), after every light check.
    """
    load_story(probe, url, story_id)
    failures: list[str] = []
    checks = [
        lambda: check_csp(probe, story_id),
        lambda: check_visual(
            probe, story_id, combination, update=update, baselines=baselines, results=results
        ),
    ]
    if axe:
        checks.append(lambda: check_axe(probe, story_id))
    if dark_contrast:
        checks.append(lambda: check_dark_contrast(probe, story_id))
    for check in checks:
        try:
            check()
        except HarnessFailure as failure:
            failures.append(str(failure))
    if failures:
        raise HarnessFailure("\n".join(failures))


def assert_collection_clean(errors: list[Any] | tuple[Any, ...]) -> None:
    """Fail with every broken story's message (each starts with ``Story '<id>'``)."""
    if errors:
        raise HarnessFailure("Broken stories:\n" + "\n".join(str(error) for error in errors))


def wait_until(page: Page, expression: str, timeout: float = 5.0) -> None:
    """Poll ``expression`` with ``evaluate`` (``wait_for_function`` may need eval, which the page's CSP forbids)."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for: {expression}")
        page.wait_for_timeout(30)
