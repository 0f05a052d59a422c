"""``ComponentKwargs``: a component's kwargs checked by pydantic (strict), kept as given."""

from __future__ import annotations

from typing import Literal

import pytest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.rendering.component import ComponentKwargs
from codex_django.cabinet.types.fields import SafeUrl
from codex_django.cabinet.types.widgets import MetricWidgetData


class Probe(ComponentKwargs):
    title: str
    size: Literal["sm", "md"] = "md"
    url: SafeUrl = ""
    metrics: list[MetricWidgetData] | None = None


def test_values_are_kept_as_given() -> None:
    metric = MetricWidgetData(label="Revenue", value="1")
    probe = Probe(title=_("Clients"), metrics=[metric])
    assert isinstance(probe.title, Promise)  # still lazy: translated when rendered
    assert probe.metrics is not None and probe.metrics[0] is metric


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"title": 1}, TypeError, "Probe: kwarg 'title' must be str, got int"),
        (
            {"title": "x", "size": "xl"},
            ValueError,
            "Probe: kwarg 'size' must be one of 'sm' | 'md', got 'xl'",
        ),
        (
            {"title": "x", "url": "javascript:x"},
            ValueError,
            "Probe: kwarg 'url': the URL scheme 'javascript'",
        ),
        (
            {"title": "x", "metrics": {"label": "a"}},
            TypeError,
            "Probe: kwarg 'metrics' must be list | None, got dict",
        ),
        (
            {"title": "x", "metrics": [MetricWidgetData(label="a", value="1"), {"label": "b"}]},
            TypeError,
            "Probe: kwarg 'metrics'[1]: Input should be an instance of MetricWidgetData (got {'label': 'b'})",
        ),
    ],
)
def test_a_wrong_value_names_the_kwarg_and_the_value(kwargs: dict, error: type, message: str) -> None:
    with pytest.raises(error) as raised:
        Probe(**kwargs)
    assert str(raised.value).startswith(message)
