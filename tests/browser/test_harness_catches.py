"""The harness fails, naming the story, for each kind of problem it exists to catch.

Each test feeds it a deliberately broken story (``broken_components.py``)
and calls the same functions the main loop uses.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from codex_django.storybook.discovery import collect_stories, use_stories

from . import broken_components as broken
from .conftest import StoryPages
from .harness import (
    BASELINES,
    HarnessFailure,
    assert_collection_clean,
    check_axe,
    check_csp,
    check_story,
    check_visual,
    load_story,
    switch_to_dark,
)


def preview_url(live_server: Any, story_id: str, theme: str = "light") -> str:
    return f"{live_server.url}/storybook/preview/{story_id}/?theme={theme}"


def test_contract_breaking_story_fails_collection_with_its_name() -> None:
    collection = collect_stories([broken.CONTRACT_BREAKING, broken.WRONG_TYPE, broken.card()])
    assert [collected.id for collected in collection.stories] == ["sb_test_card--card"]
    with pytest.raises(HarnessFailure) as failure:
        assert_collection_clean(collection.errors)
    message = str(failure.value)
    assert (
        "Story 'kpi--contract-breaking' does not match its contract: MetricWidgetData: trend_direction: "
        "Input should be 'up', 'down' or 'neutral' (got 'sideways')"
    ) in message
    assert (
        "Story 'kpi--wrong-type' does not match its contract: metric should be a MetricWidgetData, got str"
        in message
    )


def test_valid_story_passes_every_check(live_server: Any, story_pages: StoryPages, tmp_path: Path) -> None:
    story = broken.card()
    with use_stories([story]):
        url = preview_url(live_server, story.id)
        probe = story_pages.probe("light--desktop")
        check_story(probe, url, story.id, "light--desktop", update=True, baselines=tmp_path)
        check_story(probe, url, story.id, "light--desktop", baselines=tmp_path, results=tmp_path / "results")


def test_visual_change_fails_with_the_story_name(
    live_server: Any, story_pages: StoryPages, tmp_path: Path
) -> None:
    probe = story_pages.probe("light--desktop")
    before, after = broken.card("The control group."), broken.card("The control group, now with more words.")
    with use_stories([before]):
        load_story(probe, preview_url(live_server, before.id), before.id)
        check_visual(probe, before.id, "light--desktop", update=True, baselines=tmp_path)
    results = tmp_path / "results"
    with use_stories([after]):
        load_story(probe, preview_url(live_server, after.id), after.id)
        with pytest.raises(HarnessFailure) as failure:
            check_visual(probe, after.id, "light--desktop", baselines=tmp_path, results=results)
    message = str(failure.value)
    assert message.startswith("sb_test_card--card [light--desktop]: ")
    assert "pixels differ from the baseline" in message
    assert (results / "sb_test_card--card--light--desktop-actual.png").exists()
    assert (results / "sb_test_card--card--light--desktop-diff.png").exists()


def test_missing_baseline_fails_and_says_how_to_create_it(
    live_server: Any, story_pages: StoryPages, tmp_path: Path
) -> None:
    story = broken.card()
    probe = story_pages.probe("dark--mobile")
    with use_stories([story]):
        load_story(probe, preview_url(live_server, story.id, "dark"), story.id)
        with pytest.raises(HarnessFailure) as failure:
            check_visual(probe, story.id, "dark--mobile", baselines=tmp_path, results=tmp_path)
    assert str(failure.value).startswith("sb_test_card--card [dark--mobile]: no baseline ")
    assert "UPDATE_BASELINES=1" in str(failure.value)


def test_axe_violation_fails_with_the_story_name(live_server: Any, story_pages: StoryPages) -> None:
    story = broken.UNLABELLED
    probe = story_pages.probe("light--desktop")
    with use_stories([story]):
        load_story(probe, preview_url(live_server, story.id), story.id)
        check_csp(probe, story.id)
        with pytest.raises(HarnessFailure) as failure:
            check_axe(probe, story.id)
    message = str(failure.value)
    assert message.startswith(
        "sb_test_unlabelled--unlabelled-input: accessibility violations: critical label"
    )
    assert "input" in message


def test_dark_only_contrast_fails_in_the_light_case(live_server: Any, story_pages: StoryPages) -> None:
    """A story screenshotted only in light--desktop still has its dark theme's contrast checked."""
    story = broken.DARK_ONLY_CONTRAST
    probe = story_pages.probe("light--desktop")
    with use_stories([story]):
        url = preview_url(live_server, story.id)
        load_story(probe, url, story.id)
        check_axe(probe, story.id)  # readable in light
        with pytest.raises(HarnessFailure) as failure:
            check_story(
                probe,
                url,
                story.id,
                "light--desktop",
                update=True,
                dark_contrast=True,
                baselines=Path("/nonexistent"),
            )
    message = str(failure.value)
    assert message.startswith(f"{story.id}: in the dark theme: serious color-contrast"), message


@pytest.mark.parametrize(
    "story_id",
    ["kpi--typical", "data_table--typical", "calendar_grid--typical", "generic_modal--appointment-details"],
)
def test_dark_switch_matches_a_dark_load(
    story_id: str, live_server: Any, story_pages: StoryPages, tmp_path: Path
) -> None:
    """Switching a light page to dark gives the pixels of the story loaded in dark (its committed baseline)."""
    probe = story_pages.probe("light--desktop")
    load_story(probe, preview_url(live_server, story_id), story_id)
    switch_to_dark(probe.page)
    check_visual(probe, story_id, "dark--desktop", baselines=BASELINES, results=tmp_path)


@pytest.mark.parametrize(
    ("story", "directive"),
    [(broken.INLINE_STYLE, "style-src"), (broken.INLINE_SCRIPT, "script-src")],
    ids=["inline-style", "inline-script"],
)
def test_csp_violation_fails_with_the_story_name(
    story: Any, directive: str, live_server: Any, story_pages: StoryPages
) -> None:
    probe = story_pages.probe("light--desktop")
    with use_stories([story]):
        load_story(probe, preview_url(live_server, story.id), story.id)
        with pytest.raises(HarnessFailure) as failure:
            check_csp(probe, story.id)
    message = str(failure.value)
    assert message.startswith(f"{story.id}: CSP violation: {directive}")
