"""The storybook's catalogue: ``index.json`` and the data the UI page is built from.

``index.json`` is for machines (the browser harness, CI): every story with its
component, name, tags, status, render URL, the combinations to screenshot
and the readiness signal the preview sets when it has settled.

The storybook page embeds only what its sidebar and toolbar need
(:func:`ui_data`: a short summary per story), so it stays small with a
thousand stories. What people read about the story they open (controls,
payloads, fields tables, sources, notes: :func:`story_details`) is loaded when
they open it: ``story/<id>.json`` when served, ``story/<id>.js`` in the static
export (a script, since a page opened from ``file://`` cannot fetch files).

Both come in two flavours: served (URLs under ``/storybook/``) and exported
(relative file paths, see :mod:`codex_django.storybook.export`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.template.loader import render_to_string
from django.urls import reverse

from .combinations import (
    DIRECTIONS,
    THEMES,
    VIEWPORT_PRESETS,
    default_locale,
    export_file_name,
    locales,
    story_combinations,
)
from .controls import controls_for, payload_of
from .discovery import CollectedStory, StoryCollection
from .fields_table import fields_table
from .notes import render_notes
from .sources import story_source, template_source
from .themes import theme_names

READY_ATTRIBUTE = "data-story-ready"
READY_SELECTOR = "[data-story-ready=true]"


def preview_url(
    story_id: str, *, export: bool = False, theme: str = "light", locale: str = "", direction: str = "ltr"
) -> str:
    """Where a story's preview is: the view (with a query) or the exported file."""
    locale = locale or default_locale()
    if export:
        return f"preview/{story_id}/{export_file_name(theme, locale, direction)}"
    query = urlencode({"theme": theme, "locale": locale, "dir": direction})
    return f"{reverse('storybook:preview', args=[story_id])}?{query}"


def index_entry(
    collected: CollectedStory, *, export: bool = False, first_of_component: bool = False
) -> dict[str, Any]:
    """A story in ``index.json``; ``combinations`` are the ones the harness screenshots it in."""
    story = collected.story
    combinations = []
    for combination in story_combinations(story.screenshots, first_of_component=first_of_component):
        theme = str(combination["theme"])
        combinations.append({**combination, "url": preview_url(story.id, export=export, theme=theme)})
    return {
        "id": story.id,
        "component": story.component,
        "name": story.name,
        "tags": list(story.tags),
        "status": story.status,
        "layout": story.layout,
        "viewport": list(story.viewport) if story.viewport else None,
        "render_url": preview_url(story.id, export=export),
        "combinations": combinations,
        "htmx": list(story.htmx),
    }


def first_stories(collection: StoryCollection) -> set[str]:
    """The id of each component's first story (screenshotted in every combination)."""
    return {stories[0].id for stories in collection.by_component().values()}


def screenshot_plan(collection: StoryCollection) -> list[tuple[str, str]]:
    """``(story id, combination key)`` for every screenshot the harness takes, in index order."""
    firsts = first_stories(collection)
    return [
        (collected.id, str(combination["key"]))
        for collected in collection.stories
        for combination in story_combinations(
            collected.story.screenshots, first_of_component=collected.id in firsts
        )
    ]


def index_data(collection: StoryCollection, *, export: bool = False) -> dict[str, Any]:
    """The content of ``index.json``."""
    firsts = first_stories(collection)
    return {
        "version": 1,
        "ready": {"attribute": READY_ATTRIBUTE, "selector": READY_SELECTOR, "value": "true"},
        "themes": list(THEMES),
        "locales": list(locales()),
        "directions": list(DIRECTIONS),
        "stories": [
            index_entry(collected, export=export, first_of_component=collected.id in firsts)
            for collected in collection.stories
        ],
        "errors": [str(error) for error in collection.errors],
    }


def story_details(collected: CollectedStory) -> dict[str, Any]:
    """What the UI shows for one story besides the preview."""
    story = collected.story
    tables = fields_table(story.component, collected.kwargs)
    return {
        "controls": controls_for(story.component, collected.kwargs),
        "payload": {name: payload_of(value) for name, value in collected.kwargs.items()},
        # The Contract tab, rendered here (escaped by the template) from the same rows as ``fields``.
        "contract_html": render_to_string("storybook/contract.html", {"tables": tables}),
        "fields": tables,
        "template_source": template_source(story.component),
        "story_source": story_source(story, collected.module),
        "notes_html": str(render_notes(story.notes)) if story.notes else "",
    }


def ui_entry(collected: CollectedStory) -> dict[str, Any]:
    """A story as the storybook page's sidebar and toolbar need it (its details come later)."""
    story = collected.story
    return {
        "id": story.id,
        "component": story.component,
        "name": story.name,
        "tags": list(story.tags),
        "status": story.status,
        "viewport": list(story.viewport) if story.viewport else None,
    }


def ui_data(collection: StoryCollection, *, export: bool = False) -> dict[str, Any]:
    """What the storybook page embeds (``json_script``): the stories in short, and where the rest is."""
    if export:
        preview_template = "preview/{id}/{theme}-{locale}-{dir}.html"
        story_template = "story/{id}.js"
    else:
        preview_template = reverse("storybook:preview", args=["__story__"]).replace("__story__", "{id}")
        story_template = reverse("storybook:story", args=["__story__"]).replace("__story__", "{id}")
    return {
        "version": 1,
        "locales": list(locales()),
        "stories": [ui_entry(collected) for collected in collection.stories],
        "errors": [str(error) for error in collection.errors],
        "mode": "static" if export else "live",
        "preview_template": preview_template,
        "story_template": story_template,
        "default_locale": default_locale(),
        "brands": theme_names(),
        "viewports": [
            {"key": key, "label": str(label), "width": width, "height": height}
            for key, label, width, height in VIEWPORT_PRESETS
        ],
    }
