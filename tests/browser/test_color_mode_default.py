"""The colour mode follows the browser's prefers-color-scheme until the user picks one.

A page of ``cabinet/base.html`` with the colour-mode switch, opened in Chromium
with ``color_scheme="dark"`` and no cookie: it renders dark (the blocking
``color-mode.js`` resolves "system" before the first paint) and the switch shows
"Follow the system". After the user picks light, the page stays light on reload
although the system is still dark.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.urls import include, path
from playwright.sync_api import Browser, Page, expect

from codex_django.cabinet.theme import DEFAULT_THEME
from codex_django.cabinet.theme.colour import rgb
from tests.urls import urlpatterns as suite_patterns

PAGE = """{% extends "cabinet/base.html" %}
{% block content %}<p>Settings</p>{% component "color_mode_switch" / %}{% endblock %}"""


def switch_page(request: HttpRequest) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(PAGE).render({}, request))


# The theme routes first: where the suite's URLconf also has a "cabinet" namespace, the first one wins.
urlpatterns = [
    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
    *suite_patterns,
    path("mode-probe/", switch_page),
]

pytestmark = pytest.mark.urls(__name__)


@pytest.fixture
def dark_system(storybook_browser: Browser) -> Iterator[Page]:
    context = storybook_browser.new_context(
        viewport={"width": 800, "height": 500}, device_scale_factor=1, color_scheme="dark"
    )
    yield context.new_page()
    context.close()


def open_switch(page: Page, url: str) -> None:
    page.goto(url)
    # Alpine has started when the switch's no-JavaScript submit button is hidden.
    expect(page.locator(".cab-color-mode__submit")).to_be_hidden()


def body_background(page: Page) -> str:
    return str(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def test_without_a_choice_the_page_follows_the_system_and_a_pick_sticks(
    live_server: Any, dark_system: Page
) -> None:
    page, url = dark_system, f"{live_server.url}/mode-probe/"
    assert page.context.cookies() == []
    open_switch(page, url)
    html = page.locator("html")
    expect(html).to_have_attribute("data-cab-color-mode", "system")
    expect(html).to_have_attribute("data-bs-theme", "dark")
    assert body_background(page) == "rgb({}, {}, {})".format(*rgb(DEFAULT_THEME.dark.surface_app))
    expect(page.get_by_label("Follow the system")).to_be_checked()
    expect(page.get_by_label("Light")).not_to_be_checked()

    page.get_by_label("Light").check()
    expect(html).to_have_attribute("data-bs-theme", "light")
    open_switch(page, url)  # reload: the server renders the remembered choice
    expect(html).to_have_attribute("data-cab-color-mode", "light")
    expect(html).to_have_attribute("data-bs-theme", "light")
    assert body_background(page) == "rgb({}, {}, {})".format(*rgb(DEFAULT_THEME.light.surface_app))
    expect(page.get_by_label("Light")).to_be_checked()
    assert page.locator('script[src$="cabinet/color-mode.js"]').count() == 0
