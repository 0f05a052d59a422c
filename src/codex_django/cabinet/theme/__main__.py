"""``python -m codex_django.cabinet.theme [--check]``: (re)write ``static/cabinet/tokens.css``.

The default theme in :mod:`.tokens` is the single source of truth; the file is
generated from it so the npm build can bundle it. ``--check`` only compares and
exits 1 when the file is stale (for CI).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .css import render_tokens_css

TOKENS_CSS = Path(__file__).resolve().parent.parent / "static" / "cabinet" / "tokens.css"


def main(argv: list[str]) -> int:
    expected = render_tokens_css()
    current = TOKENS_CSS.read_text(encoding="utf-8") if TOKENS_CSS.exists() else ""
    if "--check" in argv:
        if current != expected:
            print(f"{TOKENS_CSS} is stale: run `python -m codex_django.cabinet.theme`", file=sys.stderr)
            return 1
        return 0
    if current != expected:
        TOKENS_CSS.write_text(expected, encoding="utf-8")
        print(f"wrote {TOKENS_CSS}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
