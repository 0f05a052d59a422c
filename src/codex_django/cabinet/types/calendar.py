"""Data contracts for the ``calendar_grid`` component.

:class:`CalendarGridData` is the grid (columns, time rows, events) and
:class:`CalendarSlot` one event placed on it. Positions, spans and the
side-by-side lanes of overlapping events are computed here, so the template
only renders them.

Documented, and re-exported, at :mod:`codex_django.cabinet.types.components`.
"""

from __future__ import annotations

import math
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, NamedTuple

from pydantic import (
    AfterValidator,
    BeforeValidator,
    Field,
    PlainSerializer,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)

from codex_django.cabinet.formatting import format_time, format_value

from .contract import contract
from .css_colour import check_css_colour
from .fields import BOOTSTRAP_COLOURS, SafeUrl, Text

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["CalendarGridData", "CalendarSlot"]

NonNegativeInt = Annotated[int, Field(ge=0)]
SLOT_HEIGHT_MIN_PX = 16
SLOT_HEIGHT_MAX_PX = 200


def _strip_bg_prefix(value: Any) -> Any:
    # The reference allows Bootstrap ``bg-*`` classes ("bg-primary"); store the colour name.
    if isinstance(value, str) and value.startswith("bg-"):
        return value.removeprefix("bg-")
    return value


def _check_event_colour(value: str) -> str:
    if value == "" or value in BOOTSTRAP_COLOURS:
        return value
    try:
        return check_css_colour(value)
    except ValueError as error:
        raise ValueError(f"{error}, or a Bootstrap colour name ({', '.join(BOOTSTRAP_COLOURS)})") from None


def _time_row(value: Any) -> Any:
    # The JSON form of a time row (to_payload / the storybook's controls): {"time": "HH:MM"}.
    if isinstance(value, dict):
        if set(value) != {"time"} or not isinstance(value["time"], str):
            raise ValueError(f'a time row is a datetime.time or {{"time": "HH:MM"}}, got {value!r}')
        try:
            return time.fromisoformat(value["time"])
        except ValueError:
            raise ValueError(f"a time row's time should be HH:MM, got {value['time']!r}") from None
    return value


# A row that is a time, not a label: shown in the active language's format, sent to
# new_event_url as HH:MM. Its JSON form says it is a time ({"time": "HH:MM"}), so a payload
# round-trips without turning the time into a label (or a label such as "10:00" into a time).
TimeRow = Annotated[
    time,
    BeforeValidator(_time_row),
    PlainSerializer(lambda value: {"time": value.strftime("%H:%M")}, when_used="json"),
    WithJsonSchema(
        {
            "type": "object",
            "properties": {"time": {"type": "string", "pattern": "^[0-2][0-9]:[0-5][0-9]$"}},
            "required": ["time"],
            "additionalProperties": False,
        }
    ),
]


# "" (the theme's primary), a Bootstrap colour name or ``bg-*`` class, or any CSS colour value
# of the strict grammar in :mod:`.css_colour` (hex, named, rgb()/hsl()..., var(--x)).
EventColour = Annotated[str, BeforeValidator(_strip_bg_prefix), AfterValidator(_check_event_colour)]


def _minutes(value: time | datetime) -> int:
    return value.hour * 60 + value.minute


