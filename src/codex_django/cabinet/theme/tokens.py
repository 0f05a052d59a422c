"""The theme's token model: a small, stable set of semantic tokens, validated, with defaults.

Two kinds of token:

* colours, one set per colour mode (``light`` and ``dark``): brand, surfaces,
  borders, text, the status pairs and the focus ring (:class:`ModeColours`);
* shape and type, shared by both modes: corner radius, density, font family
  and base font size (:class:`Theme`).

A token's name is its CSS custom property without ``--cab-``:
``light.brand-subtle-text`` is ``--cab-brand-subtle-text`` inside
``[data-bs-theme=light]``, ``radius`` is ``--cab-radius``. Those dotted names
are what overrides, DTCG files, contrast reports and error messages use.

:data:`DEFAULT_THEME` reproduces the cabinet's shipped look; ``tokens.css``
is generated from it (``python -m codex_django.cabinet.theme``).
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict

from .colour import normalise_hex

__all__ = [
    "COLOUR_TOKENS",
    "DEFAULT_THEME",
    "DENSITIES",
    "MODES",
    "SHARED_TOKENS",
    "Density",
    "HexColour",
    "Mode",
    "ModeColours",
    "Theme",
    "font_stack",
    "token_names",
]

Mode = Literal["light", "dark"]
MODES: tuple[Mode, ...] = ("light", "dark")
Density = Literal["compact", "normal", "comfortable"]
DENSITIES: tuple[Density, ...] = ("compact", "normal", "comfortable")

HexColour = Annotated[str, AfterValidator(normalise_hex)]


def _check_dimension(value: str) -> str:
    text = value.strip()
    if not re.fullmatch(r"\d+(?:\.\d+)?(?:px|rem)", text):
        raise ValueError(f"{value!r} is not a length in px or rem (e.g. '8px', '0.875rem')")
    return text


def font_stack(value: str) -> list[str]:
    """The family names of a CSS font stack, unquoted: ``'"Inter Variable", sans-serif'`` -> two names."""
    return [" ".join(part.strip().strip("\"'").split()) for part in value.split(",") if part.strip()]


def _check_font_family(value: str) -> str:
    # A font stack only: names, quotes, commas, spaces, hyphens. Nothing that could end
    # the declaration or the rule (; { } < > \\) reaches the stylesheet.
    names = font_stack(value)
    if not names or not all(re.fullmatch(r"[\w .-]+", name) for name in names):
        raise ValueError(
            f"{value!r} is not a font stack (names separated by commas, e.g. 'Inter, sans-serif')"
        )
    # One spelling per stack: names with spaces quoted, the rest (generic families too) bare.
    return ", ".join(f'"{name}"' if " " in name else name for name in names)


Dimension = Annotated[str, AfterValidator(_check_dimension)]
FontFamily = Annotated[str, AfterValidator(_check_font_family)]

# name -> what it is for. The order is the order of the generated CSS and of DTCG exports.
COLOUR_TOKENS: dict[str, str] = {
    "brand": "The brand fill: primary buttons, active pills and pages, checked boxes, badges.",
    "brand-hover": "The brand fill under the pointer or pressed.",
    "on-brand": "Text and icons on the brand fill.",
    "brand-text": "The brand used as text on surfaces: links, active navigation.",
    "brand-subtle": "A quiet brand tint: selected rows, active sidebar items, primary badges.",
    "brand-subtle-text": "Text on the brand tint; also the link hover colour.",
    "surface-app": "The page background behind cards and bars (the base surface).",
    "surface": "Cards, bars, tables: the default surface.",
    "surface-raised": "Menus, dialogs, popovers: surfaces above the page.",
    "surface-sunken": "Wells, table headers, inputs' background: surfaces below the page.",
    "surface-hover": "A row or item under the pointer.",
    "surface-active": "A pressed or selected item; the neutral badge fill.",
    "border": "Dividers and card outlines (decorative).",
    "border-strong": "Input and control outlines.",
    "text": "The default text.",
    "text-muted": "Secondary text: descriptions, table headers.",
    "text-subtle": "Tertiary text: hints, placeholders, timestamps.",
    "success": "Success text and icons.",
    "success-subtle": "Success background.",
    "success-border": "Success outline.",
    "warning": "Warning text and icons.",
    "warning-subtle": "Warning background.",
    "warning-border": "Warning outline.",
    "danger": "Danger text and icons.",
    "danger-subtle": "Danger background.",
    "danger-border": "Danger outline.",
    "info": "Info text and icons.",
    "info-subtle": "Info background.",
    "info-border": "Info outline.",
    "neutral": "Neutral status text (drafts, archived).",
    "neutral-subtle": "Neutral status background.",
    "neutral-border": "Neutral status outline.",
    "focus-ring-color": "The keyboard focus outline.",
}

SHARED_TOKENS: dict[str, str] = {
    "radius": "The corner radius of controls and cards; small and large radii follow (0.75x, 1.5x).",
    "density": "Spacing inside controls and rows: compact, normal or comfortable.",
    "font-family": "The font stack of all text.",
    "font-size": "The base font size; small, extra-small, large and title sizes follow.",
}

_MODEL = ConfigDict(frozen=True, extra="forbid", str_strip_whitespace=True, validate_default=True)


def _field(name: str) -> str:
    return name.replace("-", "_")


class ModeColours(BaseModel):
    """The colour tokens of one colour mode (see :data:`COLOUR_TOKENS` for what each is for)."""

    model_config = _MODEL

    brand: HexColour
    brand_hover: HexColour
    on_brand: HexColour
    brand_text: HexColour
    brand_subtle: HexColour
    brand_subtle_text: HexColour
    surface_app: HexColour
    surface: HexColour
    surface_raised: HexColour
    surface_sunken: HexColour
    surface_hover: HexColour
    surface_active: HexColour
    border: HexColour
    border_strong: HexColour
    text: HexColour
    text_muted: HexColour
    text_subtle: HexColour
    success: HexColour
    success_subtle: HexColour
    success_border: HexColour
    warning: HexColour
    warning_subtle: HexColour
    warning_border: HexColour
    danger: HexColour
    danger_subtle: HexColour
    danger_border: HexColour
    info: HexColour
    info_subtle: HexColour
    info_border: HexColour
    neutral: HexColour
    neutral_subtle: HexColour
    neutral_border: HexColour
    focus_ring_color: HexColour

    def get(self, name: str) -> str:
        """The value of the token ``name`` (``"brand-subtle"``)."""
        return str(getattr(self, _field(name)))

    def as_tokens(self) -> dict[str, str]:
        """``{"brand": "#4f46e5", ...}`` in :data:`COLOUR_TOKENS` order."""
        return {name: self.get(name) for name in COLOUR_TOKENS}


class Theme(BaseModel):
    """A complete theme: both modes' colours plus the shared shape and type tokens."""

    model_config = _MODEL

    light: ModeColours
    dark: ModeColours
    radius: Dimension = "8px"
    density: Density = "normal"
    font_family: FontFamily = (
        '"Inter Variable", Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, '
        "sans-serif"
    )
    font_size: Dimension = "0.875rem"

    def mode(self, mode: str) -> ModeColours:
        """The colours of ``mode`` (``"light"`` or ``"dark"``)."""
        if mode not in MODES:
            raise ValueError(f"unknown colour mode {mode!r}; use 'light' or 'dark'")
        colours: ModeColours = getattr(self, mode)
        return colours

    def tokens(self) -> dict[str, str]:
        """Every token by its dotted name: ``{"light.brand": "#4f46e5", ..., "radius": "8px", ...}``."""
        flat: dict[str, str] = {}
        for mode in MODES:
            flat.update({f"{mode}.{name}": value for name, value in self.mode(mode).as_tokens().items()})
        for name in SHARED_TOKENS:
            flat[name] = str(getattr(self, _field(name)))
        return flat

    @classmethod
    def from_tokens(cls, tokens: dict[str, Any]) -> Theme:
        """The inverse of :meth:`tokens` (every name present); raises pydantic's ``ValidationError``."""
        data: dict[str, Any] = {mode: {} for mode in MODES}
        for name, value in tokens.items():
            mode, _, colour = name.partition(".")
            if colour:
                data[mode][_field(colour)] = value
            else:
                data[_field(name)] = value
        return cls.model_validate(data)


