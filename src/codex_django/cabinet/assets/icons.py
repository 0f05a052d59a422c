"""Bootstrap Icons: a stylesheet with the rules of the icons in use, and warnings for unstyled ones.

Bootstrap Icons' own CSS has a rule per icon (``.bi-calendar::before{content:"\\f1f6"}``)
for ~2,000 icons: 13.5 kB gzipped on every page. The bundle (``cabinet.css``) keeps
the ``@font-face``, the ``.bi::before`` base rule and the rules of the icons the
library's templates, scripts and stories name (``npm run build`` collects them,
``cabinet/dist/icons-used.json``), so any page linking the bundle shows those.
The rules of the other icons a site uses come from a small stylesheet generated
here, with the icons

* the registry declares (nav entries, shortcuts, sections, widgets, branding),
* ``CODEX_CABINET["ICONS"]`` lists: extra names a project's own pages use, or
  ``"all"`` for every icon (then the static ``cabinet/dist/icons-all.css`` is linked).

It is served like the theme stylesheet (:mod:`codex_django.cabinet.assets.cached_css`):
``…/icons/icons-<digest>.css``, cached for a year, the digest changing with the
set. ``{% cabinet_css %}`` links it after the bundle (nothing when every icon in
use is in the bundle). When the route is not included in the URLconf, the
static ``icons-all.css`` is linked instead.

Which names exist and their codepoints (``cabinet/dist/icons.json``), the
icons the bundle holds and :func:`check_icon_name` (behind the ``IconName``
contract field) are the catalogue, :mod:`codex_django.cabinet.assets.icon_catalogue`,
which imports nothing of the cabinet; this module, which reads the registry,
re-exports them.

An icon named only in a view's payload (a KPI's ``icon``, a row action's) is in
none of those sets, so it would render blank. With ``DEBUG`` on, cabinet components
check the icons of their kwargs when they render (:func:`warn_unstyled_icons`) and log a warning,
once per icon and process, naming the icon, the component and the setting to add
it to.
"""

from __future__ import annotations

import dataclasses
import functools
import logging
import threading
from collections.abc import Iterable, Iterator
from typing import Any

from django.urls import NoReverseMatch, reverse

from codex_django.cabinet.assets.cached_css import StylesheetTable
from codex_django.cabinet.assets.icon_catalogue import DIST, check_icon_name, icon_codepoints, library_icons
from codex_django.cabinet.registry import cabinet_registry

__all__ = [
    "DIST",
    "ICONS_ALL_CSS",
    "STYLESHEET_ROUTE",
    "check_icon_name",
    "configured_icons",
    "extra_icons",
    "icon_codepoints",
    "icons_stylesheet",
    "icons_stylesheet_href",
    "known_icons_stylesheet",
    "library_icons",
    "registry_icons",
]

ICONS_ALL_CSS = "cabinet/dist/icons-all.css"  # static path: every icon's rule
STYLESHEET_ROUTE = "cabinet:icons_stylesheet"
_KNOWN = StylesheetTable(size=64)
logger = logging.getLogger("codex_django.cabinet")
_WARNED: set[str] = set()
_WARNED_LOCK = threading.Lock()
# Rendering walks at most this many items of each list for icons: icons repeat, rows are many.
# (The registry is walked whole: its icons make the stylesheet.)
_SCAN_ITEMS = 50


def _icon_values(value: Any, depth: int = 0, limit: int | None = None) -> Iterator[str]:
    """Every ``icon`` field (a string) in a dataclass, a mapping or a sequence of them."""
    if depth > 6 or value is None or isinstance(value, str | bytes | int | float):
        return
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        for field in dataclasses.fields(value):
            item = getattr(value, field.name, None)
            if field.name == "icon" and isinstance(item, str):
                yield item
            else:
                yield from _icon_values(item, depth + 1, limit)
    elif isinstance(value, dict):
        for key, item in value.items():
            if key == "icon" and isinstance(item, str):
                yield item
            else:
                yield from _icon_values(item, depth + 1, limit)
    elif isinstance(value, list | tuple | set | frozenset):
        for index, item in enumerate(value):
            if index == limit:
                break
            yield from _icon_values(item, depth + 1, limit)


