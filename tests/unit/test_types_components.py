"""Page-component contracts: shape, validation messages, payloads (derived values: test_types_components_derived.py)."""

from __future__ import annotations

import dataclasses
from datetime import time

import pytest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from pydantic import ValidationError

from codex_django.cabinet.types.components import (
    CalendarGridData,
    CalendarSlot,
    CardGridData,
    CardItem,
    DataTableData,
    ListRow,
    ListViewData,
    SplitPanelData,
    TableAction,
    TableFilter,
)
from codex_django.cabinet.types.contract import from_payload, json_schema, to_payload
from codex_django.cabinet.types.widgets import TableColumn


def field_spec(cls: type) -> list[tuple[str, object]]:
    """(name, default) in declaration order; "<required>" for fields without a default."""
    spec = []
    for item in dataclasses.fields(cls):
        if item.default is not dataclasses.MISSING:
            default: object = item.default
        elif item.default_factory is not dataclasses.MISSING:
            default = item.default_factory()
        else:
            default = "<required>"
        spec.append((item.name, default))
    return spec


def error_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return str(caught.value)


ROWS_48 = CalendarGridData.time_rows(time(0), time(23, 59), 30)


def names(cls: type) -> list[str]:
    return [item.name for item in dataclasses.fields(cls)]


# --------------------------------------------------------------------------- shape


def test_reference_field_order_and_defaults() -> None:
    assert field_spec(TableFilter) == [("key", "<required>"), ("label", "<required>"), ("value", "")]
    assert field_spec(TableAction)[:4] == [
        ("label", "<required>"),
        ("url_key", "<required>"),
        ("icon", ""),
        ("style", "link"),
    ]
    spec = field_spec(DataTableData)
    assert spec[:5] == [
        ("columns", "<required>"),
        ("rows", "<required>"),
        ("filters", []),
        ("actions", []),
        ("search_placeholder", ""),
    ]
    assert spec[5][0] == "empty_message" and str(spec[5][1]) == "No data"
    assert field_spec(CalendarSlot) == [
        ("col", "<required>"),
        ("row", "<required>"),
        ("span", "<required>"),
        ("title", "<required>"),
        ("subtitle", ""),
        ("color", ""),
        ("url", ""),
    ]
    assert field_spec(CalendarGridData) == [
        ("cols", "<required>"),
        ("rows", "<required>"),
        ("events", "<required>"),
        ("slot_height_px", 40),
        ("new_event_url", ""),
        ("now_row", None),
    ]
    assert field_spec(CardItem) == [
        ("id", "<required>"),
        ("title", "<required>"),
        ("subtitle", ""),
        ("avatar", ""),
        ("badge", ""),
        ("badge_style", "secondary"),
        ("url", ""),
        ("meta", []),
    ]
    # The reference's fields first, in its order; the extensions (grid_id, open_in, page_size, page) after.
    assert names(CardGridData) == [
        "items",
        "view_mode",
        "search_placeholder",
        "empty_message",
        "grid_id",
        "page_size",
        "page",
    ]
    assert dict(field_spec(CardGridData))["view_mode"] == "grid"
    assert CardGridData(items=[]).page_size == 24
    assert names(ListRow) == ["id", "primary", "secondary", "meta", "avatar", "url", "actions"]
    assert names(ListViewData) == [
        "rows",
        "search_placeholder",
        "empty_message",
        "open_in",
        "page_size",
        "page",
    ]
    assert ListViewData(rows=[]).page_size == 25
    assert names(SplitPanelData) == ["items", "active_id", "detail_url", "empty_message"]
    with override("en"):
        assert str(dict(field_spec(SplitPanelData))["empty_message"]) == "Select an item"


def test_positional_construction() -> None:
    slot = CalendarSlot(0, 2, 2, "Иван П.", "Стрижка", "#6366f1", "/booking/42/")
    assert (slot.col, slot.row, slot.span, slot.subtitle, slot.color, slot.url) == (
        0,
        2,
        2,
        "Стрижка",
        "#6366f1",
        "/booking/42/",
    )
    action = TableAction("Удалить", "delete_url", "bi-trash", "btn-danger")
    assert action.style == "btn-danger"
    card = CardItem("1", "Иван", "VIP-клиент", "ИП", "VIP", "warning", "/c/1/", [("bi-telephone", "+7")])
    assert card.meta == [("bi-telephone", "+7")]
    row = ListRow("1", "Тема", "От", "01.04", "ИП", "/m/1/")
    panel = SplitPanelData([row], "1", "/m", "Выберите")
    assert (panel.active_id, panel.detail_url, panel.empty_message) == ("1", "/m", "Выберите")
    assert CardGridData([card], "list").view_mode == "list"
    assert ListViewData([row], "Поиск").search_placeholder == "Поиск"


# --------------------------------------------------------------------------- validation

