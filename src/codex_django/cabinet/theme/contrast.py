"""WCAG contrast of every text/surface, status, focus and outline-button pair of a theme, in both modes.

Text must reach 4.5:1 on the surfaces it sits on (WCAG 1.4.3); focus rings, the
brand fill that marks buttons, active pills and checked boxes, and the border of
an outline button must reach 3:1 against the surfaces around them (WCAG 1.4.11).
A pair is named ``"<mode>: <foreground> on <background>"``, e.g.
``"dark: on-brand on brand-hover"``, so a designer sees which token to change.

Outline buttons are checked from the same table that generates their CSS
(:data:`.bootstrap_map.OUTLINE_BUTTONS`): each variant's text and border on the
page, card and dialog surfaces (``surface-app``, ``surface``, ``surface-raised``),
and its hover and active text on their fills. A failing pair lists the buttons
it affects: ``"...needs 4.5:1 for text; affects btn-outline-secondary"``.

Colours with an alpha channel (``#rrggbbaa``, ``rgba()``) are composited before
measuring, as the browser paints them: a background over the surface it sits on
(:data:`BACKDROPS`, down to the browser's canvas), then the foreground over that
background. When the backdrop matters (a translucent background) the pair's name
says which: ``"light: text on surface-hover over surface-app"``.

Dividers (``border``) are decorative and not checked. Control outlines
(``border-strong``) and status outlines are *advisory* pairs: reported with
their ratio but never failures, because the cabinet's controls are also
identified by their fill, label and focus ring.

Example::

    for pair in contrast_failures(theme):
        print(pair.message)   # "light: text-subtle on surface-hover is 3.90:1 (#a1a1aa on #f1f1f3), needs 4.5:1 for text"
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Literal

from .bootstrap_map import OUTLINE_BUTTONS
from .colour import composite, contrast_ratio, is_translucent
from .tokens import MODES, Theme

__all__ = [
    "BACKDROPS",
    "CANVAS",
    "OUTLINE_SURFACES",
    "ContrastPair",
    "PairSpec",
    "background_colour",
    "contrast_failures",
    "contrast_report",
    "pair_specs",
]

Kind = Literal["text", "non-text", "advisory"]
MINIMUM: dict[Kind, float] = {"text": 4.5, "non-text": 3.0, "advisory": 3.0}
# When one pair is needed for several reasons, the strictest decides.
_STRICTNESS: dict[Kind, int] = {"advisory": 0, "non-text": 1, "text": 2}

_TEXT_SURFACES = ("surface-app", "surface", "surface-raised", "surface-sunken", "surface-hover")
_ALL_SURFACES = (*_TEXT_SURFACES, "surface-active")
_PLAIN_SURFACES = ("surface-app", "surface", "surface-raised")
_STATUSES = ("success", "warning", "danger", "info", "neutral")

# What an outline button sits on: the page, a card, a dialog.
OUTLINE_SURFACES = _PLAIN_SURFACES

# The browser's canvas behind the page (measured in Chromium: white, and #121212 under color-scheme: dark).
CANVAS: dict[str, str] = {"light": "#ffffff", "dark": "#121212"}

# The surface a translucent background token is painted over; the page background sits on the canvas.
# Any other token used as a background (brand, tints, hover fills) sits on a card (``surface``).
BACKDROPS: dict[str, str] = {
    "surface": "surface-app",
    "surface-raised": "surface-app",
    "surface-sunken": "surface-app",
}


@dataclasses.dataclass(frozen=True)
class PairSpec:
    """One pair to check: ``foreground`` on ``background`` (token names), and why.

    ``backdrop`` is the surface a translucent ``background`` is composited over
    (None: its usual one, :data:`BACKDROPS`); ``used_by`` names what the pair
    colours beyond plain text (``"btn-outline-secondary:hover"``).
    """

    foreground: str
    background: str
    kind: Kind
    backdrop: str | None = None
    used_by: tuple[str, ...] = ()


def _base_pairs() -> list[PairSpec]:
    pairs: list[PairSpec] = []
    for foreground in ("text", "text-muted"):
        pairs += [PairSpec(foreground, surface, "text") for surface in _ALL_SURFACES]
    for foreground in ("text-subtle", "brand-text"):
        pairs += [PairSpec(foreground, surface, "text") for surface in _TEXT_SURFACES]
    pairs += [
        PairSpec("on-brand", "brand", "text"),
        PairSpec("on-brand", "brand-hover", "text"),
        PairSpec("brand-subtle-text", "brand-subtle", "text"),
        PairSpec("text", "brand-subtle", "text"),
    ]
    for status in _STATUSES:
        pairs.append(PairSpec(status, f"{status}-subtle", "text"))
        pairs += [PairSpec(status, surface, "text") for surface in _PLAIN_SURFACES]
    pairs += [
        PairSpec("focus-ring-color", surface, "non-text") for surface in (*_ALL_SURFACES, "brand-subtle")
    ]
    pairs += [PairSpec("brand", surface, "non-text") for surface in _PLAIN_SURFACES]
    pairs += [PairSpec("border-strong", surface, "advisory") for surface in ("surface", "surface-sunken")]
    pairs += [PairSpec(f"{status}-border", f"{status}-subtle", "advisory") for status in _STATUSES]
    return pairs


def _outline_pairs() -> list[PairSpec]:
    pairs: list[PairSpec] = []
    for variant, button in OUTLINE_BUTTONS.items():
        name = f"btn-outline-{variant}"
        for surface in OUTLINE_SURFACES:
            for state, text, fill in button.states():
                label = name if state == "rest" else f"{name}:{state}"
                if fill is None:
                    pairs.append(PairSpec(text, surface, "text", used_by=(label,)))
                else:
                    pairs.append(PairSpec(text, fill, "text", backdrop=surface, used_by=(label,)))
            pairs.append(PairSpec(button.border, surface, "non-text", used_by=(f"{name} border",)))
    return pairs


def pair_specs() -> list[PairSpec]:
    """Every pair checked in each mode: the base pairs, then the outline buttons' (read from their mapping)."""
    return [*_base_pairs(), *_outline_pairs()]


