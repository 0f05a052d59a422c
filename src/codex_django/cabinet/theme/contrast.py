"""WCAG contrast of every text/surface, status and focus pair of a theme, in both modes.

Text must reach 4.5:1 on the surfaces it sits on (WCAG 1.4.3); focus rings and
the brand fill that marks buttons, active pills and checked boxes must reach 3:1
against the surfaces around them (WCAG 1.4.11). A pair is named
``"<mode>: <foreground> on <background>"``, e.g. ``"dark: on-brand on brand-hover"``,
so a designer sees which token to change.

Dividers (``border``) are decorative and not checked. Control outlines
(``border-strong``) and status outlines are *advisory* pairs: reported with
their ratio but never failures, because the cabinet's controls are also
identified by their fill, label and focus ring.

Example::

    for pair in contrast_failures(theme):
        print(pair.message)   # "light: text-subtle on surface-hover is 3.90:1, needs 4.5:1"
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from .colour import contrast_ratio
from .tokens import MODES, Theme

__all__ = ["PAIRS", "ContrastPair", "contrast_failures", "contrast_report"]

Kind = Literal["text", "non-text", "advisory"]
MINIMUM: dict[Kind, float] = {"text": 4.5, "non-text": 3.0, "advisory": 3.0}

_TEXT_SURFACES = ("surface-app", "surface", "surface-raised", "surface-sunken", "surface-hover")
_ALL_SURFACES = (*_TEXT_SURFACES, "surface-active")
_PLAIN_SURFACES = ("surface-app", "surface", "surface-raised")
_STATUSES = ("success", "warning", "danger", "info", "neutral")


def _pairs() -> list[tuple[str, str, Kind]]:
    pairs: list[tuple[str, str, Kind]] = []
    for foreground in ("text", "text-muted"):
        pairs += [(foreground, surface, "text") for surface in _ALL_SURFACES]
    for foreground in ("text-subtle", "brand-text"):
        pairs += [(foreground, surface, "text") for surface in _TEXT_SURFACES]
    pairs += [
        ("on-brand", "brand", "text"),
        ("on-brand", "brand-hover", "text"),
        ("brand-subtle-text", "brand-subtle", "text"),
        ("text", "brand-subtle", "text"),
    ]
    for status in _STATUSES:
        pairs.append((status, f"{status}-subtle", "text"))
        pairs += [(status, surface, "text") for surface in _PLAIN_SURFACES]
    pairs += [("focus-ring-color", surface, "non-text") for surface in (*_ALL_SURFACES, "brand-subtle")]
    pairs += [("brand", surface, "non-text") for surface in _PLAIN_SURFACES]
    pairs += [("border-strong", surface, "advisory") for surface in ("surface", "surface-sunken")]
    pairs += [(f"{status}-border", f"{status}-subtle", "advisory") for status in _STATUSES]
    return pairs


# (foreground token, background token, kind), checked in each mode.
PAIRS: tuple[tuple[str, str, Kind], ...] = tuple(_pairs())


@dataclasses.dataclass(frozen=True)
class ContrastPair:
    """One checked pair: its tokens, colours, ratio and the minimum it needs."""

    mode: str
    foreground: str
    background: str
    kind: Kind
    foreground_value: str
    background_value: str
    ratio: float

    @property
    def name(self) -> str:
        """``"light: text-muted on surface-sunken"``."""
        return f"{self.mode}: {self.foreground} on {self.background}"

    @property
    def minimum(self) -> float:
        return MINIMUM[self.kind]

    @property
    def passed(self) -> bool:
        # Rounded down to two decimals as contrast checkers show it: 4.499 is not 4.5.
        return int(self.ratio * 100) / 100 >= self.minimum

    @property
    def failed(self) -> bool:
        """Below its minimum and not merely advisory."""
        return not self.passed and self.kind != "advisory"

    @property
    def message(self) -> str:
        """``"light: text-subtle on surface-hover is 3.90:1 (#a1a1aa on #f1f1f3), needs 4.5:1 for text"``."""
        return (
            f"{self.name} is {int(self.ratio * 100) / 100:.2f}:1 ({self.foreground_value} on "
            f"{self.background_value}), needs {self.minimum:g}:1 for {self.kind}"
        )

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: the storybook's token panel shows these as you type."""
        return {
            "name": self.name,
            "mode": self.mode,
            "foreground": self.foreground,
            "background": self.background,
            "kind": self.kind,
            "ratio": round(self.ratio, 2),
            "minimum": self.minimum,
            "passed": self.passed,
            "message": self.message,
        }


def contrast_report(theme: Theme) -> list[ContrastPair]:
    """Every pair of :data:`PAIRS` in both modes, with its ratio."""
    report: list[ContrastPair] = []
    for mode in MODES:
        colours = theme.mode(mode)
        for foreground, background, kind in PAIRS:
            fg, bg = colours.get(foreground), colours.get(background)
            report.append(ContrastPair(mode, foreground, background, kind, fg, bg, contrast_ratio(fg, bg)))
    return report


def contrast_failures(theme: Theme) -> list[ContrastPair]:
    """The pairs below their minimum (advisory pairs excluded)."""
    return [pair for pair in contrast_report(theme) if pair.failed]
