"""Components print dates, times, numbers and durations in the active language's format, one form per kind.

The same payloads rendered under English and Russian: the calendar's time rows
and event times, the date/time picker's days and times, the service selector's
durations, typed table cells (``date``, ``datetime``, ``Decimal``) in
``data_table`` and ``table_widget``, and a page of several components showing a
time one way. Sorting a typed column still follows the values.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from codex_django.cabinet import CalendarGridData, CalendarSlot, DataTableData, TableColumn, TableWidgetData
from codex_django.cabinet.components.calendar_grid.presenter import present
from codex_django.cabinet.components.data_table.presenter import present_table
from codex_django.cabinet.formatting import format_money
from codex_django.cabinet.types.booking import DateTimePickerData, ServiceItem, ServiceSelectorData

NBSP = "\u00a0"
DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(source: str, **context: object) -> str:
    return DJC_ID.sub("", Template(source).render(Context(context)))


def calendar() -> CalendarGridData:
    """Built in the view, while the request's language is active (time_rows formats the rows)."""
    return CalendarGridData(
        cols=[{"label": "Anna", "subtitle": date(2026, 4, 1), "id": 1234}],
        rows=CalendarGridData.time_rows(time(9), time(11), 30),
        events=[
            CalendarSlot.from_datetime(
                time(9, 30), 60, col=0, grid_start=time(9), step_minutes=30, title="Bo"
            )
        ],
        new_event_url="/booking/new/",
    )


def picker() -> DateTimePickerData:
    return DateTimePickerData(
        available_days=[{"date": "2026-04-01"}], time_slots=["09:30", "14:00"], selected_date="2026-04-01"
    )


CASES = {
    "en": {
        "rows": ["9 a.m.", "9:30 a.m.", "10 a.m.", "10:30 a.m."],
        "event": "9:30 a.m.–10:30 a.m.",
        "free": "Anna, 9 a.m., free",
        "subtitle": "April 1, 2026",
        "day": "Wednesday, April 1, 2026",
        "times": ["9:30 a.m.", "2 p.m."],
        "durations": ["45 min", "1 h 30 min"],
        "cells": ["Dec. 4, 2026", "Dec. 4, 2026, 2:30 p.m.", "1,234.50", "₽2,500", "12"],
    },
    "ru": {
        "rows": ["9:00", "9:30", "10:00", "10:30"],
        "event": "9:30–10:30",
        "free": "Anna, 9:00, free",
        "subtitle": "1 апреля 2026 г.",
        "day": "Среда, 1 апреля 2026 г.",
        "times": ["9:30", "14:00"],
        "durations": ["45 мин", "1 ч 30 мин"],
        "cells": [
            "4 декабря 2026 г.",
            "4 декабря 2026 г. 14:30",
            f"1{NBSP}234,50",
            f"2{NBSP}500{NBSP}₽",
            "12",
        ],
    },
}


@pytest.mark.parametrize("language", CASES)
def test_calendar_grid_times_and_headers(language: str) -> None:
    expected = CASES[language]
    with translation.override(language):
        html = render('{% component "calendar_grid" calendar=c / %}', c=calendar())
    assert re.findall(r'<div class="cab-cal__time[^"]*"[^>]*>([^<]*)</div>', html) == expected["rows"]
    assert f'<span class="cab-cal__event-time" aria-hidden="true">{expected["event"]}</span>' in html
    assert f'<span class="cab-cal__head-sub">{expected["subtitle"]}</span>' in html
    # The column id goes back to the server as written, never grouped ("1,234").
    assert 'data-id="1234"' in html
    assert "1,234" not in html and f"1{NBSP}234" not in html
    free = expected["free"] if language == "en" else expected["free"].replace("free", "свободно")
    assert f'aria-label="{free}"' in html


@pytest.mark.parametrize(
    ("language", "calendar_class", "picker_class"),
    [
        ("en", "cab-cal-tw-10", "cab-dtp__times cab-dtp__times--long"),
        ("ru", None, "cab-dtp__times"),
    ],
)
def test_longer_time_labels_get_room(language: str, calendar_class: str | None, picker_class: str) -> None:
    """English's "10:30 a.m." widens the calendar's time column and the picker's time buttons."""
    with translation.override(language):
        grid = present(calendar()).classes
        html = render('{% component "date_time_picker" picker=p / %}', p=picker())
    assert grid.split()[2:] == ([calendar_class] if calendar_class else [])
    assert f'<div class="{picker_class}">' in html


