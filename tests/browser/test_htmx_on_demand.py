"""htmx is loaded on demand: by pages that make requests, or when a modal opens.

``cabinet.js`` carries Alpine, the shell and the components; ``htmx.js`` comes only
when the page has an element with ``hx-get``/``-post``/... (``frontend/cabinet-start.js``)
or a script asks for it (``window.cabinetHtmx()``, the modal host). htmx 2 initialises
on ``DOMContentLoaded``, or at once when the document is "complete": arriving in
between, it would never start without ``frontend/htmx-before.js``; the last test
makes exactly that happen with an image held back until the test has looked.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import path
from playwright.sync_api import Browser, Page, expect

from tests.urls import urlpatterns as suite_patterns

from .harness import PageProbe, check_csp, wait_until

# A 1x1 transparent GIF.
GIF = bytes.fromhex("47494638396101000100800000000000ffffff21f90401000000002c00000000010001000002024401003b")

PLAIN = """{% extends "cabinet/base.html" %}{% block content %}<h1>Plain</h1>
{% if slow %}<img src="/htmx-probe/slow.gif" alt="" width="1" height="1">{% endif %}{% endblock %}"""
REQUESTS = """{% extends "cabinet/base.html" %}{% block content %}<h1>Requests</h1>
<div id="target" hx-get="/htmx-probe/fragment/" hx-trigger="load" hx-swap="innerHTML"></div>
<button type="button" id="more" hx-get="/htmx-probe/kpi/" hx-target="#more-target">More</button>
<div id="more-target"></div>{% endblock %}"""
KPI = """{% component "kpi" metric=metric / %}"""
# The slow image is answered once this is set: the document stays "interactive" until then.
RELEASE_SLOW_IMAGE = threading.Event()


def render(template: str, request: HttpRequest, **context: Any) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(template).render(context, request))


def plain(request: HttpRequest) -> HttpResponse:
    return render(PLAIN, request, slow="slow" in request.GET)


def with_requests(request: HttpRequest) -> HttpResponse:
    return render(REQUESTS, request)


def fragment(request: HttpRequest) -> HttpResponse:
    return HttpResponse('<p id="loaded">Loaded by htmx</p>')


def kpi_fragment(request: HttpRequest) -> HttpResponse:
    from codex_django.cabinet.types.widgets import MetricWidgetData

    return render(KPI, request, metric=MetricWidgetData(label="Arrived later", value="7"))


def slow_gif(request: HttpRequest) -> HttpResponse:
    # Keeps the document "interactive" after DOMContentLoaded until the test releases it
    # (bounded, so a failed test cannot hang the live server's thread).
    RELEASE_SLOW_IMAGE.wait(timeout=60)
    return HttpResponse(GIF, content_type="image/gif")


def no_icon(request: HttpRequest) -> HttpResponse:
    return HttpResponse(status=204)  # the browser asks for /favicon.ico: not a console error


urlpatterns = [
    *suite_patterns,
    path("favicon.ico", no_icon),
    path("htmx-probe/plain/", plain),
    path("htmx-probe/requests/", with_requests),
    path("htmx-probe/fragment/", fragment),
    path("htmx-probe/kpi/", kpi_fragment),
    path("htmx-probe/slow.gif", slow_gif),
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def probe(storybook_browser: Browser) -> Iterator[PageProbe]:
    context = storybook_browser.new_context(viewport={"width": 1000, "height": 700}, device_scale_factor=1)
    probe = PageProbe.open(context)
    yield probe
    context.close()


def htmx_requests(page: Page) -> list[str]:
    found: list[str] = []
    page.on(
        "request", lambda request: found.append(request.url) if request.url.endswith("/htmx.js") else None
    )
    return found


def test_htmx_loaded_by_a_script_has_started_with_the_pages_config(
    live_server: Any, probe: PageProbe
) -> None:
    """The modal host calls cabinetHtmx() and then htmx.ajax: htmx must be started and configured by then."""
    page = probe.page
    page.goto(f"{live_server.url}/htmx-probe/plain/")
    wait_until(page, "Boolean(window.Alpine)")
    config = page.evaluate(
        """() => window.cabinetHtmx().then((htmx) => [htmx.config.allowEval, htmx.config.allowScriptTags,
            htmx.config.selfRequestsOnly, document.documentElement.dataset.cabHtmx])"""
    )
    assert config == [False, False, True, "ready"]
    check_csp(probe, "plain page, htmx asked for")


def test_a_page_without_requests_never_loads_htmx(live_server: Any, probe: PageProbe) -> None:
    page = probe.page
    loads = htmx_requests(page)
    page.goto(f"{live_server.url}/htmx-probe/plain/")
    # "complete" comes after DOMContentLoaded, when cabinet-start.js decides about htmx, and
    # after any script that decision inserted: htmx.js would have been requested by then.
    wait_until(page, "Boolean(window.Alpine) && document.readyState === 'complete'")
    assert page.evaluate("typeof window.htmx") == "undefined"
    assert page.evaluate("document.documentElement.dataset.cabHtmx") is None
    assert loads == []
    check_csp(probe, "plain page")


def test_a_page_with_requests_loads_htmx_which_makes_them(live_server: Any, probe: PageProbe) -> None:
    page = probe.page
    loads = htmx_requests(page)
    page.goto(f"{live_server.url}/htmx-probe/requests/")
    expect(page.locator("#target #loaded")).to_have_text("Loaded by htmx")
    assert page.evaluate("document.documentElement.dataset.cabHtmx") == "ready"
    assert len(loads) == 1
    check_csp(probe, "page with requests")


def test_a_component_arriving_in_a_response_brings_its_stylesheet(live_server: Any, probe: PageProbe) -> None:
    """The page links only the CSS of what it rendered; shell.js links the rest before the swap."""
    page = probe.page
    page.goto(f"{live_server.url}/htmx-probe/requests/")
    expect(page.locator("#target #loaded")).to_be_visible()
    kpi_css = 'link[rel=stylesheet][href$="/cabinet/dist/components/kpi.css"]'
    assert page.locator(kpi_css).count() == 0
    page.locator("#more").click()
    expect(page.locator("#more-target .cab-kpi")).to_contain_text("Arrived later")
    assert page.locator(kpi_css).count() == 1
    wait_until(page, "getComputedStyle(document.querySelector('#more-target .cab-kpi')).display === 'grid'")
    page.locator("#more").click()  # the same component again: no second link
    expect(page.locator("#more-target .cab-kpi")).to_have_count(1)
    assert page.locator(kpi_css).count() == 1
    check_csp(probe, "fragment stylesheet")


def test_htmx_arriving_after_domcontentloaded_still_starts(live_server: Any, probe: PageProbe) -> None:
    RELEASE_SLOW_IMAGE.clear()
    try:
        check_htmx_starts_while_interactive(live_server, probe)
    finally:
        RELEASE_SLOW_IMAGE.set()
    wait_until(probe.page, "document.readyState === 'complete'")  # the image came once released


def check_htmx_starts_while_interactive(live_server: Any, probe: PageProbe) -> None:
    page = probe.page
    page.goto(f"{live_server.url}/htmx-probe/plain/?slow=1", wait_until="domcontentloaded")
    wait_until(page, "Boolean(window.cabinetDomContentLoaded)")
    assert page.evaluate("document.readyState") == "interactive"  # the image is still on its way
    started = page.evaluate(
        """() => new Promise((resolve) => {
            // htmx's start-up ends by triggering htmx:load on <body>.
            document.body.addEventListener("htmx:load", (event) => resolve(event.target === document.body));
            window.cabinetHtmx();
            setTimeout(() => resolve(false), 10000);
        })"""
    )
    assert started is True
    assert page.evaluate("document.readyState") == "interactive"  # it did not wait for "complete"
    # cabinetHtmx() resolves once htmx has started, with the page's strict-CSP config in force.
    config = page.evaluate(
        "window.cabinetHtmx().then((htmx) => [htmx.config.allowEval, htmx.config.allowScriptTags,"
        " document.documentElement.dataset.cabHtmx])"
    )
    assert config == [False, False, "ready"]
    assert page.evaluate("Object.prototype.hasOwnProperty.call(document, 'addEventListener')") is False
    check_csp(probe, "slow page")
