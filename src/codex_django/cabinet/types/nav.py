"""Navigation contracts for the cabinet two-space model.

Feature apps describe their navigation with these frozen dataclasses and hand
them to :func:`codex_django.cabinet.declare`. Every field is validated when
the object is built; a mistake raises ``ImproperlyConfigured`` naming the
contract, the field and the value, so a typo in ``cabinet.py`` stops the
project at start-up instead of rendering a broken link::

    TopbarEntry: group: Input should be 'admin' or 'services' (got 'tools')

Two-space model:

* **staff** space (``/cabinet/``): owners and administrators. Uses
  :class:`TopbarEntry` for the top navigation bar and :class:`SidebarItem`
  for the per-module sub-navigation.
* **client** space (``/cabinet/my/``): end customers. Uses
  :class:`SidebarItem` only (no topbar dropdowns).

Typical usage in a feature app::

    # features/booking/cabinet.py
    from codex_django.cabinet import declare, TopbarEntry, SidebarItem, Shortcut

    declare(
        space="staff",
        module="booking",
        topbar=TopbarEntry(
            group="services",
            label="Booking",
            icon="bi-calendar-check",
            url="/cabinet/booking/",
            order=10,
        ),
        sidebar=[
            SidebarItem(label="Schedule", url="booking:schedule", icon="bi-calendar3"),
            SidebarItem(label="New Booking", url="booking:new", icon="bi-plus-circle"),
            SidebarItem(label="Pending", url="booking:pending", icon="bi-hourglass-split",
                        badge_key="pending_count"),
        ],
        shortcuts=[
            Shortcut(label="New", url="booking:new", icon="bi-plus"),
        ],
    )
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from django.utils.functional import Promise
from pydantic import AfterValidator, BeforeValidator, StrictInt

from .contract import contract
from .fields import IconName, Permission, SafeUrl, Text

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["Shortcut", "SidebarItem", "TopbarEntry"]

# The two staff topbar dropdowns, in the order the shell renders them.
TOPBAR_GROUPS: tuple[str, ...] = ("admin", "services")

DEFAULT_ORDER = 99


def _check_label(value: str | Promise) -> str | Promise:
    # A lazy translation is not evaluated here: cabinet.py may run before a
    # language is active, and the label must translate per request.
    if isinstance(value, str) and not value.strip():
        raise ValueError("a label may not be empty")
    return value


def _check_link(value: str) -> str:
    if not value:
        raise ValueError("a navigation link needs a URL: a path, an http(s) URL or a route name")
    return value


def _check_badge_key(value: str) -> str:
    if value and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", value):
        raise ValueError("a badge key is a context variable name such as 'pending_count'")
    return value


def _reject_single_string(value: object) -> object:
    if isinstance(value, str):
        raise ValueError(
            "permissions is a tuple of strings: write ('booking.view_appointment',) with the trailing comma"
        )
    return value


# Text shown to users; never empty.
Label = Annotated[Text, AfterValidator(_check_label)]
# A link target that passed :func:`~codex_django.cabinet.types.fields.check_url` and is not empty.
LinkUrl = Annotated[SafeUrl, AfterValidator(_check_link)]
# Sort key: a real ``int`` (``"10"`` or ``True`` are configuration mistakes).
Order = StrictInt
BadgeKey = Annotated[str, AfterValidator(_check_badge_key)]
# ``"app_label.codename"`` strings, OR semantics; ``()`` means every authenticated user.
Permissions = Annotated[tuple[Permission, ...], BeforeValidator(_reject_single_string)]


@contract(frozen=True, configuration_error=True)
class TopbarEntry:
    """A navigation entry rendered inside a staff topbar dropdown group.

    The staff topbar holds two dropdowns: **admin** (management pages such as
    analytics, users, settings) and **services** (feature modules such as
    booking or catalog). Entries within a group are sorted ascending by
    ``order``; equal orders keep their declaration order.

    Attributes:
        group: ``"admin"`` or ``"services"``.
        label: Display name (``str`` or a lazy translation).
        icon: Bootstrap Icons class name, e.g. ``"bi-calendar-check"``.
        url: Path, http(s) URL or route name (``"booking:schedule"``), resolved
            server-side by :func:`codex_django.cabinet.rendering.links.resolve_link`.
        order: Sort order within the group; lower first. Defaults to ``99``.

    Raises:
        ImproperlyConfigured: if ``group`` is not ``"admin"`` or ``"services"``,
            or any other field is invalid.

    Example::

        TopbarEntry(
            group="services",
            label="Booking",
            icon="bi-calendar-check",
            url="/cabinet/booking/",
            order=10,
        )
    """

    group: Literal["admin", "services"]
    label: Label
    icon: IconName
    url: LinkUrl
    order: Order = DEFAULT_ORDER


@contract(frozen=True, configuration_error=True)
class SidebarItem:
    """A sub-navigation link rendered in the cabinet module sidebar.

    The context processor picks the items declared for the current
    space + module, hides those the user may not see, resolves their URLs and
    exposes them as ``cabinet_sidebar`` (see
    :class:`codex_django.cabinet.navigation.menus.NavLink`).

    Attributes:
        label: Display name of the link.
        url: Route name (``"booking:schedule"``), path or http(s) URL.
        icon: Bootstrap Icons class name; ``""`` renders no icon.
        badge_key: Context variable holding a count shown as a badge
            (``"pending_count"``); ``""`` disables the badge.
        order: Sort order within the sidebar; lower first. Defaults to ``99``.
        permissions: ``"app_label.codename"`` strings. The item is shown when
            the user has **at least one** of them; ``()`` (default) means every
            authenticated user of the space sees it.

    Example::

        SidebarItem(
            label="Pending",
            url="booking:pending",
            icon="bi-hourglass-split",
            badge_key="pending_count",
            order=3,
            permissions=("booking.view_appointment",),
        )
    """

    label: Label
    url: LinkUrl
    icon: IconName = ""
    badge_key: BadgeKey = ""
    order: Order = DEFAULT_ORDER
    permissions: Permissions = ()


@contract(frozen=True, configuration_error=True)
class Shortcut:
    """A quick-action link shown in the staff topbar for the active module.

    Shortcuts are declared per space + module and exposed to templates as
    ``cabinet_shortcuts``, in declaration order.

    Attributes:
        label: Short display name, e.g. ``"New"``.
        url: Route name, path or http(s) URL.
        icon: Bootstrap Icons class name; ``""`` renders a text-only shortcut.

    Example::

        Shortcut(label="New Booking", url="booking:new", icon="bi-plus-circle")
    """

    label: Label
    url: LinkUrl
    icon: IconName = ""
