"""Collecting stories: every real story matches its contract; broken ones are named."""

from __future__ import annotations

import pytest

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.discovery import (
    StoryError,
    collect,
    collect_stories,
    component_names,
    get_collection,
    get_story,
    story_module_names,
    use_stories,
)
from codex_django.storybook.story import Story


def test_every_story_matches_its_contract() -> None:
    errors = get_collection().errors
    assert not errors, "\n".join(str(error) for error in errors)


def test_story_ids_are_unique_and_components_registered() -> None:
    ids = [collected.id for collected in get_collection().stories]
    assert len(ids) == len(set(ids))
    assert set(component_names()) >= {collected.component for collected in get_collection().stories}


def test_modules_come_from_component_folders() -> None:
    names = story_module_names()
    assert "codex_django.cabinet.components.kpi.stories" in names
    assert all(name.endswith(".stories") for name in names)


def test_contract_breaking_story_is_reported_with_its_name() -> None:
    broken = Story(
        component="kpi",
        name="Sideways",
        kwargs=lambda: {"metric": MetricWidgetData(label="A", value="1", trend_direction="sideways")},  # type: ignore[arg-type]
    )
    collection = collect_stories([broken])
    assert collection.stories == ()
    assert [str(error) for error in collection.errors] == [
        "Story 'kpi--sideways' does not match its contract: MetricWidgetData: trend_direction: "
        "Input should be 'up', 'down' or 'neutral' (got 'sideways')"
    ]
    assert collection.errors[0].story_id == "kpi--sideways"


def test_dict_payload_is_built_into_the_contract() -> None:
    story = Story(component="kpi", name="From dict", kwargs={"metric": {"label": "Visits", "value": "12"}})
    (collected,) = collect_stories([story]).stories
    assert collected.kwargs["metric"] == MetricWidgetData(label="Visits", value="12")


def test_invalid_dict_payload_names_the_kwarg() -> None:
    story = Story(component="kpi", name="Bad dict", kwargs={"metric": {"label": "Visits"}})
    (error,) = collect_stories([story]).errors
    assert str(error) == (
        "Story 'kpi--bad-dict' does not match its contract: metric (MetricWidgetData): value: "
        "Field required (got {'label': 'Visits'})"
    )


def test_missing_kwarg_and_unknown_component_are_reported() -> None:
    missing = Story(component="kpi", name="No metric", kwargs={})
    unknown = Story(component="no_such_component", name="Ghost", kwargs={})
    errors = [str(error) for error in collect_stories([missing, unknown]).errors]
    assert errors[0].startswith("Story 'kpi--no-metric' does not match its contract: ")
    assert "metric" in errors[0]
    assert (
        errors[1]
        == "Story 'no_such_component--ghost' names component 'no_such_component', which is not registered"
    )


def test_a_stories_module_that_fails_to_import_is_named(tmp_path: object) -> None:
    collection = collect(["tests.unit.no_such_stories_module"])
    (error,) = collection.errors
    assert str(error).startswith(
        "Story 'tests.unit.no_such_stories_module' could not be imported: ModuleNotFoundError"
    )


def test_duplicate_ids_are_reported() -> None:
    story = Story(component="kpi", name="Twice", kwargs={"metric": MetricWidgetData(label="A", value="1")})
    with pytest.raises(StoryError, match="is defined twice") as caught:
        raise StoryError(story.id, "is defined twice (again in x)")
    assert caught.value.story_id == "kpi--twice"


def test_use_stories_replaces_the_collection_for_a_while() -> None:
    story = Story(
        component="kpi", name="Temporary", kwargs={"metric": MetricWidgetData(label="A", value="1")}
    )
    with use_stories([story]) as collection:
        assert get_story("kpi--temporary") is collection.stories[0]
        assert [item.id for item in get_collection().stories] == ["kpi--temporary"]
    assert get_story("kpi--temporary") is None


def test_story_records_the_module_that_built_it() -> None:
    story = Story(component="kpi", name="Here", kwargs={})
    assert story.module == __name__
