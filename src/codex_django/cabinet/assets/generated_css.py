"""The stylesheets the asset build generates from Python definitions.

Two CSS files are made from values that live in Python, so that Python stays
their one source of truth:

* ``tokens.css`` (``static/cabinet/``): the default theme's design tokens and
  Bootstrap's variables mapped onto them (:func:`.theme.css.render_tokens_css`);
* ``calendar_grid_positions.css`` (beside the ``calendar_grid`` component): one
  rule per row, column, span, lane... the calendar presenter can print
  (:func:`codex_django.cabinet.components.calendar_grid.presenter.positions_css`, sized by its limits).

Neither file is committed: ``npm run build`` (``frontend/build.mjs``) runs
``python -m codex_django.cabinet.assets.generated_css``, which prints them as one JSON
object ``{file name: CSS}``, writes each where it belongs and bundles them. The
build owns the paths, this module the contents. The wheel ships the built files
(``scripts/check_wheel.py`` checks they are in it).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable

__all__ = ["GENERATED_CSS", "generated_css"]


def _tokens_css() -> str:
    from codex_django.cabinet.theme.css import render_tokens_css

    return render_tokens_css()


def _calendar_positions_css() -> str:
    from codex_django.cabinet.components.calendar_grid.presenter import positions_css

    return positions_css()


# File name -> the function that renders it (frontend/build.mjs maps each name to its path).
GENERATED_CSS: dict[str, Callable[[], str]] = {
    "tokens.css": _tokens_css,
    "calendar_grid_positions.css": _calendar_positions_css,
}


def generated_css() -> dict[str, str]:
    """Every generated stylesheet: file name -> its CSS text."""
    return {name: render() for name, render in GENERATED_CSS.items()}


def main() -> int:
    """Print :func:`generated_css` as JSON (the asset build's input); works without a Django project."""
    from django.conf import settings

    if not settings.configured:  # the presenter's translatable strings need settings, any will do
        settings.configure()
    json.dump(generated_css(), sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main())
