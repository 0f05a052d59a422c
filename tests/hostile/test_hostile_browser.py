"""The hostile pass in Chromium: every server render, many per page load, under the strict CSP.

Per component, the renders of the server pass (``test_hostile_server.py``)
are loaded on as few pages as possible (``views.py``), each checked once it
says it has settled (``<html data-story-ready="true">``, set by ``ready.js``
as a storybook preview sets it: no fixed sleep, no "networkidle"). Nothing may fire:

* the canary ``window.__cabCanary(<id>)`` (defined by an init script, which the
  page's CSP does not govern, and reported straight to Python) - a payload's script ran;
* a dialog (``alert(<id>)`` from the Alpine payloads);
* a ``securitypolicyviolation`` - the CSP had to block an injected handler,
  script or style;
* a console error or an uncaught error;
* a request to ``/__cab_hx/<id>`` or to another host - an injected
  ``hx-get``, ``<meta refresh>``, ``@import`` or ``//evil`` link;
* after load, the DOM (as Chromium parsed it) holds an ``on*`` attribute, an
  inline ``<script>`` or an ``<iframe>/<object>/<embed>/<meta>/<base>/<link>/<style>``
  inside a render.

Each failure names the story, the field and the payload (from the id), or
the render's story and payload when only the render is known.
"""

from __future__ import annotations

import fnmatch
import json
import re
import time
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import pytest

from codex_django.storybook.discovery import get_collection

from .hostile_pass import PassResult, Render, discovered_pass
from .html_checks import MARKER
from .known_findings import KNOWN_FINDINGS, known_for
from .payloads import CANARY_PATH, ID_BASE
from .summary import SUMMARY
from .views import BATCHES

pytestmark = pytest.mark.browser

MAX_PAGE_CHARS = 3_000_000
MAX_PAGE_RENDERS = 400
# How long a batch page may take to load and settle (ready.js sets <html data-story-ready>).
# Generous: it is a bound for a page that never settles, not a wait; a loaded machine only
# makes the wait longer.
READY_TIMEOUT_MS = 180_000
NAVIGATED_AWAY = '<!doctype html><html data-story-ready="true"><title>Navigated away</title></html>'

INIT_SCRIPT = """
const cabReport = (item) => { try { window.__cabReport(JSON.stringify(item)); } catch (error) {} };
window.__cabCanary = (id) => cabReport({kind: "canary", id: String(id), render: "", text: "canary " + id});
document.addEventListener("securitypolicyviolation", (event) => {
  const target = event.target && event.target.closest ? event.target.closest("[data-hostile-render]") : null;
  cabReport({
    kind: "csp",
    id: "",
    render: target ? target.dataset.hostileRender : "",
    text: event.violatedDirective + " blocked " + (event.blockedURI || "inline") + " " + (event.sample || "")
      + " at " + (event.target && event.target.outerHTML ? event.target.outerHTML.slice(0, 300) : ""),
  });
}, true);
"""

DOM_CHECK = """
() => {
  const found = [];
  const forbidden = "script:not([src]):not([type='application/json']), iframe, object, embed, meta, base, link, style, frame";
  for (const section of document.querySelectorAll("[data-hostile-render]")) {
    const render = section.dataset.hostileRender;
    for (const element of section.querySelectorAll(forbidden)) {
      found.push({render, text: "an injected <" + element.localName + "> in the DOM: " + element.outerHTML.slice(0, 160)});
    }
    for (const element of section.querySelectorAll("*")) {
      for (const attribute of element.attributes) {
        if (attribute.name.startsWith("on")) {
          found.push({render, text: "an event-handler attribute in the DOM: <" + element.localName + " "
            + attribute.name + "=" + JSON.stringify(attribute.value.slice(0, 100)) + ">"});
        }
      }
    }
  }
  return found;
}
"""

COMPONENTS = sorted(get_collection().by_component())
KNOWN = [pattern for pattern, _reason in KNOWN_FINDINGS]


@pytest.fixture(autouse=True)
def _hostile_urls(settings: Any) -> None:
    settings.ROOT_URLCONF = "tests.hostile.urls"


