"""The ``cabinet`` context processor: registry + request -> the shell's template variables.

Add it to ``TEMPLATES[...]["OPTIONS"]["context_processors"]``::

    "codex_django.cabinet.context_processors.cabinet",

Variables (every template rendered with a ``RequestContext`` gets them):

* ``cabinet_space``: ``"staff"``, ``"client"`` or ``None`` (not a cabinet page);
* ``cabinet_module``: the active module name or ``None``;
* ``cabinet_topbar``: ``{"admin": [NavLink], "services": [NavLink]}`` (staff only);
* ``cabinet_sidebar``: ``[NavLink]`` for the active space + module, filtered by permission;
* ``cabinet_shortcuts``: ``[NavLink]`` for the active module;
* ``cabinet_branding``: ``{"label": ..., "icon": ...}`` for the space;
* ``cabinet_settings_url``: the module's settings page, ``""`` when none;
* legacy v1: ``cabinet_sections``, ``cabinet_dashboard_widgets``,
  ``cabinet_topbar_actions``, ``cabinet_global_actions``;
* ``cabinet_settings``: the :class:`~codex_django.cabinet.models.CabinetSettings`
  (name, logo, theme overrides), lazy: read from Redis (database fallback)
  only when a template uses it, at most once per request.

Anonymous users and pages outside the cabinet get the empty shell: empty
lists and ``cabinet_space = None``.

How the space is found: ``request.cabinet_space`` (set by
:func:`~codex_django.cabinet.http.access.space_required`) or else the longest of
``CODEX_CABINET["STAFF_URL_PREFIX"]`` / ``["CLIENT_URL_PREFIX"]`` the path
starts with; a space found by prefix also needs the ``SPACE_ACCESS`` hook to
let the user in, so a 404 page under ``/cabinet/`` never shows the staff menu
to a customer. The module: ``request.cabinet_module``, else the URL's
namespace or app name when a module of that name declared something for the
space, else ``CODEX_CABINET["DEFAULT_MODULE"][space]``.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from codex_django.cabinet.http.access import can_enter
from codex_django.cabinet.navigation.menus import (
    UserPermissions,
    build_shortcuts,
    build_sidebar,
    build_topbar,
)
from codex_django.cabinet.rendering.links import resolve_link

from .conf import cabinet_setting
from .registry import SPACES, cabinet_registry
from .types.nav import TOPBAR_GROUPS

__all__ = ["cabinet", "detect_module", "detect_space", "empty_shell", "lazy_settings", "navigation_context"]


def empty_shell() -> dict[str, Any]:
    """The variables for anonymous users and non-cabinet pages."""
    return {
        "cabinet_space": None,
        "cabinet_module": None,
        "cabinet_topbar": {group: [] for group in TOPBAR_GROUPS},
        "cabinet_sidebar": [],
        "cabinet_shortcuts": [],
        "cabinet_branding": {"label": "", "icon": ""},
        "cabinet_settings_url": "",
        "cabinet_sections": [],
        "cabinet_dashboard_widgets": [],
        "cabinet_topbar_actions": [],
        "cabinet_global_actions": [],
    }


def _space_by_prefix(path: str) -> str | None:
    prefixes = [
        (str(cabinet_setting("STAFF_URL_PREFIX")), "staff"),
        (str(cabinet_setting("CLIENT_URL_PREFIX")), "client"),
    ]
    matching = [(len(prefix), space) for prefix, space in prefixes if prefix and path.startswith(prefix)]
    return max(matching)[1] if matching else None


def detect_space(request: HttpRequest) -> str | None:
    """``request.cabinet_space`` if the view set it, else the space of the matching URL prefix, if allowed."""
    declared = getattr(request, "cabinet_space", None)
    if declared in SPACES:
        return str(declared)
    space = _space_by_prefix(request.path_info)
    if space is None or not can_enter(request, space):
        return None
    return space


def detect_module(request: HttpRequest, space: str) -> str | None:
    """``request.cabinet_module``, else the URL namespace / app name the registry knows, else the default."""
    declared = getattr(request, "cabinet_module", None)
    if isinstance(declared, str) and declared:
        return declared
    match = getattr(request, "resolver_match", None)
    if match is not None:
        for name in (*match.namespaces, *match.app_names):
            if cabinet_registry.has_module(space, name):
                return str(name)
    defaults = cabinet_setting("DEFAULT_MODULE") or {}
    default = defaults.get(space)
    return str(default) if default else None


def lazy_settings(request: HttpRequest) -> SimpleLazyObject:
    """``cabinet_settings``: loaded on first use, once per request (see ``models.current``)."""

    def load() -> Any:
        from .models.current import current_settings

        return current_settings(request)

    return SimpleLazyObject(load)


def cabinet(request: HttpRequest) -> dict[str, Any]:
    """Context processor: the cabinet shell's variables for this request (see module docstring)."""
    context = navigation_context(request)
    context["cabinet_settings"] = lazy_settings(request)
    return context


def navigation_context(request: HttpRequest) -> dict[str, Any]:
    """The navigation part of :func:`cabinet`: registry + request -> menus, branding, links."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return empty_shell()
    space = detect_space(request)
    if space is None:
        return empty_shell()
    module = detect_module(request, space)
    permissions = UserPermissions(user)
    registry = cabinet_registry

    if space == "staff":
        active_entry = registry.get_module_topbar(module) if module else None
        topbar = build_topbar(registry.get_topbar_entries(), active_entry)
        v1_groups: tuple[str, ...] = ("admin", "services")
    else:
        topbar = {group: [] for group in TOPBAR_GROUPS}
        v1_groups = ("client",)
    branding = registry.get_branding(space)
    return {
        "cabinet_space": space,
        "cabinet_module": module,
        "cabinet_topbar": topbar,
        "cabinet_sidebar": build_sidebar(registry.get_sidebar(space, module), permissions, request.path),
        "cabinet_shortcuts": build_shortcuts(registry.get_shortcuts(space, module)),
        "cabinet_branding": {"label": branding["label"], "icon": branding["icon"]},
        "cabinet_settings_url": resolve_link(registry.get_settings_url(space, module) or ""),
        # Legacy v1 variables: the declared objects of the space's groups
        # (staff: admin + services, client: client), filtered by permission.
        "cabinet_sections": [
            s for s in registry.sections if s.nav_group in v1_groups and permissions.allows(s.permissions)
        ],
        "cabinet_dashboard_widgets": [
            w
            for w in registry.dashboard_widgets
            if w.nav_group in v1_groups and permissions.allows(w.permissions)
        ],
        "cabinet_topbar_actions": registry.topbar_actions,
        "cabinet_global_actions": registry.global_actions,
    }
