"""Deliberately unsafe test-only components: the hostile pass must catch each one.

Registered under ``hostile_test_*`` names when imported (by
``test_hostile_catches.py`` and ``test_hostile_browser.py``); their stories
are served through :func:`codex_django.storybook.discovery.use_stories` or
:func:`codex_django.storybook.discovery.collect_stories`, never discovered.
"""

from __future__ import annotations

from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs
from codex_django.storybook.story import Story


@register("hostile_test_safe_title")
class SafeTitle(CabinetComponent):
    """``|safe`` on a title: markup in the title becomes markup on the page."""

    template = '<section class="card"><h2 class="h5">{{ title|safe }}</h2><p>{{ text }}</p></section>'

    class Kwargs(ComponentKwargs):
        title: str
        text: str = ""


@register("hostile_test_alpine_splice")
class AlpineSplice(CabinetComponent):
    """A value spliced into an Alpine expression (escaped for HTML, still code for Alpine)."""

    template = '<div x-data="cabHostileTest" x-text="\'{{ title }}\'">{{ title }}</div>'

    class Kwargs(ComponentKwargs):
        title: str


@register("hostile_test_raw_link")
class RawLink(CabinetComponent):
    """A link typed as plain ``str`` instead of ``SafeUrl``: ``javascript:`` goes straight to href."""

    template = '<a class="btn" href="{{ url }}">{{ label }}</a>'

    class Kwargs(ComponentKwargs):
        label: str
        url: str


@register("hostile_test_escaped")
class Escaped(CabinetComponent):
    """The control group: everything escaped, nothing spliced."""

    template = '<section class="card"><h2 class="h5">{{ title }}</h2><p data-note="{{ text }}">{{ text }}</p></section>'

    class Kwargs(ComponentKwargs):
        title: str
        text: str = ""


SAFE_TITLE = Story(
    component="hostile_test_safe_title", name="Unsafe title", kwargs={"title": "Hello", "text": "x"}
)
ALPINE_SPLICE = Story(component="hostile_test_alpine_splice", name="Spliced", kwargs={"title": "Hello"})
RAW_LINK = Story(
    component="hostile_test_raw_link", name="Raw link", kwargs={"label": "Open", "url": "/open/"}
)
ESCAPED = Story(component="hostile_test_escaped", name="Escaped", kwargs={"title": "Hello", "text": "note"})
UNSAFE_STORIES = [SAFE_TITLE, ALPINE_SPLICE, RAW_LINK]
