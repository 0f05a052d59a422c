"""Finding and validating the stories.

Stories come from two places:

* every component folder: ``codex_django.cabinet.components.<name>.stories``;
* every installed app with a ``stories`` module (``myapp/stories.py``), so a
  project documents its own components next to the library's.

Each module exposes ``STORIES = [Story(...), ...]``. Collecting validates every
story against its component's contract: the component must be registered,
the kwargs must be built (a callable ``kwargs`` is called here) and every
contract value must survive a round trip through its JSON payload. A story
that fails becomes a :class:`StoryError` whose message starts with the story
id, e.g.::

    Story 'kpi--typical' does not match its contract: MetricWidgetData:
    trend_direction: Input should be 'up', 'down' or 'neutral' (got 'sideways')

Tests and tools can replace the collection for a while with :func:`use_stories`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import importlib
import importlib.util
import pkgutil
from collections.abc import Iterable, Iterator
from types import ModuleType
from typing import Any

from django.apps import apps
from django.core.exceptions import ImproperlyConfigured
from django_components import registry
from pydantic import ValidationError

from codex_django.cabinet.types.contract import format_validation_error, from_payload, is_contract, to_payload

from .kwargs_types import check_kwargs, kwargs_hints
from .story import Story

COMPONENTS_PACKAGE = "codex_django.cabinet.components"


class StoryError(Exception):
    """A story that cannot be shown; the message names the story (or its module)."""

    def __init__(self, story_id: str, message: str) -> None:
        super().__init__(f"Story {story_id!r} {message}")
        self.story_id = story_id


@dataclasses.dataclass(frozen=True)
class CollectedStory:
    """A validated story: the :class:`Story`, its built kwargs and where it was found."""

    story: Story
    kwargs: dict[str, Any]
    module: str

    @property
    def id(self) -> str:
        return self.story.id

    @property
    def component(self) -> str:
        return self.story.component


@dataclasses.dataclass(frozen=True)
class StoryCollection:
    """Every story found, in order, and the ones that failed validation."""

    stories: tuple[CollectedStory, ...]
    errors: tuple[StoryError, ...] = ()

    def get(self, story_id: str) -> CollectedStory | None:
        for collected in self.stories:
            if collected.id == story_id:
                return collected
        return None

    def by_component(self) -> dict[str, list[CollectedStory]]:
        grouped: dict[str, list[CollectedStory]] = {}
        for collected in self.stories:
            grouped.setdefault(collected.component, []).append(collected)
        return grouped


def story_module_names() -> list[str]:
    """Dotted names of every ``stories`` module: components first, then installed apps."""
    names: list[str] = []
    components = importlib.import_module(COMPONENTS_PACKAGE)
    for info in sorted(pkgutil.iter_modules(components.__path__), key=lambda item: item.name):
        if info.ispkg and not info.name.startswith("_"):
            names.append(f"{COMPONENTS_PACKAGE}.{info.name}.stories")
    for config in apps.get_app_configs():
        names.append(f"{config.name}.stories")
    return [name for name in dict.fromkeys(names) if _module_exists(name)]


def _module_exists(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except ModuleNotFoundError:
        return False


def component_names() -> list[str]:
    """Names of the library's components (one per folder under ``components/``)."""
    components = importlib.import_module(COMPONENTS_PACKAGE)
    return sorted(
        info.name
        for info in pkgutil.iter_modules(components.__path__)
        if info.ispkg and not info.name.startswith("_")
    )


def _stories_of(module: ModuleType) -> list[Story]:
    stories = getattr(module, "STORIES", None)
    if not isinstance(stories, list | tuple) or not all(isinstance(item, Story) for item in stories):
        raise StoryError(module.__name__, "module must define STORIES as a list of Story objects")
    return list(stories)


