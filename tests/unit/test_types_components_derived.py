"""Page-component contracts: the values they derive (table rows, calendar rows and lanes, avatars, list and panel links)."""

from __future__ import annotations

from datetime import datetime, time

import pytest
from django.utils.translation import override

from codex_django.cabinet.types.collections import PanelEntry
from codex_django.cabinet.types.components import (
    CalendarGridData,
    CalendarSlot,
    CardItem,
    DataTableData,
    ListRow,
    SplitPanelData,
    TableAction,
    TableFilter,
)
from codex_django.cabinet.types.widgets import TableColumn

ROWS_48 = CalendarGridData.time_rows(time(0), time(23, 59), 30)


# --------------------------------------------------------------------------- data table derived values


def test_data_table_rows_counts_and_actions() -> None:
    """What the table's presenter makes of a contract: cell texts, counts per filter, resolved actions."""
    from codex_django.cabinet.components.data_table.presenter import present_table

    columns = [TableColumn("name", "Клиент"), TableColumn("sum", "Сумма", align="right")]
    table = DataTableData(
        columns=columns,
        rows=[
            {"name": "Иван", "sum": 1500, "status": "pending", "detail_url": "/b/1/"},
            {"name": "Анна", "sum": None, "status": "confirmed", "detail_url": ""},
            {"name": "Пётр", "sum": 12.5, "status": "pending"},
        ],
        filters=[
            TableFilter("all", "Все"),
            TableFilter("pending", "Ожидают", "pending"),
            TableFilter("cancelled", "Отменены", "cancelled"),
        ],
        actions=[
            TableAction("Открыть", "detail_url", "bi-eye"),
            TableAction("Помощь", "", url="/help/"),
        ],
    )
    view = present_table(table)
    assert [(item.key, item.count_label) for item in view.filters] == [
        ("all", "3"),
        ("pending", "2"),
        ("cancelled", "0"),
    ]
    first, second, _third = view.rows
    # Numbers in the active language's format (English here: grouping with ",").
    assert ">Иван</td>" in first["cells"] and ">1,500</td>" in first["cells"]
    assert first["status"] == "pending" and first["search"] == "иван 1,500"
    assert [(action.label, action.url) for action in first["actions"]] == [
        ("Открыть", "/b/1/"),
        ("Помощь", "/help/"),
    ]
    assert [action.label for action in second["actions"]] == ["Помощь"]  # empty URL: no "Открыть"


# --------------------------------------------------------------------------- calendar derived values


def test_time_rows_are_times_in_the_active_language() -> None:
    with override("ru"):  # Russian's time format is the reference example's H:MM
        assert CalendarGridData.time_rows(time(8), time(20), 30) == [
            f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)
        ]
        assert CalendarGridData.time_rows(time(9), time(10), 20) == ["9:00", "9:20", "9:40"]
    with override("en"):
        assert CalendarGridData.time_rows(time(11), time(13), 30) == [
            "11 a.m.",
            "11:30 a.m.",
            "noon",
            "12:30 p.m.",
        ]
    with pytest.raises(ValueError, match=r"end \(08:00:00\) must be after start \(09:00:00\)"):
        CalendarGridData.time_rows(time(9), time(8), 30)
    with pytest.raises(ValueError, match=r"step_minutes must be positive \(got 0\)"):
        CalendarGridData.time_rows(time(8), time(9), 0)


def test_slot_from_datetime() -> None:
    slot = CalendarSlot.from_datetime(
        time(9), 60, col=0, grid_start=time(8), step_minutes=30, title="Иван П.", url="/booking/42/"
    )
    assert (slot.row, slot.span, slot.end_row, slot.url) == (2, 2, 4, "/booking/42/")
    # Off-grid times round outwards: 9:10-9:50 touches the 9:00 and 9:30 slots.
    odd = CalendarSlot.from_datetime(
        datetime(2026, 4, 1, 9, 10), 40, col=1, grid_start=datetime(2026, 4, 1, 8), step_minutes=30, title="x"
    )
    assert (odd.col, odd.row, odd.span) == (1, 2, 2)
    short = CalendarSlot.from_datetime(time(8, 5), 5, col=0, grid_start=time(8), step_minutes=30, title="x")
    assert (short.row, short.span) == (0, 1)
    with pytest.raises(ValueError, match="before the grid starts at 08:00:00"):
        CalendarSlot.from_datetime(time(7), 30, col=0, grid_start=time(8), step_minutes=30, title="x")
    with pytest.raises(ValueError, match=r"duration_minutes must be positive \(got 0\)"):
        CalendarSlot.from_datetime(time(9), 0, col=0, grid_start=time(8), step_minutes=30, title="x")


