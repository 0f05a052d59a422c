"""``data_table`` in Chromium: search, filters, sorting, the modal event, keyboard, server-side paging.

Client-side behaviour runs against the component's own stories in the
storybook preview. Server-side mode needs a view answering HTMX requests, so
this module is also a small URLconf (``ROOT_URLCONF`` points here for those
tests): a page listing ``auth.User`` rows through
:func:`~codex_django.cabinet.tables.server_side.server_side_table`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from playwright.sync_api import Browser, Page, expect

from codex_django.cabinet.tables.server_side import render_table, server_side_table
from codex_django.cabinet.types.data_table import TableFilter
from codex_django.cabinet.types.widgets import TableColumn

from .harness import PageProbe, check_csp

pytestmark = pytest.mark.browser

ROWS = "tbody tr:not([hidden])"


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def visible_texts(page: Page, column: int) -> list[str]:
    texts: list[str] = page.locator(f"{ROWS} td:nth-child({column})").all_inner_texts()
    return [text.strip() for text in texts]


# --------------------------------------------------------------------------- client-side


def test_search_narrows_rows_and_shows_no_results(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical")
    expect(page.locator(ROWS)).to_have_count(8)
    search = page.get_by_role("searchbox", name="Search")
    search.fill("anna")
    expect(page.locator(ROWS)).to_have_count(len([t for t in visible_texts(page, 1) if "Anna" in t]))
    assert visible_texts(page, 1) and all("Anna" in text for text in visible_texts(page, 1))
    expect(page.locator(".cab-data-table [aria-live=polite]")).to_contain_text("of 8 rows shown")
    search.fill("no such client")
    expect(page.locator(ROWS)).to_have_count(0)
    expect(page.locator(".cab-data-table__no-results")).to_be_visible()
    expect(page.locator(".cab-data-table__no-results")).to_contain_text("Nothing matches")
    expect(page.get_by_role("region", name="Appointments")).to_be_hidden()
    search.fill("")
    expect(page.locator(ROWS)).to_have_count(8)
    expect(page.locator(".cab-data-table__no-results")).to_be_hidden()


def test_search_matches_every_word_across_columns(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical")
    first = page.locator("tbody tr").first
    client = first.locator("td").nth(0).inner_text().split()[0]
    service = first.locator("td").nth(1).inner_text()
    page.get_by_role("searchbox", name="Search").fill(f"{service.lower()} {client.upper()}")
    expect(page.locator(".cab-data-table [aria-live=polite]")).to_contain_text(
        "of 8 rows shown"
    )  # the search ran
    for row in page.locator(ROWS).all():
        text = row.inner_text().lower()
        assert client.lower() in text and service.lower() in text


def test_filters_narrow_rows_and_set_aria_pressed(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical")
    group = page.get_by_role("group", name="Filter by status")
    everything = group.get_by_role("button", name="All")
    pending = group.get_by_role("button", name="Pending")
    expect(everything).to_have_attribute("aria-pressed", "true")
    expected = int(pending.locator(".cab-data-table__count").inner_text())
    pending.click()
    expect(pending).to_have_attribute("aria-pressed", "true")
    expect(everything).to_have_attribute("aria-pressed", "false")
    expect(page.locator(ROWS)).to_have_count(expected)
    assert set(visible_texts(page, 4)) == {"Pending"}
    everything.click()
    expect(page.locator(ROWS)).to_have_count(8)
    expect(pending).to_have_attribute("aria-pressed", "false")


def test_sorting_orders_rows_and_sets_aria_sort(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows")
    price = page.get_by_role("columnheader", name="Price")
    client = page.get_by_role("columnheader", name="Client")
    expect(price).to_have_attribute("aria-sort", "none")
    price.get_by_role("button").click()
    expect(price).to_have_attribute("aria-sort", "ascending")
    values = [
        int(text.replace("₽", "").replace(" ", "").replace("\u00a0", "")) for text in visible_texts(page, 5)
    ]
    assert values == sorted(values) and values[0] < values[-1]
    price.get_by_role("button").click()
    expect(price).to_have_attribute("aria-sort", "descending")
    values = [
        int(text.replace("₽", "").replace(" ", "").replace("\u00a0", "")) for text in visible_texts(page, 5)
    ]
    assert values == sorted(values, reverse=True)
    client.get_by_role("button").click()
    expect(client).to_have_attribute("aria-sort", "ascending")
    expect(price).to_have_attribute("aria-sort", "none")
    names = visible_texts(page, 1)
    assert names == sorted(names, key=str.casefold)


def test_sorting_dates_uses_the_sort_values_and_is_stable(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows")
    original = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.search)")
    page.get_by_role("columnheader", name="Date").get_by_role("button").click()
    dates = visible_texts(page, 3)
    keys = [tuple(reversed(text.split("."))) for text in dates]
    assert keys == sorted(keys)
    # Stable: rows with the same date keep their original relative order.
    shown = page.locator("tbody tr").evaluate_all("rows => rows.map(r => r.dataset.search)")
    for date in set(dates):
        same = [text for text in shown if date in text]
        assert same == [text for text in original if date in text]


def test_search_filter_and_sort_combine(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows")
    page.get_by_role("group", name="Filter by status").get_by_role("button", name="Confirmed").click()
    page.get_by_role("searchbox", name="Search").fill("massage")
    expect(page.locator(f"{ROWS}:not(:has-text('Massage'))")).to_have_count(0)  # the search ran
    page.get_by_role("columnheader", name="Price").get_by_role("button").click()
    expect(page.locator(ROWS).first).to_be_visible()
    assert set(visible_texts(page, 4)) == {"Confirmed"}
    assert set(visible_texts(page, 2)) == {"Massage"}


def test_row_action_dispatches_open_modal(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical")
    page.evaluate(
        """() => {
            window.__modalEvents = [];
            window.addEventListener("open-modal", (event) => window.__modalEvents.push(event.detail));
        }"""
    )
    url_before = page.url
    page.locator("tbody tr").first.get_by_role("link", name="Open").click()
    events = page.evaluate("window.__modalEvents")
    assert events == [{"url": "/cabinet/booking/appointments/1/", "size": ""}]
    assert page.url == url_before  # the link did not navigate
    # The link took focus, so the modal host (the preview has one) returns focus to it when it closes.
    page.keyboard.press("Escape")
    expect(page.locator("tbody tr").first.get_by_role("link", name="Open")).to_be_focused()
    assert page.evaluate("document.activeElement.dataset.modalUrl") == "/cabinet/booking/appointments/1/"


def test_button_actions_are_plain_links(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--every-enum-value")
    row = page.locator("tbody tr").first
    expect(row.get_by_role("link", name="Delete")).to_have_attribute("href", "/cabinet/items/1/delete/")
    expect(row.get_by_role("link", name="Delete")).not_to_have_attribute(
        "data-modal-url", "/cabinet/items/1/delete/"
    )
    expect(row.get_by_role("link", name="View")).to_have_attribute("data-modal-url", "/cabinet/items/1/")


def test_keyboard_tab_to_sort_header_and_enter_sorts(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--without-search")
    page.locator("body").click(position={"x": 1, "y": 1})
    page.keyboard.press("Tab")  # the scroll region is focusable (keyboard scrolling)
    expect(page.get_by_role("region", name="Appointments")).to_be_focused()
    page.keyboard.press("Tab")
    header = page.get_by_role("columnheader", name="Client")
    expect(header.get_by_role("button")).to_be_focused()
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "ascending")
    page.keyboard.press("Enter")
    expect(header).to_have_attribute("aria-sort", "descending")
    names = visible_texts(page, 1)
    assert names == sorted(names, key=str.casefold, reverse=True)


def test_empty_table_shows_the_empty_state(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--empty")
    expect(page.get_by_text("No appointments yet.")).to_be_visible()
    expect(page.locator("table")).to_have_count(0)


# --------------------------------------------------------------------------- server-side

TEAMS = ("red", "blue")


def users_view(request: HttpRequest) -> HttpResponse:
    table = server_side_table(
        request,
        User.objects.all(),
        columns=[
            TableColumn(key="username", label="User", bold=True, sortable=True),
            TableColumn(key="team", label="Team"),
        ],
        row=lambda user: {"username": user.username, "team": user.last_name, "status": user.last_name},
        filters=[TableFilter(key=team, label=team.title(), value=team) for team in TEAMS],
        search_fields=["username"],
        status_field="last_name",
        page_size=10,
        search_placeholder="Search users",
    )
    return render_table(request, table, "data_table_page.html", {"table": table}, id="users")


PAGE = """{% load cabinet %}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Users</title><link rel="icon" href="data:,">
{% cabinet_htmx_config %}{% cabinet_css %}{% cabinet_js %}</head>
<body><main>{% component "data_table" table=table id="users" label="Users" / %}</main></body></html>"""

urlpatterns = [
    path("users/", users_view),
    path("", include("django_components.urls")),
]


@pytest.fixture
def server_page(
    settings: Any, tmp_path: Any, transactional_db: Any, live_server: Any, storybook_browser: Browser
) -> Iterator[tuple[Page, str]]:
    import copy

    (tmp_path / "data_table_page.html").write_text(PAGE, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    settings.ROOT_URLCONF = __name__
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", last_name=TEAMS[index % 2]) for index in range(1, 36)]
    )
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    probe = PageProbe.open(context)
    yield probe.page, live_server.url
    check_csp(probe, "server-side data_table")
    context.close()


def test_server_side_paging_sorting_search_update_the_url(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 1–10 of 35")
    expect(page.locator(ROWS).first).to_contain_text("user001")

    page.get_by_role("button", name="Next page").click()
    expect(page).to_have_url(f"{base}/users/?page=2")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–20 of 35")
    expect(page.locator(ROWS).first).to_contain_text("user011")
    expect(page.get_by_role("button", name="Next page")).to_be_focused()  # focus survives the swap

    header = page.get_by_role("columnheader", name="User")
    header.get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?sort=username")
    expect(header).to_have_attribute("aria-sort", "ascending")
    page.get_by_role("columnheader", name="User").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?sort=-username")
    expect(page.get_by_role("columnheader", name="User")).to_have_attribute("aria-sort", "descending")
    expect(page.locator(ROWS).first).to_contain_text("user035")

    blue = page.get_by_role("button", name="Blue")
    blue.click()
    expect(page).to_have_url(f"{base}/users/?status=blue&sort=-username")
    expect(page.get_by_role("button", name="Blue")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("button", name="All")).to_have_attribute("aria-pressed", "false")
    assert set(visible_texts(page, 2)) == {"blue"}

    search = page.get_by_role("searchbox", name="Search")
    search.fill("user02")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 1–5 of 5")
    assert query_of(page.url) == {"q": ["user02"], "status": ["blue"], "sort": ["-username"]}
    expect(search).to_be_focused()  # the search box is outside the swapped region

    page.go_back()
    expect(page).to_have_url(f"{base}/users/?status=blue&sort=-username")

    page.goto(f"{base}/users/?page=4&sort=-username")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 31–35 of 35")
    expect(page.get_by_role("button", name="Next page")).to_be_disabled()