def _names(values: Iterable[str]) -> set[str]:
    return {value.removeprefix("bi-") for value in values if value}


def registry_icons() -> set[str]:
    """The icons every ``declare()`` / ``configure_space()`` in the registry names.

    Walked once per change of the registry (every page's ``{% cabinet_css %}`` asks).
    """
    return set(_registry_icons(cabinet_registry.version))


@functools.lru_cache(maxsize=4)
def _registry_icons(version: int) -> frozenset[str]:
    state = cabinet_registry.snapshot()
    return frozenset(
        _names(_icon_values([list(state.modules.values()), list(state.legacy.values()), state.branding]))
    )


def configured_icons() -> set[str] | None:
    """``CODEX_CABINET["ICONS"]`` as names without ``bi-``; ``None`` for ``"all"``."""
    from codex_django.cabinet.conf import cabinet_setting

    value = cabinet_setting("ICONS")
    if value == "all":
        return None
    return _names(str(item) for item in value or ())


def extra_icons() -> frozenset[str] | None:
    """Registry + configured icons Bootstrap Icons has and the bundle lacks; ``None`` means all icons."""
    configured = configured_icons()
    if configured is None:
        return None
    known = icon_codepoints()
    return frozenset(name for name in registry_icons() | configured if name in known) - library_icons()


@functools.lru_cache(maxsize=16)
def _rendered(names: frozenset[str]) -> tuple[str, str]:
    from codex_django.cabinet.theme.css import stylesheet_digest

    points = icon_codepoints()
    css = "".join(f'.bi-{name}::before{{content:"\\{points[name]:x}"}}\n' for name in sorted(names))
    return css, stylesheet_digest(css)


def icons_stylesheet() -> tuple[str, str]:
    """``(css, digest)``: the rules of :func:`extra_icons` (of every icon for ``ICONS = "all"``)."""
    names = extra_icons()
    css, digest = _rendered(frozenset(icon_codepoints()) if names is None else names)
    _KNOWN.remember(digest, css)
    return css, digest


def known_icons_stylesheet(digest: str) -> str | None:
    """The icon CSS this process handed out under ``digest``, if any."""
    return _KNOWN.get(digest)


def icons_stylesheet_href() -> str:
    """What ``{% cabinet_css %}`` links after the bundle for the icons; ``""`` for nothing.

    Nothing when the bundle is not built or has every icon in use; the static
    ``icons-all.css`` for ``ICONS = "all"`` or when the icon route is not in the
    URLconf; else ``…/icons/icons-<digest>.css``.
    """
    from django.templatetags.static import static

    if not icon_codepoints():
        return ""
    names = extra_icons()
    if names is None:
        return static(ICONS_ALL_CSS)
    if not names:
        return ""
    _css, digest = icons_stylesheet()
    try:
        return reverse(STYLESHEET_ROUTE, kwargs={"digest": digest})
    except NoReverseMatch:
        return static(ICONS_ALL_CSS)


def unstyled_icons(values: Iterable[str]) -> list[str]:
    """The names among ``values`` (``bi-…``) whose rule no cabinet page links: they render blank.

    Empty when the bundle is not built or ``CODEX_CABINET["ICONS"]`` is ``"all"``.
    """
    if not icon_codepoints():
        return []
    extra = extra_icons()
    if extra is None:
        return []
    styled = library_icons() | extra
    return sorted({name for name in _names(values) if name not in styled and name in icon_codepoints()})


def warn_unstyled_icons(component: str, kwargs: Any) -> None:
    """Log, once per icon and process, each icon in ``kwargs`` that would render blank."""
    values = list(_icon_values(kwargs, limit=_SCAN_ITEMS))
    if not values:
        return
    missing = [name for name in unstyled_icons(values) if name not in _WARNED]
    if not missing:
        return
    with _WARNED_LOCK:
        missing = [name for name in missing if name not in _WARNED]
        _WARNED.update(missing)
    for name in missing:
        logger.warning(
            "Icon 'bi-%s' (rendered by %s) has no CSS rule on cabinet pages, so it shows nothing. "
            'Add it to the settings: CODEX_CABINET["ICONS"] = [..., "bi-%s"] '
            '(or "all" for every icon, 13.5 KB gzipped more per page).',
            name,
            component,
            name,
        )
