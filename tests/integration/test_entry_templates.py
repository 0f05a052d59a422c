"""The generated entry templates (``codex_django.cabinet.rendering.entry_templates``).

``cabinet/components/<name>.html`` and ``cotton/cabinet/<name>.html`` are made from
the registered component's ``Kwargs`` by a template loader placed after the
project's: a project's own template of that name wins, and a new component needs
no entry template. (That each entry renders the same HTML as ``{% component %}``
is ``test_call_syntaxes.py``'s and ``test_modal_call_syntaxes.py``'s.)
"""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import TemplateDoesNotExist
from django.template.loader import get_template, render_to_string
from django_components import registry

from codex_django.cabinet.rendering import entry_templates
from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs
from codex_django.cabinet.rendering.entry_templates import CACHED, LOADER, entry_source, install

DJC_ID = re.compile(r' data-djc-id-\w+=""')


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


class Greeting(CabinetComponent):
    template = "<p>{{ greeting }}, {{ name }}{% if loud %}!{% endif %}</p>"

    class Kwargs(ComponentKwargs):
        name: str
        greeting: str = "Hello"
        loud: bool = False


@pytest.fixture
def greeting() -> Iterator[None]:
    registry.register("test_greeting", Greeting)
    yield
    registry.unregister("test_greeting")


def test_a_new_component_needs_no_entry_template(pages: Path, greeting: None) -> None:
    assert entry_source("cabinet/components/test_greeting.html") == (
        '{% component "test_greeting" name=name greeting=greeting|default:"Hello" loud=loud|default:False / %}\n'
    )
    (pages / "page.html").write_text(
        '{% include "cabinet/components/test_greeting.html" with name="Ann" %}'
        '<c-cabinet.test_greeting name="Bob" greeting="Hi" :loud="True" />'
    )
    assert DJC_ID.sub("", render_to_string("page.html")) == "<p>Hello, Ann</p>\n<p>Hi, Bob!</p>\n"


def test_a_projects_own_template_of_the_same_name_wins(pages: Path) -> None:
    (pages / "cabinet" / "components").mkdir(parents=True)
    (pages / "cabinet" / "components" / "kpi.html").write_text("mine: {{ metric }}")
    (pages / "cotton" / "cabinet").mkdir(parents=True)
    (pages / "cotton" / "cabinet" / "kpi.html").write_text("my cotton kpi")
    (pages / "page.html").write_text(
        '{% include "cabinet/components/kpi.html" with metric="m" %}|<c-cabinet.kpi metric="m" />'
    )
    assert render_to_string("page.html") == "mine: m|my cotton kpi"


@pytest.mark.parametrize(
    "name",
    ["cabinet/components/nothing.html", "cotton/cabinet/nothing.html", "cabinet/components/../kpi.html"],
)
def test_no_entry_for_what_is_no_component(name: str) -> None:
    with pytest.raises(TemplateDoesNotExist):
        get_template(name)


def test_a_default_no_template_can_write_is_refused_naming_the_component_and_kwarg(greeting: None) -> None:
    class Odd(CabinetComponent):
        template = ""

        class Kwargs(ComponentKwargs):
            sizes: tuple[int, ...] = (1, 2)

    registry.register("test_odd", Odd)
    try:
        with pytest.raises(ImproperlyConfigured, match=r"test_odd: kwarg 'sizes' has the default \(1, 2\)"):
            entry_source("cabinet/components/test_odd.html")
    finally:
        registry.unregister("test_odd")


@pytest.mark.parametrize(
    ("config", "loaders"),
    [
        (  # the README's setup: appended inside the cached loader, after the project's
            {"OPTIONS": {"loaders": [(CACHED, ["django.template.loaders.filesystem.Loader"])]}},
            [(CACHED, ["django.template.loaders.filesystem.Loader", LOADER])],
        ),
        (  # no loaders given: Django's defaults written out, then the entry loader
            {"APP_DIRS": True, "OPTIONS": {}},
            [
                (
                    CACHED,
                    [
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                        LOADER,
                    ],
                )
            ],
        ),
        (  # listed by the project: left where it is
            {"OPTIONS": {"loaders": [LOADER, "django.template.loaders.filesystem.Loader"]}},
            [LOADER, "django.template.loaders.filesystem.Loader"],
        ),
    ],
)
def test_the_loader_is_added_last_once(config: dict[str, Any], loaders: list[Any]) -> None:
    config = {"BACKEND": "django.template.backends.django.DjangoTemplates", **config}
    install([config])
    install([config])
    assert config["OPTIONS"]["loaders"] == loaders
    assert not config.get("APP_DIRS")


def test_overridden_templates_get_the_loader_too(settings: Any) -> None:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["loaders"] = ["django.template.loaders.app_directories.Loader"]
    settings.TEMPLATES = templates
    assert settings.TEMPLATES[0]["OPTIONS"]["loaders"][-1] == entry_templates.LOADER
    assert get_template("cabinet/components/kpi.html")


def test_a_slotted_component_gets_its_slippers_wrapper(greeting: None) -> None:
    assert entry_source("cabinet/slippers/test_greeting.html") is None  # no slot, no wrapper
    assert entry_source("cabinet/slippers/page_header.html") == (
        '{% if children %}{% component "page_header" title=title subtitle=subtitle|default:"" '
        'icon=icon|default:"" breadcrumbs=breadcrumbs|default:[] %}{% fill "actions" %}{{ children }}'
        '{% endfill %}{% endcomponent %}{% else %}{% include "cabinet/components/page_header.html" %}{% endif %}'
    )
