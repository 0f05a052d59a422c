"""The offcanvas sidebar in Chromium: the focus trap shell.js keeps (no Alpine focus plugin).

The staff shell page is rendered through the Django test client (a real view,
real registry, real CSP header) and handed to Chromium by request routing, with
the built bundle served from the static files: no live server, no database
flush. Below 768px: opening moves focus into the panel, Tab and Shift+Tab cycle
inside it, the page behind is inert and does not scroll, Esc and the backdrop
close it and focus returns to the toggler.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.test import Client
from playwright.sync_api import Browser, Page, Route

from codex_django.cabinet.registry import CabinetRegistry, SidebarItem, TopbarEntry, declare
from tests.browser.harness import wait_until
from tests.testapp.fixtures import registry_state  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.shell_urls")]

ORIGIN = "http://cabinet.test"


@pytest.fixture
def shell_html(client: Client, registry_state: CabinetRegistry) -> tuple[str, str]:  # noqa: F811
    registry_state.clear()
    declare(
        module="shelltest",
        space="staff",
        topbar=TopbarEntry(group="services", label="Inbox", icon="bi-inbox", url="shell:staff", order=1),
        sidebar=[
            SidebarItem(label="Inbox", url="shell:staff", icon="bi-inbox", order=1),
            SidebarItem(label="Reports", url="shell:staff_reports", icon="bi-graph-up", order=2),
        ],
    )
    client.force_login(User.objects.create_user("ann", "ann@example.com", "pw", is_staff=True))
    response = client.get("/cabinet/shell/")
    assert response.status_code == 200
    return response.content.decode(), response["Content-Security-Policy"]


@pytest.fixture
def mobile_page(shell_html: tuple[str, str], chromium: Browser) -> Iterator[Page]:
    html, csp = shell_html

    def serve(route: Route) -> None:
        path = route.request.url.removeprefix(ORIGIN).split("?")[0]
        if path.startswith("/static/"):
            found = finders.find(path.removeprefix("/static/"))
            if found:
                kind = "text/css" if path.endswith(".css") else "application/javascript"
                if path.endswith(".woff2"):
                    kind = "font/woff2"
                route.fulfill(status=200, body=Path(str(found)).read_bytes(), content_type=kind)
                return
            route.fulfill(status=404, body="")
            return
        route.fulfill(
            status=200, body=html, content_type="text/html", headers={"Content-Security-Policy": csp}
        )

    context = chromium.new_context(viewport={"width": 390, "height": 700}, reduced_motion="reduce")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(f"{ORIGIN}/**", serve)
    page.goto(f"{ORIGIN}/cabinet/shell/")
    wait_until(page, "window.Alpine && document.querySelector('.cab-shell')._x_dataStack")
    yield page
    context.close()
    assert errors == []


def focused(page: Page) -> str:
    return str(page.evaluate("document.activeElement.textContent.trim() || document.activeElement.className"))


def test_open_traps_focus_and_tab_cycles_inside(mobile_page: Page) -> None:
    page = mobile_page
    toggler = page.locator(".cab-sidebar-toggle")
    toggler.focus()
    toggler.press("Enter")
    wait_until(page, "document.querySelector('#cab-sidebar').contains(document.activeElement)")
    assert toggler.get_attribute("aria-expanded") == "true"
    assert focused(page) == "Close navigation"
    assert page.evaluate("document.documentElement.classList.contains('cab-offcanvas-open')")
    assert page.evaluate("document.querySelector('.cab-topbar').inert")
    assert page.evaluate("document.querySelector('#main').inert")
    visited = []
    for _ in range(4):
        page.keyboard.press("Tab")
        visited.append(focused(page))
    assert visited == ["Inbox", "Reports", "Close navigation", "Inbox"]
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "Close navigation"
    page.keyboard.press("Shift+Tab")
    assert focused(page) == "Reports"


def test_escape_closes_and_returns_focus(mobile_page: Page) -> None:
    page = mobile_page
    toggler = page.locator(".cab-sidebar-toggle")
    toggler.click()
    wait_until(page, "document.querySelector('#cab-sidebar').contains(document.activeElement)")
    page.keyboard.press("Escape")
    wait_until(page, "document.activeElement.classList.contains('cab-sidebar-toggle')")
    assert toggler.get_attribute("aria-expanded") == "false"
    assert not page.evaluate("document.documentElement.classList.contains('cab-offcanvas-open')")
    assert not page.evaluate("document.querySelector('.cab-topbar').inert")
    assert page.locator("#cab-sidebar").get_attribute("class") == "cab-sidebar"


def test_backdrop_click_closes(mobile_page: Page) -> None:
    page = mobile_page
    page.locator(".cab-sidebar-toggle").click()
    wait_until(page, "document.querySelector('#cab-sidebar').contains(document.activeElement)")
    page.mouse.click(380, 400)  # beside the 300px panel: the backdrop
    wait_until(page, "document.activeElement.classList.contains('cab-sidebar-toggle')")
    assert not page.evaluate("document.querySelector('#main').inert")
