"""``calendar_grid`` rendered through the real template engine: what a user (and a screen reader) gets.

The reference's example as written, lanes for overlaps, free-slot buttons only
with ``new_event_url``, escaping, no ``style=`` attribute, the three call
syntaxes giving one HTML, and errors that say what is wrong.
"""

from __future__ import annotations

import copy
import re
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import Client
from pydantic import ValidationError

from codex_django.cabinet import CalendarGridData, CalendarSlot
from codex_django.cabinet.components.calendar_grid.presenter import CalendarLimitError

DJC_ID = re.compile(r' data-djc-id-\w+=""')
ROWS = [f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)]


def reference() -> CalendarGridData:
    """The reference's example, word for word."""
    return CalendarGridData(
        cols=["Мастер 1", "Мастер 2", "Мастер 3"],
        rows=ROWS,
        events=[
            CalendarSlot(
                col=0, row=2, span=2, title="Иван П.", subtitle="Стрижка", color="#6366f1", url="/booking/42/"
            ),
        ],
        slot_height_px=40,
        new_event_url="/booking/new/",
    )


def render(calendar: CalendarGridData, **kwargs: Any) -> str:
    template = Template('{% component "calendar_grid" calendar=calendar ...kwargs / %}')
    return DJC_ID.sub("", template.render(Context({"calendar": calendar, "kwargs": kwargs})))


def events_in(html: str) -> list[str]:
    """The opening tag of every event, in order."""
    return re.findall(
        r'<button type="button" class="cab-cal__event[^>]*>|<div class="cab-cal__event[^>]*>', html
    )


def test_reference_example_renders_as_written() -> None:
    html = render(reference(), label="Расписание")
    assert '<section class="cab-cal" aria-label="Расписание" x-data="cabCalendarGrid" x-bind="root"' in html
    assert 'data-new-event-url="/booking/new/"' in html
    heads = re.findall(r'<span class="cab-cal__head-label">([^<]*)</span>', html)
    assert heads == ["Мастер 1", "Мастер 2", "Мастер 3"]
    assert re.findall(r'<div class="cab-cal__time [^"]*" data-time="[^"]*">([^<]*)</div>', html) == ROWS
    [event] = events_in(html)
    assert event == (
        '<button type="button" class="cab-cal__event cab-cal-r-2 cab-cal-c-0 cab-cal-s-2 cab-cal-ev--custom" '
        'data-url="/booking/42/" data-color="#6366f1" tabindex="-1">'
    )
    assert (
        '<span class="visually-hidden">Мастер 1, 9:00–10:00:</span> '
        '<span class="cab-cal__event-title">Иван П.</span> <span class="cab-cal__event-sub">Стрижка</span> '
        '<span class="cab-cal__event-time" aria-hidden="true">9:00–10:00</span></button>'
    ) in html
    # 3 columns x 24 rows, minus the two cells the event covers, are free-slot buttons.
    slots = re.findall(
        r'<button type="button" class="cab-cal__slot ([^"]*)" data-col="(\d+)" data-row="(\d+)" '
        r'aria-label="([^"]*)" tabindex="(-?\d)"></button>',
        html,
    )
    assert len(slots) == 3 * 24 - 2
    assert slots[0] == ("cab-cal-r-0 cab-cal-c-0", "0", "0", "Мастер 1, 8:00, free", "0")
    assert ("cab-cal-r-5 cab-cal-c-1", "1", "5", "Мастер 2, 10:30, free", "-1") in slots
    assert not any(slot[1:3] in {("0", "2"), ("0", "3")} for slot in slots)  # under the event
    assert [slot[4] for slot in slots].count("0") == 1  # one tab stop
    assert "style=" not in html


def test_overlapping_events_get_lanes_from_the_contract() -> None:
    calendar = CalendarGridData(
        cols=["A", "B"],
        rows=ROWS,
        events=[
            CalendarSlot(0, 0, 4, "long", color="primary", url="/e/1/"),
            CalendarSlot(0, 1, 2, "second", color="success", url="/e/2/"),
            CalendarSlot(0, 2, 1, "third", color="bg-warning", url="/e/3/"),
            CalendarSlot(0, 6, 1, "alone", url="/e/4/"),
        ],
        new_event_url="/new/",
    )
    classes = [re.search(r'class="([^"]*)"', tag).group(1) for tag in events_in(render(calendar))]  # type: ignore[union-attr]
    assert classes == [
        "cab-cal__event cab-cal-r-0 cab-cal-c-0 cab-cal-s-4 cab-cal-of-3 cab-cal-ev--primary",
        "cab-cal__event cab-cal-r-1 cab-cal-c-0 cab-cal-s-2 cab-cal-of-3 cab-cal-lane-1 cab-cal-ev--success",
        "cab-cal__event cab-cal-r-2 cab-cal-c-0 cab-cal-of-3 cab-cal-lane-2 cab-cal-ev--warning "
        "cab-cal__event--two-lines",
        "cab-cal__event cab-cal-r-6 cab-cal-c-0 cab-cal__event--two-lines",
    ]


