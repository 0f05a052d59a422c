"""The navigation and registry contracts: fields, order, defaults, and their configuration errors."""

from __future__ import annotations

import dataclasses

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.types.contract import json_schema, to_payload
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from codex_django.cabinet.types.registry import CabinetSection, DashboardWidget, NavAction


def field_names(cls: type) -> list[str]:
    return [field.name for field in dataclasses.fields(cls)]


def test_field_order_matches_the_reference() -> None:
    assert field_names(TopbarEntry) == ["group", "label", "icon", "url", "order"]
    assert field_names(SidebarItem) == ["label", "url", "icon", "badge_key", "order", "permissions"]
    assert field_names(Shortcut) == ["label", "url", "icon"]
    assert field_names(DashboardWidget) == ["template", "col", "lazy", "nav_group", "permissions", "order"]
    assert field_names(NavAction) == ["label", "url", "icon"]
    assert field_names(CabinetSection) == ["label", "icon", "nav_group", "url", "permissions", "order"]


def test_defaults() -> None:
    assert TopbarEntry("admin", "Users", "bi-people", "/cabinet/users/").order == 99
    item = SidebarItem("Schedule", "booking:schedule")
    assert (item.icon, item.badge_key, item.order, item.permissions) == ("", "", 99, ())
    assert Shortcut("New", "booking:new").icon == ""
    widget = DashboardWidget("booking/widgets/upcoming.html")
    assert (widget.col, widget.lazy, widget.nav_group, widget.permissions, widget.order) == (
        "col-lg-6",
        False,
        "admin",
        (),
        99,
    )
    assert NavAction("Settings", "/cabinet/settings/").icon is None
    section = CabinetSection("Booking", "bi-calendar")
    assert (section.nav_group, section.url, section.permissions, section.order) == ("admin", None, (), 99)


def test_positional_construction() -> None:
    entry = TopbarEntry("services", "Booking", "bi-calendar-check", "/cabinet/booking/", 10)
    assert (entry.group, entry.label, entry.icon, entry.url, entry.order) == (
        "services",
        "Booking",
        "bi-calendar-check",
        "/cabinet/booking/",
        10,
    )
    item = SidebarItem("Pending", "booking:pending", "bi-hourglass", "pending_count", 3, ("auth.view_user",))
    assert item.permissions == ("auth.view_user",)
    widget = DashboardWidget("w.html", "col-12", True, "client", ("auth.view_user",), 1)
    assert (widget.col, widget.lazy, widget.nav_group, widget.order) == ("col-12", True, "client", 1)


@pytest.mark.parametrize(
    "make",
    [
        lambda: TopbarEntry("admin", "x", "", "/"),
        lambda: SidebarItem("x", "/a/"),
        lambda: Shortcut("x", "/a/"),
        lambda: DashboardWidget("x.html"),
        lambda: NavAction("x", "/a/"),
        lambda: CabinetSection("x", "bi-x"),
    ],
)
def test_instances_are_frozen_and_hashable(make) -> None:  # type: ignore[no-untyped-def]
    instance = make()
    with pytest.raises(dataclasses.FrozenInstanceError):
        instance.label = "changed"  # type: ignore[misc]
    assert hash(instance) == hash(make())
    assert instance == make()


def test_lazy_labels_stay_lazy() -> None:
    label = _("Booking")
    entry = TopbarEntry("services", label, "bi-calendar", "booking:schedule")
    assert entry.label is label
    assert to_payload(entry)["label"] == "Booking"


def test_permissions_list_becomes_a_tuple() -> None:
    item = SidebarItem("x", "/a/", permissions=["auth.view_user", "auth.add_user"])  # type: ignore[arg-type]
    assert item.permissions == ("auth.view_user", "auth.add_user")


@pytest.mark.parametrize(
    "col", ["col", "col-12", "col-lg-6", "col-md-auto", "col-xxl-3", "col-12 col-lg-6", "col-sm-1 col-xl-12"]
)
def test_valid_columns(col: str) -> None:
    assert DashboardWidget("w.html", col=col).col == col


@pytest.mark.parametrize(
    "url", ["/cabinet/", "booking:schedule", "dashboard", "https://example.com/help/", "?tab=2", "#top"]
)
def test_valid_urls(url: str) -> None:
    assert SidebarItem("x", url).url == url


