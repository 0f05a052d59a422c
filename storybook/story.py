"""A story: one named example of a component, built from its contract.

Stories live beside their component in ``components/<name>/stories.py`` as a
module-level ``STORIES`` list::

    from codex_django.cabinet.types.widgets import MetricWidgetData
    from codex_django.storybook.story import Story

    STORIES = [
        Story(
            component="kpi",
            name="Typical",
            kwargs={"metric": MetricWidgetData(label="New clients", value="142")},
            notes="A KPI with an upward trend.",
        ),
    ]

``kwargs`` are exactly what ``{% component "<component>" ... / %}`` receives.
They may also be a zero-argument callable returning that mapping
(``kwargs=lambda: {"metric": MetricWidgetData(...)}``): the payload is then
built when the storybook collects its stories, so a story that no longer
matches its contract fails collection with the story's name instead of
breaking the import of the whole ``stories`` module.
``screenshots`` adds screenshot combinations to the default light--desktop
(see :mod:`codex_django.storybook.combinations`).
``htmx`` maps URLs the payload points at to the HTML the storybook answers
with, so split-panel details, modal bodies and lazy widgets work in the
storybook and in its static export.
"""

from __future__ import annotations

import dataclasses
import re
import sys
from collections.abc import Callable, Mapping
from typing import Any, Literal

from .combinations import combination_keys

Status = Literal["draft", "stable", "deprecated"]
Layout = Literal["centered", "padded", "fullscreen"]
STATUSES: tuple[str, ...] = ("draft", "stable", "deprecated")
LAYOUTS: tuple[str, ...] = ("centered", "padded", "fullscreen")


@dataclasses.dataclass(frozen=True)
class Story:
    component: str
    name: str
    kwargs: Mapping[str, Any] | Callable[[], Mapping[str, Any]]
    notes: str = ""
    tags: tuple[str, ...] = ()
    status: Status = "stable"
    layout: Layout = "padded"
    # Preferred viewport (width, height) in CSS pixels; None uses the harness defaults.
    viewport: tuple[int, int] | None = None
    htmx: Mapping[str, str] = dataclasses.field(default_factory=dict)
    # Screenshot combinations besides light--desktop ("dark--desktop", "light--mobile",
    # "dark--mobile"); a component's first story is screenshotted in all of them anyway.
    screenshots: tuple[str, ...] = ()
    # The module that built the story (found from the caller; the storybook shows its source).
    module: str = dataclasses.field(default="", compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.module:
            caller = sys._getframe(2).f_globals.get("__name__", "")
            object.__setattr__(self, "module", str(caller))
        if not self.name.strip():
            raise ValueError(f"Story for {self.component!r}: name must not be empty")
        if self.status not in STATUSES:
            raise ValueError(f"Story {self.id!r}: status must be one of {STATUSES}, got {self.status!r}")
        if self.layout not in LAYOUTS:
            raise ValueError(f"Story {self.id!r}: layout must be one of {LAYOUTS}, got {self.layout!r}")
        keys = combination_keys()
        if isinstance(self.screenshots, str) or any(key not in keys for key in self.screenshots):
            raise ValueError(
                f"Story {self.id!r}: screenshots must be a tuple of {keys}, got {self.screenshots!r}"
            )

    def resolve_kwargs(self) -> dict[str, Any]:
        """The kwargs as a dict, calling ``kwargs`` first when it is a callable."""
        kwargs = self.kwargs() if callable(self.kwargs) else self.kwargs
        return dict(kwargs)

    @property
    def slug(self) -> str:
        """The story's name as a URL segment: ``"Long text"`` -> ``"long-text"``."""
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-")

    @property
    def id(self) -> str:
        """``component--slug``, unique across the storybook."""
        return f"{self.component}--{self.slug}"
