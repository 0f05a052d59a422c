"""CabinetRegistry, declare() and configure_space(): ordering, merging/replacement, both APIs, errors."""

from __future__ import annotations

import warnings

import pytest
from django.core.exceptions import ImproperlyConfigured

from codex_django.cabinet.registry import CabinetRegistry, cabinet_registry, configure_space, declare
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from codex_django.cabinet.types.registry import CabinetSection, DashboardWidget, NavAction
from tests.testapp.fixtures import registry_state  # noqa: F401  (fixture)


def entry(label: str, order: int = 99, group: str = "services") -> TopbarEntry:
    return TopbarEntry(group=group, label=label, icon="bi-box", url=f"/cabinet/{label.lower()}/", order=order)


def item(label: str, order: int = 99) -> SidebarItem:
    return SidebarItem(label=label, url=f"/cabinet/{label.lower()}/", order=order)


@pytest.fixture
def registry() -> CabinetRegistry:
    return CabinetRegistry()


def labels(items: list) -> list[str]:  # type: ignore[type-arg]
    return [str(i.label) for i in items]


class TestTopbar:
    def test_entries_sorted_by_order_within_group(self, registry: CabinetRegistry) -> None:
        registry.register_v2("catalog", "staff", topbar=entry("Catalog", 20))
        registry.register_v2("booking", "staff", topbar=entry("Booking", 10))
        registry.register_v2("users", "staff", topbar=entry("Users", 5, group="admin"))
        assert labels(registry.get_topbar_entries("services")) == ["Booking", "Catalog"]
        assert labels(registry.get_topbar_entries("admin")) == ["Users"]

    def test_all_entries_admin_group_first(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", topbar=entry("Booking", 1))
        registry.register_v2("users", "staff", topbar=entry("Users", 50, group="admin"))
        assert labels(registry.get_topbar_entries()) == ["Users", "Booking"]

    def test_equal_orders_keep_declaration_order(self, registry: CabinetRegistry) -> None:
        for name in ("Zeta", "Alpha", "Mid"):
            registry.register_v2(name.lower(), "staff", topbar=entry(name))
        assert labels(registry.get_topbar_entries("services")) == ["Zeta", "Alpha", "Mid"]

    def test_module_topbar(self, registry: CabinetRegistry) -> None:
        booking = entry("Booking")
        registry.register_v2("booking", "staff", topbar=booking)
        assert registry.get_module_topbar("booking") is booking
        assert registry.get_module_topbar("unknown") is None

    def test_unknown_group(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.get_topbar_entries("tools")
        assert str(raised.value) == (
            "get_topbar_entries(): unknown topbar group 'tools'; use 'admin' or 'services'."
        )

    def test_client_space_has_no_topbar(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("booking", "client", topbar=entry("Booking"))
        assert str(raised.value) == (
            "declare(module='booking', space='client'): the client space has no topbar; "
            "declare the TopbarEntry with space='staff'."
        )


class TestSidebarAndShortcuts:
    def test_sidebar_sorted_by_order_stable(self, registry: CabinetRegistry) -> None:
        registry.register_v2(
            "booking", "staff", sidebar=[item("C", 2), item("A", 1), item("B", 2), item("D")]
        )
        assert labels(registry.get_sidebar("staff", "booking")) == ["A", "C", "B", "D"]

    def test_sidebar_is_per_space(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", sidebar=[item("Schedule")])
        registry.register_v2("booking", "client", sidebar=[item("Mine")])
        assert labels(registry.get_sidebar("staff", "booking")) == ["Schedule"]
        assert labels(registry.get_sidebar("client", "booking")) == ["Mine"]
        assert registry.get_sidebar("client", "other") == []
        assert registry.get_sidebar("staff", None) == []

    def test_shortcuts_keep_declaration_order(self, registry: CabinetRegistry) -> None:
        shortcuts = [Shortcut(label="Z", url="/z/"), Shortcut(label="A", url="/a/")]
        registry.register_v2("booking", "staff", shortcuts=shortcuts)
        assert registry.get_shortcuts("staff", "booking") == shortcuts
        assert registry.get_shortcuts("client", "booking") == []

    def test_settings_url(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", settings_url="booking:settings")
        assert registry.get_settings_url("staff", "booking") == "booking:settings"
        assert registry.get_settings_url("client", "booking") is None

    def test_tuples_are_accepted(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", sidebar=(item("A"),))
        assert labels(registry.get_sidebar("staff", "booking")) == ["A"]

    def test_modules(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff")
        registry.register_v2("reports", "staff")
        registry.register_v2("account", "client")
        assert registry.get_modules("staff") == ["booking", "reports"]
        assert registry.has_module("client", "account")
        assert not registry.has_module("staff", "account")


class TestReplacement:
    # A second v2 declaration merges (tests/unit/test_reference_behaviour_registry.py has the rules).
    def test_declaring_again_merges(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", topbar=entry("Booking"), sidebar=[item("Old")])
        registry.register_v2("booking", "staff", topbar=entry("Booking"), sidebar=[item("New")])
        assert labels(registry.get_sidebar("staff", "booking")) == ["Old", "New"]
        assert labels(registry.get_topbar_entries()) == ["Booking"]

    def test_unregister_drops_what_is_no_longer_declared(self, registry: CabinetRegistry) -> None:
        registry.register_v2(
            "booking", "staff", topbar=entry("Booking"), shortcuts=[Shortcut(label="New", url="/n/")]
        )
        registry.unregister("staff", "booking")
        registry.register_v2("booking", "staff", sidebar=[item("Only")])
        assert registry.get_topbar_entries() == []
        assert registry.get_shortcuts("staff", "booking") == []

    def test_replacement_keeps_the_place_among_equal_orders(self, registry: CabinetRegistry) -> None:
        registry.register_v2("a", "staff", topbar=entry("A"))
        registry.register_v2("b", "staff", topbar=entry("B"))
        registry.register_v2("a", "staff", topbar=entry("A"))  # autoreload re-imports a's cabinet.py
        assert labels(registry.get_topbar_entries()) == ["A", "B"]

    def test_widgets_are_replaced_not_duplicated(self, registry: CabinetRegistry) -> None:
        for _ in range(3):
            registry.register_v2("booking", "staff", dashboard_widgets="booking/w.html")
            registry.register("legacy", dashboard_widget="legacy/w.html")
        assert [w.template for w in registry.dashboard_widgets] == ["legacy/w.html", "booking/w.html"]

    def test_v1_declaring_again_replaces(self, registry: CabinetRegistry) -> None:
        action = NavAction(label="Help", url="/help/")
        registry.register("booking", section=CabinetSection(label="Old", icon="bi-x"), actions=[action])
        registry.register("booking", section=CabinetSection(label="New", icon="bi-x"), actions=[action])
        assert labels(registry.sections) == ["New"]
        assert registry.global_actions == [action]


class TestWidgets:
    def test_string_becomes_a_widget(self, registry: CabinetRegistry) -> None:
        registry.register_v2("booking", "staff", dashboard_widgets="booking/upcoming.html")
        assert registry.dashboard_widgets == [DashboardWidget(template="booking/upcoming.html")]

    def test_single_widget_and_list(self, registry: CabinetRegistry) -> None:
        single = DashboardWidget(template="one.html", order=5)
        registry.register_v2("one", "staff", dashboard_widgets=single)
        registry.register_v2(
            "many", "staff", dashboard_widgets=["two.html", DashboardWidget(template="three.html", order=1)]
        )
        assert [w.template for w in registry.dashboard_widgets] == ["three.html", "one.html", "two.html"]

    def test_filter_by_nav_group(self, registry: CabinetRegistry) -> None:
        registry.register_v2(
            "booking",
            "staff",
            dashboard_widgets=[
                DashboardWidget(template="a.html", nav_group="services"),
                DashboardWidget(template="b.html"),
            ],
        )
        assert [w.template for w in registry.get_dashboard_widgets("services")] == ["a.html"]
        assert [w.template for w in registry.get_dashboard_widgets("admin")] == ["b.html"]
        assert registry.get_dashboard_widgets("client") == []
        assert len(registry.get_dashboard_widgets()) == 2

    def test_unknown_nav_group(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.get_dashboard_widgets("reports")
        assert str(raised.value) == (
            "get_dashboard_widgets(): unknown nav group 'reports'; use 'admin', 'services' or 'client'."
        )

    def test_wrong_widget_type(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("booking", "staff", dashboard_widgets=[42])  # type: ignore[list-item]
        assert str(raised.value) == (
            "declare(module='booking', space='staff'): dashboard_widgets takes DashboardWidget objects "
            "or template names (got 42)."
        )


class TestLegacyApi:
    def test_sections_sorted_and_filtered(self, registry: CabinetRegistry) -> None:
        registry.register("b", section=CabinetSection(label="B", icon="bi-x", nav_group="services", order=2))
        registry.register("a", section=CabinetSection(label="A", icon="bi-at", order=1))
        assert labels(registry.sections) == ["A", "B"]
        assert labels(registry.get_sections("services")) == ["B"]
        assert labels(registry.get_sections()) == ["A", "B"]

    def test_actions_in_registration_order(self, registry: CabinetRegistry) -> None:
        first, second = NavAction(label="1", url="/1/"), NavAction(label="2", url="/2/")
        registry.register("a", topbar_actions=[first])
        registry.register("b", topbar_actions=[second], actions=[first])
        assert registry.topbar_actions == [first, second]
        assert registry.global_actions == [first]

    def test_section_type_checked(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register("a", section={"label": "A"})  # type: ignore[arg-type]
        assert (
            str(raised.value) == "declare(module='a'): section must be a CabinetSection (got {'label': 'A'})."
        )


class TestBranding:
    def test_defaults(self, registry: CabinetRegistry) -> None:
        assert registry.get_branding("staff") == {"label": "Cabinet", "icon": "bi-grid-1x2"}
        assert registry.get_branding("client") == {"label": "My cabinet", "icon": "bi-person-circle"}

    def test_register(self, registry: CabinetRegistry) -> None:
        registry.register_branding("staff", label="Admin Panel", icon="bi-shield-lock")
        registry.register_branding("client", icon="bi-house")
        assert registry.get_branding("staff") == {"label": "Admin Panel", "icon": "bi-shield-lock"}
        assert registry.get_branding("client") == {"label": "My cabinet", "icon": "bi-house"}

    def test_bad_icon(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_branding("staff", icon="shield")
        assert str(raised.value) == (
            "register_branding(): icon must be a Bootstrap Icons class such as 'bi-shield-lock' "
            "(got 'shield')."
        )


class TestErrors:
    @pytest.mark.parametrize(
        "call",
        [
            lambda r: r.register_v2("booking", "admin"),
            lambda r: r.get_sidebar("admin", "booking"),
            lambda r: r.get_shortcuts("admin", "booking"),
            lambda r: r.get_settings_url("admin", "booking"),
            lambda r: r.get_branding("admin"),
            lambda r: r.register_branding("admin"),
        ],
    )
    def test_unknown_space_is_named(self, registry: CabinetRegistry, call) -> None:  # type: ignore[no-untyped-def]
        with pytest.raises(
            ImproperlyConfigured, match=r"unknown cabinet space 'admin'; use 'staff' or 'client'\."
        ):
            call(registry)

    def test_sidebar_must_be_a_list(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("booking", "staff", sidebar=item("A"))  # type: ignore[arg-type]
        assert str(raised.value).startswith(
            "declare(module='booking', space='staff'): sidebar must be a list of SidebarItem "
            "(got SidebarItem:"
        )

    def test_sidebar_elements_checked(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("booking", "staff", sidebar=[entry("A")])  # type: ignore[list-item]
        assert "sidebar must contain only SidebarItem objects (got TopbarEntry(" in str(raised.value)

    def test_bad_settings_url(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("booking", "staff", settings_url="javascript:x")
        assert str(raised.value) == (
            "declare(module='booking', space='staff'): settings_url: the URL scheme 'javascript' is not "
            "allowed; use http(s), a relative path or a named route (got 'javascript:x')."
        )

    def test_empty_module(self, registry: CabinetRegistry) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            registry.register_v2("", "staff")
        assert str(raised.value) == (
            "declare(module='', space='staff'): module must be a non-empty name such as 'booking' (got '')."
        )


@pytest.mark.usefixtures("registry_state")
class TestDeclare:
    def test_v2(self) -> None:
        declare(module="demo", space="staff", topbar=entry("Demo", 1), sidebar=[item("Demo page")])
        assert cabinet_registry.get_module_topbar("demo") == entry("Demo", 1)
        assert labels(cabinet_registry.get_sidebar("staff", "demo")) == ["Demo page"]

    def test_v2_does_not_warn(self) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            declare(module="demo", space="client", sidebar=[item("Mine")])

    def test_v1_still_works_and_warns(self) -> None:
        section = CabinetSection(label="Legacy", icon="bi-archive", nav_group="services")
        with pytest.warns(
            DeprecationWarning, match=r"declare\(module='legacy'\) without space= uses the"
        ) as rec:
            declare(module="legacy", section=section, dashboard_widget="legacy/w.html")
        assert rec[0].filename == __file__  # points at the caller's cabinet.py
        assert section in cabinet_registry.sections
        assert DashboardWidget(template="legacy/w.html") in cabinet_registry.dashboard_widgets

    def test_v1_actions_via_kwargs(self) -> None:
        action = NavAction(label="Help", url="/help/", icon="bi-question")
        with pytest.warns(DeprecationWarning):
            declare(module="legacy", topbar_actions=[action], actions=[action])
        assert action in cabinet_registry.topbar_actions
        assert action in cabinet_registry.global_actions

    def test_dashboard_widget_alias_with_space(self) -> None:
        declare(module="demo", space="staff", dashboard_widget="demo/w.html")
        assert DashboardWidget(template="demo/w.html") in cabinet_registry.dashboard_widgets

    def test_unknown_space(self) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            declare(module="demo", space="partner")
        assert str(raised.value) == (
            "declare(module='demo', space='partner'): unknown cabinet space 'partner'; "
            "use 'staff' or 'client'."
        )

    def test_v2_arguments_without_space(self) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            declare(module="demo", sidebar=[item("A")], settings_url="/s/")
        assert str(raised.value) == (
            "declare(module='demo'): sidebar, settings_url need space='staff' or space='client'."
        )

    def test_section_with_space(self) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            declare(module="demo", space="staff", section=CabinetSection(label="A", icon="bi-at"))
        assert str(raised.value) == (
            "declare(module='demo', space='staff'): section= belongs to the legacy API; "
            "use topbar=TopbarEntry(...) with space=."
        )

    def test_unknown_keyword(self) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:
            declare(module="demo", space="staff", sidbar=[item("A")])
        assert str(raised.value) == (
            "declare(module='demo', space='staff'): unexpected arguments sidbar; "
            "topbar_actions/actions belong to the legacy API (declare without space=)."
        )

    def test_both_widget_arguments(self) -> None:
        with pytest.raises(
            ImproperlyConfigured, match="pass dashboard_widgets or dashboard_widget, not both"
        ):
            declare(module="demo", space="staff", dashboard_widgets="a.html", dashboard_widget="b.html")

    def test_configure_space(self) -> None:
        configure_space(space="client", label="Customer area", icon="bi-house")
        assert cabinet_registry.get_branding("client") == {"label": "Customer area", "icon": "bi-house"}
        with pytest.raises(ImproperlyConfigured, match="configure_space\\(\\): unknown cabinet space 'shop'"):
            configure_space("shop")


def test_snapshot_restore_and_clear() -> None:
    registry = CabinetRegistry()
    registry.register_v2("booking", "staff", sidebar=[item("A")])
    registry.register_branding("staff", label="Mine")
    state = registry.snapshot()
    registry.register_v2("booking", "staff", sidebar=[item("B")])
    registry.register_branding("staff", label="Other")
    registry.restore(state)
    assert labels(registry.get_sidebar("staff", "booking")) == ["A"]
    assert registry.get_branding("staff")["label"] == "Mine"
    registry.clear()
    assert registry.get_sidebar("staff", "booking") == []
    assert registry.get_branding("staff")["label"] == "Cabinet"


def test_test_app_declarations_were_discovered() -> None:
    # apps.py autodiscovers tests/testapp/cabinet.py at start-up.
    assert labels(cabinet_registry.get_topbar_entries("services"))[:1] == ["Booking"]
    assert cabinet_registry.get_branding("staff") == {"label": "Test cabinet", "icon": "bi-shield-lock"}
