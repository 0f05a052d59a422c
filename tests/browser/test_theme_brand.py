"""Changing the brand token alone re-colours every brand-coloured thing, in both modes.

A real cabinet page (``cabinet/base.html``, so the theme stylesheet link and the
colour-mode attributes are the shell's own) with Bootstrap's brand-bearing
components (primary and outline buttons, pills, pagination, a dropdown's active
item, a checked checkbox, a primary badge, a link) and the ``data_table``
component (its active filter), under ``CODEX_CABINET["THEME"] = {"brand": ...}``.
The computed colours in Chromium must be the new brand (or the companions
derived from it), and the keyboard focus ring its derived colour. A screenshot
of the page in both modes is written to ``test-results/`` for a human look.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import include, path
from playwright.sync_api import Browser, Page

from codex_django.cabinet.components.data_table.stories import STORIES as TABLE_STORIES
from codex_django.cabinet.theme import DEFAULT_THEME, apply_overrides
from codex_django.cabinet.theme.colour import rgb
from tests.urls import urlpatterns as suite_patterns

BRAND = "#0f766e"
THEME = apply_overrides(DEFAULT_THEME, {"brand": BRAND})
RESULTS = Path(__file__).resolve().parents[2] / "test-results"

PAGE = """{% extends "cabinet/base.html" %}
{% block content %}
<button type="button" class="btn btn-primary" id="primary">Save</button>
<button type="button" class="btn btn-outline-primary" id="outline">Cancel</button>
<ul class="nav nav-pills"><li class="nav-item"><a class="nav-link active" id="pill" href="#">Active</a></li>
<li class="nav-item"><a class="nav-link" href="#">Other</a></li></ul>
<nav aria-label="Pages"><ul class="pagination"><li class="page-item active"><a class="page-link" id="page" href="#">1</a></li>
<li class="page-item"><a class="page-link" href="#">2</a></li></ul></nav>
<div class="dropdown-menu show position-static" id="menu"><a class="dropdown-item active" id="menu-active" href="#">Chosen</a></div>
<div class="form-check"><input class="form-check-input" type="checkbox" id="check" checked><label class="form-check-label" for="check">On</label></div>
<span class="badge text-bg-primary" id="badge">New</span>
<a href="#" id="link">A link</a>
{% component "data_table" table=table label=label / %}
{% endblock %}"""


def themed_page(request: HttpRequest) -> HttpResponse:
    context = {**TABLE_STORIES[0].resolve_kwargs()}
    return HttpResponse(engines["django"].from_string(PAGE).render(context, request))


# The theme routes first: where the suite's URLconf also has a "cabinet" namespace, the first one wins.
urlpatterns = [
    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
    *suite_patterns,
    path("theme-probe/", themed_page),
]

pytestmark = pytest.mark.urls(__name__)


def css_rgb(hex_value: str) -> str:
    return "rgb({}, {}, {})".format(*rgb(hex_value))


@pytest.fixture
def page(storybook_browser: Browser) -> Iterator[Page]:
    context = storybook_browser.new_context(viewport={"width": 1000, "height": 900}, device_scale_factor=1)
    yield context.new_page()
    context.close()


def style(page: Page, selector: str, prop: str, pseudo: str | None = None) -> str:
    return str(
        page.eval_on_selector(
            selector, "(el, [p, s]) => getComputedStyle(el, s).getPropertyValue(p)", [prop, pseudo]
        )
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_the_brand_token_alone_recolours_components(live_server: Any, page: Page, mode: str) -> None:
    colours = THEME.mode(mode)
    page.context.add_cookies([{"name": "cabinet_color_mode", "value": mode, "url": live_server.url}])
    with override_settings(CODEX_CABINET={"THEME": {"brand": BRAND}}):
        page.goto(f"{live_server.url}/theme-probe/")
        page.wait_for_load_state("networkidle")
        assert page.locator("html").get_attribute("data-bs-theme") == mode
        assert page.locator('link[href*="/cabinet/theme/"]').count() == 1

        brand = css_rgb(BRAND)
        assert style(page, "#primary", "background-color") == brand
        assert style(page, "#primary", "color") == css_rgb(colours.on_brand)
        assert style(page, "#outline", "border-color") == brand
        assert style(page, "#outline", "color") == css_rgb(colours.brand_text)
        assert style(page, "#pill", "background-color") == brand
        assert style(page, "#page", "background-color") == brand
        assert style(page, "#menu-active", "background-color") == brand
        assert style(page, "#check", "background-color") == brand
        assert style(page, "#badge", "background-color") == brand
        assert style(page, "#link", "color") == css_rgb(colours.brand_text)
        pressed = '.cab-data-table__filter[aria-pressed="true"]'
        assert style(page, pressed, "border-color") == brand
        assert style(page, pressed, "background-color") == css_rgb(colours.brand_subtle)

        page.locator("#primary").focus()
        page.keyboard.press("Tab")  # keyboard focus -> :focus-visible on the outline button
        page.keyboard.press("Shift+Tab")
        assert style(page, "#primary", "outline-color") == css_rgb(colours.focus_ring_color)

        RESULTS.mkdir(exist_ok=True)
        page.screenshot(path=str(RESULTS / f"theme-brand-{mode}.png"), full_page=True)
