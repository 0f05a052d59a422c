"""Widget contracts: fields, order, defaults, validation messages and derived values."""

from __future__ import annotations

import dataclasses
from decimal import Decimal

import pytest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from pydantic import ValidationError

from codex_django.cabinet.types.contract import from_payload, json_schema, to_payload
from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
    display_text,
)


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


# --------------------------------------------------------------------------- shape


def test_table_column_fields_order_and_defaults() -> None:
    assert field_spec(TableColumn) == [
        ("key", "<required>"),
        ("label", "<required>"),
        ("align", "left"),
        ("bold", False),
        ("muted", False),
        ("sortable", False),
        ("badge_key", None),
        ("icon_key", None),
    ]


def test_list_item_metric_table_list_fields() -> None:
    assert field_spec(ListItem) == [
        ("label", "<required>"),
        ("value", "<required>"),
        ("avatar", None),
        ("sublabel", None),
        ("subvalue", None),
    ]
    assert [name for name, _default in field_spec(MetricWidgetData)] == [
        "label",
        "value",
        "unit",
        "trend_value",
        "trend_label",
        "trend_direction",
        "icon",
        "url",
    ]
    assert dict(field_spec(MetricWidgetData))["trend_direction"] == "neutral"
    assert field_spec(TableWidgetData) == [("columns", "<required>"), ("rows", "<required>")]
    assert field_spec(ListWidgetData)[:2] == [("items", "<required>"), ("title", None)]


def test_positional_construction_follows_reference_order() -> None:
    column = TableColumn("amount", "Сумма", "right", True, False, True, "colors", "icons")
    assert (column.key, column.align, column.bold, column.sortable, column.badge_key, column.icon_key) == (
        "amount",
        "right",
        True,
        True,
        "colors",
        "icons",
    )
    item = ListItem("Иван Петров", "5", "ИП", "Постоянный", "за месяц")
    assert (item.avatar, item.sublabel, item.subvalue) == ("ИП", "Постоянный", "за месяц")
    metric = MetricWidgetData("Клиенты", "142", None, "+12%", "за неделю", "up", "bi-people")
    assert (metric.trend_value, metric.trend_direction, metric.icon) == ("+12%", "up", "bi-people")
    assert ListWidgetData([item], "Топ").title == "Топ"


def test_widget_contracts_are_not_frozen() -> None:
    # The reference calls only the nav and registry contracts frozen.
    metric = MetricWidgetData(label="A", value="1")
    metric.value = "2"
    assert metric.value == "2"


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: TableColumn(key="k", label="K", align="middle"), ["TableColumn", "align", "'middle'"]),
        (lambda: TableColumn(key=" ", label="K"), ["TableColumn", "key", "a column key may not be empty"]),
        (
            lambda: TableColumn(key="k", label=5),
            ["TableColumn", "label", "Input should be a string, got int"],
        ),
        (lambda: TableColumn(key="k", label="K", bold="maybe"), ["TableColumn", "bold", "'maybe'"]),
        (
            lambda: MetricWidgetData(label="A", value="1", trend_direction="sideways"),
            ["MetricWidgetData", "trend_direction", "'up', 'down' or 'neutral'", "'sideways'"],
        ),
        (
            lambda: MetricWidgetData(label="A", value="1", icon="fa-user"),
            ["MetricWidgetData", "icon", "Bootstrap Icons", "'fa-user'"],
        ),
        (
            lambda: MetricWidgetData(label="A", value="1", url="javascript:alert(1)"),
            ["MetricWidgetData", "url", "scheme 'javascript' is not allowed", "javascript:alert(1)"],
        ),
        (
            lambda: ListItem(label="Иван Петров", value="1", avatar="Иван Петров"),
            ["ListItem", "avatar", "1-3 initials", "'Иван Петров'"],
        ),
        (
            lambda: ListItem(label="x", value="1", avatar="data:image/png;base64,AAA"),
            ["ListItem", "avatar", "scheme 'data' is not allowed"],
        ),
        (lambda: ListItem(label="x", value=None), ["ListItem", "value", "got NoneType"]),
        (
            lambda: TableWidgetData(columns=[TableColumn("a", "A"), TableColumn("a", "B")], rows=[]),
            ["TableWidgetData", "columns", "column key 'a' appears twice (items 0 and 1)"],
        ),
        (
            lambda: TableWidgetData(
                columns=[TableColumn("name", "Клиент")], rows=[{"name": "A"}, {"nme": "B"}]
            ),
            ["TableWidgetData", "rows", "rows.1: missing key 'name' (column 'Клиент'); the row has ['nme']"],
        ),
        (
            lambda: TableWidgetData(columns=[TableColumn("a", "A")], rows=["a"]),
            ["TableWidgetData", "rows.0", "Input should be a valid dictionary", "'a'"],
        ),
        (
            lambda: ListWidgetData(items=[{"label": "x"}]),
            ["ListWidgetData", "items.0.value", "Field required", "{'label': 'x'}"],
        ),
        (lambda: ListWidgetData(items=[], icon="people"), ["ListWidgetData", "icon", "'people'"]),
    ],
)
def test_invalid_widget_payloads_name_contract_field_and_value(build, expected: list[str]) -> None:
    text = error_of(build)
    for part in expected:
        assert part in text, f"{part!r} not in:\n{text}"