def test_read_only_grid_has_no_slot_buttons_and_events_without_url_are_not_buttons() -> None:
    calendar = CalendarGridData(
        cols=[{"label": "Анна", "id": 7}],
        rows=["10:00", "10:30"],
        events=[CalendarSlot(0, 0, 1, "Закрыто", color="light")],
    )
    html = render(calendar)
    assert "<button" not in html
    assert "free" not in html
    assert "data-new-event-url" not in html
    assert (
        '<div class="cab-cal__event cab-cal-r-0 cab-cal-c-0 cab-cal-ev--light cab-cal__event--two-lines">'
        in html
    )
    # Nothing inside takes focus, so the scrolling area itself is focusable and labelled.
    assert '<div class="cab-cal__scroll" tabindex="0" role="group" aria-label="Calendar">' in html
    assert "Arrow keys" not in html


def test_dict_columns_print_their_header_data() -> None:
    calendar = CalendarGridData(
        cols=[{"label": "Anna Smith", "subtitle": "Stylist", "avatar": "AS", "id": 7}, "Boris"],
        rows=["9:00"],
        events=[],
        new_event_url="/new/?day=2026-04-01",
    )
    html = render(calendar)
    assert '<div class="cab-cal__head cab-cal-c-0" data-id="7">' in html
    assert 'aria-hidden="true">AS</span>' in html  # the avatar component, decorative beside the name
    assert '<span class="cab-cal__head-sub">Stylist</span>' in html
    assert '<div class="cab-cal__head cab-cal-c-1">' in html
    assert 'aria-label="Anna Smith, 9:00, free"' in html
    assert 'data-new-event-url="/new/?day=2026-04-01"' in html


def test_user_text_is_escaped() -> None:
    calendar = CalendarGridData(
        cols=['"><script>x()</script>', {"label": "<b>B</b>", "id": '"id'}],
        rows=["<9>"],
        events=[CalendarSlot(0, 0, 1, "<script>alert(1)</script>", "<u>u</u>", url="/e/?a=1&b=2")],
        new_event_url="/new/",
    )
    html = render(calendar, label="<em>x</em>")
    assert "<script>" not in html and "<b>" not in html and "<u>" not in html and "<em>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'data-id="&quot;id"' in html
    assert 'data-url="/e/?a=1&amp;b=2"' in html
    assert 'aria-label="&lt;b&gt;B&lt;/b&gt;, &lt;9&gt;, free"' in html


def test_refresh_url_makes_the_calendar_reload_on_refresh_calendar() -> None:
    html = render(reference(), refresh_url="login")
    assert html.startswith(
        '<section class="cab-cal" aria-label="Calendar" hx-get="/login/" '
        'hx-trigger="refresh-calendar from:body" hx-select=".cab-cal" hx-swap="outerHTML" x-data='
    )
    assert "hx-get" not in render(reference())
    with pytest.raises(ValueError, match="calendar_grid: kwarg 'refresh_url'"):
        render(reference(), refresh_url="javascript:alert(1)")


def test_now_indicator_is_placed_by_classes() -> None:
    calendar = CalendarGridData(cols=["A", "B", "C"], rows=ROWS, events=[], now_row=5.25)
    html = render(calendar)
    assert (
        '<div class="cab-cal__now cab-cal-r-5 cab-cal-c-0 cab-cal-cs-3 cab-cal-at-25" aria-hidden="true">'
        in html
    )
    assert "cab-cal__now" not in render(reference())
    single = render(CalendarGridData(cols=["A"], rows=ROWS, events=[], now_row=24))
    assert '<div class="cab-cal__now cab-cal-r-23 cab-cal-c-0 cab-cal-at-99" aria-hidden="true">' in single


def test_slot_height_and_column_count_are_classes() -> None:
    calendar = CalendarGridData(cols=["A", "B"], rows=ROWS, events=[], slot_height_px=24)
    assert '<div class="cab-cal__grid cab-cal-h-24 cab-cal-n-2">' in render(calendar)


def test_no_columns_or_rows_show_the_empty_state() -> None:
    html = render(CalendarGridData(cols=[], rows=ROWS, events=[]), empty_message="Нет мастеров")
    assert "cab-empty-state" in html and "Нет мастеров" in html
    assert "cab-cal__grid" not in html and "x-data" not in html
    assert "Nothing to schedule." in render(CalendarGridData(cols=["A"], rows=[], events=[]))


def test_out_of_grid_event_is_rejected_with_a_message_naming_it() -> None:
    with pytest.raises(ValidationError) as error:
        CalendarGridData(cols=["M1", "M2"], rows=ROWS, events=[CalendarSlot(0, 22, 3, "Иван П.")])
    assert "events.0: CalendarSlot 'Иван П.' at row 22 with span 3 ends after the last row (24 rows)" in str(
        error.value
    )


