"""Theme overrides: a partial set of tokens applied on top of a theme, validated by name.

Overrides are a mapping of dotted token names (see :mod:`.tokens`) to values::

    {"light.brand": "#0f766e", "dark.brand": "#2dd4bf", "radius": "6px", "density": "compact"}

Also accepted: nested mode groups (``{"light": {"brand": ...}}``), underscores
for hyphens (``brand_subtle``), and a colour name without a mode, which sets
that token in both modes (``{"brand": "#0f766e"}``).

Changing the brand alone re-colours everything: when an override sets a mode's
``brand`` but not its companions (``brand-hover``, ``on-brand``, ``brand-text``,
``brand-subtle``, ``brand-subtle-text``, ``focus-ring-color``), they are derived
from the new brand so that they keep WCAG contrast on that mode's surfaces.

Problems are collected, not stopped at: :class:`ThemeError` lists every unknown
or invalid token by name.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from .colour import contrast_ratio, mix, normalise_hex
from .contrast import background_colour
from .tokens import COLOUR_TOKENS, MODES, Theme, token_names

__all__ = [
    "BRAND_COMPANIONS",
    "ThemeError",
    "apply_overrides",
    "changed_tokens",
    "derive_brand",
    "normalise_overrides",
    "settings_snippet",
]

BRAND_COMPANIONS = (
    "brand-hover",
    "on-brand",
    "brand-text",
    "brand-subtle",
    "brand-subtle-text",
    "focus-ring-color",
)
_TEXT_SURFACES = ("surface-app", "surface", "surface-raised", "surface-sunken", "surface-hover")
_WHITE, _BLACK = "#ffffff", "#000000"


class ThemeError(ValueError):
    """Invalid theme data; ``problems`` names each token: ``"light.brand: '#12' is not a hex colour ..."``."""

    def __init__(self, problems: list[str], source: str = "theme") -> None:
        self.problems = problems
        self.source = source
        super().__init__(f"{source}: " + "; ".join(problems))


def _canonical(name: str) -> str:
    return name.strip().lower().replace("_", "-")


def _suggest(name: str) -> str:
    close = difflib.get_close_matches(name, token_names() + list(COLOUR_TOKENS), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def _normalise(data: Mapping[str, Any], source: str) -> tuple[dict[str, Any], list[str]]:
    """The known tokens of ``data`` by canonical dotted name, and a problem per unknown name."""
    if not isinstance(data, Mapping):
        raise ThemeError([f"expected a mapping of token names to values, got {type(data).__name__}"], source)
    flat: dict[str, Any] = {}
    problems: list[str] = []
    for raw_key, value in data.items():
        key = _canonical(str(raw_key))
        if key in MODES and isinstance(value, Mapping):
            for raw_name, colour in value.items():
                flat[f"{key}.{_canonical(str(raw_name))}"] = colour
        elif key in COLOUR_TOKENS:
            for mode in MODES:
                flat[f"{mode}.{key}"] = value
        else:
            flat[key] = value
    known = set(token_names())
    for name in flat:
        if name not in known:
            problems.append(f"unknown token {name!r}{_suggest(name)}")
    return {name: value for name, value in flat.items() if name in known}, problems


def normalise_overrides(data: Mapping[str, Any], source: str = "theme") -> dict[str, Any]:
    """``data`` as ``{dotted name: value}`` with canonical names; ``ThemeError`` for unknown names."""
    flat, problems = _normalise(data, source)
    if problems:
        raise ThemeError(problems, source)
    return flat


def _reach(colour: str, towards: str, against: tuple[str, ...], minimum: float) -> str:
    """``colour`` moved towards ``towards`` just far enough to reach ``minimum`` on every ``against``."""
    for step in range(26):
        candidate = mix(colour, towards, step / 25)
        if all(contrast_ratio(candidate, background) >= minimum + 0.05 for background in against):
            return candidate
    return towards


def derive_brand(brand: str, surfaces: Mapping[str, str], mode: str) -> dict[str, str]:
    """The brand companions of ``brand`` for a mode with these ``surfaces`` (token name -> colour)."""
    on_brand = _WHITE if contrast_ratio(brand, _WHITE) >= contrast_ratio(brand, "#18181b") else "#18181b"
    # Hover moves away from the text on it, so the pair keeps (or gains) contrast.
    hover = mix(brand, _BLACK if on_brand == _WHITE else _WHITE, 0.15)
    text_surfaces = tuple(surfaces[name] for name in _TEXT_SURFACES)
    away = _BLACK if mode == "light" else _WHITE
    brand_text = _reach(brand, away, text_surfaces, 4.5)
    subtle = mix(brand, surfaces["surface"], 0.9 if mode == "light" else 0.75)
    subtle_text = _reach(brand_text, away, (subtle,), 4.5)
    plain = tuple(surfaces[name] for name in (*_TEXT_SURFACES, "surface-active"))
    focus = (
        brand if all(contrast_ratio(brand, bg) >= 3.05 for bg in plain) else _reach(brand, away, plain, 3.0)
    )
    return {
        "brand-hover": hover,
        "on-brand": on_brand,
        "brand-text": brand_text,
        "brand-subtle": subtle,
        "brand-subtle-text": subtle_text,
        "focus-ring-color": focus,
    }


def _same_colour(value: Any, current: str) -> bool:
    try:
        return normalise_hex(str(value)) == current
    except ValueError:
        return False


def _problems_from(error: ValidationError) -> list[str]:
    problems = []
    for item in error.errors():
        location = [str(part) for part in item["loc"]]
        if location and location[0] in MODES:
            name = f"{location[0]}." + "-".join(location[1:]).replace("_", "-")
        else:
            name = ".".join(location).replace("_", "-")
        message = str(item["msg"]).removeprefix("Value error, ")
        problems.append(f"{name}: {message}")
    return problems


def apply_overrides(base: Theme, overrides: Mapping[str, Any] | None, source: str = "theme") -> Theme:
    """``base`` with ``overrides`` applied, brand companions derived when not given.

    Raises :class:`ThemeError` listing every unknown or invalid token.
    """
    if not overrides:
        return base
    flat, problems = _normalise(overrides, source)
    tokens: dict[str, Any] = base.tokens()
    tokens.update(flat)
    for mode in MODES:
        brand = flat.get(f"{mode}.brand")
        missing = [name for name in BRAND_COMPANIONS if f"{mode}.{name}" not in flat]
        if brand is None or not missing or _same_colour(brand, base.mode(mode).brand):
            continue
        try:
            colours = {name: str(tokens[f"{mode}.{name}"]) for name in COLOUR_TOKENS}
            # Translucent surfaces as painted: the brand's companions must read on what the eye sees.
            surfaces = {
                name: background_colour(colours, name, mode) for name in (*_TEXT_SURFACES, "surface-active")
            }
            derived = derive_brand(str(brand), surfaces, mode)
        except ValueError:
            continue  # an invalid brand or surface: validation below names it
        tokens.update({f"{mode}.{name}": derived[name] for name in missing})
    try:
        theme = Theme.from_tokens(tokens)
    except ValidationError as error:
        problems += _problems_from(error)
    if problems:
        raise ThemeError(problems, source)
    return theme


def changed_tokens(theme: Theme, base: Theme | None = None) -> dict[str, str]:
    """The tokens where ``theme`` differs from ``base`` (the defaults): a minimal set of overrides."""
    from .tokens import DEFAULT_THEME

    reference = (base or DEFAULT_THEME).tokens()
    return {name: value for name, value in theme.tokens().items() if reference[name] != value}


def settings_snippet(theme: Theme) -> str:
    """``CODEX_CABINET = {"THEME": {...}}`` for ``settings.py``, with only the changed tokens."""
    lines = [f"        {name!r}: {value!r}," for name, value in changed_tokens(theme).items()]
    body = "\n".join(lines) if lines else "        # the default theme: nothing to override"
    return 'CODEX_CABINET = {\n    "THEME": {\n' + body + "\n    },\n}\n"
