"""What the ``calendar_grid`` template prints, computed from a :class:`CalendarGridData`.

Positions travel as CSS classes, never as ``style=`` attributes, so a strict
Content-Security-Policy (``style-src 'self'``) holds and the grid is laid out
before any script runs. ``calendar_grid_positions.css`` (beside the component,
generated from :func:`positions_css` by ``npm run build``, not committed) holds
one small rule per value:

* ``cab-cal-r-<row>`` / ``cab-cal-s-<span>`` - the grid row an item starts in
  (contract index, 0-based) and how many rows it spans (span 1 has no class);
* ``cab-cal-c-<col>`` / ``cab-cal-cs-<n>`` - the column, and a span of columns;
* ``cab-cal-lane-<n>`` / ``cab-cal-of-<n>`` - an overlapping event's lane and
  the lane count of its group (lane 0 of 1 has no class);
* ``cab-cal-h-<px>`` - the slot height (``--cab-cal-slot-h``);
* ``cab-cal-n-<count>`` - the column count (``--cab-cal-cols``), so the grid box
  is as wide as its columns' minimum widths and the sticky time column sticks
  across the whole horizontal scroll;
* ``cab-cal-at-<percent>`` - where the now-indicator sits inside its row;
* ``cab-cal-tw-<chars>`` - a time column wide enough for its longest label
  (``"10:30 a.m."`` in English, 6 to :data:`MAX_TIME_CHARS` characters; the
  default width holds ``"10:30"``), since the rows are times in the active
  language's format.

The set is finite: :data:`MAX_ROWS` rows (5-minute slots over 24 hours),
:data:`MAX_COLS` columns and :data:`MAX_LANES` lanes. A payload beyond them is
refused with a message that says which limit and what to do. Event colours
other than the Bootstrap names (hex, named, ``rgb()``, ``var(--x)``...: any
value of :mod:`codex_django.cabinet.types.css_colour`) are the one value the
classes cannot hold: the template passes them as an escaped ``data-color`` and
the component's JS sets ``--cab-cal-ev`` through the CSSOM (which a CSP
allows), after the browser confirms they are colours.

After changing a limit, ``npm run build`` (``make assets``) writes the CSS
again (:mod:`codex_django.cabinet.assets.generated_css`).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, NamedTuple

from django.utils.translation import gettext, gettext_noop

from codex_django.cabinet.formatting import format_value
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.calendar import (
    SLOT_HEIGHT_MAX_PX,
    SLOT_HEIGHT_MIN_PX,
    CalendarGridData,
)
from codex_django.cabinet.types.fields import BOOTSTRAP_COLOURS

MAX_ROWS = 288
MAX_COLS = 40
MAX_LANES = 16

# Translators: the accessible name of a free time slot: column (master, room, day), time.
FREE_SLOT = gettext_noop("%(column)s, %(time)s, free")
# Translators: the time of an event, read before its title: column, start and end time.
EVENT_WHEN = gettext_noop("%(column)s, %(start)s–%(end)s")
# Translators: the time of an event that runs to the end of the grid: column and start time.
EVENT_FROM = gettext_noop("%(column)s, from %(start)s")
# Translators: the visible time of an event that runs to the end of the grid.
EVENT_FROM_TIME = gettext_noop("from %(start)s")

# An event's text lines are 0.75rem x 1.3 ~ 15.6px; its box loses 4px to margins and padding.
EVENT_LINE_PX = 15.6
# The time column's default width holds "10:30"; longer labels ("10:30 a.m.") get a wider one:
# about TIME_CHAR_REM per character of the 0.75rem time labels, plus the cell's padding.
DEFAULT_TIME_CHARS = 5
MAX_TIME_CHARS = 12
TIME_CHAR_REM = 0.42
EVENT_CHROME_PX = 4
POSITIONS_CSS_NAME = "calendar_grid_positions.css"


class CalendarLimitError(ValueError):
    """A payload the grid cannot lay out with its position classes (too many rows, columns or lanes)."""


class Header(NamedTuple):
    """A column header: its label, an optional second line and avatar, the values a new event gets."""

    col: int
    label: str
    subtitle: str
    avatar: str
    id: str
    classes: str


class TimeCell(NamedTuple):
    """A row's time: the label people read and the value a new event gets (``HH:MM`` for a ``time``)."""

    label: str
    value: str
    classes: str


class Slot(NamedTuple):
    """A free cell (no event covers it) of a grid that takes new events: a button.

    A read-only grid (no ``new_event_url``) has no slots: its cells are only the
    column backgrounds, so nothing suggests a click that does nothing.
    """

    col: int
    row: int
    classes: str
    label: str
    tabindex: str  # "0" for the grid's one tab stop (roving tabindex), else "-1"


