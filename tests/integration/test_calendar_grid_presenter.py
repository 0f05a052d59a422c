"""The calendar contract's additions and the presenter's position classes.

``now_row`` / :meth:`CalendarGridData.now_row_at` (an addition to the
reference's fields), the built position CSS matching the generator and
covering every class the presenter prints, and the text-fitting classes.
"""

from __future__ import annotations

import re
from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template
from pydantic import ValidationError

from codex_django.cabinet import CalendarGridData, CalendarSlot
from codex_django.cabinet.components.calendar_grid import stories
from codex_django.cabinet.components.calendar_grid.presenter import (
    MAX_COLS,
    MAX_LANES,
    MAX_ROWS,
    fit_class,
    positions_css,
    positions_css_path,
    present,
)

ROWS = CalendarGridData.time_rows(time(8), time(20), 30)


def test_now_row_at_is_the_fractional_row_of_a_moment() -> None:
    assert CalendarGridData.now_row_at(time(9, 15), grid_start=time(8), step_minutes=30, rows=24) == 2.5
    assert CalendarGridData.now_row_at(time(8), grid_start=time(8), step_minutes=30, rows=24) == 0
    assert CalendarGridData.now_row_at(time(20), grid_start=time(8), step_minutes=30, rows=24) == 24
    assert CalendarGridData.now_row_at(time(7, 59), grid_start=time(8), step_minutes=30, rows=24) is None
    assert CalendarGridData.now_row_at(time(20, 1), grid_start=time(8), step_minutes=30, rows=24) is None
    moscow = ZoneInfo("Europe/Moscow")
    start = datetime(2026, 4, 1, 9, tzinfo=moscow)
    now = datetime(2026, 4, 1, 10, 45, 30, tzinfo=moscow)
    assert CalendarGridData.now_row_at(now, grid_start=start, step_minutes=15, rows=40) == pytest.approx(
        7.0333, 1e-3
    )
    with pytest.raises(ValueError, match=r"step_minutes must be positive \(got 0\)"):
        CalendarGridData.now_row_at(time(9), grid_start=time(8), step_minutes=0, rows=24)


def test_now_row_is_optional_and_checked_against_the_rows() -> None:
    assert CalendarGridData(cols=["A"], rows=ROWS, events=[]).now_row is None
    assert CalendarGridData(cols=["A"], rows=ROWS, events=[], now_row=24).now_row == 24
    with pytest.raises(ValidationError, match=r"now_row 24.5 is after the last row \(the grid has 24 rows\)"):
        CalendarGridData(cols=["A"], rows=ROWS, events=[], now_row=24.5)
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        CalendarGridData(cols=["A"], rows=ROWS, events=[], now_row=-1)


def test_built_css_is_what_the_presenter_generates() -> None:
    # The file is not committed: `npm run build` writes it from positions_css().
    path = positions_css_path()
    assert path.is_file(), f"{path.name} is not built: run `npm run build`"
    assert path.read_text(encoding="utf-8") == positions_css(), (
        f"{path.name} is out of date: run `npm run build`"
    )


def test_the_css_covers_the_limits() -> None:
    css = positions_css()
    for name in (
        f".cab-cal-r-{MAX_ROWS - 1}{{grid-row-start:{MAX_ROWS + 1}}}",
        f".cab-cal-s-{MAX_ROWS}{{grid-row-end:span {MAX_ROWS}}}",
        f".cab-cal-c-{MAX_COLS - 1}{{grid-column-start:{MAX_COLS + 1}}}",
        f".cab-cal-cs-{MAX_COLS}{{grid-column-end:span {MAX_COLS}}}",
        f".cab-cal-n-{MAX_COLS}{{--cab-cal-cols:{MAX_COLS}}}",
        f".cab-cal-lane-{MAX_LANES - 1}{{--cab-cal-lane:{MAX_LANES - 1}}}",
        f".cab-cal-of-{MAX_LANES}{{--cab-cal-of:{MAX_LANES}}}",
        ".cab-cal-h-16{--cab-cal-slot-h:16px}",
        ".cab-cal-h-200{--cab-cal-slot-h:200px}",
        ".cab-cal-at-0{--cab-cal-at:0}",
        ".cab-cal-at-99{--cab-cal-at:0.99}",
    ):
        assert name in css
    assert ".cab-cal-s-1{" not in css and ".cab-cal-lane-0{" not in css  # the defaults need no class


@pytest.mark.parametrize("story", stories.STORIES, ids=[story.slug for story in stories.STORIES])
def test_every_position_class_a_story_prints_exists(story: object) -> None:
    kwargs = story.resolve_kwargs()  # type: ignore[attr-defined]
    html = Template('{% component "calendar_grid" ...kw / %}').render(Context({"kw": kwargs}))
    defined = set(re.findall(r"\.(cab-cal-[a-z]+-\d+)\{", positions_css()))
    used = set(re.findall(r"\b(cab-cal-(?:r|s|c|cs|n|lane|of|h|at|tw)-\d+)\b", html))
    assert used <= defined, sorted(used - defined)


def test_full_day_at_five_minutes_and_forty_columns_fit() -> None:
    rows = CalendarGridData.time_rows(time(0), time(23, 59), 5)
    assert len(rows) == MAX_ROWS
    calendar = CalendarGridData(
        cols=[f"c{n}" for n in range(MAX_COLS)],
        rows=rows,
        events=[CalendarSlot(MAX_COLS - 1, 0, MAX_ROWS, "all day")],
        slot_height_px=16,
    )
    view = present(calendar)
    assert view.events[0].classes.startswith(f"cab-cal-r-0 cab-cal-c-{MAX_COLS - 1} cab-cal-s-{MAX_ROWS}")
    assert view.events[0].time == "from midnight" and view.events[0].when == "c39, from midnight"


def test_fit_class_follows_the_event_height() -> None:
    assert fit_class(1, 16) == fit_class(1, 24) == " cab-cal__event--one-line"
    assert fit_class(1, 40) == " cab-cal__event--two-lines"
    assert fit_class(2, 40) == ""
    assert fit_class(2, 24) == " cab-cal__event--two-lines"


def test_dense_story_matches_the_benchmark_size() -> None:
    calendar = stories.dense()
    assert (len(calendar.cols), len(calendar.rows), len(calendar.events)) == (10, 48, 200)
    assert max(lanes for _lane, lanes in calendar.lanes) > 1  # it really overlaps
