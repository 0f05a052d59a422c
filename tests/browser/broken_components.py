"""Test-only components and stories that the harness must accept or reject.

Registered under ``sb_test_*`` names when this module is imported (by
``test_harness_catches.py``), and served through
:func:`codex_django.storybook.discovery.use_stories`, so they never appear in
the real storybook.
"""

from __future__ import annotations

from typing import Any

from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs
from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.story import Story


@register("sb_test_card")
class SbTestCard(CabinetComponent):
    """A plain, valid card: the control group."""

    template = (
        '<section class="card"><div class="card-body">'
        '<h2 class="h5">{{ title }}</h2><p>{{ text }}</p></div></section>'
    )

    class Kwargs(ComponentKwargs):
        title: str
        text: str = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Any) -> Any:
        return {"title": kwargs.title, "text": kwargs.text}


@register("sb_test_unlabelled")
class SbTestUnlabelled(CabinetComponent):
    """An axe violation: a text box without a label (rule ``label``, critical)."""

    template = '<form class="p-3"><input type="text" name="q" class="form-control"></form>'


@register("sb_test_inline_style")
class SbTestInlineStyle(CabinetComponent):
    """A CSP violation: an inline ``style=`` attribute (``style-src 'self'`` forbids it)."""

    template = '<p class="p-3" style="color: #b91c1c">Inline style</p>'


@register("sb_test_inline_script")
class SbTestInlineScript(CabinetComponent):
    """A CSP violation: an inline ``<script>`` (``script-src 'self'`` forbids it)."""

    template = '<p class="p-3">Inline script</p><script>document.title = "changed";</script>'


@register("sb_test_dark_only_contrast")
class SbTestDarkOnlyContrast(CabinetComponent):
    """Fine in light, unreadable in dark: Bootstrap's fixed ``text-dark`` on the dark page (axe ``color-contrast``)."""

    template = '<p class="p-3 text-dark">Fixed dark text</p>'


def card(text: str = "The control group.") -> Story:
    return Story(component="sb_test_card", name="Card", kwargs={"title": "Harness check", "text": text})


UNLABELLED = Story(component="sb_test_unlabelled", name="Unlabelled input", kwargs={})
INLINE_STYLE = Story(component="sb_test_inline_style", name="Inline style", kwargs={})
DARK_ONLY_CONTRAST = Story(component="sb_test_dark_only_contrast", name="Dark only contrast", kwargs={})
INLINE_SCRIPT = Story(component="sb_test_inline_script", name="Inline script", kwargs={})

# A story whose payload no longer matches the contract (trend_direction lost 'sideways').
CONTRACT_BREAKING = Story(
    component="kpi",
    name="Contract breaking",
    kwargs=lambda: {"metric": MetricWidgetData(label="Visits", value="12", trend_direction="sideways")},  # type: ignore[arg-type]
)
# A story passing the wrong kind of value to a contract kwarg.
WRONG_TYPE = Story(component="kpi", name="Wrong type", kwargs={"metric": "142"})
