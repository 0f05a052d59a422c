"""``python -m codex_django.cabinet.theme [--check [THEME.tokens.json ...]]``: print or check the theme files.

Without arguments it prints ``tokens.css``, the default theme of :mod:`.tokens`
(the single source of truth) as CSS; ``npm run build`` writes it to
``static/cabinet/tokens.css`` (not committed) through
:mod:`codex_django.cabinet.assets.generated_css` and bundles it.

``--check`` writes nothing and exits 1 when the default theme, a shipped
example theme or one of the DTCG files given has a pair below its WCAG
contrast minimum (:func:`.contrast.contrast_failures`, the list ``manage.py
check`` and the storybook's token panel show): text, status, focus and
outline-button pairs, translucent colours composited.
"""

from __future__ import annotations

import sys

from .contrast import contrast_failures
from .css import render_tokens_css
from .dtcg import load_dtcg_file
from .examples import example_names, example_theme
from .overrides import ThemeError, apply_overrides
from .tokens import DEFAULT_THEME, Theme


def _themes(files: list[str]) -> list[tuple[str, Theme]]:
    themes = [("default theme", DEFAULT_THEME)]
    themes += [(f"example theme {name!r}", example_theme(name)) for name in example_names()]
    themes += [(path, apply_overrides(DEFAULT_THEME, load_dtcg_file(path), path)) for path in files]
    return themes


def check(files: list[str]) -> int:
    """0 when every theme passes contrast; else 1, each problem on stderr."""
    status = 0
    try:
        themes = _themes(files)
    except (OSError, ThemeError) as error:
        print(error, file=sys.stderr)
        return 1
    for label, theme in themes:
        for pair in contrast_failures(theme):
            print(f"{label}: contrast too low: {pair.message}", file=sys.stderr)
            status = 1
    return status


def main(argv: list[str]) -> int:
    if "--check" in argv:
        return check([arg for arg in argv if arg != "--check"])
    sys.stdout.write(render_tokens_css())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
