"""Stories of the ``status_badge`` component: every colour, an icon, long and non-Latin text."""

from __future__ import annotations

from codex_django.cabinet.types.widgets import BadgeStyle
from codex_django.storybook.story import Story

COLOURS: tuple[BadgeStyle, ...] = (
    "primary",
    "secondary",
    "success",
    "danger",
    "warning",
    "info",
    "light",
    "dark",
)
WORDS = {
    "primary": "New",
    "secondary": "Draft",
    "success": "Paid",
    "danger": "Overdue",
    "warning": "Pending",
    "info": "Scheduled",
    "light": "Archived",
    "dark": "Closed",
}

STORIES = [
    Story(
        component="status_badge",
        name="Typical",
        kwargs={"text": "Paid", "style": "success"},
        notes="The word carries the status; the colour repeats it.",
    ),
    *[
        Story(
            component="status_badge",
            name=f"Colour {colour}",
            kwargs={"text": WORDS[colour], "style": colour},
            # The two colours named after a theme look most different in the other one.
            screenshots=("dark--desktop",) if colour in ("light", "dark") else (),
        )
        for colour in COLOURS
    ],
    Story(
        component="status_badge",
        name="With icon",
        kwargs={"text": "Confirmed", "style": "info", "icon": "bi-check2"},
    ),
    Story(
        component="status_badge",
        name="Long text",
        kwargs={"text": "Waiting for the client to confirm the rescheduled appointment", "style": "warning"},
        notes="Long text is cut with an ellipsis when the badge's container is narrower.",
    ),
    Story(component="status_badge", name="Non-Latin text", kwargs={"text": "Оплачено", "style": "success"}),
]
