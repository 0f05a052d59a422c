"""The ``color_mode_switch`` component: three labelled radios, the remembered choice, three syntaxes."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings
from django.urls import include, path

from codex_django.cabinet.theme.color_mode import COLOR_MODE_COOKIE
from tests.urls import urlpatterns as suite_patterns

# The theme routes first: where the suite's URLconf also has a "cabinet" namespace, the first one wins.
urlpatterns = [
    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
    *suite_patterns,
]

DJC_ID = re.compile(r' data-djc-id-\w+=""')
RADIO = re.compile(r'<input class="cab-color-mode__input" type="radio" name="mode" value="(\w+)"( checked)?')


def render(source: str, cookie: str | None = None, **context: object) -> str:
    request = RequestFactory().get("/cabinet/page/?q=1")
    if cookie:
        request.COOKIES[COLOR_MODE_COOKIE] = cookie
    html = engines["django"].from_string(source).render({"request": request, **context}, request)
    return DJC_ID.sub("", html).strip()


def checked(html: str) -> list[str]:
    return [value for value, mark in RADIO.findall(html) if mark]


def test_three_labelled_options_in_a_fieldset() -> None:
    html = render('{% component "color_mode_switch" / %}')
    assert [value for value, _ in RADIO.findall(html)] == ["light", "dark", "system"]
    assert '<legend class="visually-hidden">Colour mode</legend>' in html
    for label in ("Light", "Dark", "Follow the system"):
        assert f'title="{label}"' in html
        assert f'<span class="visually-hidden">{label}</span>' in html
    assert 'x-data="cabColorMode"' in html
    assert "style=" not in html and "<script" not in html


def test_the_remembered_choice_is_checked() -> None:
    # No choice yet: the switch shows the default, following the system.
    assert checked(render('{% component "color_mode_switch" / %}')) == ["system"]
    assert checked(render('{% component "color_mode_switch" / %}', cookie="light")) == ["light"]
    assert checked(render('{% component "color_mode_switch" / %}', cookie="system")) == ["system"]
    assert checked(render('{% component "color_mode_switch" mode="dark" / %}', cookie="system")) == ["dark"]


def test_refuses_an_unknown_mode() -> None:
    with pytest.raises(Exception, match="mode"):
        render('{% component "color_mode_switch" mode="sepia" / %}')


def test_without_the_route_there_is_no_form_target_or_submit_button() -> None:
    unrouted = ModuleType("unrouted_urls")
    unrouted.urlpatterns = [  # type: ignore[attr-defined]
        pattern for pattern in suite_patterns if getattr(pattern, "namespace", None) != "cabinet"
    ]
    with override_settings(ROOT_URLCONF=unrouted):
        html = render('{% component "color_mode_switch" / %}')
    assert "action=" not in html
    assert 'type="submit"' not in html


@pytest.mark.urls(__name__)
def test_with_the_route_the_form_works_without_javascript() -> None:
    html = render('{% component "color_mode_switch" / %}', cookie="dark")
    assert 'action="/cabinet/theme/color-mode/"' in html
    assert re.search(r'<input type="hidden" name="next" value="/cabinet/page/\?q=1"/?>', html)
    assert 'x-bind="submit">Apply</button>' in html


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    """A template folder the real loaders (cotton's included) read test pages from."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def test_three_call_syntaxes_render_the_same_html(pages: Path) -> None:
    sources = {
        "tag.html": '{% component "color_mode_switch" mode="system" / %}',
        "cotton.html": '<c-cabinet.color-mode-switch mode="system" />',
        "include.html": '{% include "cabinet/components/color_mode_switch.html" with mode="system" %}',
    }
    rendered = {}
    for name, source in sources.items():
        (pages / name).write_text(source, encoding="utf-8")
        rendered[name] = DJC_ID.sub("", render_to_string(name, {})).strip()
    assert checked(rendered["tag.html"]) == ["system"]
    assert rendered["cotton.html"] == rendered["tag.html"]
    assert rendered["include.html"] == rendered["tag.html"]
