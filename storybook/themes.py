"""The toolbar's themes: the cabinet's shipped example themes, as stylesheets.

The preview links a theme's stylesheet after the bundle (its ``--cab-*``
values win), like ``{% cabinet_theme_css %}`` does on a cabinet page. The
stylesheet is served by the storybook (``/storybook/theme/<name>.css``) and
written as ``theme/<name>.css`` by the static export; the preview's script adds
the ``<link>`` for the ``brand`` query parameter, so one exported preview file
serves every theme.
"""

from __future__ import annotations

from codex_django.cabinet.theme import example_names, example_theme
from codex_django.cabinet.theme.css import render_css

DEFAULT = "default"


def theme_names() -> list[str]:
    """``"default"`` (the bundle's own tokens) and the example themes."""
    return [DEFAULT, *example_names()]


def theme_css(name: str) -> str | None:
    """The stylesheet of the example theme ``name``; None for unknown names and the default."""
    if name == DEFAULT or name not in example_names():
        return None
    return render_css(example_theme(name))
