"""A second ``declare(module, space=...)`` for the same module merges with the first (issue 13).

The reference's registry stores each argument of ``declare`` on its own
(``if topbar: ...``, ``if sidebar: ...``, dashboard widgets appended), so a
feature app can declare its topbar in one call and its dashboard widgets or
sidebar in another. Here: what one call gave survives the next; list items
are added after the earlier ones, an item equal to one already declared is
not added twice (re-running a ``cabinet.py`` changes nothing); a module has
one topbar entry and one settings URL, and a *different* one is an error that
says how to replace the declaration.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured

from codex_django.cabinet.registry import CabinetRegistry, cabinet_registry, declare
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from codex_django.cabinet.types.registry import DashboardWidget
from tests.testapp.fixtures import registry_state  # noqa: F401  (fixture)

pytestmark = pytest.mark.usefixtures("registry_state")

BOOKING = TopbarEntry(group="services", label="Booking", icon="bi-calendar", url="/cabinet/booking/")


def labels(items: list) -> list[str]:  # type: ignore[type-arg]
    return [str(item.label) for item in items]


def test_topbar_from_one_call_and_dashboard_widgets_from_another_both_survive() -> None:
    declare(module="rentals", space="staff", topbar=BOOKING)
    declare(
        module="rentals",
        space="staff",
        dashboard_widgets=[DashboardWidget(template="booking/widgets/today.html")],
    )
    assert cabinet_registry.get_module_topbar("rentals") == BOOKING
    assert BOOKING in cabinet_registry.get_topbar_entries("services")
    assert "booking/widgets/today.html" in [w.template for w in cabinet_registry.dashboard_widgets]


def test_sidebar_from_one_call_and_topbar_and_shortcuts_from_another() -> None:
    declare(module="rentals", space="staff", sidebar=[SidebarItem(label="Schedule", url="/s/")])
    declare(
        module="rentals",
        space="staff",
        topbar=BOOKING,
        shortcuts=[Shortcut(label="New", url="/n/", icon="bi-plus")],
        settings_url="/cabinet/booking/settings/",
    )
    assert labels(cabinet_registry.get_sidebar("staff", "rentals")) == ["Schedule"]
    assert labels(cabinet_registry.get_shortcuts("staff", "rentals")) == ["New"]
    assert cabinet_registry.get_module_topbar("rentals") == BOOKING
    assert cabinet_registry.get_settings_url("staff", "rentals") == "/cabinet/booking/settings/"


def test_list_items_of_both_calls_are_kept_in_order() -> None:
    declare(module="rentals", space="staff", sidebar=[SidebarItem(label="Schedule", url="/s/")])
    declare(module="rentals", space="staff", sidebar=[SidebarItem(label="Pending", url="/p/")])
    declare(module="rentals", space="staff", dashboard_widgets="booking/a.html")
    declare(module="rentals", space="staff", dashboard_widgets=["booking/b.html"])
    assert labels(cabinet_registry.get_sidebar("staff", "rentals")) == ["Schedule", "Pending"]
    templates = [w.template for w in cabinet_registry.dashboard_widgets]
    assert templates.index("booking/a.html") < templates.index("booking/b.html")


def test_declaring_the_same_thing_again_changes_nothing() -> None:
    registry = CabinetRegistry()
    for _ in range(3):  # a cabinet.py run again (importlib.reload, a test)
        registry.register_v2(
            "rentals",
            "staff",
            topbar=BOOKING,
            sidebar=[SidebarItem(label="Schedule", url="/s/")],
            dashboard_widgets="booking/a.html",
            settings_url="booking:settings",
        )
    assert registry.get_topbar_entries() == [BOOKING]
    assert labels(registry.get_sidebar("staff", "rentals")) == ["Schedule"]
    assert [w.template for w in registry.dashboard_widgets] == ["booking/a.html"]


def test_the_spaces_stay_apart() -> None:
    registry = CabinetRegistry()
    registry.register_v2("rentals", "staff", topbar=BOOKING)
    registry.register_v2("rentals", "client", sidebar=[SidebarItem(label="Mine", url="/m/")])
    assert registry.get_sidebar("staff", "rentals") == []
    assert labels(registry.get_sidebar("client", "rentals")) == ["Mine"]
    assert registry.get_module_topbar("rentals") == BOOKING


def test_a_different_topbar_for_the_same_module_is_an_error() -> None:
    registry = CabinetRegistry()
    registry.register_v2("rentals", "staff", topbar=BOOKING)
    other = TopbarEntry(group="admin", label="Bookings", icon="bi-calendar", url="/b/")
    with pytest.raises(ImproperlyConfigured) as raised:
        registry.register_v2("rentals", "staff", topbar=other)
    message = str(raised.value)
    assert message.startswith("declare(module='rentals', space='staff'): topbar is already declared as ")
    assert "cabinet_registry.unregister('staff', 'rentals')" in message
    assert registry.get_topbar_entries() == [BOOKING]  # the failed call changed nothing


def test_a_different_settings_url_is_an_error() -> None:
    registry = CabinetRegistry()
    registry.register_v2("rentals", "staff", settings_url="booking:settings")
    with pytest.raises(ImproperlyConfigured, match=r"settings_url is already declared as 'booking:settings'"):
        registry.register_v2("rentals", "staff", settings_url="booking:options")


def test_unregister_then_declare_replaces() -> None:
    registry = CabinetRegistry()
    registry.register_v2("rentals", "staff", topbar=BOOKING, sidebar=[SidebarItem(label="Old", url="/o/")])
    registry.unregister("staff", "rentals")
    other = TopbarEntry(group="admin", label="Bookings", icon="bi-calendar", url="/b/")
    registry.register_v2("rentals", "staff", topbar=other, sidebar=[SidebarItem(label="New", url="/n/")])
    assert registry.get_topbar_entries() == [other]
    assert labels(registry.get_sidebar("staff", "rentals")) == ["New"]


def test_unregister_an_unknown_module_names_the_known_ones() -> None:
    registry = CabinetRegistry()
    registry.register_v2("rentals", "staff")
    with pytest.raises(KeyError, match=r"nothing declared for space='staff', module='rental'; .*'rentals'"):
        registry.unregister("staff", "rental")
