"""Without slippers installed the ``cabinet_slippers`` library still loads and each tag names the package.

Django imports every installed tag library when the template engine starts, so
an ImportError there would break every template of a project that never uses
slippers; the tags themselves fail, with the pip command to fix it.
"""

from __future__ import annotations

import importlib.util
import sys

import pytest
from django.template import Context, Engine, TemplateSyntaxError

MODULE = "codex_django.cabinet.templatetags.cabinet_slippers"


@pytest.fixture
def engine_without_slippers(monkeypatch: pytest.MonkeyPatch) -> Engine:
    for name in ("slippers", "slippers.templatetags", "slippers.templatetags.slippers"):
        monkeypatch.setitem(sys.modules, name, None)  # import slippers -> ImportError
    spec = importlib.util.find_spec(MODULE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setitem(sys.modules, "cabinet_slippers_without_slippers", module)
    return Engine(libraries={"cabinet_slippers": "cabinet_slippers_without_slippers"})


def test_the_library_loads_without_slippers(engine_without_slippers: Engine) -> None:
    assert engine_without_slippers.from_string("{% load cabinet_slippers %}ok").render(Context()) == "ok"


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        ("{% CabKpi metric=m %}", "CabKpi"),
        ("{% #CabDataTable table=t %}{% /CabDataTable %}", "#CabDataTable"),
    ],
)
def test_each_tag_names_the_missing_package(engine_without_slippers: Engine, source: str, tag: str) -> None:
    with pytest.raises(TemplateSyntaxError) as raised:
        engine_without_slippers.from_string("{% load cabinet_slippers %}" + source)
    message = str(raised.value)
    assert f"{{% {tag} %}} needs the slippers package" in message
    assert "pip install 'codex-django-cabinet[slippers]'" in message
