"""The shipped example themes on one representative story per component, in both colour modes.

Every story is screenshotted in the default theme by ``test_stories.py``; here one
story per component (the one tagged ``"theme"``, else its "Typical" one, else its
first) is loaded with the
toolbar's theme (``?brand=<name>``: the preview links the theme's stylesheet after
the bundle, as ``{% cabinet_theme_css %}`` does on a site) in light and dark, at
the desktop size, and gets the same checks: CSP and console, the screenshot against
its baseline (``baselines/themes/``), and axe-core, so the example themes' contrast
is checked on real components too.

Regenerate these baselines with ``UPDATE_BASELINES=1 pytest tests/browser/test_example_themes.py``.
"""

from __future__ import annotations

from typing import Any

import pytest

from codex_django.cabinet.theme import example_names
from codex_django.storybook.discovery import get_collection

from .conftest import StoryPages
from .harness import BASELINES, baseline_name, check_story

THEME_BASELINES = BASELINES / "themes"


def _representatives() -> dict[str, str]:
    chosen: dict[str, tuple[int, str]] = {}
    for collected in get_collection().stories:
        story = collected.story
        rank = 0 if "theme" in story.tags else 1 if story.name == "Typical" else 2
        if story.component not in chosen or rank < chosen[story.component][0]:
            chosen[story.component] = (rank, collected.id)
    return {component: story_id for component, (_rank, story_id) in chosen.items()}


REPRESENTATIVE = _representatives()

CASES = [
    pytest.param(story_id, theme, mode, id=f"{story_id}[{theme}-{mode}]")
    for story_id in REPRESENTATIVE.values()
    for theme in example_names()
    for mode in ("light", "dark")
]


def test_two_example_themes_cover_every_component() -> None:
    from django_components import registry

    assert len(example_names()) >= 2
    registered = {
        name for name, cls in registry.all().items() if cls.__module__.startswith("codex_django.cabinet.")
    }
    assert set(REPRESENTATIVE) == registered  # every registered cabinet component, each by one story


def test_no_orphan_theme_baselines(update_baselines: bool) -> None:
    expected = {
        baseline_name(story_id, f"{theme}-{mode}--desktop")
        for story_id, theme, mode in (c.values for c in CASES)
    }
    orphans = sorted(path for path in THEME_BASELINES.glob("*.png") if path.name not in expected)
    if update_baselines:
        for path in orphans:
            path.unlink()
        return
    assert not orphans, "Theme baselines without a case: " + ", ".join(path.name for path in orphans)


@pytest.mark.parametrize(("story_id", "theme", "mode"), CASES)
def test_example_theme(
    story_id: str, theme: str, mode: str, live_server: Any, story_pages: StoryPages, update_baselines: bool
) -> None:
    check_story(
        story_pages.probe(f"{mode}--desktop"),
        f"{live_server.url}/storybook/preview/{story_id}/?theme={mode}&brand={theme}",
        story_id,
        f"{theme}-{mode}--desktop",
        update=update_baselines,
        axe=True,
        baselines=THEME_BASELINES,
    )