def test_lanes_for_overlapping_events() -> None:
    events = [
        CalendarSlot(0, 0, 4, "A"),  # 0-4
        CalendarSlot(0, 1, 2, "B"),  # 1-3 overlaps A
        CalendarSlot(0, 3, 2, "C"),  # 3-5 overlaps A, B has ended: lane 1 again
        CalendarSlot(0, 2, 1, "D"),  # 2-3 overlaps A and B: lane 2
        CalendarSlot(0, 6, 1, "E"),  # alone
        CalendarSlot(1, 0, 2, "F"),  # other column, alone
        CalendarSlot(1, 1, 2, "G"),  # overlaps F
    ]
    grid = CalendarGridData(cols=["M1", "M2"], rows=ROWS_48, events=events)
    assert grid.lanes == [(0, 3), (1, 3), (1, 3), (2, 3), (0, 1), (0, 2), (1, 2)]
    placed = grid.placed_events
    assert [item.position for item in placed] == list(range(7))
    assert placed[3].event is events[3]


def test_lanes_are_stable_for_identical_events() -> None:
    events = [CalendarSlot(0, 2, 2, "first"), CalendarSlot(0, 2, 2, "second")]
    grid = CalendarGridData(cols=["M"], rows=ROWS_48, events=events)
    assert grid.lanes == [(0, 2), (1, 2)]
    touching = CalendarGridData(
        cols=["M"], rows=ROWS_48, events=[CalendarSlot(0, 0, 2, "a"), CalendarSlot(0, 2, 2, "b")]
    )
    assert touching.lanes == [(0, 1), (0, 1)]


def test_column_labels() -> None:
    grid = CalendarGridData(
        cols=["Мастер 1", {"label": "Мастер 2", "id": 7}, {"name": "Зал"}], rows=["8:00"], events=[]
    )
    assert grid.column_labels == ["Мастер 1", "Мастер 2", "Зал"]


# --------------------------------------------------------------------------- cards, lists, panel


def test_avatars_and_initials() -> None:
    card = CardItem(id="1", title="Иван Петров")
    assert (card.avatar_is_image, card.initials) == (False, "ИП")
    image = CardItem(id="2", title="Анна", avatar="/media/a.jpg")
    assert (image.avatar_is_image, image.initials) == (True, "А")
    row = ListRow(id="1", primary="Мария Сидорова", avatar="МС")
    assert (row.avatar_is_image, row.initials) == (False, "МС")


def test_list_row_actions_use_their_url_or_the_row_url() -> None:
    row = ListRow(
        id="1",
        primary="a",
        url="/m/1/",
        actions=[
            TableAction("Открыть", ""),
            TableAction("Удалить", "", style="btn-danger", url="/m/1/delete/"),
        ],
    )
    assert [item.url for item in row.row_actions] == ["/m/1/", "/m/1/delete/"]


def test_split_panel_entries() -> None:
    rows = [ListRow("1", "a", url="/own/1/"), ListRow("a b", "b")]
    panel = SplitPanelData(items=rows, active_id="1", detail_url="/cabinet/conversations/")
    assert panel.entries == [
        PanelEntry(rows[0], "/cabinet/conversations/1", True),
        PanelEntry(rows[1], "/cabinet/conversations/a%20b", False),
    ]
    plain = SplitPanelData(items=rows)
    assert [entry.detail_url for entry in plain.entries] == ["/own/1/", ""]


def test_split_panel_reverses_a_route_name_before_appending_the_id() -> None:
    from django.urls import reverse

    panel = SplitPanelData(
        items=[ListRow("42", "a"), ListRow("43", "b", url="booking:new")], detail_url="booking:schedule"
    )
    base = reverse("booking:schedule").rstrip("/")
    assert [entry.detail_url for entry in panel.entries] == [f"{base}/42", f"{base}/43"]
    own = SplitPanelData(items=[ListRow("43", "b", url="booking:new")])
    assert own.entries[0].detail_url == reverse("booking:new")