COLUMNS = [TableColumn("name", "Клиент"), TableColumn("status", "Статус")]
GOOD_ROW = {"name": "Иван", "status": "pending", "detail_url": "/b/1/"}


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: TableFilter(key="", label="All"), ["TableFilter", "key", "at least 1 character"]),
        (
            lambda: TableAction(label="Open", url_key="u", style="btn-purple"),
            ["TableAction", "style", "'link', 'btn-primary' or 'btn-danger'", "'btn-purple'"],
        ),
        (
            lambda: TableAction(label="Open", url_key="u", url="javascript:x"),
            ["TableAction", "url", "javascript"],
        ),
        (
            lambda: DataTableData(
                columns=COLUMNS,
                rows=[GOOD_ROW, {**GOOD_ROW, "detail_url": "javascript:alert(1)"}],
                actions=[TableAction(label="Открыть", url_key="detail_url")],
            ),
            [
                "DataTableData",
                "actions",
                "rows.1.detail_url",
                "scheme 'javascript'",
                "'Открыть'",
                "javascript:alert(1)",
            ],
        ),
        (
            lambda: DataTableData(columns=COLUMNS, rows=[{"name": "A"}]),
            ["DataTableData", "rows", "rows.0: missing key 'status' (column 'Статус')"],
        ),
        (
            lambda: DataTableData(
                columns=COLUMNS, rows=[], filters=[TableFilter("a", "A"), TableFilter("a", "B", "x")]
            ),
            ["DataTableData", "filters", "filter key 'a' appears twice"],
        ),
        (
            lambda: CalendarSlot(col=-1, row=0, span=1, title="x"),
            ["CalendarSlot", "col", "greater than or equal to 0", "-1"],
        ),
        (lambda: CalendarSlot(col=0, row=-2, span=1, title="x"), ["CalendarSlot", "row", "-2"]),
        (
            lambda: CalendarSlot(col=0, row=0, span=0, title="x"),
            ["CalendarSlot", "span", "greater than or equal to 1", "0"],
        ),
        (
            lambda: CalendarSlot(col=0, row=0, span=1, title="x", color="red; background:url(x)"),
            ["CalendarSlot", "color", "hex value", "red; background:url(x)"],
        ),
        (
            lambda: CalendarGridData(
                cols=["M"],
                rows=ROWS_48,
                events=[CalendarSlot(0, 0, 1, "a")] * 3 + [CalendarSlot(0, 46, 4, "Иван П.")],
            ),
            [
                "CalendarGridData",
                "events",
                "events.3: CalendarSlot 'Иван П.' at row 46 with span 4 ends after the last row (48 rows)",
            ],
        ),
        (
            lambda: CalendarGridData(
                cols=["M1", "M2"], rows=["8:00"], events=[CalendarSlot(2, 0, 1, "Анна")]
            ),
            ["CalendarGridData", "events.0: CalendarSlot 'Анна' is in column 2 but the grid has 2 columns"],
        ),
        (
            lambda: CalendarGridData(cols=["M"], rows=["8:00"], events=[], slot_height_px=4),
            ["CalendarGridData", "slot_height_px", "greater than or equal to 16", "4"],
        ),
        (
            lambda: CalendarGridData(cols=["M"], rows=["8:00"], events=[], slot_height_px=500),
            ["CalendarGridData", "slot_height_px", "less than or equal to 200", "500"],
        ),
        (
            lambda: CalendarGridData(cols=[{"id": 3}], rows=["8:00"], events=[]),
            ["CalendarGridData", "cols", "cols.0: a column dict needs a 'label'"],
        ),
        (
            lambda: CalendarGridData(cols=["M"], rows=["8:00"], events=[], new_event_url="vbscript:x"),
            ["CalendarGridData", "new_event_url", "vbscript"],
        ),
        (
            lambda: CardItem(id="1", title="x", badge_style="purple"),
            ["CardItem", "badge_style", "'primary'", "'purple'"],
        ),
        (lambda: CardItem(id="", title="x"), ["CardItem", "id", "at least 1 character"]),
        (
            lambda: CardItem(id="1", title="x", meta=[("phone", "+7")]),
            ["CardItem", "meta.0.0", "Bootstrap Icons", "'phone'"],
        ),
        (
            lambda: CardGridData(items=[], view_mode="table"),
            ["CardGridData", "view_mode", "'grid' or 'list'", "'table'"],
        ),
        (
            lambda: CardGridData(items=[CardItem("7", "A"), CardItem("8", "B"), CardItem("7", "C")]),
            ["CardGridData", "items", "id '7' appears twice (items 0 and 2)"],
        ),
        (
            lambda: ListViewData(rows=[ListRow("1", "a"), ListRow("1", "b")]),
            ["ListViewData", "rows", "id '1' appears twice"],
        ),
        (
            lambda: ListRow(id="1", primary="a", actions=[TableAction("Открыть", "detail_url")]),
            ["ListRow", "actions", "actions.0: TableAction 'Открыть' has no URL"],
        ),
        (lambda: ListRow(id="1", primary="a", avatar="Иван Петров"), ["ListRow", "avatar", "initials"]),
        (
            lambda: SplitPanelData(items=[ListRow("1", "a"), ListRow("2", "b")], active_id="9"),
            ["SplitPanelData", "active_id", "active_id '9' is not the id of an item", "['1', '2']"],
        ),
        (
            lambda: SplitPanelData(items=[ListRow("1", "a"), ListRow("1", "b")]),
            ["SplitPanelData", "items", "id '1' appears twice"],
        ),
        (
            lambda: SplitPanelData(items=[], detail_url="//evil.example/x"),
            ["SplitPanelData", "detail_url", "protocol-relative"],
        ),
    ],
)
def test_invalid_component_payloads_name_contract_field_and_value(build, expected: list[str]) -> None:
    text = error_of(build)
    for part in expected:
        assert part in text, f"{part!r} not in:\n{text}"


