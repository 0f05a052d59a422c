"""Rendering a theme to CSS custom properties, and the generated ``tokens.css``.

Two outputs, one source (the :class:`~.tokens.Theme`):

* :func:`render_tokens_css` is ``static/cabinet/tokens.css``, which the npm
  build writes (:mod:`codex_django.cabinet.assets.generated_css`; not committed) and
  bundles: the default theme's tokens for ``:root, [data-bs-theme=light]``
  and ``[data-bs-theme=dark]``, the fixed tokens (spacing, layout, motion,
  shadows), Bootstrap's globals and component variables mapped onto them.
  A test fails when the built file is not what this renders.
* :func:`render_css` is the stylesheet of a custom theme, served at
  ``theme-<digest>.css`` after the bundle: only the ``--cab-*`` values, since
  everything else in the bundle already reads them.

Example::

    css = render_css(apply_overrides(DEFAULT_THEME, {"brand": "#0f766e"}))
    stylesheet_digest(css)   # "3f1c0a9b2e7d" (changes whenever the CSS does)
"""

from __future__ import annotations

import hashlib
import re

from .bootstrap_map import BOOTSTRAP_COMPONENT_CSS, bootstrap_variables
from .colour import rgb_triplet
from .tokens import COLOUR_TOKENS, DEFAULT_THEME, MODES, Theme

__all__ = ["render_css", "render_tokens_css", "stylesheet_digest", "theme_variables"]

# Colours some CSS needs as "r, g, b" triplets (rgba() with an alpha).
_RGB_TOKENS = ("brand", "brand-text", "focus-ring-color")

_DENSITY = {
    # control height, vertical and horizontal padding inside rows and controls
    "compact": ("28px", "0.25rem", "0.5rem"),
    "normal": ("32px", "0.5rem", "0.75rem"),
    "comfortable": ("40px", "0.75rem", "1rem"),
}

