"""The example themes shipped in ``theme/example_themes/*.json`` (DTCG files), for the storybook toolbar.

Example::

    example_names()            # ["forest", "ocean"]
    example_theme("ocean")     # a Theme (defaults + the file's tokens)
    example_path("ocean")      # usable as CODEX_CABINET["THEME"]
"""

from __future__ import annotations

import functools
from pathlib import Path

from .dtcg import load_dtcg_file
from .overrides import apply_overrides
from .tokens import DEFAULT_THEME, Theme

__all__ = ["EXAMPLES_DIR", "example_names", "example_path", "example_theme"]

EXAMPLES_DIR = Path(__file__).resolve().parent / "example_themes"


def example_names() -> list[str]:
    """The shipped example themes, sorted."""
    return sorted(path.stem for path in EXAMPLES_DIR.glob("*.json"))


def example_path(name: str) -> Path:
    """The DTCG file of the example ``name``; ``KeyError`` naming the known ones."""
    if name not in example_names():
        raise KeyError(f"no example theme {name!r}; known: {', '.join(example_names())}")
    return EXAMPLES_DIR / f"{name}.json"


@functools.cache
def example_theme(name: str) -> Theme:
    """The example ``name`` applied over the default theme."""
    path = example_path(name)
    return apply_overrides(DEFAULT_THEME, load_dtcg_file(path), str(path))
