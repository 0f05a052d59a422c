"""Every code example of the API reference's "Registry", "Types — Navigation" and
"Types — Registry" sections, run as written.

Each example is kept as the reference prints it (a string, executed with
``exec``) so a change to the API that breaks the documentation fails here.
Where the reference elides arguments with ``...`` (a placeholder, not Python
that could run), the example is given twice: verbatim, checked to be the
elided form, and with the ellipsis filled in by the smallest valid values.
"""

from __future__ import annotations

import textwrap
import warnings
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from codex_django.cabinet.registry import cabinet_registry
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from codex_django.cabinet.types.registry import CabinetSection, DashboardWidget, NavAction
from tests.testapp.fixtures import registry_state  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("registry_state")


@pytest.fixture(autouse=True)
def blank_registry(registry_state: Any) -> None:  # noqa: F811  (the fixture, requested)
    """The examples are a fresh project's cabinet.py: the test app's own "booking" is set aside
    (a second declaration of a module merges with the first, so it would mix into the checks)."""
    registry_state.clear()


def run(source: str, **names: Any) -> dict[str, Any]:
    namespace: dict[str, Any] = dict(names)
    exec(compile(textwrap.dedent(source), "<reference example>", "exec"), namespace)
    return namespace


def evaluate(source: str, **names: Any) -> Any:
    return eval(compile(textwrap.dedent(source).strip(), "<reference example>", "eval"), dict(names))


CABINET_IMPORTS = "from codex_django.cabinet import declare, TopbarEntry, SidebarItem, Shortcut\n"

# --- Registry --------------------------------------------------------------

REGISTRY_DECLARE_V2 = """
declare(
module="booking",
space="staff",
topbar=TopbarEntry(group="services", label="Booking", ...),
sidebar=[SidebarItem(label="Schedule", url="booking:schedule", ...)],
shortcuts=[Shortcut(label="New", url="booking:new", icon="bi-plus")],
)
"""

REGISTRY_DECLARE_V2_FILLED = """
declare(
module="booking",
space="staff",
topbar=TopbarEntry(group="services", label="Booking", icon="bi-calendar", url="/cabinet/booking/"),
sidebar=[SidebarItem(label="Schedule", url="booking:schedule")],
shortcuts=[Shortcut(label="New", url="booking:new", icon="bi-plus")],
)
"""

REGISTRY_DECLARE_V1 = 'declare(module="booking", section=CabinetSection(...))'
REGISTRY_DECLARE_V1_FILLED = (
    'declare(module="booking", section=CabinetSection(label="Booking", icon="bi-calendar"))'
)

REGISTRY_CONFIGURE_SPACE = """
configure_space(
space="staff",
label=_("Admin Panel"),
icon="bi-shield-lock",
)
"""


def test_registry_elided_examples_are_placeholders() -> None:
    # Positional "..." after keywords is not Python: the reference elides here.
    with pytest.raises(SyntaxError):
        compile(REGISTRY_DECLARE_V2, "<reference example>", "exec")
    with pytest.raises(
        ImproperlyConfigured, match=r"^CabinetSection: .*Input should be a string, got ellipsis"
    ):
        run("from codex_django.cabinet import declare, CabinetSection\n" + REGISTRY_DECLARE_V1)


def test_registry_declare_v2() -> None:
    run(CABINET_IMPORTS + REGISTRY_DECLARE_V2_FILLED)
    assert cabinet_registry.get_module_topbar("booking") == TopbarEntry(
        group="services", label="Booking", icon="bi-calendar", url="/cabinet/booking/"
    )
    assert [i.url for i in cabinet_registry.get_sidebar("staff", "booking")] == ["booking:schedule"]
    assert cabinet_registry.get_shortcuts("staff", "booking") == [
        Shortcut(label="New", url="booking:new", icon="bi-plus")
    ]


def test_registry_declare_v1() -> None:
    with pytest.warns(DeprecationWarning):
        run(
            "from codex_django.cabinet import declare, CabinetSection\n" + REGISTRY_DECLARE_V1_FILLED,
        )
    assert CabinetSection(label="Booking", icon="bi-calendar") in cabinet_registry.sections


def test_registry_configure_space() -> None:
    run(
        "from django.utils.translation import gettext_lazy as _\n"
        "from codex_django.cabinet import configure_space\n" + REGISTRY_CONFIGURE_SPACE
    )
    branding = cabinet_registry.get_branding("staff")
    assert str(branding["label"]) == "Admin Panel"
    assert branding["icon"] == "bi-shield-lock"


# --- Types — Navigation -------------------------------------------------------

NAV_MODULE_EXAMPLE = """
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

declare(
    space="client",
    module="booking",
    sidebar=[
        SidebarItem(label="My Appointments", url="booking:my_bookings",
                    icon="bi-calendar2-check"),
    ],
)
"""

