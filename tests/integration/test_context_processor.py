"""The cabinet context processor, through real requests to the test app's views.

Each view renders ``testapp/shell.html``, which prints the context variables;
the assertions read the page back (``parse_shell``), so they check what a
user sees: which links, where they point, which one is current.
"""

from __future__ import annotations

import logging
import warnings

import pytest
from django.contrib.auth.models import Permission, User
from django.core.exceptions import ImproperlyConfigured
from django.db import connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from codex_django.cabinet.registry import declare
from codex_django.cabinet.rendering.links import UnresolvedLink
from codex_django.cabinet.types.nav import SidebarItem
from codex_django.cabinet.types.registry import CabinetSection, DashboardWidget, NavAction
from tests.testapp.fixtures import registry_state  # noqa: F401  (fixture)
from tests.testapp.shell_page import Link, ShellPage, parse_shell

pytestmark = pytest.mark.django_db


def make_user(
    username: str, *, staff: bool = False, superuser: bool = False, perms: tuple[str, ...] = ()
) -> User:
    user = User.objects.create_user(username, password="pw", is_staff=staff, is_superuser=superuser)
    for code in perms:
        app_label, codename = code.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


def page(client: Client, url: str) -> ShellPage:
    response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return parse_shell(response.content.decode())


@pytest.fixture
def staff_client(client: Client) -> Client:
    client.force_login(make_user("staff", staff=True))
    return client


@pytest.fixture
def customer_client(client: Client) -> Client:
    client.force_login(make_user("customer"))
    return client


def assert_empty_shell(shell: ShellPage) -> None:
    assert shell.space == "none"
    assert shell.module == "none"
    assert shell.texts["branding"] == "|"
    assert shell.texts["settings-url"] == ""
    assert all(links == [] for links in shell.lists.values()), shell.lists


class TestEmptyShell:
    def test_anonymous_user(self, client: Client) -> None:
        assert_empty_shell(page(client, "/cabinet/booking/"))

    def test_page_outside_the_cabinet(self, staff_client: Client) -> None:
        assert_empty_shell(page(staff_client, "/elsewhere/"))

    def test_customer_on_a_staff_url(self, customer_client: Client) -> None:
        # The SPACE_ACCESS hook refuses: no staff menu on e.g. an error page under /cabinet/.
        assert_empty_shell(page(customer_client, "/cabinet/booking/"))