INVALID = [
    (
        lambda: TopbarEntry(group="tools", label="Booking", icon="bi-calendar", url="/cabinet/"),
        "TopbarEntry: group: Input should be 'admin' or 'services' (got 'tools')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="", icon="bi-calendar", url="/cabinet/"),
        "TopbarEntry: label: a label may not be empty (got '')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="Users", icon="fa-users", url="/cabinet/"),
        "TopbarEntry: icon: an icon is a Bootstrap Icons class such as 'bi-calendar' (letters, digits, '-') "
        "(got 'fa-users')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="Users", icon="bi-people", url="javascript:alert(1)"),
        "TopbarEntry: url: the URL scheme 'javascript' is not allowed; use http(s), a relative path or a "
        "named route (got 'javascript:alert(1)')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="Users", icon="bi-people", url=""),
        "TopbarEntry: url: a navigation link needs a URL: a path, an http(s) URL or a route name (got '')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="Users", icon="bi-people", url="/u/", order="10"),
        "TopbarEntry: order: Input should be a valid integer (got '10')",
    ),
    (
        lambda: TopbarEntry(group="admin", label="Users", icon="bi-people", url="/u/", order=True),
        "TopbarEntry: order: Input should be a valid integer (got True)",
    ),
    (
        lambda: TopbarEntry(group="admin", label=42, icon="bi-people", url="/u/"),
        "TopbarEntry: label: Input should be a string, got int (got 42)",
    ),
    (
        lambda: SidebarItem(label="Pending", url="//evil.example/"),
        "SidebarItem: url: protocol-relative URLs ('//host/...') are not allowed; write https://host/... "
        "(got '//evil.example/')",
    ),
    (
        lambda: SidebarItem(label="Pending", url="data:text/html,x"),
        "SidebarItem: url: the URL scheme 'data' is not allowed; use http(s), a relative path or a named "
        "route (got 'data:text/html,x')",
    ),
    (
        lambda: SidebarItem(label="Pending", url="/p/", permissions="booking.view_appointment"),
        "SidebarItem: permissions: permissions is a tuple of strings: write ('booking.view_appointment',) "
        "with the trailing comma (got 'booking.view_appointment')",
    ),
    (
        lambda: SidebarItem(label="Pending", url="/p/", permissions=("view_appointment",)),
        "SidebarItem: permissions.0: a permission is written 'app_label.codename', e.g. "
        "'booking.view_appointment' (got 'view_appointment')",
    ),
    (
        lambda: SidebarItem(label="Pending", url="/p/", badge_key="pending count"),
        "SidebarItem: badge_key: a badge key is a context variable name such as 'pending_count' "
        "(got 'pending count')",
    ),
    (
        lambda: SidebarItem(label="   ", url="/p/"),
        "SidebarItem: label: a label may not be empty (got '   ')",
    ),
    (
        lambda: Shortcut(label="New", url="vbscript:x"),
        "Shortcut: url: the URL scheme 'vbscript' is not allowed; use http(s), a relative path or a named "
        "route (got 'vbscript:x')",
    ),
    (
        lambda: Shortcut(label="New", url="/n/", icon="plus"),
        "Shortcut: icon: an icon is a Bootstrap Icons class such as 'bi-calendar' (letters, digits, '-') "
        "(got 'plus')",
    ),
    (
        lambda: DashboardWidget(template="w.html", nav_group="reports"),
        "DashboardWidget: nav_group: Input should be 'admin', 'services' or 'client' (got 'reports')",
    ),
    (
        lambda: DashboardWidget(template="w.html", col="col-lg-13"),
        "DashboardWidget: col: col is one or more Bootstrap column classes such as 'col-12', 'col-lg-6' or "
        "'col-12 col-xl-4' (got 'col-lg-13')",
    ),
    (
        lambda: DashboardWidget(template="w.html", col="half"),
        "DashboardWidget: col: col is one or more Bootstrap column classes such as 'col-12', 'col-lg-6' or "
        "'col-12 col-xl-4' (got 'half')",
    ),
    (
        lambda: DashboardWidget(template="w.html", col=""),
        "DashboardWidget: col: col is one or more Bootstrap column classes such as 'col-12', 'col-lg-6' or "
        "'col-12 col-xl-4' (got '')",
    ),
    (
        lambda: DashboardWidget(template=""),
        "DashboardWidget: template: a widget needs a template path such as 'booking/widgets/upcoming.html' "
        "(got '')",
    ),
    (
        lambda: DashboardWidget(template=" w.html"),
        "DashboardWidget: template: a template path may not start or end with whitespace (got ' w.html')",
    ),
    (
        lambda: DashboardWidget(template="w.html", lazy="yes"),
        "DashboardWidget: lazy: Input should be a valid boolean (got 'yes')",
    ),
    (
        lambda: DashboardWidget(template="w.html", order=1.5),
        "DashboardWidget: order: Input should be a valid integer (got 1.5)",
    ),
    (
        lambda: NavAction(label="Settings", url="file:///etc/passwd"),
        "NavAction: url: the URL scheme 'file' is not allowed; use http(s), a relative path or a named "
        "route (got 'file:///etc/passwd')",
    ),
    (
        lambda: NavAction(label="Settings", url="/s/", icon="gear"),
        "NavAction: icon: an icon is a Bootstrap Icons class such as 'bi-calendar' (letters, digits, '-') "
        "(got 'gear')",
    ),
    (
        lambda: CabinetSection(label="Booking", icon="bi-calendar", nav_group="tools"),
        "CabinetSection: nav_group: Input should be 'admin', 'services' or 'client' (got 'tools')",
    ),
    (
        lambda: CabinetSection(label="Booking", icon="bi-calendar", url="javascript:void(0)"),
        "CabinetSection: url: the URL scheme 'javascript' is not allowed; use http(s), a relative path or "
        "a named route (got 'javascript:void(0)')",
    ),
]


@pytest.mark.parametrize(("make", "message"), INVALID)
def test_invalid_values_raise_improperly_configured(make, message: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ImproperlyConfigured) as raised:
        make()
    assert str(raised.value) == message


def test_several_problems_are_reported_together() -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        TopbarEntry(group="tools", label="", icon="bi-x", url="/x/")
    assert str(raised.value).splitlines() == [
        "TopbarEntry: group: Input should be 'admin' or 'services' (got 'tools')",
        "TopbarEntry: label: a label may not be empty (got '')",
    ]


def test_missing_required_field_is_named() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"^SidebarItem: url: Field required"):
        SidebarItem(label="Schedule")  # type: ignore[call-arg]


def test_json_schema_lists_the_fields() -> None:
    schema = json_schema(SidebarItem)
    assert list(schema["properties"]) == ["label", "url", "icon", "badge_key", "order", "permissions"]
    assert schema["required"] == ["label", "url"]
    assert json_schema(TopbarEntry)["properties"]["group"]["enum"] == ["admin", "services"]
