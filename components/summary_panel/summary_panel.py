"""``summary_panel``: what has been chosen, the master, and the confirm / start-over buttons.

::

    {% component "summary_panel" summary=summary / %}
    <c-cabinet.summary-panel :summary="summary" />
    {% include "cabinet/components/summary_panel.html" with summary=summary %}

``summary`` is a :class:`~codex_django.cabinet.types.booking.BookingSummaryData`.
Put it in the same ``<form method="post">`` as the other booking widgets:
its confirm button posts the form to ``confirm_url`` (``formaction``), its
``master_id`` select joins the fields, and "Start over" links to
``reset_url``. The service, client, date and time lines start from the
payload's labels and follow the other widgets' ``cab-booking-change``
events (``service_id``, ``client_id``, ``booking_date``, ``selected_time``),
so the widgets share no Alpine state.
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
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.booking import BookingSummaryData

PREFIX = "cab-summary"


def summary_rows(summary: BookingSummaryData) -> list[tuple[str, Any, Any]]:
    """``(field name, label, value)`` per line, in order; the field name ties a line to its widget."""
    return [
        ("service_id", _("Service"), summary.service_label),
        ("client_id", _("Client"), summary.client_label),
        ("booking_date", _("Date"), summary.date_label),
        ("selected_time", _("Time"), summary.time_label),
    ]


@register("summary_panel")
class SummaryPanel(CabinetComponent):
    """A ``<dl>`` of the choice, the master select, errors and the two buttons."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "summary_panel.html")

    class Kwargs(ComponentKwargs):
        summary: BookingSummaryData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        summary: BookingSummaryData = kwargs.summary
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            prefix=PREFIX,
            rows=summary_rows(summary),
            masters=[(str(master["id"]), str(master["name"])) for master in summary.masters],
            confirm_href=resolve_link(summary.confirm_url),
            reset_href=resolve_link(summary.reset_url),
        )
        return data