def test_bg_colour_classes_are_stored_as_colour_names() -> None:
    assert CalendarSlot(0, 0, 1, "x", color="bg-primary").color == "primary"
    assert CalendarSlot(0, 0, 1, "x", color="#abc").color == "#abc"


def test_event_filling_the_grid_exactly_is_valid() -> None:
    grid = CalendarGridData(cols=["M"], rows=ROWS_48, events=[CalendarSlot(0, 44, 4, "last")])
    assert grid.events[0].end_row == 48


# --------------------------------------------------------------------------- payloads and schemas

CALENDAR = CalendarGridData(
    cols=["M1", {"label": "M2", "id": 2}],
    rows=["8:00", "8:30", "9:00"],
    events=[CalendarSlot(1, 0, 2, "Иван", "Стрижка", "bg-success", "/b/1/")],
    new_event_url="booking:new",
)
EXAMPLES = [
    TableFilter(key="pending", label=_("Pending"), value="pending"),
    TableAction(label="Удалить", url_key="delete_url", icon="bi-trash", style="btn-danger"),
    DataTableData(
        columns=COLUMNS,
        rows=[GOOD_ROW],
        filters=[TableFilter("p", "P", "pending")],
        actions=[TableAction("Open", "detail_url")],
        search_placeholder=_("Search"),
    ),
    CALENDAR.events[0],
    CALENDAR,
    CardItem("1", "Иван", avatar="ИП", meta=[("bi-telephone", "+7 999")]),
    CardGridData([CardItem("1", "Иван")], "list", "Поиск"),
    ListRow("1", "a", actions=[TableAction("x", "", url="/x/")]),
    ListViewData([ListRow("1", "a")]),
    SplitPanelData([ListRow("1", "a")], "1", "/c"),
]


@pytest.mark.parametrize("instance", EXAMPLES, ids=lambda item: type(item).__name__)
def test_json_round_trip(instance) -> None:
    payload = to_payload(instance)
    rebuilt = from_payload(type(instance), payload)
    assert type(rebuilt) is type(instance)
    assert to_payload(rebuilt) == payload


def test_calendar_payload_is_exact() -> None:
    assert to_payload(CALENDAR) == {
        "cols": ["M1", {"label": "M2", "id": 2}],
        "rows": ["8:00", "8:30", "9:00"],
        "events": [
            {
                "col": 1,
                "row": 0,
                "span": 2,
                "title": "Иван",
                "subtitle": "Стрижка",
                "color": "success",
                "url": "/b/1/",
            }
        ],
        "slot_height_px": 40,
        "new_event_url": "booking:new",
        "now_row": None,
    }


def test_lazy_texts_translate_when_dumped() -> None:
    table = DataTableData(columns=COLUMNS, rows=[], search_placeholder=_("Search"))
    with override("en"):
        assert to_payload(table)["empty_message"] == "No data"


@pytest.mark.parametrize(
    "cls",
    [
        TableFilter,
        TableAction,
        DataTableData,
        CalendarSlot,
        CalendarGridData,
        CardItem,
        CardGridData,
        ListRow,
        ListViewData,
        SplitPanelData,
    ],
)
def test_json_schema(cls) -> None:
    schema = json_schema(cls)
    assert schema["title"] == cls.__name__
    assert list(schema["properties"]) == names(cls)


def test_json_schema_constraints() -> None:
    slot = json_schema(CalendarSlot)["properties"]
    assert slot["span"]["minimum"] == 1 and slot["col"]["minimum"] == 0
    grid = json_schema(CalendarGridData)["properties"]
    assert (grid["slot_height_px"]["minimum"], grid["slot_height_px"]["maximum"]) == (16, 200)
    assert json_schema(CardGridData)["properties"]["view_mode"]["enum"] == ["grid", "list"]


def test_json_schema_keeps_translated_defaults() -> None:
    with override("en"):
        assert json_schema(DataTableData)["properties"]["empty_message"]["default"] == "No data"