def pages_of(renders: list[tuple[int, Render]]) -> Iterator[list[tuple[int, Render]]]:
    """Renders grouped into pages of at most :data:`MAX_PAGE_CHARS` / :data:`MAX_PAGE_RENDERS`."""
    page: list[tuple[int, Render]] = []
    size = 0
    for item in renders:
        length = len(item[1].html)
        if page and (size + length > MAX_PAGE_CHARS or len(page) >= MAX_PAGE_RENDERS):
            yield page
            page, size = [], 0
        page.append(item)
        size += length
    if page:
        yield page


class Events:
    """Everything that fired while a page was open."""

    def __init__(self, base: str) -> None:
        self.base = urlsplit(base).netloc
        self.fired: list[dict[str, str]] = []

    def on_report(self, text: str) -> None:
        """What the init script reports (canary calls, CSP violations), as soon as it happens."""
        self.fired.append(json.loads(text))

    def on_dialog(self, dialog: Any) -> None:
        self.fired.append(
            {"kind": "dialog", "id": dialog.message.strip(), "render": "", "text": dialog.message}
        )
        dialog.dismiss()

    def on_console(self, message: Any) -> None:
        if message.type == "error":
            self.fired.append({"kind": "console", "id": "", "render": "", "text": message.text})

    def on_page_error(self, error: Any) -> None:
        self.fired.append({"kind": "pageerror", "id": "", "render": "", "text": str(error)})

    def route(self, route: Any) -> None:
        url = route.request.url
        parts = urlsplit(url)
        if parts.path.startswith(CANARY_PATH) or parts.netloc != self.base:
            identifier = (
                parts.path.removeprefix(CANARY_PATH).strip("/") if parts.path.startswith(CANARY_PATH) else ""
            )
            self.fired.append(
                {"kind": "request", "id": identifier, "render": "", "text": f"a request to {url}"}
            )
        if route.request.is_navigation_request() and route.request.frame.parent_frame is None:
            # The page was navigated away (an injected <meta refresh>, recorded above): the new,
            # empty document is settled at once, so the wait for the ready signal ends.
            route.fulfill(status=200, body=NAVIGATED_AWAY, content_type="text/html")
            return
        # Everything else (a story's own lazy URL, an avatar image) answers empty: no 404 noise.
        route.fulfill(status=200, body="", content_type="text/html")


def describe(
    result: PassResult, renders: dict[int, Render], event: dict[str, str], component: str
) -> list[tuple[str, str, str, str]]:
    """(story, field, payload, message) for an event, from its id or its render."""
    message = f"[browser {event['kind']}] {event.get('text', '')[:200]}"
    identifier = event.get("id", "")
    if identifier.isdigit() and int(identifier) - ID_BASE in result.variants:
        variant = result.variants[int(identifier) - ID_BASE]
        return [(variant.story_id, variant.leaf.label, variant.payload.name, message)]
    render_number = event.get("render", "")
    if render_number.isdigit() and int(render_number) in renders:
        render = renders[int(render_number)]
        for variant in render.variants:
            if str(ID_BASE + variant.number) in event.get("text", ""):
                return [(variant.story_id, variant.leaf.label, variant.payload.name, message)]
        return [(render.story_id, "(one of the render's fields)", render.payload.name, message)]
    for match in MARKER.finditer(event.get("text", "")):
        number = int(match.group(0)) - ID_BASE
        if number in result.variants:
            variant = result.variants[number]
            return [(variant.story_id, variant.leaf.label, variant.payload.name, message)]
    return [(f"{component}--(page)", "(unknown field)", "(unknown payload)", message)]


def wait_until_ready(page: Any, key: str) -> None:
    """Wait for the batch page's ``<html data-story-ready="true">`` (loaded, Alpine and htmx settled)."""
    page.wait_for_selector("html[data-story-ready]", state="attached", timeout=READY_TIMEOUT_MS)
    state = page.evaluate("document.documentElement.dataset.storyReady")
    assert state == "true", f"{key}: the batch page did not settle (data-story-ready={state!r})"


