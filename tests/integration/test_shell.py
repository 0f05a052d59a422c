"""The cabinet shell (base_cabinet.html, base_client.html) rendered through real views.

Pages come from ``tests/shell_urls.py``; the registry holds only what each test
declares. Assertions read the parsed HTML: landmarks, the active item, badges,
the logout form, the CSRF header for htmx, and that nothing inline (no
``style=``, no inline ``<script>``/``<style>``) would trip the strict CSP.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.registry import CabinetRegistry, configure_space, declare
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from tests.html_tree import Element, parse
from tests.testapp.fixtures import registry_state  # noqa: F401

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.shell_urls")]


@pytest.fixture
def shell_registry(registry_state: CabinetRegistry) -> CabinetRegistry:  # noqa: F811
    """A registry holding only the shell test modules."""
    registry_state.clear()
    configure_space("staff", label=_("Acme <Studio>"), icon="bi-lightning-charge")
    declare(
        module="shelltest",
        space="staff",
        topbar=TopbarEntry(group="services", label="Inbox", icon="bi-inbox", url="shell:staff", order=1),
        sidebar=[
            SidebarItem(label="Inbox", url="shell:staff", icon="bi-inbox", badge_key="inbox_count", order=1),
            SidebarItem(
                label="Reports", url="shell:staff_reports", icon="bi-graph-up", badge_key="overflow_count"
            ),
            SidebarItem(label="Archive", url="/cabinet/shell/archive/", badge_key="zero_count"),
            SidebarItem(label="Notes", url="/cabinet/shell/notes/", badge_key="text_count"),
            SidebarItem(label="Missing", url="shell:no_such_route", badge_key="absent_count"),
        ],
        shortcuts=[Shortcut(label="New", url="shell:staff", icon="bi-plus")],
        settings_url="shell:staff_reports",
    )
    declare(
        module="billing",
        space="staff",
        topbar=TopbarEntry(group="admin", label="Billing", icon="bi-credit-card", url="/cabinet/billing/"),
    )
    declare(
        module="shellclient",
        space="client",
        sidebar=[SidebarItem(label="My bookings", url="shell:client", icon="bi-calendar2-check")],
    )
    return registry_state


@pytest.fixture
def staff_client(client: Client, shell_registry: CabinetRegistry) -> Client:
    user = User.objects.create_user(
        "ann", "ann@example.com", "pw", is_staff=True, first_name="Ann", last_name="Lee"
    )
    client.force_login(user)
    return client


@pytest.fixture
def customer_client(client: Client, shell_registry: CabinetRegistry) -> Client:
    client.force_login(User.objects.create_user("cid", "cid@example.com", "pw"))
    return client


def get_page(client: Client, url: str) -> tuple[Element, str]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"].startswith("default-src 'self'; script-src 'self';")
    html = response.content.decode()
    return parse(html), html


def assert_csp_clean(document: Element) -> None:
    """Nothing a ``script-src 'self'; style-src 'self'`` policy would block."""
    for element in document.iter():
        assert "style" not in element.attrs, f"style= on <{element.tag}>"
        assert not any(name.startswith("on") for name in element.attrs), f"event handler on <{element.tag}>"
        if element.tag == "script" and element.attrs.get("type") != "application/json":  # data, never run
            assert element.attrs.get("src"), "inline <script>"
            assert not element.text
        assert element.tag != "style", "inline <style>"
        for name in ("href", "action", "src"):
            assert not element.attrs.get(name, "").lower().startswith("javascript:")


def sidebar_links(document: Element) -> dict[str, Element]:
    aside = document.find("aside", id="cab-sidebar")
    return {item.find(cls="cab-nav__label").text: item for item in aside.find_all(cls="cab-nav__link")}


# --- staff shell -------------------------------------------------------------------------------------


@override_settings(LOGOUT_URL="shell:logout")
def test_staff_shell_landmarks_and_skip_link(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    html_element = document.find("html")
    assert html_element.attrs["lang"] == "en"
    assert html_element.attrs["dir"] == "ltr"
    assert html_element.attrs["data-bs-theme"] == "light"
    body = document.find("body")
    first_link = body.find_all("a")[0]
    assert first_link.attrs["href"] == "#main"
    assert first_link.text == "Skip to main content"
    main = document.find("main")
    assert main.attrs["id"] == "main"
    assert main.find("h1").text == "Inbox"
    assert main.find("p", cls="shell-test-content").text == "Staff content"
    header = document.find("header", cls="cab-topbar")
    assert main not in list(header.iter())
    navs = {nav.attrs.get("aria-label") for nav in document.find_all("nav")}
    assert navs == {"Cabinet sections", "Module navigation"}
    aside = document.find("aside")
    assert aside.find("h2", id=aside.attrs["aria-labelledby"]).text == "Inbox"
    assert document.find("title").text == "Staff page"


@override_settings(LOGOUT_URL="shell:logout")
def test_staff_shell_is_csp_clean_and_links_the_bundle(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    assert_csp_clean(document)
    head = document.find("head")
    assert [link.attrs["href"] for link in head.find_all("link", rel="stylesheet")] == [
        "/static/cabinet/dist/cabinet.css",
        "/static/cabinet/dist/icons-all.css",  # tests.shell_urls does not route cabinet:icons_stylesheet
    ]
    scripts = [(script.attrs["src"], "defer" in script.attrs or "async" in script.attrs)
               for script in document.find_all("script")
               if script.attrs.get("type") != "application/json"]  # fmt: skip
    # No cookie: the colour mode follows the system (the default), so the small blocking
    # color-mode.js comes first and resolves light or dark before the first paint (no flash of
    # the wrong theme); then the deferred bundle. CabinetExtension drops django-components'
    # loader (no component has JS of its own).
    assert document.find("html").attrs["data-cab-color-mode"] == "system"
    assert scripts == [("/static/cabinet/color-mode.js", False), ("/static/cabinet/dist/cabinet.js", True)]
    head_scripts = [script.attrs["src"] for script in head.find_all("script") if "src" in script.attrs]
    assert head_scripts[0] == "/static/cabinet/color-mode.js"  # in <head>, before the bundle
    blocking = finders.find("cabinet/color-mode.js")
    assert blocking and Path(blocking).stat().st_size < 1024  # it blocks parsing: keep it tiny
    # htmx is loaded by the bundle when the page needs it, from here.
    assert (
        head.find("script", src="/static/cabinet/dist/cabinet.js").attrs["data-htmx"]
        == "/static/cabinet/dist/htmx.js"
    )
    # The map shell.js reads to link the CSS of components arriving in HTMX responses.
    stylesheets = json.loads(head.find("script", id="cab-stylesheets").text)
    assert stylesheets["cab-cal"] == "/static/cabinet/dist/components/calendar_grid.css"
    assert "cab-modal-open" not in stylesheets  # modal_host's CSS is in cabinet.css
    config = json.loads(head.find("meta", name="htmx-config").attrs["content"])
    assert config == {
        "allowEval": False,
        "allowScriptTags": False,
        "includeIndicatorStyles": False,
        "selfRequestsOnly": True,
    }


def test_active_item_and_badges(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/reports/")
    links = sidebar_links(document)
    assert list(links) == ["Inbox", "Reports", "Archive", "Notes", "Missing"]
    current = [label for label, link in links.items() if link.attrs.get("aria-current") == "page"]
    assert current == ["Reports"]
    assert document.find_all(**{"aria-current": "page"}) == [links["Reports"]]

    inbox_badge = links["Inbox"].find("span", cls="cab-badge")
    assert inbox_badge.find("span", aria_hidden="true").text == "7"
    assert inbox_badge.find("span", cls="visually-hidden").text == "7 items need attention"
    overflow = links["Reports"].find("span", cls="cab-badge")
    assert overflow.find("span", aria_hidden="true").text == "99+"
    assert overflow.find("span", cls="visually-hidden").text == "250 items need attention"
    # zero, a non-number and a missing variable: no badge at all
    for label in ("Archive", "Notes", "Missing"):
        assert links[label].find_all(cls="cab-badge") == []


def test_unresolved_route_renders_without_link(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    missing = sidebar_links(document)["Missing"]
    assert missing.tag == "span"
    assert missing.attrs["aria-disabled"] == "true"
    assert "href" not in missing.attrs


def test_topbar_dropdowns_shortcuts_and_settings(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    nav = document.find("nav", aria_label="Cabinet sections")
    admin = nav.find("button", id="cab-menu-admin-trigger")
    services = nav.find("button", id="cab-menu-services-trigger")
    for trigger in (admin, services):
        assert trigger.attrs["aria-expanded"] == "false"
        menu = document.find(id=trigger.attrs["aria-controls"])
        assert menu.tag == "ul" and "dropdown-menu" in menu.classes
        assert trigger.parent is not None and trigger.parent.attrs["x-data"] == "cabDropdown"
    assert admin.text == "Admin"
    assert [(a.text, a.attrs["href"]) for a in document.find(id="cab-menu-admin").find_all("a")] == [
        ("Billing", "/cabinet/billing/")
    ]
    services_links = document.find(id="cab-menu-services").find_all("a")
    assert [(a.text, a.attrs.get("aria-current")) for a in services_links] == [("Inbox", "true")]
    assert "is-current" in services.classes and "is-current" not in admin.classes

    shortcuts = document.find("ul", cls="cab-shortcuts")
    assert [(a.text, a.attrs["href"]) for a in shortcuts.find_all("a")] == [("New", "/cabinet/shell/")]
    settings_link = document.find("a", title="Settings")
    assert settings_link.attrs["href"] == "/cabinet/shell/reports/"
    assert settings_link.text == "Settings"


def test_branding_is_escaped(staff_client: Client) -> None:
    document, html = get_page(staff_client, "/cabinet/shell/")
    assert "Acme &lt;Studio&gt;" in html
    assert "<Studio>" not in html
    brand = document.find("a", cls="cab-brand")
    assert brand.text == "Acme <Studio>"
    assert brand.attrs["href"] == "/cabinet/"
    assert brand.find("i").classes == {"bi", "bi-lightning-charge"}


@override_settings(LOGOUT_URL="shell:logout")
def test_user_menu_posts_logout_with_csrf(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    trigger = document.find("button", id="cab-menu-user-trigger")
    assert trigger.find(cls="visually-hidden").text == "Account: Ann Lee"
    menu = document.find(id=trigger.attrs["aria-controls"])
    assert menu.find(cls="cab-user-menu__email").text == "ann@example.com"
    form = menu.find("form")
    assert form.attrs["method"] == "post"
    assert form.attrs["action"] == "/shell/logout/"
    token = form.find("input", name="csrfmiddlewaretoken").attrs["value"]
    assert len(token) == 64
    assert form.find("button").attrs["type"] == "submit"
    assert form.find("button").text == "Log out"

    headers = json.loads(document.find("body").attrs["hx-headers"])
    assert list(headers) == ["X-CSRFToken"]
    assert len(headers["X-CSRFToken"]) == 64

    enforcing = Client(enforce_csrf_checks=True)
    enforcing.cookies = staff_client.cookies
    assert enforcing.post("/shell/logout/").status_code == 403
    accepted = enforcing.post("/shell/logout/", headers={"X-CSRFToken": headers["X-CSRFToken"]})
    assert accepted.status_code == 200


def test_logout_route_named_logout_is_the_default(staff_client: Client) -> None:
    # tests.shell_urls has no route named "logout" (only "shell:logout") and LOGOUT_URL is unset.
    document, _ = get_page(staff_client, "/cabinet/shell/")
    menu = document.find(id="cab-menu-user")
    assert menu.find_all("form") == []
    with override_settings(LOGOUT_URL="/accounts/logout/"):
        document, _ = get_page(staff_client, "/cabinet/shell/")
    menu = document.find(id="cab-menu-user")
    assert menu.find("form", method="post").attrs["action"] == "/accounts/logout/"


def test_offcanvas_wiring(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    shell = document.find(cls="cab-shell")
    assert shell.attrs["x-data"] == "cabOffcanvas"
    toggle = document.find("button", cls="cab-sidebar-toggle")
    assert toggle.attrs["aria-controls"] == "cab-sidebar"
    assert toggle.attrs["aria-expanded"] == "false"
    assert toggle.text == "Open navigation"
    aside = document.find("aside", id="cab-sidebar")
    assert (aside.attrs["x-ref"], aside.attrs["x-bind"]) == ("panel", "panel")  # shell.js traps focus in it
    assert aside.find("button", cls="cab-sidebar__close").text == "Close navigation"


def test_one_modal_host_even_when_the_page_includes_it(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/")
    assert len(document.find_all(id="cab-modal-host")) == 1
    document, _ = get_page(staff_client, "/cabinet/shell/component/")
    assert len(document.find_all(id="cab-modal-host")) == 1


def test_page_with_a_component_stays_csp_clean(staff_client: Client) -> None:
    document, _ = get_page(staff_client, "/cabinet/shell/component/")
    assert document.find("p", cls="cab-shell-probe").text == "probe"
    assert_csp_clean(document)


def test_rtl_language_gets_dir_and_rtl_bundle(staff_client: Client) -> None:
    with override_settings(LANGUAGES=[("en", "English"), ("he", "Hebrew")]):
        response = staff_client.get("/cabinet/shell/", headers={"Accept-Language": "he"})
    document = parse(response.content.decode())
    html_element = document.find("html")
    assert (html_element.attrs["lang"], html_element.attrs["dir"]) == ("he", "rtl")
    bundle = document.find_all("link", rel="stylesheet")[0]
    assert bundle.attrs["href"] == "/static/cabinet/dist/cabinet.rtl.css"


# --- client shell ------------------------------------------------------------------------------------


def test_client_shell_has_sidebar_but_no_staff_topbar(customer_client: Client) -> None:
    document, _ = get_page(customer_client, "/cabinet/my/shell/")
    assert_csp_clean(document)
    assert "cab-body--client" in document.find("body").classes
    assert document.find_all("nav", aria_label="Cabinet sections") == []
    assert document.find_all(cls="cab-shortcuts") == []
    assert document.find_all("a", title="Settings") == []
    links = sidebar_links(document)
    assert list(links) == ["My bookings"]
    assert links["My bookings"].attrs["aria-current"] == "page"
    assert document.find("nav", aria_label="Cabinet navigation")
    assert document.find("a", cls="cab-brand").attrs["href"] == "/cabinet/my/"
    assert document.find("main").find("h1").text == "My bookings"
    assert document.find_all("button", id="cab-menu-user-trigger")


def test_customer_cannot_open_the_staff_shell(customer_client: Client) -> None:
    assert customer_client.get("/cabinet/shell/").status_code == 403


# --- anonymous / empty context -----------------------------------------------------------------------


def test_anonymous_visitor_gets_an_empty_shell(client: Client, shell_registry: CabinetRegistry) -> None:
    document, _ = get_page(client, "/shell/public/")
    assert_csp_clean(document)
    assert document.find_all("aside") == []
    assert document.find_all("nav") == []
    assert document.find_all(cls="cab-dropdown") == []
    assert document.find_all("button", cls="cab-sidebar-toggle") == []
    assert document.find("main").attrs["id"] == "main"
    assert document.find("a", cls="cab-brand").text == "Cabinet"
    assert document.find("body").attrs["hx-headers"].startswith('{"X-CSRFToken": "')
    assert "cab-shell--no-sidebar" in document.find(cls="cab-shell").classes


def test_anonymous_user_is_sent_to_login_from_the_staff_shell(
    client: Client, shell_registry: CabinetRegistry
) -> None:
    response = client.get("/cabinet/shell/")
    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/cabinet/shell/"


@pytest.mark.parametrize(
    "name", ["cabinet/base_cabinet.html", "cabinet/base_client.html", "cabinet/base.html"]
)
def test_templates_render_without_any_context(name: str) -> None:
    document = parse(render_to_string(name))
    assert_csp_clean(document)
    assert document.find("main").attrs["id"] == "main"
    assert document.find("body").attrs["hx-headers"] == "{}"
    assert len(document.find_all(id="cab-modal-host")) == 1
    assert document.find_all("aside") == []
    assert document.find_all(cls="cab-user-menu") == []