class Event(NamedTuple):
    """An event as printed: position classes, colour, the hidden "when" text and its URL."""

    classes: str
    title: str
    subtitle: str
    time: str  # "9:00–10:00" shown on the event
    when: str  # the column and time, read before the title by screen readers
    url: str
    color: str  # a CSS colour for the JS to apply; "" when a class carries it (or none)
    tabindex: str  # "0" for the grid's one tab stop (roving tabindex), else "-1"


class CalendarView(NamedTuple):
    """Everything the template prints, in the order it prints it."""

    classes: str
    headers: list[Header]
    times: list[TimeCell]
    column_classes: list[str]
    slots: list[Slot]
    events: list[Event]
    new_event_url: str
    now_classes: str
    # True when something inside takes focus; else the scroll area is made focusable itself.
    has_focusables: bool


def _check_limits(calendar: CalendarGridData, lanes: int) -> None:
    problems = []
    if len(calendar.rows) > MAX_ROWS:
        problems.append(
            f"{len(calendar.rows)} rows (at most {MAX_ROWS}: 5-minute slots over 24 hours; use a longer step)"
        )
    if len(calendar.cols) > MAX_COLS:
        problems.append(f"{len(calendar.cols)} columns (at most {MAX_COLS}; split the calendar into pages)")
    if lanes > MAX_LANES:
        problems.append(f"{lanes} overlapping events in one column (at most {MAX_LANES} side by side)")
    if problems:
        raise CalendarLimitError("calendar_grid cannot lay out this CalendarGridData: " + "; ".join(problems))


def _column_extra(value: Any, key: str) -> str:
    """A dict column's ``subtitle``/``avatar`` as display text (a date in the active language's format)."""
    if isinstance(value, dict):
        return format_value(value.get(key))
    return ""


def _column_id(value: Any) -> str:
    """A dict column's ``id`` as sent back to the server (``str()``, never localised: ``1234``)."""
    if isinstance(value, dict) and value.get("id") is not None:
        return str(value["id"])
    return ""


def colour_class(colour: str) -> str:
    """The event's colour class: a Bootstrap name, a CSS colour (set by JS) or the default."""
    if colour in BOOTSTRAP_COLOURS:
        return f" cab-cal-ev--{colour}"
    if colour:
        return " cab-cal-ev--custom"
    return ""


def time_width_class(rows: list[str]) -> str:
    """The class that widens the time column for labels longer than ``"10:30"`` (``""`` when none is)."""
    longest = max((len(label) for label in rows), default=0)
    if longest <= DEFAULT_TIME_CHARS:
        return ""
    return f" cab-cal-tw-{min(longest, MAX_TIME_CHARS)}"


