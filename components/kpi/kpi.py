"""``kpi``: one headline number with its label, unit, icon and trend.

::

    {% component "kpi" metric=metric / %}
    <c-cabinet.kpi :metric="metric" />
    {% include "cabinet/widgets/kpi.html" with metric=metric %}

``metric`` is a :class:`~codex_django.cabinet.types.widgets.MetricWidgetData`.
The trend is shown by an arrow, its colour *and* a visually hidden word
("up", "down", "no change"), so it does not rely on colour alone. With
``metric.url`` the whole card is a link.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.widgets import MetricWidgetData

# What a screen reader says for the trend arrow.
TREND_TEXT = {"up": _("up"), "down": _("down"), "neutral": _("no change")}


@register("kpi")
class Kpi(CabinetComponent):
    """A KPI card rendering a :class:`MetricWidgetData`."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "kpi.html")

    class Kwargs(ComponentKwargs):
        metric: MetricWidgetData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        from codex_django.cabinet.rendering.links import resolve_link

        metric: MetricWidgetData = kwargs.metric
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            href=resolve_link(metric.url or ""),
            has_trend=bool(metric.trend_value or metric.trend_label),
            trend_text=TREND_TEXT[metric.trend_direction],
        )
        return data