def validate_story(story: Story, module: str = "") -> CollectedStory:
    """Build and check one story; raise :class:`StoryError` naming it when it does not fit."""
    if not registry.has(story.component):
        raise StoryError(story.id, f"names component {story.component!r}, which is not registered")
    try:
        kwargs = story.resolve_kwargs()
    except ValidationError as error:
        contract = error.title or "contract"
        raise StoryError(
            story.id, "does not match its contract: " + format_validation_error(contract, error)
        ) from error
    except (ImproperlyConfigured, ValueError, TypeError) as error:
        raise StoryError(story.id, f"does not match its contract: {error}") from error
    hints = kwargs_hints(story.component)
    for name, value in kwargs.items():
        kwargs[name] = _checked_value(story, name, value, hints.get(name))
    complaint = check_kwargs(story.component, kwargs)
    if complaint:
        raise StoryError(story.id, f"does not match its contract: {complaint}")
    return CollectedStory(story=story, kwargs=kwargs, module=module)


def _checked_value(story: Story, name: str, value: Any, hint: Any) -> Any:
    if isinstance(hint, type) and is_contract(hint) and not isinstance(value, hint):
        if isinstance(value, dict):
            value = _rebuild(story, name, hint, value)
        else:
            expected, given = hint.__name__, type(value).__name__
            raise StoryError(
                story.id, f"does not match its contract: {name} should be a {expected}, got {given}"
            )
    if is_contract(value):
        # The round trip catches instances changed after construction (or built
        # around validation) and payloads the JSON controls could not reproduce.
        value = _rebuild(story, name, type(value), to_payload(value))
    return value


def _rebuild(story: Story, name: str, contract: type[Any], payload: Any) -> Any:
    try:
        return from_payload(contract, payload)
    except ValidationError as error:
        text = format_validation_error(f"{name} ({contract.__name__})", error)
        raise StoryError(story.id, f"does not match its contract: {text}") from error


def collect(modules: Iterable[str]) -> StoryCollection:
    """Import ``modules`` and validate their stories; problems are collected, not raised."""
    found: list[CollectedStory] = []
    errors: list[StoryError] = []
    seen: set[str] = set()
    for name in modules:
        try:
            module = importlib.import_module(name)
            stories = _stories_of(module)
        except StoryError as error:
            errors.append(error)
            continue
        except Exception as error:  # a broken stories module must not hide the others
            errors.append(StoryError(name, f"could not be imported: {type(error).__name__}: {error}"))
            continue
        for story in stories:
            if story.id in seen:
                errors.append(StoryError(story.id, f"is defined twice (again in {name})"))
                continue
            seen.add(story.id)
            try:
                found.append(validate_story(story, name))
            except StoryError as error:
                errors.append(error)
    return StoryCollection(stories=tuple(found), errors=tuple(errors))


def collect_stories(stories: Iterable[Story]) -> StoryCollection:
    """Validate an explicit list of stories (tests, tools)."""
    found: list[CollectedStory] = []
    errors: list[StoryError] = []
    for story in stories:
        try:
            found.append(validate_story(story, story.module))
        except StoryError as error:
            errors.append(error)
    return StoryCollection(stories=tuple(found), errors=tuple(errors))


@functools.cache
def _discovered() -> StoryCollection:
    return collect(story_module_names())


_override: list[StoryCollection] = []


def get_collection() -> StoryCollection:
    """The storybook's stories (discovered once per process, or the :func:`use_stories` override)."""
    if _override:
        return _override[-1]
    return _discovered()


def get_story(story_id: str) -> CollectedStory | None:
    return get_collection().get(story_id)


@contextlib.contextmanager
def use_stories(stories: Iterable[Story], *, include_discovered: bool = False) -> Iterator[StoryCollection]:
    """Serve ``stories`` (validated now) instead of, or besides, the discovered ones.

    Example (a test feeding the harness a deliberately broken story)::

        with use_stories([Story(component="my_widget", name="Broken", kwargs=...)]):
            ...
    """
    extra = collect_stories(stories)
    if include_discovered:
        base = _discovered()
        extra = StoryCollection(stories=base.stories + extra.stories, errors=base.errors + extra.errors)
    _override.append(extra)
    try:
        yield extra
    finally:
        _override.remove(extra)


def reset_cache() -> None:
    """Forget the discovered stories (after registering components or stories at run time)."""
    _discovered.cache_clear()