def test_valid_avatars() -> None:
    assert ListItem(label="x", value="1", avatar="ИП").avatar == "ИП"
    assert ListItem(label="x", value="1", avatar="/media/a.png").avatar_is_image
    assert ListItem(label="x", value="1", avatar="https://cdn.example.com/a.jpg").avatar_is_image
    assert not ListItem(label="x", value="1", avatar="ИП").avatar_is_image
    assert not ListItem(label="x", value="1").avatar_is_image


# --------------------------------------------------------------------------- derived values


def test_initials_come_from_avatar_or_label() -> None:
    assert ListItem(label="Иван Петров", value="1", avatar="ИП").initials == "ИП"
    assert ListItem(label="иван петров сидорович", value="1").initials == "ИП"
    assert ListItem(label="Anna", value="1", avatar="/a.png").initials == "A"
    assert ListItem(label=_("Guest user"), value="1").initials == "GU"


def test_table_widget_rows_reach_templates_as_display_strings() -> None:
    columns = [TableColumn("name", "Клиент"), TableColumn("visits", "Визиты"), TableColumn("sum", "Сумма")]
    table = TableWidgetData(
        columns=columns,
        rows=[
            {"sum": Decimal("1234.50"), "name": "Иван", "visits": 3, "extra": "ignored"},
            {"name": None, "visits": 1000000, "sum": 0.5},
        ],
    )
    # Typed numbers are printed once, in Python, in the active language's format.
    with override("ru"):
        assert table.display_rows == [["Иван", "3", "1\xa0234,50"], ["", "1\xa0000\xa0000", "0,5"]]
    with override("en"):
        assert table.display_rows == [["Иван", "3", "1,234.50"], ["", "1,000,000", "0.5"]]
    assert display_text(None) == "" and display_text(_("No data")) == "No data"


def test_lazy_texts_stay_lazy_until_rendered() -> None:
    metric = MetricWidgetData(label=_("New clients"), value="142")
    assert isinstance(metric.label, Promise)
    with override("en"):
        assert str(metric.label) == "New clients"


def test_metric_trend_icon() -> None:
    assert MetricWidgetData(label="a", value="1", trend_direction="up").trend_icon == "bi-arrow-up-right"
    assert MetricWidgetData(label="a", value="1", trend_direction="down").trend_icon == "bi-arrow-down-right"
    assert MetricWidgetData(label="a", value="1").trend_icon == "bi-dash"


# --------------------------------------------------------------------------- payloads and schemas

EXAMPLES = [
    TableColumn(key="status", label="Статус", badge_key="status_color_map"),
    ListItem(label="Иван Петров", value="5 сеансов", avatar="ИП", sublabel="Постоянный клиент"),
    MetricWidgetData(label=_("New clients"), value="142", trend_value="+12%", icon="bi-people", url="/c/"),
    TableWidgetData(columns=[TableColumn(key="n", label="N", align="right")], rows=[{"n": 1}, {"n": None}]),
    ListWidgetData(items=[ListItem(label="A", value="1")], title="Top", subtitle="week", icon="bi-star"),
]


@pytest.mark.parametrize("instance", EXAMPLES, ids=lambda item: type(item).__name__)
def test_json_round_trip(instance) -> None:
    payload = to_payload(instance)
    rebuilt = from_payload(type(instance), payload)
    assert to_payload(rebuilt) == payload
    assert type(rebuilt) is type(instance)


def test_payload_is_exactly_what_templates_and_caches_get() -> None:
    metric = MetricWidgetData(label=_("New clients"), value="142", trend_direction="up", icon="bi-people")
    assert to_payload(metric) == {
        "label": "New clients",
        "value": "142",
        "unit": None,
        "trend_value": None,
        "trend_label": None,
        "trend_direction": "up",
        "icon": "bi-people",
        "url": None,
    }


@pytest.mark.parametrize("cls", [TableColumn, ListItem, MetricWidgetData, TableWidgetData, ListWidgetData])
def test_json_schema(cls) -> None:
    schema = json_schema(cls)
    assert schema["title"] == cls.__name__
    assert schema["type"] == "object"
    assert list(schema["properties"]) == [item.name for item in dataclasses.fields(cls)]


def test_json_schema_describes_enums_and_text() -> None:
    column = json_schema(TableColumn)["properties"]
    assert column["align"] == {
        "default": "left",
        "enum": ["left", "center", "right"],
        "title": "Align",
        "type": "string",
    }
    assert column["label"]["type"] == "string"
    assert json_schema(MetricWidgetData)["properties"]["trend_direction"]["enum"] == ["up", "down", "neutral"]