def token_names() -> list[str]:
    """Every valid dotted token name, in output order."""
    return [f"{mode}.{name}" for mode in MODES for name in COLOUR_TOKENS] + list(SHARED_TOKENS)


DEFAULT_THEME = Theme(
    light=ModeColours(
        brand="#4f46e5",
        brand_hover="#4338ca",
        on_brand="#ffffff",
        brand_text="#4338ca",
        brand_subtle="#eef0ff",
        brand_subtle_text="#3730a3",
        surface_app="#f7f7f8",
        surface="#ffffff",
        surface_raised="#ffffff",
        surface_sunken="#f4f4f5",
        surface_hover="#f1f1f3",
        surface_active="#e9e9ed",
        border="#e4e4e7",
        border_strong="#d4d4d8",
        text="#18181b",
        text_muted="#52525b",
        text_subtle="#63636e",
        success="#15803d",
        success_subtle="#effaf3",
        success_border="#b7e4c7",
        warning="#a16207",
        warning_subtle="#fdf8ea",
        warning_border="#f1dc9c",
        danger="#b91c1c",
        danger_subtle="#fdf0f0",
        danger_border="#f5c2c2",
        info="#0369a1",
        info_subtle="#eef7fc",
        info_border="#b6dcf0",
        neutral="#52525b",
        neutral_subtle="#e9e9ed",
        neutral_border="#d4d4d8",
        focus_ring_color="#4f46e5",
    ),
    dark=ModeColours(
        brand="#5b54e8",
        # Darker than the brand on hover: white text keeps 4.5:1 (a lighter hover would not).
        brand_hover="#4b44d6",
        on_brand="#ffffff",
        brand_text="#a5b4fc",
        brand_subtle="#25244a",
        brand_subtle_text="#c7d0fe",
        surface_app="#0e0e11",
        surface="#16161a",
        surface_raised="#1d1d22",
        surface_sunken="#121215",
        surface_hover="#232329",
        surface_active="#2b2b32",
        border="#2a2a31",
        border_strong="#3a3a43",
        text="#f4f4f5",
        text_muted="#a9a9b2",
        text_subtle="#8f8f99",
        success="#4ade80",
        success_subtle="#11201a",
        success_border="#1f4a30",
        warning="#facc15",
        warning_subtle="#221e10",
        warning_border="#4a3f14",
        danger="#f87171",
        danger_subtle="#241414",
        danger_border="#5a2323",
        info="#38bdf8",
        info_subtle="#0f1c26",
        info_border="#1a3f57",
        neutral="#a9a9b2",
        neutral_subtle="#2b2b32",
        neutral_border="#3a3a43",
        focus_ring_color="#a5b4fc",
    ),
)