class TestStaffSpace:
    def test_module_by_namespace(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/booking/")
        assert (shell.space, shell.module) == ("staff", "booking")
        assert shell.texts["branding"] == "Test cabinet|bi-shield-lock"
        assert shell.lists["topbar-admin"] == [Link("Reports", "/cabinet/reports/")]
        assert shell.lists["topbar-services"] == [Link("Booking", "/cabinet/booking/", current=True)]
        # Pending and Groups need permissions this user lacks.
        assert shell.lists["sidebar"] == [
            Link("Schedule", "/cabinet/booking/", current=True),
            Link("New booking", "/cabinet/booking/new/"),
            Link("Help", "https://example.com/help/"),
        ]
        assert shell.lists["shortcuts"] == [Link("New", "/cabinet/booking/new/")]
        assert shell.texts["settings-url"] == "/cabinet/booking/settings/"
        assert shell.labels("widgets") == ["testapp/widgets/pending.html", "testapp/widgets/upcoming.html"]

    def test_longest_match_is_the_only_current_item(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/booking/new/")
        assert shell.current("sidebar") == ["New booking"]

    def test_parent_item_is_current_on_a_detail_page(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/booking/42/")
        assert shell.current("sidebar") == ["Schedule"]
        assert shell.current("topbar-services") == ["Booking"]

    def test_module_by_app_name(self, staff_client: Client) -> None:
        # Included with namespace="staff_reports"; its app_name "reports" is the declared module.
        shell = page(staff_client, "/cabinet/reports/")
        assert shell.module == "reports"
        assert shell.current("topbar-admin") == ["Reports"]
        assert shell.current("topbar-services") == []
        assert shell.lists["sidebar"] == [Link("Overview", "/cabinet/reports/", current=True)]
        assert shell.lists["shortcuts"] == []
        assert shell.texts["settings-url"] == ""

    def test_module_by_request_attribute(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/module/booking/")
        assert shell.module == "booking"
        assert shell.labels("sidebar") == ["Schedule", "New booking", "Help"]
        assert shell.current("sidebar") == []

    def test_default_module(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/plain/")
        assert (shell.space, shell.module) == ("staff", "dashboard")
        assert shell.lists["sidebar"] == []

    @override_settings(CODEX_CABINET={"DEFAULT_MODULE": {"staff": "reports", "client": "account"}})
    def test_default_module_from_settings(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/plain/")
        assert shell.module == "reports"
        assert shell.labels("sidebar") == ["Overview"]

    def test_space_and_module_by_request_attribute(self, staff_client: Client) -> None:
        shell = page(staff_client, "/elsewhere/staff/")
        assert (shell.space, shell.module) == ("staff", "reports")
        assert shell.labels("sidebar") == ["Overview"]

    @override_settings(CODEX_CABINET={"STAFF_URL_PREFIX": "/elsewhere/"})
    def test_custom_prefix(self, staff_client: Client) -> None:
        assert page(staff_client, "/elsewhere/").space == "staff"
        assert page(staff_client, "/cabinet/booking/").space == "none"


class TestPermissions:
    def test_one_of_the_permissions_is_enough(self, client: Client) -> None:
        client.force_login(make_user("clerk", staff=True, perms=("auth.view_user", "auth.delete_group")))
        shell = page(client, "/cabinet/booking/")
        assert shell.labels("sidebar") == ["Schedule", "New booking", "Pending", "Groups", "Help"]
        pending = shell.lists["sidebar"][2]
        assert pending == Link("Pending", "/cabinet/booking/pending/", badge="pending_count")

    def test_group_permissions_count(self, client: Client) -> None:
        from django.contrib.auth.models import Group

        group = Group.objects.create(name="managers")
        group.permissions.add(Permission.objects.get(content_type__app_label="auth", codename="change_group"))
        user = make_user("manager", staff=True)
        user.groups.add(group)
        client.force_login(user)
        assert "Groups" in page(client, "/cabinet/booking/").labels("sidebar")

    def test_superuser_sees_everything(self, client: Client) -> None:
        client.force_login(make_user("root", staff=True, superuser=True))
        assert page(client, "/cabinet/booking/").labels("sidebar") == [
            "Schedule",
            "New booking",
            "Pending",
            "Groups",
            "Help",
        ]

    def test_inactive_superuser_is_not_let_in(self, client: Client) -> None:
        user = make_user("old-root", staff=True, superuser=True)
        user.is_active = False
        user.save()
        client.force_login(user)
        assert_empty_shell(page(client, "/cabinet/booking/"))

    @pytest.mark.usefixtures("registry_state")
    def test_permissions_are_read_once_per_request(self, client: Client) -> None:
        client.force_login(make_user("counted", staff=True, perms=("auth.view_user",)))

        def queries_with(gated_items: int) -> int:
            declare(
                module="counted",
                space="staff",
                sidebar=[
                    SidebarItem(label=f"Item {n}", url=f"/x/{n}/", permissions=("auth.view_user",))
                    for n in range(gated_items)
                ],
            )
            with CaptureQueriesContext(connection) as queries:
                shell = page(client, "/cabinet/module/counted/")
            assert len(shell.lists["sidebar"]) == gated_items
            return len(queries)

        assert queries_with(1) == queries_with(12)


class TestClientSpace:
    def test_client_pages(self, customer_client: Client) -> None:
        shell = page(customer_client, "/cabinet/my/account/")
        assert (shell.space, shell.module) == ("client", "account")
        assert shell.texts["branding"] == "My cabinet|bi-person-circle"
        assert shell.lists["topbar-admin"] == shell.lists["topbar-services"] == []
        assert shell.lists["sidebar"] == [
            Link("My bookings", "/cabinet/my/account/", current=True),
            Link("Profile", "/cabinet/my/account/profile/"),
        ]
        assert shell.lists["widgets"] == []  # staff widgets stay in the staff space

    def test_profile_is_current(self, customer_client: Client) -> None:
        assert page(customer_client, "/cabinet/my/account/profile/").current("sidebar") == ["Profile"]

    def test_longest_prefix_wins_over_the_staff_prefix(self, staff_client: Client) -> None:
        # /cabinet/my/ lies inside /cabinet/: the client prefix is longer, so it wins.
        shell = page(staff_client, "/cabinet/my/plain/")
        assert (shell.space, shell.module) == ("client", "dashboard")


@pytest.mark.usefixtures("registry_state")
class TestBrokenRoutes:
    @pytest.fixture(autouse=True)
    def broken_module(self) -> None:
        declare(
            module="broken",
            space="staff",
            sidebar=[
                SidebarItem(label="Gone", url="booking:gone", order=1),
                SidebarItem(label="Fine", url="/cabinet/module/broken/", order=2),
            ],
        )

    @override_settings(DEBUG=False)
    def test_logged_and_rendered_without_link(
        self, staff_client: Client, caplog: pytest.LogCaptureFixture
    ) -> None:
        with caplog.at_level(logging.ERROR, logger="codex_django.cabinet"):
            response = staff_client.get("/cabinet/module/broken/")
        html = response.content.decode()
        assert parse_shell(html).lists["sidebar"] == [
            Link("Gone", None),
            Link("Fine", "/cabinet/module/broken/", current=True),
        ]
        assert 'href="#"' not in html
        assert [r.getMessage()[:45] for r in caplog.records if r.name == "codex_django.cabinet"] == [
            "Cabinet link 'booking:gone' does not resolve:"
        ]

    @override_settings(DEBUG=True)
    def test_raises_in_debug(self, staff_client: Client) -> None:
        with pytest.raises(UnresolvedLink, match="Cabinet link 'booking:gone' does not resolve"):
            staff_client.get("/cabinet/module/broken/")


@pytest.mark.usefixtures("registry_state")
def test_legacy_variables(staff_client: Client) -> None:
    action = NavAction(label="Help desk", url="/help/", icon="bi-question")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        declare(
            module="legacy",
            section=CabinetSection(label="Legacy", icon="bi-archive", nav_group="services"),
            dashboard_widget=DashboardWidget(template="legacy/w.html", order=1),
            topbar_actions=[action],
        )
        declare(
            module="legacy_client",
            section=CabinetSection(label="Client legacy", icon="bi-person", nav_group="client"),
            actions=[NavAction(label="Contact", url="/contact/")],
        )
        declare(
            module="legacy_secret",
            section=CabinetSection(label="Secret", icon="bi-lock", permissions=("auth.delete_user",)),
        )
    shell = page(staff_client, "/cabinet/booking/")
    assert shell.labels("sections") == ["Legacy"]
    assert shell.labels("widgets")[0] == "legacy/w.html"
    assert shell.labels("topbar-actions") == ["Help desk"]
    assert shell.labels("global-actions") == ["Contact"]


class TestSpaceRequiredMixin:
    def test_anonymous_goes_to_login(self, client: Client) -> None:
        response = client.get("/cabinet/mixin/")
        assert response.status_code == 302
        assert response["Location"] == "/login/?next=/cabinet/mixin/"

    def test_customer_is_refused(self, customer_client: Client) -> None:
        assert customer_client.get("/cabinet/mixin/").status_code == 403

    def test_staff_gets_the_page_in_its_module(self, staff_client: Client) -> None:
        shell = page(staff_client, "/cabinet/mixin/")
        assert (shell.space, shell.module) == ("staff", "reports")

    def test_a_view_without_space_is_a_configuration_error(self, rf: RequestFactory) -> None:
        from django.views.generic import TemplateView

        from codex_django.cabinet.http.access import SpaceRequiredMixin

        class Forgotten(SpaceRequiredMixin, TemplateView):
            template_name = "testapp/shell.html"

        request = rf.get("/cabinet/forgotten/")
        request.user = make_user("forgetful", staff=True)
        with pytest.raises(ImproperlyConfigured) as raised:
            Forgotten.as_view()(request)
        assert str(raised.value) == "Forgotten: set space = 'staff' or 'client' (got '')."