@contract
class CalendarSlot:
    """A single event positioned on a :class:`CalendarGridData` grid.

    Positions are zero-based indexes into :attr:`CalendarGridData.cols` and
    :attr:`CalendarGridData.rows`, computed by the backend
    (:meth:`from_datetime` does it from a start time and a duration).

    Attributes:
        col: Zero-based column index (the master, room or day).
        row: Zero-based row index (the time slot the event starts in).
        span: Number of rows the event occupies (>= 1): ``duration_minutes //
            slot_minutes``; a 1-hour appointment on 30-minute slots has span 2.
        title: Primary event text (client name or appointment type).
        subtitle: Optional secondary text (service name). Defaults to ``""``.
        color: A CSS colour value: hex (``"#6366f1"``), a named colour
            (``"tomato"``), ``rgb()``/``hsl()``/``oklch()``... with numbers, or
            a custom property (``"var(--brand-spa)"``); or a Bootstrap colour
            name (``"primary"``) or ``bg-*`` class (``"bg-primary"``, stored as
            ``"primary"``). ``""`` (default) uses the theme's primary colour.
            Anything else (``;``, ``url(``, quotes...) is refused: see
            :mod:`codex_django.cabinet.types.css_colour`. The colour tints the
            event and draws its accent bar; the text keeps the theme's text
            colour, so it stays readable on any colour.
        url: HTMX endpoint loaded into the modal when the event is clicked.
            Defaults to ``""`` (not clickable).

    Derived: :attr:`end_row`.

    Example::

        # 60-minute appointment starting at 9:00 with 30-min slots (row index 2)
        CalendarSlot(
            col=0,  # first master
            row=2,  # 9:00 slot (rows: ["8:00","8:30","9:00",...])
            span=2,  # 60 min / 30 min = 2
            title="Иван П.",
            subtitle="Стрижка",
            color="#6366f1",
            url="/booking/42/",
        )
    """

    col: NonNegativeInt
    row: NonNegativeInt
    span: Annotated[int, Field(ge=1)]
    title: Text
    subtitle: Text = ""
    color: EventColour = ""
    url: SafeUrl = ""

    @property
    def end_row(self) -> int:
        """The first row after the event (``row + span``)."""
        return self.row + self.span

    @classmethod
    def from_datetime(
        cls,
        start: datetime | time,
        duration_minutes: int,
        *,
        col: int,
        grid_start: datetime | time,
        step_minutes: int,
        title: Any,
        subtitle: Any = "",
        color: str = "",
        url: str = "",
    ) -> CalendarSlot:
        """Place an event that starts at ``start`` and lasts ``duration_minutes``.

        ``grid_start`` is the time of row 0 and ``step_minutes`` the slot size.
        Times off the slot boundaries round outwards (the event covers every
        slot it touches)::

            CalendarSlot.from_datetime(time(9), 60, col=0, grid_start=time(8),
                                       step_minutes=30, title="Иван П.")
            # -> row=2, span=2
        """
        if step_minutes <= 0:
            raise ValueError(f"step_minutes must be positive (got {step_minutes})")
        if duration_minutes <= 0:
            raise ValueError(f"duration_minutes must be positive (got {duration_minutes})")
        if isinstance(start, datetime) and isinstance(grid_start, datetime):
            offset = int((start - grid_start).total_seconds() // 60)
        else:
            offset = _minutes(start) - _minutes(grid_start)
        if offset < 0:
            raise ValueError(f"the event starts at {start} before the grid starts at {grid_start}")
        row = offset // step_minutes
        span = max(1, math.ceil((offset + duration_minutes) / step_minutes) - row)
        # ``contract`` returns the pydantic dataclass as ``Any`` for mypy: build through it.
        build: Any = cls
        slot: CalendarSlot = build(
            col=col, row=row, span=span, title=title, subtitle=subtitle, color=color, url=url
        )
        return slot


class PlacedEvent(NamedTuple):
    """An event with its side-by-side lane: ``lane`` of ``lanes`` (0-based) in its overlap group.

    ``position`` is the event's index in :attr:`CalendarGridData.events`.
    """

    event: CalendarSlot
    position: int
    lane: int
    lanes: int


def _column_label(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("label", "name", "title"):
            if key in value:
                # A date column (a week view) is shown in the active language's date format.
                return format_value(value[key])
        raise ValueError(f"a column dict needs a 'label' (or 'name'/'title') key, got keys {sorted(value)!r}")
    return str(value)


@contract
class CalendarGridData:
    """Payload contract for the ``calendar_grid`` component.

    A CSS-grid scheduling calendar: columns are any grouping axis (masters,
    rooms, weekdays), rows are time slots of any size. The template draws a
    background of (optionally clickable) empty slots and the events on top;
    all positions and lanes are computed here.

    Template variable: ``calendar``::

        {% include "cabinet/components/calendar_grid.html" with calendar=calendar %}

    Attributes:
        cols: Column headers: strings, or dicts with a ``"label"`` (or
            ``"name"``/``"title"``) key plus any extra data. A ``date`` label
            is shown in the active language's date format.
        rows: The time slots in display order: ``datetime.time`` values
            (:meth:`row_times` builds them), shown in the active language's
            time format and sent to ``new_event_url`` as ``HH:MM`` (as JSON,
            :func:`to_payload`, a time row is ``{"time": "HH:MM"}``); or text
            labels, shown and sent as written.
        events: :class:`CalendarSlot` instances; each must lie inside the grid
            (``col < len(cols)``, ``row + span <= len(rows)``).
        slot_height_px: Height of one row in pixels, 16..200. Defaults to ``40``.
        new_event_url: HTMX URL for creating an event; when set, each empty
            slot sends ``GET {new_event_url}?col=N&row=N`` (plus the values
            they stand for: ``col_label``, ``col_id`` for dict columns with an
            ``"id"``, ``time``: ``HH:MM`` for a ``time`` row, never the
            localised label). Defaults to ``""`` (read-only grid).
        now_row: Where "now" is, as a fractional row index (``2.5`` = halfway
            through row 2), for the now-indicator; :meth:`now_row_at` computes
            it. ``None`` (default) draws no indicator: leave it unset unless
            the grid shows today. An addition to the reference's fields.

    Derived: :attr:`column_labels`, :attr:`placed_events` (lanes for
    overlapping events), :attr:`lanes`.

    Example::

        from codex_django.cabinet import CalendarGridData, CalendarSlot

        # Build 30-min slots from 8:00 to 20:00
        rows = [f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)]

        calendar = CalendarGridData(
            cols=["Мастер 1", "Мастер 2", "Мастер 3"],
            rows=rows,
            events=[
                CalendarSlot(col=0, row=2, span=2,
                             title="Иван П.", subtitle="Стрижка",
                             color="#6366f1", url="/booking/42/"),
            ],
            slot_height_px=40,
            new_event_url="/booking/new/",
        )
        return render(request, "booking/schedule.html", {"calendar": calendar})
    """

    cols: list[dict[str, Any] | Text]
    rows: list[TimeRow | Text]
    events: list[CalendarSlot]
    slot_height_px: Annotated[int, Field(ge=SLOT_HEIGHT_MIN_PX, le=SLOT_HEIGHT_MAX_PX)] = 40
    new_event_url: SafeUrl = ""
    now_row: Annotated[float, Field(ge=0, allow_inf_nan=False)] | None = None

    @field_validator("cols")
    @classmethod
    def _labelled_cols(cls, cols: list[Any]) -> list[Any]:
        for index, value in enumerate(cols):
            try:
                _column_label(value)
            except ValueError as error:
                raise ValueError(f"cols.{index}: {error}") from None
        return cols

    @field_validator("events")
    @classmethod
    def _events_inside(cls, events: list[CalendarSlot], info: ValidationInfo) -> list[CalendarSlot]:
        if "cols" not in info.data or "rows" not in info.data:
            return events
        n_cols, n_rows = len(info.data["cols"]), len(info.data["rows"])
        for index, event in enumerate(events):
            name = f"events.{index}: CalendarSlot {str(event.title)!r}"
            if event.col >= n_cols:
                raise ValueError(f"{name} is in column {event.col} but the grid has {n_cols} columns")
            if event.row >= n_rows:
                raise ValueError(f"{name} starts at row {event.row} but the grid has {n_rows} rows")
            if event.end_row > n_rows:
                raise ValueError(
                    f"{name} at row {event.row} with span {event.span} "
                    f"ends after the last row ({n_rows} rows)"
                )
        return events

    @field_validator("now_row")
    @classmethod
    def _now_inside(cls, now_row: float | None, info: ValidationInfo) -> float | None:
        if now_row is None or "rows" not in info.data:
            return now_row
        n_rows = len(info.data["rows"])
        if now_row > n_rows:
            raise ValueError(f"now_row {now_row} is after the last row (the grid has {n_rows} rows)")
        return now_row

    @staticmethod
    def now_row_at(
        now: datetime | time, *, grid_start: datetime | time, step_minutes: int, rows: int
    ) -> float | None:
        """The :attr:`now_row` for the moment ``now``, or ``None`` when it is outside the grid.

        ``grid_start`` is the time of row 0, ``step_minutes`` the slot size and
        ``rows`` the number of rows. Seconds count, so the line moves smoothly::

            CalendarGridData.now_row_at(time(9, 15), grid_start=time(8), step_minutes=30, rows=24)
            # -> 2.5
        """
        if step_minutes <= 0:
            raise ValueError(f"step_minutes must be positive (got {step_minutes})")
        if isinstance(now, datetime) and isinstance(grid_start, datetime):
            seconds = (now - grid_start).total_seconds()
        else:
            seconds = (_minutes(now) - _minutes(grid_start)) * 60 + now.second - grid_start.second
        position = seconds / (step_minutes * 60)
        if position < 0 or position > rows:
            return None
        return position

    @staticmethod
    def row_times(start: time, end: time, step_minutes: int) -> list[time]:
        """The rows' times from ``start`` (included) to ``end`` (excluded) every ``step_minutes``.

        Pass them as ``rows``: the grid shows each in the active language's
        format and sends a free slot's time to ``new_event_url`` as ``HH:MM``
        (a label such as English's ``"10 a.m."`` is for people, not parsers)::

            CalendarGridData(cols=..., rows=CalendarGridData.row_times(time(8), time(20), 30), ...)
        """
        if step_minutes <= 0:
            raise ValueError(f"step_minutes must be positive (got {step_minutes})")
        if end <= start:
            raise ValueError(f"end ({end}) must be after start ({start})")
        current = datetime.combine(date.min, start)
        stop = datetime.combine(date.min, end)
        times = []
        while current < stop:
            times.append(current.time())
            current += timedelta(minutes=step_minutes)
        return times

    @staticmethod
    def time_rows(start: time, end: time, step_minutes: int) -> list[str]:
        """The labels of :meth:`row_times` in the active language's format.

        Labels are the times as :func:`~codex_django.cabinet.formatting.format_time`
        prints them, like every other time on the page; in Russian that is the
        reference example's ``H:MM``. Call it in the view, where the request's
        language is active::

            CalendarGridData.time_rows(time(8), time(20), 30)
            # ru: ["8:00", "8:30", ..., "19:30"]; en: ["8 a.m.", "8:30 a.m.", ..., "7:30 p.m."]

        Rows given as labels are also what a free slot sends as ``time``; a grid
        that takes new events should get :meth:`row_times` instead, so the
        create view receives ``HH:MM``.
        """
        return [format_time(value) for value in CalendarGridData.row_times(start, end, step_minutes)]

    @property
    def column_labels(self) -> list[str]:
        """The column headers as strings (dict columns give their label)."""
        return [_column_label(value) for value in self.cols]

    @property
    def placed_events(self) -> list[PlacedEvent]:
        """Every event (in input order) with its lane, for side-by-side layout of overlaps.

        Per column, events are taken by start row (ties keep input order) and
        each goes into the lowest lane whose previous event has ended (greedy
        interval partitioning, which uses the fewest lanes). ``lanes`` is the
        lane count of the event's overlap group (events linked by overlaps),
        so an event that overlaps nothing keeps the full column width.
        """
        placed: dict[int, PlacedEvent] = {}
        by_col: dict[int, list[int]] = {}
        for position, event in enumerate(self.events):
            by_col.setdefault(event.col, []).append(position)
        for positions in by_col.values():
            positions.sort(key=lambda i: (self.events[i].row, i))
            for group in self._overlap_groups(positions):
                lane_ends: list[int] = []  # per lane: the row where its last event ends
                lanes_of: list[tuple[int, int]] = []
                for position in group:
                    event = self.events[position]
                    lane = next((n for n, end in enumerate(lane_ends) if end <= event.row), len(lane_ends))
                    if lane == len(lane_ends):
                        lane_ends.append(event.end_row)
                    else:
                        lane_ends[lane] = event.end_row
                    lanes_of.append((position, lane))
                for position, lane in lanes_of:
                    placed[position] = PlacedEvent(self.events[position], position, lane, len(lane_ends))
        return [placed[position] for position in range(len(self.events))]

    def _overlap_groups(self, positions: list[int]) -> list[list[int]]:
        """Split start-sorted event positions into runs linked by overlaps."""
        groups: list[list[int]] = []
        group_end = -1
        for position in positions:
            event = self.events[position]
            if not groups or event.row >= group_end:
                groups.append([])
                group_end = event.end_row
            groups[-1].append(position)
            group_end = max(group_end, event.end_row)
        return groups

    @property
    def lanes(self) -> list[tuple[int, int]]:
        """``(lane, lane_count)`` per event, in input order (see :attr:`placed_events`)."""
        return [(item.lane, item.lanes) for item in self.placed_events]
