"""``python -m codex_django.cabinet.theme [--check [THEME.tokens.json ...]]``: write or check the theme files.

Without arguments it (re)writes ``static/cabinet/tokens.css`` from the default
theme in :mod:`.tokens`, the single source of truth (the npm build bundles it).

``--check`` writes nothing and exits 1 when ``tokens.css`` is stale or when
the default theme, a shipped example theme or one of the DTCG files given
has a pair below its WCAG contrast minimum (:func:`.contrast.contrast_failures`,
the list ``manage.py check`` and the storybook's token panel show): text,
status, focus and outline-button pairs, translucent colours composited.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .contrast import contrast_failures
from .css import render_tokens_css
from .dtcg import load_dtcg_file
from .examples import example_names, example_theme
from .overrides import ThemeError, apply_overrides
from .tokens import DEFAULT_THEME, Theme

TOKENS_CSS = Path(__file__).resolve().parent.parent / "static" / "cabinet" / "tokens.css"


def _themes(files: list[str]) -> list[tuple[str, Theme]]:
    themes = [("default theme", DEFAULT_THEME)]
    themes += [(f"example theme {name!r}", example_theme(name)) for name in example_names()]
    themes += [(path, apply_overrides(DEFAULT_THEME, load_dtcg_file(path), path)) for path in files]
    return themes


def check(files: list[str]) -> int:
    """0 when ``tokens.css`` is current and every theme passes contrast; else 1, each problem on stderr."""
    status = 0
    if not TOKENS_CSS.exists() or TOKENS_CSS.read_text(encoding="utf-8") != render_tokens_css():
        print(f"{TOKENS_CSS} is stale: run `python -m codex_django.cabinet.theme`", file=sys.stderr)
        status = 1
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
    expected = render_tokens_css()
    current = TOKENS_CSS.read_text(encoding="utf-8") if TOKENS_CSS.exists() else ""
    if current != expected:
        TOKENS_CSS.write_text(expected, encoding="utf-8")
        print(f"wrote {TOKENS_CSS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
