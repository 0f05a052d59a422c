"""The django-components extension that drops django-components' loader from pages that don't need it."""

from __future__ import annotations

from typing import Any

from django.template import engines
from django.test import override_settings
from django_components import OnDependenciesContext, Script, Style

from codex_django.cabinet.conf.checks import check_djc_extension
from codex_django.cabinet.rendering.djc_extension import PATH, CabinetExtension, installed

LOADER = Script(kind="core", url="/static/django_components/django_components.min.js", content=None)
STYLE = Style(kind="extra", url="/static/cabinet/dist/components/kpi.css", content=None)


def on_dependencies(scripts: list[Any]) -> Any:
    return CabinetExtension().on_dependencies(OnDependenciesContext(scripts=scripts, styles=[STYLE]))


def test_the_loader_goes_when_no_component_has_js_of_its_own() -> None:
    assert on_dependencies([LOADER]) == ([], [STYLE])


def test_the_loader_stays_for_a_component_with_its_own_js() -> None:
    own = Script(kind="component", url=None, content="console.log(1)")
    assert on_dependencies([LOADER, own]) is None  # django-components' own handling, untouched


def test_a_cabinet_page_has_no_loader_and_links_the_components_css() -> None:
    from codex_django.cabinet.types.widgets import MetricWidgetData

    page = engines["django"].from_string(
        "{% load component_tags %}<html><head>{% component_css_dependencies %}</head><body>"
        '{% component "kpi" metric=metric / %}</body></html>'
    )
    html = page.render({"metric": MetricWidgetData(label="Clients", value="3")})
    assert "django_components.min.js" not in html
    assert '<link media="all" rel="stylesheet" href="/static/cabinet/dist/components/kpi.css">' in html


def test_installed_and_the_check() -> None:
    assert installed()
    assert check_djc_extension() == []
    with override_settings(COMPONENTS={"dirs": [], "app_dirs": []}):
        assert not installed()
        (warning,) = check_djc_extension()
    assert warning.id == "cabinet.W030"
    assert PATH in (warning.hint or "")
