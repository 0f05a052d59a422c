"""Bootstrap Icons' catalogue: which icon names exist, and which the library itself uses.

The pure half of the icons (the other, :mod:`codex_django.cabinet.assets.icons`, builds
the stylesheet of the icons in use from the registry and the settings). It reads
two files of the built bundle, once per process, and imports nothing of the
cabinet, so the ``IconName`` contract field (:mod:`.types.fields`) can check a
name without pulling in the registry, whose contracts use that field:

* ``cabinet/dist/icons.json``: every Bootstrap Icons name -> codepoint (from
  ``bootstrap-icons/font/bootstrap-icons.json``);
* ``cabinet/dist/icons-used.json``: the icons the library's templates, scripts
  and stories name, whose rules ``cabinet.css`` holds.

:func:`check_icon_name` rejects a name that is no Bootstrap icon, with a
suggestion (``'bi-calender' is not a Bootstrap Icons name. Did you mean
'bi-calendar'?``).
"""

from __future__ import annotations

import difflib
import functools
import json
from pathlib import Path

__all__ = ["DIST", "check_icon_name", "icon_codepoints", "library_icons"]

DIST = Path(__file__).resolve().parent.parent / "static" / "cabinet" / "dist"


@functools.cache
def icon_codepoints() -> dict[str, int]:
    """Every Bootstrap Icons name (without ``bi-``) -> codepoint; ``{}`` when the bundle is not built."""
    try:
        data = json.loads((DIST / "icons.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(name): int(point) for name, point in data.items()}


@functools.cache
def library_icons() -> frozenset[str]:
    """The icons the library's templates, scripts and stories name (``icons-used.json``)."""
    try:
        data = json.loads((DIST / "icons-used.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return frozenset()
    return frozenset(str(name) for name in data)


def check_icon_name(value: str) -> str:
    """``value`` (``bi-<name>``) if Bootstrap Icons has it; ``ValueError`` with a suggestion if not.

    Only the format is checked when ``icons.json`` is not built.
    """
    names = icon_codepoints()
    name = value.removeprefix("bi-")
    if not names or name in names:
        return value
    close = difflib.get_close_matches(name, names, n=1)
    hint = f" Did you mean 'bi-{close[0]}'?" if close else ""
    raise ValueError(f"'{value}' is not a Bootstrap Icons name.{hint} See https://icons.getbootstrap.com/")
