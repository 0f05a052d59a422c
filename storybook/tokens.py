"""The token panel: edit the theme's tokens on the preview, see contrast as you type, export.

The panel (a tab of the storybook page) sends the edited tokens to
:func:`evaluate` on every change. The cabinet's own theme API does the work, so
what the panel shows is what a site gets: :func:`apply_overrides` validates the
values and derives the brand's companions, :func:`contrast_failures` checks
every text/surface, status and focus pair in both modes, :func:`render_css` is
the stylesheet the preview links, and :func:`to_dtcg` / :func:`settings_snippet`
are the two exports.

An edit is ``{dotted token name: value}`` on top of a base theme: the default
or one of the shipped examples (the toolbar's "Theme").
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext as _

from codex_django.cabinet.theme import (
    COLOUR_TOKENS,
    DEFAULT_THEME,
    MODES,
    SHARED_TOKENS,
    Theme,
    ThemeError,
    apply_overrides,
    changed_tokens,
    contrast_failures,
    example_names,
    example_theme,
    render_css,
    settings_snippet,
    to_dtcg,
)
from codex_django.cabinet.theme.tokens import DENSITIES

from .themes import DEFAULT

# An edit never needs more: every token once (33 colours x 2 modes + 4 shared).
MAX_TOKENS = 80
MAX_QUERY = 8000


class TokenRequestError(ValueError):
    """The request itself is malformed (not a token problem): answered with 400."""


def base_theme(name: str) -> Theme:
    """The theme edits start from: ``"default"`` or an example theme's name."""
    if name == DEFAULT:
        return DEFAULT_THEME
    if name in example_names():
        return example_theme(name)
    raise TokenRequestError(
        f"unknown base theme {name!r}; use one of: {', '.join([DEFAULT, *example_names()])}"
    )


def parse_edit(query: Mapping[str, str]) -> tuple[str, dict[str, Any]]:
    """``(base name, overrides)`` from the query string ``?base=<name>&tokens=<JSON object>``."""
    base = query.get("base") or DEFAULT
    raw = query.get("tokens") or "{}"
    if len(raw) > MAX_QUERY:
        raise TokenRequestError(f"the tokens parameter is {len(raw)} characters long; at most {MAX_QUERY}")
    try:
        overrides = json.loads(raw)
    except ValueError as error:
        raise TokenRequestError(f"the tokens parameter is not JSON: {error}") from error
    if not isinstance(overrides, dict):
        raise TokenRequestError(f"the tokens parameter must be a JSON object, got {type(overrides).__name__}")
    if len(overrides) > MAX_TOKENS:
        raise TokenRequestError(f"{len(overrides)} tokens; a theme has at most {MAX_TOKENS}")
    base_theme(base)  # raises for an unknown name
    return base, overrides


def edited_theme(base: str, overrides: Mapping[str, Any]) -> Theme:
    """The base theme with the edit applied; :class:`ThemeError` names each bad token."""
    return apply_overrides(base_theme(base), overrides, source=_("token panel"))


def evaluate(base: str, overrides: Mapping[str, Any]) -> dict[str, Any]:
    """What the panel shows for an edit (JSON-ready).

    ``ok`` False: ``problems`` lists each unknown or invalid token by name and
    nothing is applied. ``ok`` True: the resolved ``tokens`` (derived companions
    included), the ``contrast`` pairs under their minimum, the ``changed``
    tokens against the default theme and both exports.
    """
    try:
        theme = edited_theme(base, overrides)
    except ThemeError as error:
        return {"ok": False, "problems": list(error.problems)}
    return {
        "ok": True,
        "problems": [],
        "tokens": theme.tokens(),
        "contrast": [pair.as_dict() for pair in contrast_failures(theme)],
        "changed": changed_tokens(theme),
        "snippet": settings_snippet(theme),
        "dtcg": to_dtcg(theme, description=_("Exported from the codex-django-cabinet storybook")),
    }


def edited_css(base: str, overrides: Mapping[str, Any]) -> str:
    """The stylesheet of the edited theme (raises :class:`ThemeError`)."""
    return render_css(edited_theme(base, overrides))


def panel_data() -> dict[str, Any]:
    """What the panel's form is built from: the tokens, what each is for, every base theme's values."""
    bases = [DEFAULT, *example_names()]
    return {
        "modes": list(MODES),
        "colours": [{"name": name, "description": str(text)} for name, text in COLOUR_TOKENS.items()],
        "shared": [{"name": name, "description": str(text)} for name, text in SHARED_TOKENS.items()],
        "densities": list(DENSITIES),
        "bases": {name: base_theme(name).tokens() for name in bases},
    }
