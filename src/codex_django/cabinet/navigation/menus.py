"""The navigation presenter: registry entries in, :class:`NavLink` lists out.

The registry holds what feature apps declared (route names, permissions,
orders). The shell templates need something simpler: links the user may see,
with resolved ``href`` values and exactly one item marked active. This module
computes that once per request so the templates only loop and print.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from django.utils.functional import Promise

from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.nav import TOPBAR_GROUPS, Shortcut, SidebarItem, TopbarEntry

__all__ = ["NavLink", "UserPermissions", "active_index", "build_shortcuts", "build_sidebar", "build_topbar"]


@dataclasses.dataclass(frozen=True)
class NavLink:
    """One link as the shell renders it.

    Attributes:
        label: Display text (``str`` or a lazy translation).
        url: Resolved ``href``; ``""`` when the declared route did not resolve
            (the template then renders the item without a link).
        icon: Bootstrap Icons class, ``""`` for none.
        active: True for the one link of the current page (or module, in the topbar).
        badge_key: Context variable holding the badge count, ``""`` for none.
        order: The declared order (shortcuts: their position).
    """

    label: str | Promise
    url: str
    icon: str = ""
    active: bool = False
    badge_key: str = ""
    order: int = 99


class UserPermissions:
    """The permissions of one user, read once per request.

    ``user.get_all_permissions()`` is cached on the user object by Django's
    backends, so asking it once and testing membership is cheaper than a
    ``has_perm`` call per item. Active superusers see everything.
    """

    def __init__(self, user: Any) -> None:
        self.authenticated = bool(getattr(user, "is_authenticated", False))
        self.superuser = self.authenticated and bool(user.is_active and user.is_superuser)
        self.codes: frozenset[str] = (
            frozenset(user.get_all_permissions())
            if self.authenticated and not self.superuser
            else frozenset()
        )

    def allows(self, permissions: Sequence[str]) -> bool:
        """OR semantics: no permissions listed means every authenticated user."""
        if not self.authenticated:
            return False
        if not permissions or self.superuser:
            return True
        return any(code in self.codes for code in permissions)


def _matches(path: str, url: str) -> int:
    """Length of ``url``'s path when it is ``path`` or a parent of it, else -1."""
    if not url:
        return -1
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path.startswith("/"):
        return -1
    prefix = parts.path
    if path == prefix:
        return len(prefix)
    if path.startswith(prefix) and (prefix.endswith("/") or path[len(prefix)] == "/"):
        return len(prefix)
    return -1


def active_index(path: str, urls: Sequence[str]) -> int | None:
    """Index of the URL that is ``path`` or its longest parent; the first one wins a tie."""
    best: int | None = None
    best_length = -1
    for index, url in enumerate(urls):
        length = _matches(path, url)
        if length > best_length:
            best, best_length = index, length
    return best


def build_sidebar(items: Iterable[SidebarItem], permissions: UserPermissions, path: str) -> list[NavLink]:
    """Visible sidebar items as links, the one matching ``path`` active."""
    visible = [item for item in items if permissions.allows(item.permissions)]
    urls = [resolve_link(item.url) for item in visible]
    active = active_index(path, urls)
    return [
        NavLink(
            label=item.label,
            url=url,
            icon=item.icon,
            active=index == active,
            badge_key=item.badge_key,
            order=item.order,
        )
        for index, (item, url) in enumerate(zip(visible, urls, strict=True))
    ]


def build_topbar(
    entries: Iterable[TopbarEntry], active_entry: TopbarEntry | None
) -> dict[str, list[NavLink]]:
    """Topbar links per group (``admin``, ``services``); the active module's entry marked."""
    groups: dict[str, list[NavLink]] = {group: [] for group in TOPBAR_GROUPS}
    for entry in entries:
        groups[entry.group].append(
            NavLink(
                label=entry.label,
                url=resolve_link(entry.url),
                icon=entry.icon,
                active=entry is active_entry,
                order=entry.order,
            )
        )
    return groups


def build_shortcuts(shortcuts: Iterable[Shortcut]) -> list[NavLink]:
    """Shortcuts as links, in declaration order."""
    return [
        NavLink(label=shortcut.label, url=resolve_link(shortcut.url), icon=shortcut.icon, order=index)
        for index, shortcut in enumerate(shortcuts)
    ]
