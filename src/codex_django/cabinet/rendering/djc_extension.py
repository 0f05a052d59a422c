"""A django-components extension: no dependency-manager script on pages that don't need it.

django-components adds its client-side dependency manager
(``django_components.min.js``, 2.3 KB gzipped) and a JSON "exec" script to
every full page that renders a component. The manager only serves components
that declare their own JS (``Component.js``, ``js_file``, ``Media.js``), which
no cabinet component does: their JS is in the bundle, their CSS is linked as
``Media.css`` (see :func:`codex_django.cabinet.rendering.component.own_stylesheet`).

:class:`CabinetExtension` drops the manager's scripts when no other script is
left to manage, and keeps them untouched otherwise, so project components that
use django-components' JS keep working. Enable it in the settings::

    COMPONENTS = {"extensions": ["codex_django.cabinet.rendering.djc_extension.CabinetExtension"]}

``cabinet.W030`` reports it missing.
"""

from __future__ import annotations

from django_components import ComponentExtension, OnDependenciesContext, Script, Style

PATH = "codex_django.cabinet.rendering.djc_extension.CabinetExtension"


class CabinetExtension(ComponentExtension):
    """Removes django-components' core scripts from pages whose components have no JS of their own."""

    name = "cabinet_assets"

    def on_dependencies(self, ctx: OnDependenciesContext) -> tuple[list[Script], list[Style]] | None:
        if any(script.kind != "core" for script in ctx.scripts):
            return None
        return [], list(ctx.styles)


def installed() -> bool:
    """Whether ``COMPONENTS["extensions"]`` lists :class:`CabinetExtension` (by path or class)."""
    from django.conf import settings

    components = getattr(settings, "COMPONENTS", None) or {}
    extensions = (
        components.get("extensions")
        if isinstance(components, dict)
        else getattr(components, "extensions", None)
    )
    return any(ext == PATH or ext is CabinetExtension for ext in extensions or ())