def run_component(
    component: str, live_server: Any, browser: Any, result: PassResult | None = None
) -> list[tuple[str, str, str, str]]:
    """Load every render of ``component`` in Chromium; (story, field, payload, message) of what fired."""
    result = result or discovered_pass()
    numbered = [
        (number, render) for number, render in enumerate(result.renders) if render.component == component
    ]
    renders = dict(numbered)
    started = time.perf_counter()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    events = Events(live_server.url)
    # Reported straight to Python: a payload that navigates away cannot wipe the record.
    context.expose_function("__cabReport", events.on_report)
    context.add_init_script(INIT_SCRIPT)
    # Only what is not the page or its bundle goes through Python (static files load untouched).
    served = re.escape(live_server.url) + r"/(static/|hostile/batch/[\w.-]+/?$)"
    context.route(re.compile(rf"^(?!{served})"), events.route)
    page = context.new_page()
    page.on("dialog", events.on_dialog)
    page.on("console", events.on_console)
    page.on("pageerror", events.on_page_error)
    failures: list[tuple[str, str, str, str]] = []
    try:
        for index, batch in enumerate(pages_of(numbered)):
            key = f"{component}-{index}"
            BATCHES[key] = [(number, render.html) for number, render in batch]
            response = page.goto(
                f"{live_server.url}/hostile/batch/{key}/", wait_until="commit", timeout=READY_TIMEOUT_MS
            )
            assert response is not None and response.status == 200, (
                f"{key}: HTTP {response and response.status}"
            )
            assert "script-src 'self'" in (response.headers.get("content-security-policy") or "")
            wait_until_ready(page, key)
            fired = list(events.fired)
            fired += [dict(item, kind="dom", id="") for item in page.evaluate(DOM_CHECK)]
            events.fired = []
            for event in fired:
                failures.extend(describe(result, renders, event, component))
            BATCHES.pop(key, None)
            SUMMARY.browser_pages += 1
            SUMMARY.browser_renders += len(batch)
    finally:
        context.close()
        SUMMARY.browser_seconds += time.perf_counter() - started
    return failures


@pytest.mark.parametrize("component", COMPONENTS)
def test_component_renders_are_inert_in_chromium(
    component: str, live_server: Any, hostile_browser: Any
) -> None:
    if not any(render.component == component for render in discovered_pass().renders):
        pytest.skip(f"{component}: no story has a string field")
    failures = run_component(component, live_server, hostile_browser)
    lines = sorted(
        {
            f"story {story!r}, field {field!r}, payload {payload!r}: {message}"
            for story, field, payload, message in failures
            if not _known(KNOWN, story, field, payload, message)
        }
    )
    assert not lines, f"{len(lines)} events fired in Chromium:\n" + "\n".join(lines[:60])


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [pytest.param(pattern, reason, id="/".join(pattern)) for pattern, reason in known_for("browser")],
)
@pytest.mark.xfail(strict=True, reason="a known hostile-input finding (see known_findings.py)")
def test_known_browser_finding_is_still_there(
    pattern: tuple[str, str, str, str],
    reason: str,
    hostile_result: Any,
    live_server: Any,
    hostile_browser: Any,
) -> None:
    component = pattern[0].split("--")[0]
    failures = run_component(component, live_server, hostile_browser)
    matching = [item for item in failures if _known([pattern], *item)]
    assert not matching, f"{reason}: {matching[:5]}"


def _known(
    patterns: list[tuple[str, str, str, str]], story: str, field: str, payload: str, message: str
) -> bool:
    check = "browser-" + message.removeprefix("[browser ").split("]")[0]
    if "is not a valid selector" in message:
        check += "-selector"
    return any(
        all(
            fnmatch.fnmatchcase(have, want)
            for want, have in zip(pattern, (story, field, payload, check), strict=True)
        )
        for pattern in patterns
    )


def test_hostile_batch_page_is_served_with_the_strict_csp(client: Any, settings: Any) -> None:
    BATCHES["probe"] = [(0, "<p>probe</p>")]
    try:
        response = client.get("/hostile/batch/probe/")
    finally:
        BATCHES.pop("probe", None)
    assert response.status_code == 200
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert b'<section data-hostile-render="0"><p>probe</p></section>' in response.content
    assert client.get("/hostile/batch/missing/").status_code == 404
