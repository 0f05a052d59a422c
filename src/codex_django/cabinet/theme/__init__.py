"""Theming: one validated token model -> CSS custom properties for light and dark.

The pieces, each in its own module:

* :mod:`.tokens`: :class:`Theme` / :class:`ModeColours`, :data:`DEFAULT_THEME`, token names;
* :mod:`.overrides`: :func:`apply_overrides` (dotted names, brand companions derived), :class:`ThemeError`;
* :mod:`.dtcg`: W3C Design Tokens import/export (:func:`to_dtcg`, :func:`from_dtcg`, :func:`load_dtcg_file`);
* :mod:`.contrast`: WCAG contrast of every text/surface, status, focus and outline-button pair
  (:func:`contrast_report`), translucent colours composited;
* :mod:`.css`: :func:`render_css` (a theme's stylesheet), :func:`render_tokens_css` (``tokens.css``);
* :mod:`.bootstrap_map`: Bootstrap's component variables (outline buttons too) mapped onto the tokens;
* :mod:`.sources`: defaults -> ``CODEX_CABINET["THEME"]`` -> ``CabinetSettings`` (:func:`resolve_theme`);
* :mod:`.stylesheets`, :mod:`.views`, :mod:`.urls`: the cached ``theme-<digest>.css``;
* :mod:`.color_mode`: light / dark / system (the default until the user picks), remembered in a cookie;
* :mod:`.examples`: the shipped example themes; :mod:`.checks`: ``manage.py check``.

Example::

    from codex_django.cabinet.theme import DEFAULT_THEME, apply_overrides, contrast_failures, render_css

    theme = apply_overrides(DEFAULT_THEME, {"brand": "#0f766e"})
    assert not contrast_failures(theme)
    css = render_css(theme)
"""

from __future__ import annotations

from .contrast import ContrastPair, contrast_failures, contrast_report
from .css import render_css, render_tokens_css, stylesheet_digest
from .dtcg import from_dtcg, load_dtcg_file, theme_from_dtcg, to_dtcg
from .examples import example_names, example_path, example_theme
from .overrides import ThemeError, apply_overrides, changed_tokens, normalise_overrides, settings_snippet
from .tokens import COLOUR_TOKENS, DEFAULT_THEME, MODES, SHARED_TOKENS, ModeColours, Theme, token_names

__all__ = [
    "COLOUR_TOKENS",
    "DEFAULT_THEME",
    "MODES",
    "SHARED_TOKENS",
    "ContrastPair",
    "ModeColours",
    "Theme",
    "ThemeError",
    "apply_overrides",
    "changed_tokens",
    "contrast_failures",
    "contrast_report",
    "example_names",
    "example_path",
    "example_theme",
    "from_dtcg",
    "load_dtcg_file",
    "normalise_overrides",
    "render_css",
    "render_tokens_css",
    "settings_snippet",
    "stylesheet_digest",
    "theme_from_dtcg",
    "to_dtcg",
    "token_names",
]