@pytest.mark.parametrize("language", CASES)
def test_date_time_picker_days_and_times(language: str) -> None:
    expected = CASES[language]
    with translation.override(language):
        html = render('{% component "date_time_picker" picker=p / %}', p=picker())
    assert f'data-label="{expected["day"]}"' in html
    labels = re.findall(r'name="selected_time"[^>]*data-label="([^"]*)"', html)
    assert labels == expected["times"]
    # The submitted values stay "HH:MM" whatever the language.
    assert re.findall(r'name="selected_time" id="[^"]*" value="([^"]*)"', html) == ["09:30", "14:00"]


@pytest.mark.parametrize("language", CASES)
def test_service_selector_durations(language: str) -> None:
    selector = ServiceSelectorData(
        items=[ServiceItem("1", "Brows", format_money(900, "₽"), 45), ServiceItem("2", "Cut", "x", 90)]
    )
    with translation.override(language):
        html = render('{% component "service_selector" selector=s / %}', s=selector)
    durations = re.findall(r'<i class="bi bi-clock" aria-hidden="true"></i> ([^<]*)</span>', html)
    assert durations == CASES[language]["durations"]


TYPED_COLUMNS = [
    TableColumn("day", "Day", sortable=True),
    TableColumn("at", "At"),
    TableColumn("amount", "Amount", align="right", sortable=True),
    TableColumn("price", "Price"),
    TableColumn("visits", "Visits"),
]
MOMENT = datetime(2026, 12, 4, 11, 30, tzinfo=UTC)  # 14:30 in Moscow


def typed_rows() -> list[dict[str, object]]:
    return [
        {
            "day": date(2026, 12, 4),
            "at": MOMENT,
            "amount": Decimal("1234.50"),
            "price": format_money(2500, "₽"),
            "visits": 12,
        },
        {"day": date(2026, 1, 15), "at": None, "amount": Decimal("99"), "price": "", "visits": 3},
    ]


@pytest.mark.parametrize("language", CASES)
def test_data_table_formats_typed_cells_and_sorts_by_value(language: str) -> None:
    with translation.override(language):
        table = DataTableData(columns=TYPED_COLUMNS, rows=typed_rows())
        view = present_table(table)
    first, second = view.rows
    cell_texts = re.compile(r"<td[^>]*>([^<]*)</td>")  # the presenter renders each row's <td>s
    assert cell_texts.findall(first["cells"]) == CASES[language]["cells"]
    assert cell_texts.findall(second["cells"])[:3] == (
        ["Jan. 15, 2026", "", "99"] if language == "en" else ["15 января 2026 г.", "", "99"]
    )
    # Ranks follow the values (January before December, 99 before 1,234.50), not the display text.
    assert (first["ranks"], second["ranks"]) == ("1 1", "0 0")
    assert first["search"] == " ".join(CASES[language]["cells"]).lower()


@pytest.mark.parametrize("language", CASES)
def test_table_widget_formats_typed_cells(language: str) -> None:
    with translation.override(language):
        table = TableWidgetData(columns=TYPED_COLUMNS, rows=typed_rows())
        html = render('{% component "table_widget" table=t / %}', t=table)
    cells = re.findall(r"<td[^>]*>([^<]*)</td>", html)
    assert cells[:5] == CASES[language]["cells"]


@pytest.mark.parametrize("language", CASES)
def test_one_time_format_across_a_page(language: str) -> None:
    """The calendar and the picker on one page show 9:30 the same way."""
    with translation.override(language):
        html = render(
            '{% component "calendar_grid" calendar=c / %}{% component "date_time_picker" picker=p / %}',
            c=calendar(),
            p=picker(),
        )
    text = re.sub(r"<[^>]+>", " ", html)
    shown = re.findall(r"\b0?9:30(?:\s*[ap]\.m\.)?", text)
    assert len(shown) >= 4 and set(shown) == {CASES[language]["times"][0]}
