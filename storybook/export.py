"""The static export: the whole storybook as files any static host (or ``file://``) serves.

Layout of the output folder::

    index.html                      the storybook page, with the stories in short
    index.json                      the catalogue with relative render URLs
    story/<story>.js                one story's details for the page (a script: file:// pages cannot fetch)
    coverage.html
    preview/<story>/<theme>-<locale>-<dir>.html   every story in every combination
    stub/<story>/<n>.html           the stories' HTMX stubs
    theme/<name>.css                the toolbar's example themes
    static/...                      every static file the pages use (cabinet and storybook bundles, ...)

Static URLs are rewritten to relative paths, and the page loads what it
needs with ``<script src>`` rather than ``fetch``, so opening ``index.html``
from disk works. Controls are read-only there: changing values needs the server.

HTMX in the export: a static host answers the stub files (GET only, like the
preview asks). A page opened from ``file://`` cannot read other files, so each
preview also embeds its stubs' HTML and answers from it (``blob:`` URLs): modal
triggers, detail panels and lazy widgets work either way. Requests without a
stub are never sent; the preview names them in a notice.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import shutil
from collections.abc import Callable
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles.finders import get_finders
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.test import RequestFactory, override_settings

from .catalogue import index_data, story_details, ui_data
from .combinations import export_combinations, export_file_name
from .coverage import compute_coverage
from .discovery import CollectedStory, StoryCollection, get_collection
from .labels import ui_labels
from .rendering import PreviewOptions, render_preview
from .themes import theme_css, theme_names

PLAIN_STATIC_STORAGE = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}


@dataclasses.dataclass
class ExportResult:
    """What an export wrote (or would write, in a dry run)."""

    output: Path
    pages: list[str] = dataclasses.field(default_factory=list)
    static_files: int = 0

    def summary(self) -> str:
        return f"{len(self.pages)} pages and {self.static_files} static files -> {self.output}"


def _request() -> HttpRequest:
    """A fresh request for one page: what a page renders once per request (the modal host) is
    remembered on its request, so pages sharing one would lose it after the first."""
    request = RequestFactory().get("/storybook/")
    request.user = AnonymousUser()
    return request


def _relative_static(html: str, depth: int) -> str:
    """Point ``/static/...`` URLs at ``static/...`` relative to a page ``depth`` folders down."""
    static_url = str(settings.STATIC_URL or "/static/")
    if not static_url.startswith("/"):
        return html  # an absolute (CDN) STATIC_URL works from anywhere
    prefix = "../" * depth + "static/"
    for quote in ('"', "'"):
        html = html.replace(f"{quote}{static_url}", f"{quote}{prefix}")
    return html


def _pages(collection: StoryCollection) -> dict[str, Callable[[], str]]:
    """Relative path -> function rendering that file's text."""
    pages: dict[str, Callable[[], str]] = {}

    def ui() -> str:
        data = ui_data(collection, export=True)
        data["axe_url"] = "static/storybook/dist/axe.min.js"
        data["coverage_url"] = "coverage.html"
        html = render_to_string(
            "storybook/index.html",
            {"storybook_data": data, "labels": ui_labels(), "export": True},
            request=_request(),
        )
        return _relative_static(html, 0)

    def catalogue() -> str:
        return json.dumps(index_data(collection, export=True), ensure_ascii=False, indent=1)

    def coverage() -> str:
        context = {
            "coverage": compute_coverage(collection),
            "errors": [str(error) for error in collection.errors],
            "storybook_url": "index.html",
        }
        return _relative_static(render_to_string("storybook/coverage.html", context, request=_request()), 0)

    pages["index.html"] = ui
    pages["index.json"] = catalogue
    pages["coverage.html"] = coverage
    for name in theme_names():
        css = theme_css(name)
        if css is not None:
            pages[f"theme/{name}.css"] = functools.partial(str, css)
    for collected in collection.stories:
        for theme, locale, direction in export_combinations():
            name = f"preview/{collected.id}/{export_file_name(theme, locale, direction)}"
            pages[name] = functools.partial(_preview_page, collected, theme, locale, direction)
        pages[f"story/{collected.id}.js"] = functools.partial(_story_script, collected)
        for number, answer in enumerate(collected.story.htmx.values()):
            pages[f"stub/{collected.id}/{number}.html"] = functools.partial(str, answer)
    return pages


def _story_script(collected: CollectedStory) -> str:
    """``story/<id>.js``: the story's details handed to the page's ``cabStorybookStory`` callback."""
    details = json.dumps(story_details(collected), ensure_ascii=False)
    return f"window.cabStorybookStory({json.dumps(collected.id)}, {details});\n"


def _preview_page(collected: CollectedStory, theme: str, locale: str, direction: str) -> str:
    def stub_url(number: int) -> str:
        return f"../../stub/{collected.id}/{number}.html"

    options = PreviewOptions(theme=theme, locale=locale, direction=direction)
    html, _valid = render_preview(
        _request(),
        collected,
        options,
        stub_url=stub_url,
        theme_url=lambda name: f"../../theme/{name}.css",
        embed_stubs=True,
    )
    return _relative_static(html, 2)


def _static_files() -> dict[str, Path]:
    """Every static file the finders know: relative path -> source file (first finder wins)."""
    found: dict[str, Path] = {}
    for finder in get_finders():
        for path, storage in finder.list([]):
            if path not in found:
                found[path] = Path(storage.path(path))
    return found


def export_storybook(output: Path, *, dry_run: bool = False) -> ExportResult:
    """Write the storybook into ``output`` (nothing is written when ``dry_run``)."""
    result = ExportResult(output=output)
    collection = get_collection()
    storages = {**getattr(settings, "STORAGES", {}), "staticfiles": PLAIN_STATIC_STORAGE}
    with override_settings(STORAGES=storages):
        pages = _pages(collection)
        for relative, render in pages.items():
            result.pages.append(relative)
            if dry_run:
                continue
            target = output / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(render(), encoding="utf-8")
    static = _static_files()
    result.static_files = len(static)
    if not dry_run:
        for relative, source in static.items():
            target = output / "static" / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    return result