def fit_class(span: int, slot_height_px: int) -> str:
    """How much of an event's text fits its height: one line, two lines (no time) or all."""
    lines = int((span * slot_height_px - EVENT_CHROME_PX) // EVENT_LINE_PX)
    if lines <= 1:
        return " cab-cal__event--one-line"
    if lines == 2:
        return " cab-cal__event--two-lines"
    return ""


def present(calendar: CalendarGridData) -> CalendarView:
    """The display values of ``calendar`` (see the module docstring for the classes)."""
    placed = calendar.placed_events
    _check_limits(calendar, max((item.lanes for item in placed), default=1))
    labels = calendar.column_labels
    rows = [format_value(row) for row in calendar.rows]  # labels: a time in the active language's format
    values = [row.strftime("%H:%M") if isinstance(row, dt.time) else str(row) for row in calendar.rows]
    n_rows = len(rows)

    headers = [
        Header(
            col,
            label,
            _column_extra(value, "subtitle"),
            _column_extra(value, "avatar"),
            _column_id(value),
            f"cab-cal-c-{col}",
        )
        for col, (label, value) in enumerate(zip(labels, calendar.cols, strict=True))
    ]
    times = [TimeCell(label, values[row], f"cab-cal-r-{row}") for row, label in enumerate(rows)]
    span_rows = f" cab-cal-s-{n_rows}" if n_rows > 1 else ""
    column_classes = [f"cab-cal-c-{col} cab-cal-r-0{span_rows}" for col in range(len(labels))]

    busy = set()
    for event in calendar.events:
        for row in range(event.row, event.end_row):
            busy.add((event.col, row))
    free = gettext(FREE_SLOT)
    new_event_url = resolve_link(str(calendar.new_event_url))
    slots = [
        Slot(
            col,
            row,
            f"cab-cal-r-{row} cab-cal-c-{col}",
            free % {"column": labels[col], "time": rows[row]},
            "-1",
        )
        for row in range(n_rows)
        for col in range(len(labels))
        if (col, row) not in busy and new_event_url
    ]
    tab_stop_taken = bool(new_event_url and slots)
    if tab_stop_taken:
        slots[0] = slots[0]._replace(tabindex="0")

    when_to, when_from, from_time = gettext(EVENT_WHEN), gettext(EVENT_FROM), gettext(EVENT_FROM_TIME)
    events = []
    for item in placed:
        event = item.event
        classes = f"cab-cal-r-{event.row} cab-cal-c-{event.col}"
        if event.span > 1:
            classes += f" cab-cal-s-{event.span}"
        if item.lanes > 1:
            classes += f" cab-cal-of-{item.lanes}" + (f" cab-cal-lane-{item.lane}" if item.lane else "")
        colour = str(event.color)
        classes += colour_class(colour) + fit_class(event.span, calendar.slot_height_px)
        start = rows[event.row]
        column = labels[event.col]
        if event.end_row < n_rows:
            time = f"{start}–{rows[event.end_row]}"
            when = when_to % {"column": column, "start": start, "end": rows[event.end_row]}
        else:
            time = from_time % {"start": start}
            when = when_from % {"column": column, "start": start}
        url = resolve_link(str(event.url))
        tabindex = "-1"
        if url and not tab_stop_taken:
            tabindex, tab_stop_taken = "0", True
        events.append(
            Event(
                classes,
                str(event.title),
                str(event.subtitle),
                time,
                when,
                url,
                "" if colour in BOOTSTRAP_COLOURS else colour,
                tabindex,
            )
        )

    now_classes = ""
    if calendar.now_row is not None and labels:
        row = min(int(calendar.now_row), max(n_rows - 1, 0))
        percent = min(99, round((calendar.now_row - row) * 100))
        across = f" cab-cal-cs-{len(labels)}" if len(labels) > 1 else ""
        now_classes = f"cab-cal-r-{row} cab-cal-c-0{across} cab-cal-at-{percent}"

    return CalendarView(
        classes=f"cab-cal-h-{calendar.slot_height_px} cab-cal-n-{len(labels)}{time_width_class(rows)}",
        headers=headers,
        times=times,
        column_classes=column_classes,
        slots=slots,
        events=events,
        new_event_url=new_event_url,
        now_classes=now_classes,
        has_focusables=tab_stop_taken,
    )


def positions_css() -> str:
    """The generated position classes (``calendar_grid_positions.css``)."""
    lines = [
        "/* Generated by `npm run build` from codex_django.cabinet.components.calendar_grid.presenter: do not edit.",
        "   Position classes of calendar_grid (see the presenter's docstring): no style= attributes. */",
    ]
    lines += [f".cab-cal-r-{n}{{grid-row-start:{n + 2}}}" for n in range(MAX_ROWS)]
    lines += [f".cab-cal-s-{n}{{grid-row-end:span {n}}}" for n in range(2, MAX_ROWS + 1)]
    lines += [f".cab-cal-c-{n}{{grid-column-start:{n + 2}}}" for n in range(MAX_COLS)]
    lines += [f".cab-cal-cs-{n}{{grid-column-end:span {n}}}" for n in range(2, MAX_COLS + 1)]
    lines += [f".cab-cal-n-{n}{{--cab-cal-cols:{n}}}" for n in range(1, MAX_COLS + 1)]
    lines += [f".cab-cal-lane-{n}{{--cab-cal-lane:{n}}}" for n in range(1, MAX_LANES)]
    lines += [f".cab-cal-of-{n}{{--cab-cal-of:{n}}}" for n in range(2, MAX_LANES + 1)]
    lines += [
        f".cab-cal-h-{n}{{--cab-cal-slot-h:{n}px}}" for n in range(SLOT_HEIGHT_MIN_PX, SLOT_HEIGHT_MAX_PX + 1)
    ]
    lines += [f".cab-cal-at-{n}{{--cab-cal-at:{n / 100:g}}}" for n in range(100)]
    lines += [
        f".cab-cal-tw-{n}{{--cab-cal-time-w:calc({n} * {TIME_CHAR_REM}rem + 1rem)}}"
        for n in range(DEFAULT_TIME_CHARS + 1, MAX_TIME_CHARS + 1)
    ]
    return "\n".join(lines) + "\n"


def positions_css_path() -> Path:
    """Where the built CSS lives: beside the component (editable install or wheel)."""
    from codex_django.cabinet.components import calendar_grid

    return Path(calendar_grid.__file__).resolve().parent / POSITIONS_CSS_NAME
