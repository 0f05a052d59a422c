"""Rendering a story: the component with the story's kwargs inside the preview page.

The preview page (``storybook/preview.html``) extends a minimal base that links
the cabinet bundle, so a component looks exactly as in a cabinet page. The
story is rendered through ``{% component "<name>" ...story_kwargs / %}`` (the
same tag users write), and once more without the page for the "HTML" tab.

HTMX stubs: a story's ``htmx`` map is keyed by the URLs its payload points at.
The preview page lists them (``json_script``) with the URL that answers each
one: ``/storybook/stub/<story>/<n>/`` when served, ``stub/<story>/<n>.html``
in the static export. The preview's script rewrites matching requests in
``htmx:configRequest``; payloads keep their real-looking URLs. An exported
page also embeds the stubs' HTML (``stub_bodies``): opened from ``file://``
it cannot read the stub files, so the script answers from a ``blob:`` URL.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from collections.abc import Callable
from typing import Any

from django.http import HttpRequest, QueryDict
from django.template import Template, engines
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.safestring import SafeString, mark_safe
from django_components import registry

from .combinations import DIRECTIONS, THEMES, default_locale, locales
from .discovery import CollectedStory
from .fixed import STORY_TIME_ZONE
from .kwargs_types import check_kwargs
from .themes import DEFAULT, theme_names
from .usage import usage_snippet
from .values import ValueProblem, ValuesError, apply_values, decode_values

_COMPONENT_NAME = re.compile(r"^[A-Za-z_][\w.-]*$")
# django-components' bookkeeping, noise in the "HTML" tab.
_RENDER_MARKS = re.compile(r"<!-- _RENDERED [^>]*-->|\s?data-djc-id-\w+=\"\"")
_KWARG_NAME = re.compile(r"kwarg '(\w+)'")


@dataclasses.dataclass(frozen=True)
class PreviewOptions:
    """The toolbar state a preview is rendered with."""

    theme: str = "light"
    locale: str = "en"
    direction: str = "ltr"
    values: str = ""


def parse_options(query: QueryDict) -> PreviewOptions:
    """Options from the preview URL's query; unknown values fall back to the defaults."""
    theme = query.get("theme", "light")
    locale = query.get("locale", default_locale())
    direction = query.get("dir", "ltr")
    return PreviewOptions(
        theme=theme if theme in THEMES else "light",
        locale=locale if locale in locales() else default_locale(),
        direction=direction if direction in DIRECTIONS else "ltr",
        values=query.get("values", ""),
    )


@functools.cache
def story_template(component: str) -> Template:
    """``{% component "<component>" ...story_kwargs / %}`` compiled once per component."""
    if not _COMPONENT_NAME.match(component):
        raise ValueError(f"not a component name: {component!r}")
    engine = engines["django"].engine  # type: ignore[attr-defined]
    template: Template = engine.from_string(f'{{% component "{component}" ...story_kwargs / %}}')
    return template


def resolve_story_kwargs(collected: CollectedStory, values: str) -> tuple[dict[str, Any], list[ValueProblem]]:
    """The kwargs to render: the story's, with the changed ``values`` applied when valid."""
    try:
        changes = decode_values(values)
    except ValuesError as error:
        return dict(collected.kwargs), [ValueProblem("", "", "values", str(error))]
    kwargs, problems = apply_values(collected.kwargs, changes)
    complaint = None if problems else check_kwargs(collected.component, kwargs)
    if complaint:
        named = _KWARG_NAME.search(complaint)
        kwarg = named.group(1) if named else ""
        return dict(collected.kwargs), [ValueProblem(kwarg, "", kwarg or "kwargs", complaint)]
    return kwargs, problems


def fragment_html(component: str, kwargs: dict[str, Any], request: HttpRequest | None) -> str:
    """The component's HTML alone (for the "HTML" tab), without the page around it."""
    cls = registry.get(component)
    html = str(cls.render(kwargs=kwargs, request=request, deps_strategy="ignore"))
    return _RENDER_MARKS.sub("", html).strip()


def stub_map(collected: CollectedStory, stub_url: Callable[[int], str]) -> dict[str, str]:
    """``{URL in the payload: URL answering it}`` for the story's HTMX stubs."""
    mapping: dict[str, str] = {}
    for number, key in enumerate(collected.story.htmx):
        target = stub_url(number)
        mapping[key] = target
        resolved = _resolved(key)
        if resolved and resolved != key:
            mapping[resolved] = target
    return mapping


def stub_bodies(collected: CollectedStory, stub_url: Callable[[int], str]) -> dict[str, str]:
    """``{URL answering a stub: the stub's HTML}``, for pages that cannot fetch the stub files."""
    return {stub_url(number): str(answer) for number, answer in enumerate(collected.story.htmx.values())}


def _resolved(key: str) -> str:
    try:
        from codex_django.cabinet.rendering.links import resolve_link
    except ImportError:  # pragma: no cover - links arrive with the foundation work
        return key
    try:
        return resolve_link(key)
    except Exception:  # a stub key need not be a resolvable route
        return key


def render_preview(
    request: HttpRequest,
    collected: CollectedStory,
    options: PreviewOptions,
    *,
    stub_url: Callable[[int], str],
    theme_url: Callable[[str], str],
    embed_stubs: bool = False,
) -> tuple[str, bool]:
    """The preview page's HTML and whether the values were valid.

    ``embed_stubs`` (the static export) puts each stub's HTML into the page, keyed by its stub URL.
    """
    kwargs, problems = resolve_story_kwargs(collected, options.values)
    with translation.override(options.locale), timezone.override(STORY_TIME_ZONE):
        html = "" if problems else fragment_html(collected.component, kwargs, request)
        context = {
            "story": collected.story,
            "story_template": story_template(collected.component),
            "story_kwargs": kwargs,
            "theme": options.theme,
            "locale": options.locale,
            "direction": options.direction,
            "problems": [problem.as_dict() for problem in problems],
            # For the preview's script (escaped into a data- attribute): theme name -> stylesheet.
            "theme_urls": json.dumps({name: theme_url(name) for name in theme_names() if name != DEFAULT}),
            "preview_state": {
                "story": collected.id,
                "stubs": stub_map(collected, stub_url),
                "stub_bodies": stub_bodies(collected, stub_url) if embed_stubs else {},
                "problems": [problem.as_dict() for problem in problems],
                "html": html,
                "usage": usage_snippet(collected.component, kwargs),
            },
        }
        return render_to_string("storybook/preview.html", context, request=request), not problems


def as_safe_html(text: str) -> SafeString:
    """Mark stub HTML safe: it is written by the story's author in code, never by a visitor."""
    return mark_safe(text)  # noqa: S308 (developer-written story stub, see docstring)
