"""Every URL of ``codex_django.cabinet.urls`` × {anonymous, client user, staff without, staff with permission}."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client
from django.urls import URLResolver

from codex_django.cabinet import urls as cabinet_urls
from codex_django.cabinet.views.dashboard_layout import widget_id
from tests.integration.dashboard_fixtures import LAZY_SECRET, WIDGETS, dashboard, make_user  # noqa: F401

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("dashboard"),
    pytest.mark.urls("tests.dashboard_urls"),
]

LAZY = next(widget for widget in WIDGETS if widget.lazy)
PERMS = ("auth.view_user", "cabinet.change_cabinetsettings")

# (route name, method, path, data, expected status per user kind)
CASES: list[tuple[str, str, str, dict[str, str], dict[str, int]]] = [
    ("dashboard", "get", "/cabinet/", {}, {"client": 403, "staff": 200, "permitted": 200}),
    ("dashboard", "get", "/cabinet/?group=services", {}, {"client": 403, "staff": 200, "permitted": 200}),
    (
        "dashboard_widget",
        "get",
        f"/cabinet/dashboard/widgets/{widget_id(LAZY)}/",
        {},
        {"client": 403, "staff": 200, "permitted": 200},
    ),
    (
        "dashboard_widget",
        "get",
        f"/cabinet/dashboard/widgets/{widget_id(LAZY_SECRET)}/",
        {},
        {"client": 403, "staff": 403, "permitted": 200},
    ),
    ("site_settings", "get", "/cabinet/settings/", {}, {"client": 403, "staff": 403, "permitted": 200}),
    (
        "site_settings",
        "post",
        "/cabinet/settings/",
        {"tab": "general", "general-cabinet_name": "x"},
        {"client": 403, "staff": 403, "permitted": 303},
    ),
    (
        "site_settings_tab",
        "get",
        "/cabinet/settings/general/",
        {},
        {"client": 403, "staff": 403, "permitted": 302},
    ),
    (
        "site_settings_tab",
        "post",
        "/cabinet/settings/theme/",
        {"theme-theme_overrides": "{}"},
        {"client": 403, "staff": 403, "permitted": 303},
    ),
    # The theme stylesheet and the colour-mode switch are public on purpose: the login page
    # is themed too, and a colour mode is a cookie, not data.
    (
        "theme_stylesheet",
        "get",
        "/cabinet/theme/staff/theme-0123abcd.css",
        {},
        {"anonymous": 200, "client": 200, "staff": 200, "permitted": 200},
    ),
    (
        "icons_stylesheet",
        "get",
        "/cabinet/icons/icons-0123abcd.css",
        {},
        {"anonymous": 200, "client": 200, "staff": 200, "permitted": 200},
    ),
    (
        "color_mode",
        "post",
        "/cabinet/theme/color-mode/",
        {"mode": "dark", "next": "/cabinet/"},
        {"anonymous": 302, "client": 302, "staff": 302, "permitted": 302},
    ),
]


def login(client: Client, kind: str) -> Client:
    if kind == "client":
        client.force_login(make_user("customer"))
    elif kind == "staff":
        client.force_login(make_user("staff", staff=True))
    elif kind == "permitted":
        client.force_login(make_user("permitted", staff=True, perms=PERMS))
    return client


def route_names(patterns: list[Any]) -> set[str]:
    names: set[str] = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            names |= route_names(pattern.url_patterns)
        else:
            names.add(pattern.name)
    return names


def test_every_route_is_walked() -> None:
    assert route_names(cabinet_urls.urlpatterns) == {case[0] for case in CASES}


@pytest.mark.parametrize(("name", "method", "path", "data", "expected"), CASES, ids=lambda v: str(v)[:40])
@pytest.mark.parametrize("kind", ["anonymous", "client", "staff", "permitted"])
def test_access(
    client: Client,
    kind: str,
    name: str,
    method: str,
    path: str,
    data: dict[str, str],
    expected: dict[str, Any],
) -> None:
    response = getattr(login(client, kind), method)(path, data)
    if kind in expected:
        assert response.status_code == expected[kind], response.content[:300]
    elif kind == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith("/login/?next=/cabinet/")
    else:
        raise AssertionError(f"no expectation for {kind}")
