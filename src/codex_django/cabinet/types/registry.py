"""Registration contracts for the cabinet registry.

The dataclasses feature apps hand to :func:`codex_django.cabinet.declare`
besides the navigation types of :mod:`codex_django.cabinet.types.nav`:

* :class:`DashboardWidget`: a widget to render on the dashboard.
* :class:`NavAction`: a generic action link (footer links, legacy v1 topbar buttons).
* :class:`CabinetSection`: **deprecated** v1 navigation section; use
  :class:`~codex_django.cabinet.types.nav.TopbarEntry` with
  ``declare(space=...)`` instead.

All are frozen and validated on construction; a mistake raises
``ImproperlyConfigured`` naming the contract, the field and the value.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, StrictBool

from .contract import contract
from .fields import IconName, SafeUrl
from .nav import DEFAULT_ORDER, Label, LinkUrl, Order, Permissions

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["CabinetSection", "DashboardWidget", "NavAction"]

# Dashboard tabs / v1 dropdown groups.
NAV_GROUPS: tuple[str, ...] = ("admin", "services", "client")

# One Bootstrap grid column class: col, col-6, col-lg-4, col-md-auto, ...
_COLUMN = re.compile(r"col(?:-(?:sm|md|lg|xl|xxl))?(?:-(?:[1-9]|1[0-2]|auto))?")


def _check_column(value: str) -> str:
    tokens = value.split()
    if not tokens or not all(_COLUMN.fullmatch(token) for token in tokens):
        raise ValueError(
            "col is one or more Bootstrap column classes such as 'col-12', 'col-lg-6' or 'col-12 col-xl-4'"
        )
    return value


def _check_template(value: str) -> str:
    if not value.strip():
        raise ValueError("a widget needs a template path such as 'booking/widgets/upcoming.html'")
    if value != value.strip():
        raise ValueError("a template path may not start or end with whitespace")
    return value


ColumnClass = Annotated[str, AfterValidator(_check_column)]
TemplateName = Annotated[str, AfterValidator(_check_template)]


@contract(frozen=True, configuration_error=True)
class DashboardWidget:
    """Declaration of a dashboard widget contributed by a feature app.

    The registry stores it; the dashboard view renders every widget the user
    may see. ``template`` goes through Django's template loaders: built-in
    widgets live in ``cabinet/widgets/``, custom ones in the feature app's
    ``templates/``. ``declare(..., dashboard_widgets="x.html")`` is short for
    ``DashboardWidget(template="x.html")``.

    Attributes:
        template: Template path, e.g. ``"booking/widgets/upcoming.html"``.
        col: Bootstrap column class(es) for the widget's width. Defaults to
            ``"col-lg-6"``; ``"col-12"`` is full width.
        lazy: ``True`` loads the widget through HTMX after the page renders
            (for expensive queries). Defaults to ``False``.
        nav_group: Dashboard tab: ``"admin"`` (default), ``"services"`` or ``"client"``.
        permissions: ``"app_label.codename"`` strings, OR semantics; ``()``
            means every authenticated user.
        order: Sort order on the dashboard; lower first. Defaults to ``99``.

    Raises:
        ImproperlyConfigured: if ``nav_group`` is not one of the three groups,
            ``col`` is not a Bootstrap column class, ``template`` is empty, ...

    Example::

        DashboardWidget(
            template="booking/widgets/upcoming_appointments.html",
            col="col-lg-6",
            lazy=True,
            nav_group="services",
            permissions=("booking.view_appointment",),
            order=10,
        )
    """

    template: TemplateName
    col: ColumnClass = "col-lg-6"
    lazy: StrictBool = False
    nav_group: Literal["admin", "services", "client"] = "admin"
    permissions: Permissions = ()
    order: Order = DEFAULT_ORDER


@contract(frozen=True, configuration_error=True)
class NavAction:
    """A generic action link rendered in cabinet navigation areas.

    For links outside the topbar and sidebar: footer links, context-specific
    quick actions, legacy v1 topbar buttons.

    Attributes:
        label: Display name, e.g. ``"Settings"``.
        url: Path, http(s) URL or route name.
        icon: Optional Bootstrap Icons class name; ``None`` (default) for none.

    Example::

        NavAction(label="Настройки", url="/cabinet/settings/", icon="bi-gear")
    """

    label: Label
    url: LinkUrl
    icon: IconName | None = None


@contract(frozen=True, configuration_error=True)
class CabinetSection:
    """**Deprecated.** V1 navigation section for the cabinet topbar.

    .. deprecated::
        Use :class:`~codex_django.cabinet.types.nav.TopbarEntry` with the
        ``declare(space=...)`` API; ``declare(module, section=...)`` still
        works and emits a ``DeprecationWarning``.

    Migrate::

        # Old
        declare(module="booking", section=CabinetSection(
            label="Booking", icon="bi-calendar", nav_group="services",
            url="/cabinet/booking/", order=10))

        # New
        declare(space="staff", module="booking", topbar=TopbarEntry(
            group="services", label="Booking", icon="bi-calendar",
            url="/cabinet/booking/", order=10))

    Attributes:
        label: Display name.
        icon: Bootstrap Icons class name.
        nav_group: ``"admin"`` (default), ``"services"`` or ``"client"``.
        url: Optional link; ``None`` (default) for a dropdown-only parent.
        permissions: ``"app_label.codename"`` strings, OR semantics; ``()`` means everyone.
        order: Sort order; lower first. Defaults to ``99``.

    Raises:
        ImproperlyConfigured: if ``nav_group`` is not one of the three groups,
            or any other field is invalid.
    """

    label: Label
    icon: IconName
    nav_group: Literal["admin", "services", "client"] = "admin"
    url: SafeUrl | None = None
    permissions: Permissions = ()
    order: Order = DEFAULT_ORDER
