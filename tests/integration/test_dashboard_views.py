"""The dashboard page and its lazy widget endpoint, through real requests."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from codex_django.cabinet.views.dashboard_layout import widget_id
from tests.integration.conftest import RedisServer, command_delta
from tests.integration.dashboard_fixtures import LAZY_SECRET, RUNS, WIDGETS, dashboard, make_user  # noqa: F401

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.usefixtures("dashboard"),
    pytest.mark.urls("tests.dashboard_urls"),
]


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(make_user("staff", staff=True))
    return client


@pytest.fixture
def manager(client: Client) -> Client:
    client.force_login(make_user("manager", staff=True, perms=("auth.view_user",)))
    return client


def cells(html: str) -> list[tuple[str, str]]:
    """(column classes, first heading or placeholder) of every dashboard cell, in page order."""
    found = []
    for match in re.finditer(
        r'<div class="([^"]*) cab-dashboard__cell"[^>]*>(.*?)</div>\s*(?=<div class="[^"]* cab-dashboard__cell"|</div>\s*</div>)',
        html,
        re.S,
    ):
        body = match.group(2)
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", body, re.S)
        kind = (
            "lazy"
            if "cab-dashboard__placeholder" in body
            else (heading.group(1).strip() if heading else "kpi")
        )
        found.append((match.group(1), kind))
    return found


class TestDashboardPage:
    def test_widgets_in_order_in_their_columns(self, staff: Client) -> None:
        response = staff.get("/cabinet/")
        assert response.status_code == 200
        html = response.content.decode()
        assert cells(html) == [("col-lg-4", "kpi"), ("col-12", "Counter"), ("col-lg-8", "lazy")]
        assert "Secret numbers" not in html  # needs auth.view_user
        assert "12 500" in html and 'id="counter">1<' in html
        assert "HX-Request" in response["Vary"]

    def test_permissions_add_widgets(self, manager: Client) -> None:
        html = manager.get("/cabinet/").content.decode()
        assert [kind for _, kind in cells(html)] == ["Secret numbers", "kpi", "Counter", "lazy"]
        assert "<p>42</p>" in html

    def test_tabs_switch_the_nav_group(self, manager: Client) -> None:
        html = manager.get("/cabinet/?group=services").content.decode()
        assert [kind for _, kind in cells(html)] == ["Pending", "lazy"]
        assert '<a class="nav-link active" href="/cabinet/?group=services" aria-current="page"' in html
        assert 'href="/cabinet/?group=admin"' in html

    def test_only_lazy_providers_wait_when_every_widget_shown_is_lazy(self, staff: Client) -> None:
        # The page's context always has the (non-lazy) providers' data, as the reference's
        # dashboard_view does; lazy providers run for their widget's endpoint only.
        from codex_django.cabinet.registry import cabinet_registry, declare

        cabinet_registry.clear()
        declare(module="lazyonly", space="staff", dashboard_widgets=[w for w in WIDGETS if w.lazy])
        assert [kind for _, kind in cells(staff.get("/cabinet/").content.decode())] == ["lazy"]
        assert RUNS == {"counter": 1, "revenue": 1}

    def test_unknown_group_falls_back_to_the_first(self, staff: Client) -> None:
        html = staff.get("/cabinet/?group=nope").content.decode()
        assert [kind for _, kind in cells(html)] == ["kpi", "Counter", "lazy"]

    def test_lazy_widget_placeholder_loads_over_htmx(self, staff: Client) -> None:
        html = staff.get("/cabinet/").content.decode()
        lazy = next(widget for widget in WIDGETS if widget.lazy)
        url = f"/cabinet/dashboard/widgets/{widget_id(lazy)}/"
        assert f'hx-get="{url}" hx-trigger="revealed" hx-swap="outerHTML" aria-busy="true"' in html
        assert "slow_clients" not in RUNS  # lazy provider: not computed for the page

        response = staff.get(url, headers={"HX-Request": "true"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "<html" not in body
        assert "Top clients" in body and "Anna &lt;b&gt;S&lt;/b&gt;" in body
        assert "HX-Request" in response["Vary"]
        assert RUNS["slow_clients"] == 1

    def test_widget_endpoint_without_htmx_renders_the_page(self, staff: Client) -> None:
        lazy = next(widget for widget in WIDGETS if widget.lazy)
        response = staff.get(f"/cabinet/dashboard/widgets/{widget_id(lazy)}/")
        html = response.content.decode()
        assert "<html" in html and "Top clients" in html and "cab-dashboard__placeholder" not in html

    def test_widget_endpoint_checks_the_same_permissions(self, staff: Client) -> None:
        assert staff.get(f"/cabinet/dashboard/widgets/{widget_id(LAZY_SECRET)}/").status_code == 403
        assert staff.get("/cabinet/dashboard/widgets/000000000000/").status_code == 404

    def test_htmx_tab_switch_answers_the_panel(self, manager: Client) -> None:
        response = manager.get("/cabinet/?group=services", headers={"HX-Request": "true"})
        body = response.content.decode()
        assert body.lstrip().startswith('<div id="cab-dashboard-panel"')
        assert "HX-Request" in response["Vary"]

    def test_empty_dashboard(self, staff: Client, settings: Any) -> None:
        from codex_django.cabinet.registry import cabinet_registry

        cabinet_registry.clear()
        html = staff.get("/cabinet/").content.decode()
        assert "There is nothing on your dashboard yet." in html

    def test_post_is_refused(self, staff: Client) -> None:
        assert staff.post("/cabinet/").status_code == 405


@pytest.mark.redis
class TestDashboardRedis:
    def test_twenty_cached_providers_one_round_trip_per_page(
        self, staff: Client, cabinet_redis: RedisServer
    ) -> None:
        from codex_django.cabinet.selector.dashboard import DashboardSelector

        for index in range(18):  # + counter + revenue = 20 cached providers for the page

            def provider(request: Any, index: int = index) -> dict[str, Any]:
                return {f"extra_{index}": index}

            provider.__qualname__ = f"extra_{index}"
            DashboardSelector.extend(provider, cache_key=f"extra_{index}", cache_ttl=60)
        assert len([p for p in DashboardSelector.providers() if p.cached and not p.lazy]) == 20
        staff.get("/cabinet/")  # fills the cache
        for _ in range(3):
            before, reads = cabinet_redis.command_calls(), cabinet_redis.reads()
            assert staff.get("/cabinet/").status_code == 200
            assert cabinet_redis.reads() - reads - 1 == 1  # one round trip per page...
            # ...with the providers' MGET and the settings the shell's theme reads.
            assert command_delta(before, cabinet_redis.command_calls()) == {"mget": 1, "hgetall": 1}
        assert RUNS["counter"] == 1
