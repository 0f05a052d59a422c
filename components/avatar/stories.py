"""Stories of the ``avatar`` component: initials and images, every size, decorative use."""

from __future__ import annotations

from codex_django.storybook.story import Story

# An image the storybook serves (see the report: storybook fixtures); any same-origin path works.
SAMPLE_IMAGE = "/static/storybook/fixtures/avatar.svg"

STORIES = [
    Story(
        component="avatar",
        name="Initials",
        kwargs={"avatar": "ИП", "name": "Иван Петров"},
        notes="Initials in a tinted circle; the tint is derived from the name, so it is stable.",
    ),
    Story(
        component="avatar",
        name="Initials from name",
        kwargs={"name": "Anna Smith"},
        notes="No avatar value: the initials come from the first two words of the name.",
    ),
    Story(component="avatar", name="Small", kwargs={"avatar": "AS", "name": "Anna Smith", "size": "sm"}),
    Story(component="avatar", name="Medium", kwargs={"avatar": "AS", "name": "Anna Smith", "size": "md"}),
    Story(component="avatar", name="Large", kwargs={"avatar": "AS", "name": "Anna Smith", "size": "lg"}),
    Story(
        component="avatar",
        name="Image",
        kwargs={"avatar": SAMPLE_IMAGE, "name": "Anna Smith", "size": "lg"},
        notes="An image URL renders <img> with the name as alt text.",
    ),
    Story(
        component="avatar",
        name="Decorative",
        kwargs={"avatar": "ИП", "name": "Иван Петров", "decorative": True},
        notes="Next to a printed name the avatar is hidden from screen readers.",
    ),
    Story(
        component="avatar",
        name="Non-Latin text",
        kwargs={"name": "李 小龙", "size": "lg"},
    ),
]
