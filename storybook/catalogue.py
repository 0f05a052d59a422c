"""The storybook's catalogue: ``index.json`` and the data the UI page is built from.

``index.json`` is for machines (the browser harness, CI): every story with its
component, name, tags, status, render URL, the combinations to screenshot
and the readiness signal the preview sets when it has settled. The UI data
adds what people read: controls, payloads, fields tables, sources and notes.

Both come in two flavours: served (URLs under ``/storybook/``) and exported
(relative file paths, see :mod:`codex_django.storybook.export`).
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.urls import reverse

from .combinations import (
    DIRECTIONS,
    THEMES,
    VIEWPORT_PRESETS,
    default_locale,
    export_file_name,
    locales,
    screenshot_combinations,
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


def index_entry(collected: CollectedStory, *, export: bool = False) -> dict[str, Any]:
    story = collected.story
    combinations = []
    for combination in screenshot_combinations():
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


def index_data(collection: StoryCollection, *, export: bool = False) -> dict[str, Any]:
    """The content of ``index.json``."""
    return {
        "version": 1,
        "ready": {"attribute": READY_ATTRIBUTE, "selector": READY_SELECTOR, "value": "true"},
        "themes": list(THEMES),
        "locales": list(locales()),
        "directions": list(DIRECTIONS),
        "stories": [index_entry(collected, export=export) for collected in collection.stories],
        "errors": [str(error) for error in collection.errors],
    }


def story_details(collected: CollectedStory) -> dict[str, Any]:
    """What the UI shows for one story besides the preview."""
    story = collected.story
    return {
        "controls": controls_for(story.component, collected.kwargs),
        "payload": {name: payload_of(value) for name, value in collected.kwargs.items()},
        "fields": fields_table(story.component, collected.kwargs),
        "template_source": template_source(story.component),
        "story_source": story_source(story, collected.module),
        "notes_html": str(render_notes(story.notes)) if story.notes else "",
    }


def ui_data(collection: StoryCollection, *, export: bool = False) -> dict[str, Any]:
    """Everything the storybook page needs, handed over with ``json_script``."""
    index = index_data(collection, export=export)
    for entry, collected in zip(index["stories"], collection.stories, strict=True):
        entry.update(story_details(collected))
    if export:
        preview_template = "preview/{id}/{theme}-{locale}-{dir}.html"
    else:
        preview_template = reverse("storybook:preview", args=["__story__"]).replace("__story__", "{id}")
    index.update(
        {
            "mode": "static" if export else "live",
            "preview_template": preview_template,
            "default_locale": default_locale(),
            "brands": theme_names(),
            "viewports": [
                {"key": key, "label": str(label), "width": width, "height": height}
                for key, label, width, height in VIEWPORT_PRESETS
            ],
        }
    )
    return index
