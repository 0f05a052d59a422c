"""``date_time_picker``: a month grid of days and the times of the chosen day, both radio groups.

::

    {% component "date_time_picker" picker=picker / %}
    <c-cabinet.date-time-picker :picker="picker" />
    {% include "cabinet/components/date_time_picker.html" with picker=picker %}

``picker`` is a :class:`~codex_django.cabinet.types.booking.DateTimePickerData`.
Form fields (no ``<form>`` of its own): ``booking_date`` and
``selected_time``. Days are laid out Monday-first under weekday headings
(blank cells before the first day and for missing dates are computed here);
unavailable days and busy times are disabled and say so to screen readers.
Arrow keys move within each group (native radios).

With ``slots_url`` choosing a day sends the picker's fields there
(``hx-get``) and the answer, this component rendered for that day, replaces
the picker. Every choice dispatches ``cab-booking-change`` (``{name, value,
label}``) for a summary elsewhere on the page.
"""

from __future__ import annotations

import dataclasses
from datetime import date, timedelta
from typing import Any

from django.template import Context
from django.utils.dates import WEEKDAYS_ABBR
from django_components import register

from codex_django.cabinet.formatting import format_date, with_weekday
from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.booking import DateTimePickerData

PREFIX = "cab-dtp"


@dataclasses.dataclass(frozen=True)
class DayCell:
    """A grid cell: a day (``value`` set) or a blank before/between days."""

    value: str = ""
    number: int = 0
    label: str = ""
    available: bool = False
    checked: bool = False

    @property
    def blank(self) -> bool:
        return not self.value


def day_cells(picker: DateTimePickerData) -> list[DayCell]:
    """Blank cells up to the first day's weekday, then every date to the last (blank when not listed)."""
    listed = {str(day["date"]): day for day in picker.available_days}
    if not listed:
        return []
    dates = sorted(date.fromisoformat(value) for value in listed)
    cells = [DayCell() for _ in range(dates[0].weekday())]
    current = dates[0]
    while current <= dates[-1]:
        day = listed.get(current.isoformat())
        if day is None:
            cells.append(DayCell())
        else:
            given = day.get("label")
            cells.append(
                DayCell(
                    value=current.isoformat(),
                    number=current.day,
                    label=with_weekday(current, str(given)) if given else format_date(current, weekday=True),
                    available=bool(day.get("available", True)),
                    checked=current.isoformat() == picker.selected_date,
                )
            )
        current += timedelta(days=1)
    return cells


@register("date_time_picker")
class DateTimePicker(CabinetComponent):
    """Weekday headings, the day radios (``booking_date``) and the time radios (``selected_time``)."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "date_time_picker.html")

    class Kwargs(ComponentKwargs):
        picker: DateTimePickerData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        picker: DateTimePickerData = kwargs.picker
        states = picker.slot_states  # labels formatted once, in the active language
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            prefix=PREFIX,
            weekdays=[WEEKDAYS_ABBR[index] for index in range(7)],
            cells=day_cells(picker),
            time_slots=states,
            # Times in the active language's format: longer than "10:30" ("10:30 a.m.") needs wider buttons.
            long_times=any(len(state.label) > len("10:30") for state in states),
            slots_href=resolve_link(picker.slots_url),
        )
        return data
