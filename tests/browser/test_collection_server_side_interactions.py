"""card_grid and list_view in server-side mode, in Chromium: the pager and the search go to the server.

A page with a server-side card grid and a server-side list (``auth.User`` as
the model, :func:`server_side_page` in the view): previous/next and the search
box swap one component's results over HTMX and push ``?q=&page=`` to the URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path
from playwright.sync_api import Browser, Page, expect

from codex_django.cabinet.tables.collection_page import server_side_page
from codex_django.cabinet.types.collections import CardGridData, CardItem, ListRow, ListViewData

from .harness import PageProbe, check_csp

PAGE = """{% load cabinet %}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>People</title><link rel="icon" href="data:,">
{% cabinet_htmx_config %}{% cabinet_css %}{% cabinet_js %}</head>
<body><main>{% component "card_grid" cards=cards / %}</main></body></html>"""
LIST_PAGE = PAGE.replace(
    '{% component "card_grid" cards=cards / %}', '{% component "list_view" list=rows id="people" / %}'
)


def people(request: HttpRequest) -> HttpResponse:
    found = server_side_page(
        request, User.objects.order_by("username"), search_fields=["username"], page_size=10
    )
    cards = CardGridData(
        items=[CardItem(id=str(user.pk), title=user.username, subtitle=user.email) for user in found.objects],  # type: ignore[attr-defined]
        page=found.page,
        search_placeholder="Search people",
        grid_id="people",
    )
    return render(request, "people.html", {"cards": cards})


def people_list(request: HttpRequest) -> HttpResponse:
    found = server_side_page(
        request, User.objects.order_by("username"), search_fields=["username"], page_size=10
    )
    rows = ListViewData(
        rows=[ListRow(id=str(u.pk), primary=u.username, url=f"/u/{u.pk}/") for u in found.objects],  # type: ignore[attr-defined]
        page=found.page,
        search_placeholder="Search people",
        open_in="page",
    )
    return render(request, "people_list.html", {"rows": rows})


urlpatterns = [
    path("people/", people),
    path("people-list/", people_list),
    path("", include("django_components.urls")),
]


@pytest.fixture
def server_page(
    settings: Any, tmp_path: Any, transactional_db: Any, live_server: Any, storybook_browser: Browser
) -> Iterator[tuple[Page, str]]:
    import copy

    (tmp_path / "people.html").write_text(PAGE, encoding="utf-8")
    (tmp_path / "people_list.html").write_text(LIST_PAGE, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    settings.ROOT_URLCONF = __name__
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", email=f"u{index}@x.example") for index in range(1, 36)]
    )
    context = storybook_browser.new_context(viewport={"width": 1366, "height": 900}, device_scale_factor=1)
    probe = PageProbe.open(context)
    yield probe.page, live_server.url
    check_csp(probe, "server-side collections")
    context.close()


def test_server_side_cards_page_and_search_through_the_url(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/people/")
    nav = page.get_by_role("navigation", name="Card pages")
    summary, following = nav.get_by_role("status"), nav.get_by_role("button", name="Next page")
    titles = page.locator(".cab-card__title")
    expect(summary).to_have_text("Cards 1–10 of 35")
    expect(titles).to_have_count(10)
    expect(titles.first).to_have_text("user001")

    following.click()
    expect(page).to_have_url(f"{base}/people/?page=2")
    expect(summary).to_have_text("Cards 11–20 of 35")
    expect(titles.first).to_have_text("user011")
    expect(nav.get_by_role("button", name="Next page")).to_be_focused()  # focus survives the swap

    search = page.get_by_role("searchbox", name="Search")
    search.fill("user02")
    expect(page).to_have_url(f"{base}/people/?q=user02")
    expect(titles).to_have_count(10)
    expect(nav).to_be_hidden()  # one page of matches: no pager
    expect(search).to_be_focused()
    search.fill("nobody")
    expect(page.get_by_text("No cards match your search.")).to_be_visible()

    page.go_back()
    expect(page).to_have_url(f"{base}/people/?q=user02")
    page.goto(f"{base}/people/?page=4")
    expect(summary).to_have_text("Cards 31–35 of 35")
    expect(nav.get_by_role("button", name="Next page")).to_be_disabled()


def test_server_side_list_pages_with_the_roving_focus_on_the_new_rows(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/people-list/")
    nav = page.get_by_role("navigation", name="List pages")
    expect(nav.get_by_role("status")).to_have_text("Rows 1–10 of 35")
    nav.get_by_role("button", name="Next page").click()
    expect(page).to_have_url(f"{base}/people-list/?page=2")
    expect(nav.get_by_role("status")).to_have_text("Rows 11–20 of 35")
    links = page.locator(".cab-list-view__link")
    expect(links.first).to_have_text("user011")
    # One Tab stop for the new rows: the first is tabbable, the others wait for the arrow keys.
    expect(links.first).to_have_attribute("tabindex", "0")
    expect(links.nth(1)).to_have_attribute("tabindex", "-1")
