"""``calendar_grid``: a CSS-grid scheduling calendar (masters, rooms or days x time slots).

::

    {% component "calendar_grid" calendar=calendar / %}
    <c-cabinet.calendar-grid :calendar="calendar" />
    {% include "cabinet/components/calendar_grid.html" with calendar=calendar %}

* ``calendar`` - a :class:`~codex_django.cabinet.types.calendar.CalendarGridData`.
* ``label`` - the calendar's accessible name (default "Calendar"); give the
  day or week it shows ("Schedule, 27 November").
* ``empty_message`` - shown instead of the grid when it has no columns or no
  rows (default "Nothing to schedule.").
* ``refresh_url`` - a URL answering with this calendar (the page itself will
  do): when set, the calendar reloads itself over HTMX on the ``refresh-calendar``
  event, which :func:`~codex_django.cabinet.http.modal_responses.modal_close_response`
  sends after a booking made in the modal (``trigger="refresh-calendar"``). The
  answer is filtered with ``hx-select=".cab-cal"``: one refreshing calendar per page.

What it draws: sticky column headers (dict columns may add ``subtitle``,
``avatar`` and ``id``), a sticky time column, the events placed by the
contract's ``col``/``row``/``span`` with overlapping ones side by side in the
lanes :attr:`CalendarGridData.placed_events` computes, and a now-indicator
at :attr:`CalendarGridData.now_row`. Narrow screens scroll sideways; columns
keep a minimum width.

Free cells are buttons ("Анна, 10:30, free") only when ``new_event_url`` is
set; activating one dispatches ``open-modal`` with ``{url}`` where ``url`` is
``new_event_url`` plus ``col``, ``row``, ``col_label``, ``col_id`` (dict
columns with an ``"id"``) and ``time``. Without it, free cells are plain
background. An event with a ``url`` is a button dispatching ``open-modal`` with
that URL. Keyboard: one tab stop; arrow keys move to the nearest slot or event
in that direction, Home/End along the row, Ctrl+Home/End to the first/last;
Enter or Space activates.

Positions are classes (:mod:`codex_django.cabinet.components.calendar_grid.presenter`),
so no ``style=`` attribute is ever printed: a strict CSP holds.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.components.calendar_grid.presenter import present
from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.calendar import CalendarGridData
from codex_django.cabinet.types.fields import SafeUrl


@register("calendar_grid")
class CalendarGrid(CabinetComponent):
    """A scheduling grid of a :class:`CalendarGridData` (see the module docstring)."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "calendar_grid.html")

    class Kwargs(ComponentKwargs):
        calendar: CalendarGridData
        label: str = ""
        empty_message: str = ""
        refresh_url: SafeUrl = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        calendar: CalendarGridData = kwargs.calendar
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            view=present(calendar) if calendar.cols and calendar.rows else None,
            label=kwargs.label or _("Calendar"),
            empty_message=kwargs.empty_message or _("Nothing to schedule."),
            refresh_href=resolve_link(kwargs.refresh_url),
        )
        return data