def background_colour(colours: Mapping[str, str], name: str, mode: str, backdrop: str | None = None) -> str:
    """The opaque colour the token ``name`` shows as a background in ``mode``: composited down to the canvas.

    ``colours`` maps token names to values (``ModeColours.as_tokens()``); ``backdrop``
    overrides the surface ``name`` sits on (default :data:`BACKDROPS`, else ``surface``).
    """
    value = colours[name]
    if not is_translucent(value):
        return value
    if name == "surface-app":
        return composite(value, CANVAS[mode])
    below = backdrop or BACKDROPS.get(name, "surface")
    if below == name:
        raise ValueError(f"{name} cannot sit on itself")
    return composite(value, background_colour(colours, below, mode))


@dataclasses.dataclass(frozen=True)
class ContrastPair:
    """One checked pair: its tokens, colours (as given and as painted), ratio and the minimum it needs."""

    mode: str
    foreground: str
    background: str
    kind: Kind
    foreground_value: str
    background_value: str
    ratio: float
    # The opaque colours compared (differ from the values when a colour has alpha).
    foreground_shown: str = ""
    background_shown: str = ""
    backdrop: str = ""
    used_by: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        """``"light: text-muted on surface-sunken"`` (``"... over surface-app"`` for a translucent background)."""
        over = f" over {self.backdrop}" if self.backdrop else ""
        return f"{self.mode}: {self.foreground} on {self.background}{over}"

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
        """``"light: text-subtle on surface-hover is 3.90:1 (#a1a1aa on #f1f1f3), needs 4.5:1 for text"``.

        Composited colours are shown as painted (``#00000066 shown as #999999``); the
        outline buttons a pair colours follow (``; affects btn-outline-secondary``).
        """
        colours = (
            f"{_shown(self.foreground_value, self.foreground_shown)} on "
            f"{_shown(self.background_value, self.background_shown)}"
        )
        affects = f"; affects {', '.join(self.used_by)}" if self.used_by else ""
        return (
            f"{self.name} is {int(self.ratio * 100) / 100:.2f}:1 ({colours}), "
            f"needs {self.minimum:g}:1 for {self.kind}{affects}"
        )

    def as_dict(self) -> dict[str, object]:
        """JSON-ready: the storybook's token panel shows these as you type."""
        return {
            "name": self.name,
            "mode": self.mode,
            "foreground": self.foreground,
            "background": self.background,
            "backdrop": self.backdrop,
            "kind": self.kind,
            "ratio": round(self.ratio, 2),
            "minimum": self.minimum,
            "passed": self.passed,
            "used_by": list(self.used_by),
            "message": self.message,
        }


def _shown(value: str, shown: str) -> str:
    return value if not shown or shown == value else f"{value} shown as {shown}"


def _measure(colours: Mapping[str, str], mode: str, spec: PairSpec) -> ContrastPair:
    translucent = is_translucent(colours[spec.background])
    backdrop = (spec.backdrop or BACKDROPS.get(spec.background, "surface")) if translucent else ""
    if spec.background == "surface-app":
        backdrop = ""  # on the canvas, which is no token
    fg = colours[spec.foreground]
    bg = background_colour(colours, spec.background, mode, spec.backdrop)
    return ContrastPair(
        mode,
        spec.foreground,
        spec.background,
        spec.kind,
        fg,
        colours[spec.background],
        contrast_ratio(fg, bg),
        foreground_shown=composite(fg, bg),
        background_shown=bg,
        backdrop=backdrop,
        used_by=spec.used_by,
    )


def contrast_report(theme: Theme) -> list[ContrastPair]:
    """Every pair of :func:`pair_specs` in both modes, with its ratio.

    A pair needed for several reasons (``text-muted`` on ``surface-app`` as text and as
    the secondary outline button) is reported once, with the strictest minimum and
    every use in ``used_by``.
    """
    report: list[ContrastPair] = []
    for mode in MODES:
        colours = theme.mode(mode).as_tokens()
        merged: dict[str, ContrastPair] = {}
        for spec in pair_specs():
            pair = _measure(colours, mode, spec)
            known = merged.get(pair.name)
            if known is None:
                merged[pair.name] = pair
                continue
            kind = max(known.kind, pair.kind, key=_STRICTNESS.__getitem__)
            used_by = tuple(dict.fromkeys((*known.used_by, *pair.used_by)))
            merged[pair.name] = dataclasses.replace(known, kind=kind, used_by=used_by)
        report += merged.values()
    return report


def contrast_failures(theme: Theme) -> list[ContrastPair]:
    """The pairs below their minimum (advisory pairs excluded)."""
    return [pair for pair in contrast_report(theme) if pair.failed]
