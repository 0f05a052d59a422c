"""Outline buttons on a real cabinet page: the colours Chromium paints reach WCAG contrast.

A page of ``cabinet/base.html`` (the shell's bundle, theme link and colour mode)
with every outline variant the cabinet maps (``bootstrap_map.OUTLINE_BUTTONS``)
on the page background, in the default and each example theme, light and dark.
For each button the computed text colour must reach 4.5:1 and the border 3:1
against what is painted behind the button (its ancestors' backgrounds composited
down to the canvas), at rest, under the pointer and pressed. Bootstrap's own
``btn-outline-secondary`` (``#6c757d``) reached only 4.37:1 on the page.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.http import HttpRequest, HttpResponse
from django.template import engines
from django.test import override_settings
from django.urls import include, path
from playwright.sync_api import Browser, Page

from codex_django.cabinet.theme import example_names, example_path
from codex_django.cabinet.theme.bootstrap_map import OUTLINE_BUTTONS
from codex_django.cabinet.theme.colour import composite, contrast_ratio, normalise_hex
from codex_django.cabinet.theme.contrast import CANVAS
from tests.urls import urlpatterns as suite_patterns

PAGE = """{% extends "cabinet/base.html" %}
{% block content %}
<p>{% for variant in variants %}
<button type="button" class="btn btn-sm btn-outline-{{ variant }}" id="outline-{{ variant }}">{{ variant }}</button>
{% endfor %}</p>
{% endblock %}"""


def outline_page(request: HttpRequest) -> HttpResponse:
    context = {"variants": list(OUTLINE_BUTTONS)}
    return HttpResponse(engines["django"].from_string(PAGE).render(context, request))


# The theme routes first: where the suite's URLconf also has a "cabinet" namespace, the first one wins.
urlpatterns = [
    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
    *suite_patterns,
    path("outline-probe/", outline_page),
]

pytestmark = pytest.mark.urls(__name__)

# Every background from the element up to <html>, as computed.
BACKGROUNDS = """el => {
  const layers = [];
  for (let node = el; node; node = node.parentElement) layers.push(getComputedStyle(node).backgroundColor);
  return layers;
}"""


@pytest.fixture
def page(storybook_browser: Browser) -> Iterator[Page]:
    context = storybook_browser.new_context(
        viewport={"width": 1000, "height": 600}, device_scale_factor=1, reduced_motion="reduce"
    )
    yield context.new_page()
    context.close()


def shown(ratio: float) -> float:
    """Cut, not rounded, to two decimals, as contrast checkers show it (4.379 is 4.37)."""
    return int(ratio * 100) / 100


def painted_behind(page: Page, selector: str, mode: str) -> str:
    """The opaque colour behind the element ``selector``: its ancestors' backgrounds over the canvas."""
    layers = page.eval_on_selector(selector, BACKGROUNDS)[1:]  # the button's own fill is not behind it
    colour = CANVAS[mode]
    for layer in reversed(layers):
        colour = composite(normalise_hex(layer), colour)
    return colour


def painted(page: Page, selector: str, mode: str) -> tuple[str, str, str]:
    """(text, border, fill) of ``selector`` as painted: each composited over what lies behind it."""
    behind = painted_behind(page, selector, mode)
    computed = page.eval_on_selector(
        selector,
        "el => { const s = getComputedStyle(el); return [s.color, s.borderTopColor, s.backgroundColor]; }",
    )
    fill = composite(normalise_hex(computed[2]), behind)
    return composite(normalise_hex(computed[0]), fill), composite(normalise_hex(computed[1]), behind), fill


@pytest.mark.parametrize("theme", ["default", *example_names()])
@pytest.mark.parametrize("mode", ["light", "dark"])
def test_outline_buttons_reach_contrast_on_the_page(
    live_server: Any, page: Page, theme: str, mode: str
) -> None:
    page.context.add_cookies([{"name": "cabinet_color_mode", "value": mode, "url": live_server.url}])
    setting = {} if theme == "default" else {"THEME": example_path(theme)}
    with override_settings(CODEX_CABINET=setting):
        page.goto(f"{live_server.url}/outline-probe/")
    assert page.locator("html").get_attribute("data-bs-theme") == mode
    short: list[str] = []
    for variant in OUTLINE_BUTTONS:
        selector = f"#outline-{variant}"
        behind = painted_behind(page, selector, mode)
        page.mouse.move(0, 0)
        for state in ("rest", "hover", "active"):
            if state == "hover":
                page.hover(selector)
            if state == "active":
                page.mouse.down()
            text, border, fill = painted(page, selector, mode)
            if state == "active":
                page.mouse.up()
            if state == "rest":
                assert fill == behind, variant  # transparent: the text sits on the page itself
            text_ratio, border_ratio = contrast_ratio(text, fill), contrast_ratio(border, behind)
            if shown(text_ratio) < 4.5:
                short.append(f"{variant} {state}: text {text} on {fill} is {shown(text_ratio)}:1")
            if shown(border_ratio) < 3:
                short.append(f"{variant} {state}: border {border} on {behind} is {shown(border_ratio)}:1")
    assert short == [], f"{theme} {mode}"
