"""The coverage listing: components without stories and unexercised enum values."""

from __future__ import annotations

from codex_django.cabinet.types.widgets import MetricWidgetData, TableColumn, TableWidgetData
from codex_django.storybook.coverage import compute_coverage, enum_paths, used_values
from codex_django.storybook.discovery import collect_stories
from codex_django.storybook.story import Story


def test_enum_paths_reach_into_lists_of_contracts() -> None:
    from codex_django.cabinet.types.contract import json_schema

    paths = enum_paths(json_schema(TableWidgetData), prefix="table.")
    assert paths == {"table.columns[].align": ["left", "center", "right"]}


def test_used_values_use_the_same_paths() -> None:
    used = used_values({"columns": [{"align": "left"}, {"align": "right"}]}, "table.")
    assert used["table.columns[].align"] == {"left", "right"}


def test_missing_components_and_enum_values_are_listed() -> None:
    collection = collect_stories(
        [
            Story(
                component="kpi",
                name="Up",
                kwargs={"metric": MetricWidgetData(label="A", value="1", trend_direction="up")},
            ),
            Story(
                component="table_widget",
                name="Left",
                kwargs={"table": TableWidgetData(columns=[TableColumn(key="a", label="A")], rows=[{"a": 1}])},
            ),
            Story(component="avatar", name="Small", kwargs={"name": "Anna", "size": "sm"}),
        ]
    )
    coverage = compute_coverage(collection, components=["avatar", "kpi", "status_badge", "table_widget"])
    assert coverage.without_stories == ("status_badge",)
    gaps = {(gap.component, gap.path): gap.missing for gap in coverage.enum_gaps}
    assert gaps == {
        ("avatar", "size"): ("md", "lg"),
        ("kpi", "metric.trend_direction"): ("down", "neutral"),
        ("table_widget", "table.columns[].align"): ("center", "right"),
    }
    text = coverage.as_text()
    assert "Components without a story: status_badge" in text
    assert "  kpi: metric.trend_direction: down, neutral" in text


def test_the_library_coverage(capsys: object) -> None:
    """Prints the real listing (``-s`` shows it); fails only on components without stories."""
    from codex_django.storybook.discovery import get_collection

    coverage = compute_coverage(get_collection())
    print(coverage.as_text())
    assert not coverage.without_stories, f"Components without a story: {', '.join(coverage.without_stories)}"