def test_payload_beyond_the_position_classes_is_refused_with_what_to_do() -> None:
    rows = CalendarGridData.time_rows(time(0), time(23, 59), 1)[:300]
    with pytest.raises(CalendarLimitError) as error:
        render(CalendarGridData(cols=["A"], rows=rows, events=[]))
    assert str(error.value).endswith(
        "calendar_grid cannot lay out this CalendarGridData: 300 rows "
        "(at most 288: 5-minute slots over 24 hours; use a longer step)"
    )
    many = [CalendarSlot(0, 0, 1, f"e{n}") for n in range(17)]
    with pytest.raises(CalendarLimitError, match="17 overlapping events in one column"):
        render(CalendarGridData(cols=[f"c{n}" for n in range(41)], rows=ROWS, events=many))


def test_wrong_kwarg_type_names_the_component() -> None:
    with pytest.raises(TypeError, match="calendar_grid: kwarg 'calendar' must be CalendarGridData, got dict"):
        Template('{% component "calendar_grid" calendar=c / %}').render(Context({"c": {"cols": []}}))


def test_route_names_resolve_and_unsafe_urls_are_refused() -> None:
    calendar = CalendarGridData(
        cols=["A"], rows=["9:00"], events=[CalendarSlot(0, 0, 1, "x", url="login")], new_event_url="login"
    )
    html = render(calendar)
    assert 'data-url="/login/"' in html and 'data-new-event-url="/login/"' in html
    with pytest.raises(ValidationError, match="javascript"):
        CalendarSlot(0, 0, 1, "x", url="javascript:alert(1)")


# --------------------------------------------------------------------------- three call syntaxes


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return DJC_ID.sub("", render_to_string(name, context)).strip()


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_three_syntaxes_render_identical_html(pages: Path, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    context = {"c": reference()}
    expected = render_page(
        pages, "component.html", '{% component "calendar_grid" calendar=c label="Day" / %}', context
    )
    assert expected.startswith('<section class="cab-cal"')
    cotton = render_page(
        pages, "cotton.html", '<c-cabinet.calendar-grid :calendar="c" label="Day" />', context
    )
    include = render_page(
        pages,
        "include.html",
        '{% include "cabinet/components/calendar_grid.html" with calendar=c label="Day" %}',
        context,
    )
    assert cotton == expected
    assert include == expected


def test_storybook_preview_sends_a_strict_csp_and_no_style_attribute(settings: Any) -> None:
    settings.DEBUG = True
    response = Client().get("/storybook/preview/calendar_grid--dense/")
    assert response.status_code == 200
    assert "style-src 'self'" in response["Content-Security-Policy"]
    html = response.content.decode()
    markup = html[html.index('<section class="cab-cal"') : html.index("</section>")]
    assert markup.count("cab-cal__event ") == 200
    assert " style=" not in markup


def test_time_rows_show_the_language_s_label_and_carry_hh_mm_for_new_events() -> None:
    """A free slot sends its row's time to ``new_event_url`` as HH:MM (data-time), not the localised label."""
    from django.utils import translation

    calendar = CalendarGridData(
        cols=["Anna"],
        rows=CalendarGridData.row_times(time(9), time(11), 30),
        events=[],
        new_event_url="/booking/new/",
    )
    with translation.override("en"):
        html = render(calendar)
    cells = re.findall(r'<div class="cab-cal__time [^"]*" data-time="([^"]*)">([^<]*)</div>', html)
    assert cells == [
        ("09:00", "9 a.m."),
        ("09:30", "9:30 a.m."),
        ("10:00", "10 a.m."),
        ("10:30", "10:30 a.m."),
    ]
    assert 'aria-label="Anna, 10 a.m., free"' in html  # what people hear stays the localised label
    # Text rows are shown and sent as written (the reference's labels).
    assert '<div class="cab-cal__time cab-cal-r-0" data-time="8:00">8:00</div>' in render(reference())


def test_time_rows_survive_the_json_round_trip_and_bad_ones_are_named() -> None:
    """The storybook's controls and caches go through JSON: a time row stays a time, a label a label."""
    from codex_django.cabinet.types.contract import from_payload, to_payload

    calendar = CalendarGridData(cols=["Anna"], rows=[time(9), time(9, 30), "10:00", "8:00"], events=[])
    payload = to_payload(calendar)
    assert payload["rows"] == [{"time": "09:00"}, {"time": "09:30"}, "10:00", "8:00"]
    assert from_payload(CalendarGridData, payload).rows == [time(9), time(9, 30), "10:00", "8:00"]
    with pytest.raises(ValidationError, match=r"a time row's time should be HH:MM, got 'nine'"):
        CalendarGridData(cols=["Anna"], rows=[{"time": "nine"}], events=[])
