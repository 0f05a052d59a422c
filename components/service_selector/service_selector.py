"""``service_selector``: one service out of many, as a radio group with a category filter and search.

::

    {% component "service_selector" selector=selector / %}
    <c-cabinet.service-selector :selector="selector" />
    {% include "cabinet/components/service_selector.html" with selector=selector %}

``selector`` is a :class:`~codex_django.cabinet.types.booking.ServiceSelectorData`.
Form field (no ``<form>`` of its own): ``service_id``. Each option shows the
title, the description, the duration and the price; arrow keys move through
the visible options (native radio group). The category buttons
(``aria-pressed``) and the search box filter in the browser; neither is
submitted. Choosing dispatches ``cab-booking-change`` (``{name:
"service_id", value, label}``) for a summary elsewhere on the page.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.formatting import format_duration
from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.booking import ServiceItem, ServiceSelectorData

PREFIX = "cab-service"


def duration_label(minutes: int) -> str:
    """``"45 min"``, ``"1 h"``, ``"1 h 30 min"`` (translated): :func:`~codex_django.cabinet.formatting.format_duration`."""
    return format_duration(minutes)


@dataclasses.dataclass(frozen=True)
class ServiceView:
    """A service with its display strings and the text the search matches."""

    item: ServiceItem
    id: str
    duration: str
    search: str
    checked: bool


def present(selector: ServiceSelectorData) -> dict[str, Any]:
    """The options with ids, duration labels and search text; the categories with an "All" first."""
    views = [
        ServiceView(
            item=item,
            id=f"{PREFIX}-{index}",
            duration=duration_label(item.duration),
            search=" ".join(str(part) for part in (item.title, item.description, item.category)).lower(),
            checked=item.id == selector.selected_id,
        )
        for index, item in enumerate(selector.items, start=1)
    ]
    return {"prefix": PREFIX, "services": views, "empty_message": _("No services to choose from.")}


@register("service_selector")
class ServiceSelector(CabinetComponent):
    """Search box, category buttons and the ``service_id`` radios."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "service_selector.html")

    class Kwargs(ComponentKwargs):
        selector: ServiceSelectorData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(present(kwargs.selector))
        return data
