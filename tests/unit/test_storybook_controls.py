"""Controls, fields table, usage snippet and notes built from contracts and stories."""

from __future__ import annotations

from codex_django.cabinet.types.widgets import ListItem, ListWidgetData, MetricWidgetData
from codex_django.storybook.controls import controls_for, payload_of
from codex_django.storybook.fields_table import field_descriptions, fields_table
from codex_django.storybook.notes import render_notes
from codex_django.storybook.usage import usage_snippet


def by_field(controls: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {str(control["field"] or control["kwarg"]): control for control in controls}


def test_controls_follow_the_json_schema() -> None:
    controls = by_field(controls_for("kpi", {"metric": MetricWidgetData(label="A", value="1")}))
    assert list(controls) == [
        "label",
        "value",
        "unit",
        "trend_value",
        "trend_label",
        "trend_direction",
        "icon",
        "url",
    ]
    assert controls["trend_direction"]["widget"] == "select"
    assert controls["trend_direction"]["options"] == ["up", "down", "neutral"]
    assert controls["label"]["widget"] == "text" and controls["label"]["nullable"] is False
    assert controls["unit"]["widget"] == "text" and controls["unit"]["nullable"] is True
    assert str(controls["label"]["description"]).startswith("Short description of the metric")


def test_lists_get_a_json_editor() -> None:
    data = ListWidgetData(items=[ListItem(label="Anna", value="3")], title="Top")
    controls = by_field(controls_for("list_widget", {"list": data}))
    assert controls["items"]["widget"] == "json"
    assert controls["title"]["widget"] == "text"


def test_plain_kwargs_use_the_component_kwargs_hints() -> None:
    controls = by_field(
        controls_for("avatar", {"avatar": "ИП", "name": "Иван", "size": "lg", "decorative": True})
    )
    assert controls["size"]["widget"] == "select"
    assert controls["size"]["options"] == ["sm", "md", "lg"]
    assert controls["decorative"]["widget"] == "toggle"
    assert controls["name"]["widget"] == "text"


def test_payload_is_json_data() -> None:
    assert payload_of(MetricWidgetData(label="A", value="1"))["trend_direction"] == "neutral"
    assert payload_of("x") == "x"


def test_field_descriptions_come_from_the_docstring() -> None:
    descriptions = field_descriptions(MetricWidgetData)
    assert descriptions["trend_direction"].startswith('"up" (green), "down" (red) or "neutral"')


def test_fields_table_lists_types_defaults_and_required() -> None:
    (table,) = fields_table("kpi", {"metric": MetricWidgetData(label="A", value="1")})
    rows = {row["name"]: row for row in table["fields"]}
    assert table["contract"] == "MetricWidgetData"
    assert rows["label"]["required"] is True
    assert rows["trend_direction"]["type"] == "'up' | 'down' | 'neutral'"
    assert rows["trend_direction"]["default"] == "'neutral'"
    assert rows["unit"]["type"] == "str | None"


def test_fields_table_for_plain_kwargs() -> None:
    (table,) = fields_table("avatar", {"avatar": "ИП", "size": "lg"})
    rows = {row["name"]: row for row in table["fields"]}
    assert rows["size"]["type"] == "'sm' | 'md' | 'lg'"
    assert rows["size"]["default"] == "'md'"


def test_usage_snippet_writes_the_component_call_and_changed_fields() -> None:
    snippet = usage_snippet(
        "kpi", {"metric": MetricWidgetData(label="New clients", value="142", trend_direction="up")}
    )
    assert snippet == (
        '{% component "kpi" metric=metric / %}\n'
        "{# slippers: {% load cabinet_slippers %}{% CabKpi metric=metric %} #}\n"
        "\n"
        "# in the view\n"
        "from codex_django.cabinet.types.widgets import MetricWidgetData\n"
        "\n"
        "metric = MetricWidgetData(\n"
        "    label='New clients',\n"
        "    value='142',\n"
        "    trend_direction='up',\n"
        ")\n"
    )


def test_usage_snippet_nests_contracts_in_lists() -> None:
    snippet = usage_snippet(
        "list_widget", {"list": ListWidgetData(items=[ListItem(label="Anna", value="3")])}
    )
    assert "from codex_django.cabinet.types.widgets import ListItem, ListWidgetData" in snippet
    expected = "\n".join(
        [
            "    items=[",
            "        ListItem(",
            "            label='Anna',",
            "            value='3',",
            "        ),",
            "    ],",
        ]
    )
    assert expected in snippet


def test_notes_are_escaped_markdown() -> None:
    html = render_notes(
        "# Title\n\nUse `kpi` for **one** number <script>.\n\n- a [link](/x/)\n- [bad](javascript:void)"
    )
    assert html == (
        "<h3>Title</h3>\n"
        "<p>Use <code>kpi</code> for <strong>one</strong> number &lt;script&gt;.</p>\n"
        '<ul><li>a <a href="/x/">link</a></li><li>bad</li></ul>'
    )