# Tokens no theme changes (yet): spacing scale, layout, motion, focus geometry.
_FIXED = [
    ("--cab-font-mono", 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace'),
    ("--cab-line-height", "1.5"),
    ("--cab-space-1", "0.25rem"),
    ("--cab-space-2", "0.5rem"),
    ("--cab-space-3", "0.75rem"),
    ("--cab-space-4", "1rem"),
    ("--cab-space-5", "1.5rem"),
    ("--cab-space-6", "2rem"),
    ("--cab-space-7", "2.5rem"),
    ("--cab-space-8", "3rem"),
    ("--cab-radius-pill", "999px"),
    ("--cab-topbar-height", "56px"),
    ("--cab-sidebar-width", "248px"),
    ("--cab-content-max-width", "1440px"),
    ("--cab-transition-duration", "200ms"),
    ("--cab-transition-fast", "120ms ease"),
    ("--cab-transition", "var(--cab-transition-duration) ease"),
    ("--cab-focus-ring-width", "2px"),
    ("--cab-focus-ring-offset", "2px"),
]

# Shadows and the modal backdrop per mode (translucent, so not contrast-checked tokens).
_ELEVATION = {
    "light": [
        ("--cab-shadow-sm", "0 1px 2px rgba(16, 16, 24, 0.06)"),
        ("--cab-shadow", "0 1px 3px rgba(16, 16, 24, 0.08), 0 1px 2px rgba(16, 16, 24, 0.04)"),
        ("--cab-shadow-lg", "0 12px 32px -8px rgba(16, 16, 24, 0.18), 0 2px 6px rgba(16, 16, 24, 0.06)"),
        ("--cab-backdrop", "rgba(9, 9, 11, 0.45)"),
    ],
    "dark": [
        ("--cab-shadow-sm", "0 1px 2px rgba(0, 0, 0, 0.4)"),
        ("--cab-shadow", "0 1px 3px rgba(0, 0, 0, 0.5), 0 1px 2px rgba(0, 0, 0, 0.3)"),
        ("--cab-shadow-lg", "0 16px 40px -8px rgba(0, 0, 0, 0.6), 0 2px 6px rgba(0, 0, 0, 0.4)"),
        ("--cab-backdrop", "rgba(0, 0, 0, 0.6)"),
    ],
}

_SELECTORS = {"light": ':root,\n[data-bs-theme="light"]', "dark": '[data-bs-theme="dark"]'}


def _scaled(length: str, factor: float) -> str:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(px|rem)", length)
    if match is None:  # the model validates lengths; this only guards direct callers
        raise ValueError(f"not a length: {length!r}")
    number = float(match.group(1)) * factor
    text = f"{number:.4f}".rstrip("0").rstrip(".")
    return f"{text}{match.group(2)}"


def _shared_variables(theme: Theme) -> list[tuple[str, str]]:
    height, pad_y, pad_x = _DENSITY[theme.density]
    return [
        ("--cab-font-sans", theme.font_family),
        ("--cab-font-size", theme.font_size),
        ("--cab-font-size-sm", _scaled(theme.font_size, 13 / 14)),
        ("--cab-font-size-xs", _scaled(theme.font_size, 12 / 14)),
        ("--cab-font-size-lg", _scaled(theme.font_size, 16 / 14)),
        ("--cab-font-size-title", _scaled(theme.font_size, 22 / 14)),
        ("--cab-radius-sm", _scaled(theme.radius, 0.75)),
        ("--cab-radius", theme.radius),
        ("--cab-radius-lg", _scaled(theme.radius, 1.5)),
        ("--cab-control-height", height),
        ("--cab-density-pad-y", pad_y),
        ("--cab-density-pad-x", pad_x),
    ]


def _colour_variables(theme: Theme, mode: str) -> list[tuple[str, str]]:
    colours = theme.mode(mode)
    declarations: list[tuple[str, str]] = []
    for name in COLOUR_TOKENS:
        declarations.append((f"--cab-{name}", colours.get(name)))
        if name in _RGB_TOKENS:
            declarations.append((f"--cab-{name}-rgb", rgb_triplet(colours.get(name))))
    return declarations


def theme_variables(theme: Theme, mode: str) -> list[tuple[str, str]]:
    """The ``--cab-*`` declarations a theme sets in ``mode`` (colours first; shared tokens in light)."""
    declarations = _colour_variables(theme, mode)
    if mode == "light":
        declarations += _shared_variables(theme)
    return declarations


def _block(selector: str, groups: list[list[tuple[str, str]]]) -> str:
    lines = [f"{selector} {{"]
    for index, group in enumerate(groups):
        if index:
            lines.append("")
        lines += [f"  {name}: {value};" for name, value in group]
    lines.append("}")
    return "\n".join(lines)


def render_css(theme: Theme) -> str:
    """The stylesheet of ``theme``: its ``--cab-*`` values for both modes (what a custom theme serves)."""
    blocks = [_block(_SELECTORS[mode], [theme_variables(theme, mode)]) for mode in MODES]
    return "/* codex-django-cabinet theme (generated) */\n" + "\n\n".join(blocks) + "\n"


_HEADER = """\
/*
 * Cabinet design tokens: the only place with literal colours.
 *
 * GENERATED from codex_django/cabinet/theme/tokens.py (DEFAULT_THEME); do not edit.
 * Regenerate with `python -m codex_django.cabinet.theme` (a test fails when it is stale).
 *
 * Everything else (shell/*.css, components/*.css) uses these --cab-* custom
 * properties and Bootstrap's --bs-* variables, which are mapped onto them below,
 * so a theme (CODEX_CABINET["THEME"], CabinetSettings) changes token values only
 * and Bootstrap's buttons, pills, pagination, dropdowns, checks and focus rings follow.
 *
 * Light and dark follow Bootstrap's colour modes: <html data-bs-theme="light|dark">.
 * The contrast of every text/surface, status, focus and outline-button pair is
 * checked in both modes (codex_django.cabinet.theme.contrast_report).
 */
"""


def render_tokens_css(theme: Theme = DEFAULT_THEME) -> str:
    """The text of ``static/cabinet/tokens.css`` for ``theme`` (the default theme when built)."""
    blocks = []
    for mode in MODES:
        groups = [theme_variables(theme, mode)]
        if mode == "light":
            groups.append(_FIXED)
        groups += [_ELEVATION[mode], bootstrap_variables(mode)]
        blocks.append(_block(_SELECTORS[mode], groups))
    return _HEADER + "\n" + "\n\n".join(blocks) + "\n\n" + BOOTSTRAP_COMPONENT_CSS


def stylesheet_digest(css: str) -> str:
    """12 hex digits of the SHA-256 of ``css``: the cache-busting part of the stylesheet's URL."""
    return hashlib.sha256(css.encode("utf-8")).hexdigest()[:12]