TOPBAR_ENTRY_EXAMPLE = """
TopbarEntry(
    group="services",
    label="Booking",
    icon="bi-calendar-check",
    url="/cabinet/booking/",
    order=10,
)
"""

SIDEBAR_ITEM_EXAMPLE = """
SidebarItem(
    label="Pending",
    url="booking:pending",
    icon="bi-hourglass-split",
    badge_key="pending_count",
    order=3,
    permissions=("booking.view_appointment",),
)
"""

SHORTCUT_EXAMPLE = 'Shortcut(label="New Booking", url="booking:new", icon="bi-plus-circle")'


def test_nav_module_example() -> None:
    run(NAV_MODULE_EXAMPLE)
    assert [str(e.label) for e in cabinet_registry.get_topbar_entries("services")][:1] == ["Booking"]
    assert [str(i.label) for i in cabinet_registry.get_sidebar("staff", "booking")] == [
        "Schedule",
        "New Booking",
        "Pending",
    ]
    assert cabinet_registry.get_sidebar("staff", "booking")[2].badge_key == "pending_count"
    assert [str(i.label) for i in cabinet_registry.get_sidebar("client", "booking")] == ["My Appointments"]
    assert [str(s.label) for s in cabinet_registry.get_shortcuts("staff", "booking")] == ["New"]


def test_topbar_entry_example() -> None:
    entry = evaluate(TOPBAR_ENTRY_EXAMPLE, TopbarEntry=TopbarEntry)
    assert (entry.group, entry.label, entry.icon, entry.url, entry.order) == (
        "services",
        "Booking",
        "bi-calendar-check",
        "/cabinet/booking/",
        10,
    )


def test_sidebar_item_example() -> None:
    item = evaluate(SIDEBAR_ITEM_EXAMPLE, SidebarItem=SidebarItem)
    assert item.permissions == ("booking.view_appointment",)
    assert (item.badge_key, item.order) == ("pending_count", 3)


def test_shortcut_example() -> None:
    shortcut = evaluate(SHORTCUT_EXAMPLE, Shortcut=Shortcut)
    assert (shortcut.label, shortcut.url, shortcut.icon) == ("New Booking", "booking:new", "bi-plus-circle")


# --- Types — Registry -----------------------------------------------------------

DASHBOARD_WIDGET_EXAMPLE = """
DashboardWidget(
    template="booking/widgets/upcoming_appointments.html",
    col="col-lg-6",
    lazy=True,
    nav_group="services",
    permissions=("booking.view_appointment",),
    order=10,
)
"""

NAV_ACTION_EXAMPLE = 'NavAction(label="Настройки", url="/cabinet/settings/", icon="bi-gear")'

CABINET_SECTION_OLD = """
# Old — do not use in new code
from codex_django.cabinet import declare, CabinetSection

declare(
    module="booking",
    section=CabinetSection(
        label="Booking",
        icon="bi-calendar",
        nav_group="services",
        url="/cabinet/booking/",
        order=10,
    ),
)
"""

CABINET_SECTION_NEW = """
# New
from codex_django.cabinet import declare, TopbarEntry, SidebarItem

declare(
    space="staff",
    module="booking",
    topbar=TopbarEntry(
        group="services",
        label="Booking",
        icon="bi-calendar",
        url="/cabinet/booking/",
        order=10,
    ),
    sidebar=[...],
)
"""


def test_dashboard_widget_example() -> None:
    widget = evaluate(DASHBOARD_WIDGET_EXAMPLE, DashboardWidget=DashboardWidget)
    assert (widget.col, widget.lazy, widget.nav_group, widget.order) == ("col-lg-6", True, "services", 10)


def test_nav_action_example() -> None:
    action = evaluate(NAV_ACTION_EXAMPLE, NavAction=NavAction)
    assert (action.label, action.url, action.icon) == ("Настройки", "/cabinet/settings/", "bi-gear")


def test_cabinet_section_old_example() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run(CABINET_SECTION_OLD)
    assert [w.category for w in caught] == [DeprecationWarning]
    [section] = [s for s in cabinet_registry.sections if s.label == "Booking"]
    assert (section.nav_group, section.url, section.order) == ("services", "/cabinet/booking/", 10)


def test_cabinet_section_new_example() -> None:
    # "sidebar=[...]" elides the items; the placeholder itself is refused with a clear message.
    with pytest.raises(
        ImproperlyConfigured, match=r"sidebar must contain only SidebarItem objects \(got Ellipsis\)"
    ):
        run(CABINET_SECTION_NEW)
    run(
        CABINET_SECTION_NEW.replace(
            "sidebar=[...]", 'sidebar=[SidebarItem(label="Schedule", url="booking:schedule")]'
        )
    )
    assert cabinet_registry.get_module_topbar("booking") == TopbarEntry(
        group="services", label="Booking", icon="bi-calendar", url="/cabinet/booking/", order=10
    )
