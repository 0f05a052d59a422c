"""Stories of the ``color_mode_switch`` component: each of the three modes selected."""

from __future__ import annotations

from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="color_mode_switch",
        name="Typical",
        kwargs={},
        notes="Without a mode the switch shows the user's remembered choice (follow the system until one is made).",
    ),
    Story(component="color_mode_switch", name="Light selected", kwargs={"mode": "light"}),
    Story(component="color_mode_switch", name="Dark selected", kwargs={"mode": "dark"}),
    Story(
        component="color_mode_switch",
        name="System selected",
        kwargs={"mode": "system"},
        notes="Follows the operating system's light/dark setting, also when it changes.",
    ),
]
