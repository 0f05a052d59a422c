"""The storybook loop: every story in light--desktop, each component's first story (and the stories
that ask for it) also in dark--desktop, light--mobile and dark--mobile (``storybook/combinations.py``).

Each case loads the story's render URL from ``index.json`` once and runs the
checks on that page: CSP/console errors, the screenshot against its baseline,
and axe-core (desktop combinations only: the markup is the same at both sizes,
and axe is the slowest step; the mobile layout is still checked by its
screenshot). A story with no dark--desktop case is switched to dark after its
light--desktop checks and its contrast checked there, so every story's dark
theme is still checked for contrast.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from codex_django.storybook.catalogue import screenshot_plan
from codex_django.storybook.coverage import compute_coverage
from codex_django.storybook.discovery import get_collection

from .conftest import StoryPages
from .harness import BASELINES, assert_collection_clean, baseline_name, check_story

COLLECTION = get_collection()
PLAN = screenshot_plan(COLLECTION)
CASES = [
    pytest.param(story_id, combination, id=f"{story_id}[{combination}]") for story_id, combination in PLAN
]
WITH_DARK_LOAD = {story_id for story_id, combination in PLAN if combination == "dark--desktop"}


@pytest.fixture(scope="module")
def index(django_db_blocker: Any) -> dict[str, Any]:
    from django.test import override_settings

    with django_db_blocker.unblock(), override_settings(DEBUG=True):
        response = Client().get("/storybook/index.json")
    assert response.status_code == 200
    data: dict[str, Any] = response.json()
    return data


def test_every_story_is_collected_cleanly() -> None:
    assert_collection_clean(COLLECTION.errors)


def test_index_lists_every_story(index: dict[str, Any]) -> None:
    assert [entry["id"] for entry in index["stories"]] == [collected.id for collected in COLLECTION.stories]


def test_coverage(capsys: pytest.CaptureFixture[str]) -> None:
    """Print the coverage listing; fail only on components without any story."""
    coverage = compute_coverage(COLLECTION)
    with capsys.disabled():
        print("\n" + coverage.as_text())
    assert not coverage.without_stories, f"Components without a story: {', '.join(coverage.without_stories)}"


def test_no_orphan_baselines(update_baselines: bool) -> None:
    """Every baseline belongs to a story and combination; regenerating deletes the rest."""
    expected = {
        baseline_name(story_id, combination) for story_id, combination in (case.values for case in CASES)
    }
    orphans = sorted(path for path in BASELINES.glob("*.png") if path.name not in expected)
    if update_baselines:
        for path in orphans:
            path.unlink()
        return
    assert not orphans, "Baselines without a story (delete them or regenerate): " + ", ".join(
        path.name for path in orphans
    )


@pytest.mark.parametrize(("story_id", "combination"), CASES)
def test_story(
    story_id: str,
    combination: str,
    index: dict[str, Any],
    live_server: Any,
    story_pages: StoryPages,
    update_baselines: bool,
) -> None:
    entry = next(item for item in index["stories"] if item["id"] == story_id)
    target = next(item for item in entry["combinations"] if item["key"] == combination)
    check_story(
        story_pages.probe(combination),
        live_server.url + target["url"],
        story_id,
        combination,
        update=update_baselines,
        axe=combination.endswith("desktop"),
        dark_contrast=combination == "light--desktop" and story_id not in WITH_DARK_LOAD,
    )
