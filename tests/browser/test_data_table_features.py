"""``data_table`` power features in Chromium, client-side and server-side.

State in the URL (a reload or a shared link shows the same rows), the sticky
header, the column menu (keyboard, remembered per table id), bulk selection
(labelled checkboxes, "select all on page"/"all matching", the announced
count, the POST with CSRF) and the CSV export link carrying the current state.

Client-side mode runs against the component's stories; server-side mode
against this module as a URLconf: a page of ``auth.User`` rows through
:func:`~codex_django.cabinet.tables.server_side.server_side_table`, its bulk
action (:class:`~codex_django.cabinet.tables.bulk.BulkActionView`) and its
export (:func:`~codex_django.cabinet.tables.export.export_csv`).
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from playwright.sync_api import Browser, Page, Route, expect

from codex_django.cabinet.tables.bulk import BulkActionView
from codex_django.cabinet.tables.export import export_csv
from codex_django.cabinet.tables.server_side import render_table, server_side_table
from codex_django.cabinet.types.data_table import TableFilter
from codex_django.cabinet.types.data_table_actions import BulkAction, TableExport
from codex_django.cabinet.types.widgets import TableColumn

from .harness import PageProbe, check_axe, check_csp

pytestmark = pytest.mark.browser

ROWS = "tbody tr:not([hidden])"


def query_of(url: str) -> dict[str, list[str]]:
    return parse_qs(urlsplit(url).query)


def column_texts(page: Page, name: str) -> list[str]:
    """The visible rows' texts in the column headed ``name``."""
    index = page.locator("thead th").evaluate_all(
        "(cells, name) => cells.findIndex((cell) => cell.textContent.trim() === name)", name
    )
    texts: list[str] = page.locator(f"{ROWS} td:nth-child({index + 1})").all_inner_texts()
    return [text.strip() for text in texts]


def price(text: str) -> int:
    return int(text.replace("₽", "").replace(" ", "").replace("\u00a0", ""))


# --------------------------------------------------------------------------- state in the URL


def test_client_state_goes_to_the_url_and_a_reload_restores_it(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows")
    page.get_by_role("group", name="Filter by status").get_by_role("button", name="Confirmed").click()
    page.get_by_role("searchbox", name="Search").fill("massage")
    header = page.get_by_role("columnheader", name="Price")
    header.get_by_role("button").click()
    header.get_by_role("button").click()
    expect(header).to_have_attribute("aria-sort", "descending")
    query = query_of(page.url)
    assert query["q"] == ["massage"] and query["status"] == ["confirmed"] and query["sort"] == ["-price"]
    assert query["theme"] == ["light"]  # the page's own parameters stay
    history = page.evaluate("history.length")

    page.reload()
    page.wait_for_selector("html[data-story-ready]", state="attached")
    expect(page.get_by_role("searchbox", name="Search")).to_have_value("massage")
    confirmed = page.get_by_role("group", name="Filter by status").get_by_role("button", name="Confirmed")
    expect(confirmed).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("columnheader", name="Price")).to_have_attribute("aria-sort", "descending")
    assert set(column_texts(page, "Status")) == {"Confirmed"}
    assert set(column_texts(page, "Service")) == {"Massage"}
    prices = [price(text) for text in column_texts(page, "Price")]
    assert prices == sorted(prices, reverse=True) and len(prices) > 1
    assert page.evaluate("history.length") == history  # replaceState: no history entry per keystroke


def test_a_shared_client_link_opens_the_same_view(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows", q="anna", status="pending", sort="client")
    expect(page.get_by_role("searchbox", name="Search")).to_have_value("anna")
    expect(page.get_by_role("button", name="Pending")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("columnheader", name="Client")).to_have_attribute("aria-sort", "ascending")
    assert set(column_texts(page, "Status")) == {"Pending"}
    assert all("Anna" in text for text in column_texts(page, "Client"))
    # Back to the plain view: the parameters leave the URL.
    page.get_by_role("searchbox", name="Search").fill("")
    page.get_by_role("button", name="All").click()
    expect(page.get_by_role("button", name="All")).to_have_attribute("aria-pressed", "true")
    assert set(query_of(page.url)) == {"theme", "sort"}


def test_unknown_url_values_are_ignored(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical", status="nonsense", sort="-bogus")
    expect(page.locator(ROWS)).to_have_count(8)
    expect(page.get_by_role("button", name="All")).to_have_attribute("aria-pressed", "true")


# --------------------------------------------------------------------------- sticky header


def test_the_header_row_stays_visible_while_the_rows_scroll(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows")
    region = page.get_by_role("region", name="Appointments")
    region.evaluate("(element) => { element.scrollTop = 4000; }")
    page.wait_for_function("() => document.querySelector('.cab-data-table__scroll').scrollTop > 3000")
    box = region.bounding_box()
    header = page.get_by_role("columnheader", name="Client").bounding_box()
    first_row = page.locator("tbody tr").first.bounding_box()
    assert box and header and first_row
    assert abs(header["y"] - box["y"]) <= 2  # stuck to the top of the scroll region
    assert first_row["y"] < box["y"]  # the rows went by underneath
    expect(page.get_by_role("columnheader", name="Client")).to_be_visible()


def test_the_stacked_layout_has_no_sticky_header(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows", combination="light--mobile")
    positions = page.locator("thead th").evaluate_all(
        "(cells) => cells.map((c) => getComputedStyle(c).position)"
    )
    assert "sticky" not in positions


# --------------------------------------------------------------------------- column menu


def test_column_menu_by_keyboard_hides_columns_and_remembers(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--column-menu")
    page.evaluate("localStorage.clear()")
    page.reload()
    page.wait_for_selector("html[data-story-ready]", state="attached")
    button = page.get_by_role("button", name="Columns")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(page.get_by_role("columnheader", name="Service")).to_be_hidden()  # hidden_columns
    expect(page.get_by_role("group", name="Show columns")).to_be_hidden()

    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    menu = page.get_by_role("group", name="Show columns")
    expect(menu).to_be_visible()
    expect(menu.get_by_role("checkbox", name="Client")).to_be_disabled()  # locked_columns
    page.keyboard.press("Tab")  # the locked "Client" is skipped
    expect(menu.get_by_role("checkbox", name="Service")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("columnheader", name="Service")).to_be_visible()
    expect(page.locator(f"{ROWS} td[data-label='Service']").first).to_be_visible()
    page.keyboard.press("Tab")
    expect(menu.get_by_role("checkbox", name="Date")).to_be_focused()
    page.keyboard.press("Space")
    expect(page.get_by_role("columnheader", name="Date")).to_be_hidden()
    expect(page.locator("td[data-label='Date']").first).to_be_hidden()
    page.keyboard.press("Escape")
    expect(menu).to_be_hidden()
    expect(button).to_be_focused()
    expect(button).to_have_attribute("aria-expanded", "false")

    # Sorting moves rows, the hidden column stays hidden; a click elsewhere closes the menu.
    page.get_by_role("columnheader", name="Price").get_by_role("button").click()
    expect(page.locator("td[data-label='Date']").first).to_be_hidden()
    button.click()
    page.locator("h1, body").first.click(position={"x": 2, "y": 2})
    expect(page.get_by_role("group", name="Show columns")).to_be_hidden()

    page.reload()
    page.wait_for_selector("html[data-story-ready]", state="attached")
    expect(page.get_by_role("columnheader", name="Date")).to_be_hidden()
    expect(page.get_by_role("columnheader", name="Service")).to_be_visible()
    assert page.evaluate("localStorage.getItem('cab-data-table:columns:story-columns')") == '["date"]'
    page.evaluate("localStorage.clear()")


# --------------------------------------------------------------------------- bulk actions (client-side)


def capture_posts(page: Page, pattern: str) -> list[dict[str, list[str]]]:
    posts: list[dict[str, list[str]]] = []

    def handle(route: Route) -> None:
        posts.append(parse_qs(route.request.post_data or ""))
        route.fulfill(status=200, content_type="text/html", body="<!doctype html><title>done</title>done")

    page.route(pattern, handle)
    return posts


def test_client_bulk_selection_is_announced_and_posts_the_visible_ids(
    story_page: Callable[..., Page],
) -> None:
    page = story_page("data_table--bulk-actions")
    posts = capture_posts(page, "**/appointments/bulk/")
    bar = page.locator(".cab-data-table__bulk")
    live = bar.locator("[aria-live=polite]")
    expect(live).to_have_text("No rows selected")
    expect(bar.get_by_role("button", name="Confirm")).to_be_disabled()

    boxes = page.locator("tbody").get_by_role("checkbox")
    expect(boxes).to_have_count(8)
    first_name = page.locator("tbody tr").first.locator("td").nth(1).inner_text()
    expect(boxes.first).to_have_accessible_name(f"Select: {first_name}")
    boxes.nth(0).check()
    boxes.nth(1).check()
    expect(live).to_have_text("2 selected")
    select_page = page.get_by_role("checkbox", name="Select all rows on this page")
    assert select_page.evaluate("(box) => box.indeterminate")
    select_page.check()
    expect(live).to_have_text("8 selected")

    pending = page.get_by_role("group", name="Filter by status").get_by_role("button", name="Pending")
    expected = int(pending.locator(".cab-data-table__count").inner_text())
    pending.click()
    expect(live).to_have_text(f"{expected} selected")  # hidden rows leave the selection
    visible_ids = page.locator(f"{ROWS} input[name=ids]").evaluate_all("(boxes) => boxes.map((b) => b.value)")

    bar.get_by_role("button", name="Confirm").click()
    page.wait_for_url("**/appointments/bulk/")
    assert len(posts) == 1
    assert posts[0]["action"] == ["confirm"]
    assert sorted(posts[0]["ids"]) == sorted(visible_ids)
    assert posts[0]["next"][0].startswith("/storybook/preview/data_table--bulk-actions/")
    assert "status=pending" in posts[0]["next"][0]


def test_a_bulk_action_with_a_question_asks_first(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--bulk-actions")
    posts = capture_posts(page, "**/appointments/bulk/")
    page.locator("tbody").get_by_role("checkbox").first.check()
    questions: list[str] = []

    def dismiss(dialog: Any) -> None:
        questions.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", dismiss)
    page.locator(".cab-data-table__bulk").get_by_role("button", name="Cancel").click()
    assert questions == ["Cancel the selected appointments?"]
    assert posts == []
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".cab-data-table__bulk").get_by_role("button", name="Cancel").click()
    page.wait_for_url("**/appointments/bulk/")
    assert posts[0]["action"] == ["cancel"] and len(posts[0]["ids"]) == 1


def test_client_export_link_carries_the_current_view(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--bulk-actions")
    page.get_by_role("button", name="Pending").click()
    service = column_texts(page, "Service")[0]
    page.get_by_role("searchbox", name="Search").fill(service)
    page.get_by_role("columnheader", name="Price").get_by_role("button").click()
    link = page.get_by_role("link", name="Export CSV")
    expect(link).to_have_attribute("download", "")
    # The component's click handler (registered first) sets the URL; this one keeps the
    # story page from downloading. The server-side test below follows a real download.
    link.evaluate("(link) => link.addEventListener('click', (event) => event.preventDefault())")
    link.click()
    href = link.evaluate("(link) => link.href")
    assert urlsplit(href).path == "/cabinet/booking/appointments/export/"
    assert query_of(href) == {"q": [service], "status": ["pending"], "sort": ["price"]}


# --------------------------------------------------------------------------- server-side

TEAMS = ("red", "blue")
COLUMNS = [
    TableColumn(key="username", label="User", bold=True, sortable=True),
    TableColumn(key="team", label="Team"),
]
QUERY: dict[str, Any] = {
    "columns": COLUMNS,
    "filters": [TableFilter(key=team, label=team.title(), value=team) for team in TEAMS],
    "search_fields": ["username"],
    "status_field": "last_name",
}
RETIRE = BulkAction(key="retire", label="Retire", url="/users/bulk/", style="btn-danger")


def user_row(user: User) -> dict[str, Any]:
    return {"id": user.pk, "username": user.username, "team": user.last_name, "status": user.last_name}


def users_view(request: HttpRequest) -> HttpResponse:
    if request.GET.get("export") == "csv":
        return export_csv(
            request, User.objects.filter(is_active=True), row=user_row, filename="users.csv", **QUERY
        )
    table = server_side_table(
        request,
        User.objects.filter(is_active=True),
        row=user_row,
        page_size=10,
        search_placeholder="Search users",
        column_menu=True,
        bulk_actions=[RETIRE],
        export=TableExport(url="?export=csv"),
        **QUERY,
    )
    return render_table(
        request, table, "data_table_features.html", {"table": table}, id="users", label="Users"
    )


class RetireUsers(BulkActionView):
    actions = [RETIRE]
    query = QUERY

    def get_queryset(self) -> QuerySet[Any]:
        return User.objects.filter(is_active=True)

    def perform(self, action: BulkAction, selected: QuerySet[Any]) -> str:
        return f"{selected.update(is_active=False)} retired"


PAGE = """{% load cabinet %}<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Users</title><link rel="icon" href="data:,">
{% cabinet_htmx_config %}{% cabinet_css %}{% cabinet_js %}</head>
<body hx-headers='{"X-CSRFToken": "{{ csrf_token }}"}'><main>
{% for message in messages %}<p class="message">{{ message }}</p>{% endfor %}
{% component "data_table" table=table id="users" label="Users" / %}</main></body></html>"""

urlpatterns = [
    path("users/", users_view),
    path("users/bulk/", RetireUsers.as_view()),
    path("", include("django_components.urls")),
]


@pytest.fixture
def server_page(
    settings: Any, tmp_path: Any, transactional_db: Any, live_server: Any, storybook_browser: Browser
) -> Iterator[tuple[Page, str]]:
    (tmp_path / "data_table_features.html").write_text(PAGE, encoding="utf-8")
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    settings.ROOT_URLCONF = __name__
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", last_name=TEAMS[index % 2]) for index in range(1, 36)]
    )
    context = storybook_browser.new_context(
        viewport={"width": 1280, "height": 900}, device_scale_factor=1, accept_downloads=True
    )
    probe = PageProbe.open(context)
    yield probe.page, live_server.url
    check_csp(probe, "server-side data_table features")
    context.close()


def test_server_state_survives_a_reload(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/")
    page.get_by_role("button", name="Blue").click()
    expect(page).to_have_url(f"{base}/users/?status=blue")
    page.get_by_role("columnheader", name="User").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?status=blue&sort=username")  # swapped before the next click
    page.get_by_role("columnheader", name="User").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?status=blue&sort=-username")
    page.get_by_role("searchbox", name="Search").fill("user00")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 1–5 of 5")
    page.get_by_role("searchbox", name="Search").fill("user")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 1–10 of 18")
    page.get_by_role("button", name="Next page").click()
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–18 of 18")
    assert query_of(page.url) == {"q": ["user"], "status": ["blue"], "sort": ["-username"], "page": ["2"]}
    before = page.locator(ROWS).all_inner_texts()

    page.reload()
    expect(page.get_by_role("searchbox", name="Search")).to_have_value("user")
    expect(page.get_by_role("button", name="Blue")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("columnheader", name="User")).to_have_attribute("aria-sort", "descending")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–18 of 18")
    assert page.locator(ROWS).all_inner_texts() == before


def test_server_bulk_select_all_matching_posts_the_filter(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/?status=blue&sort=-username")
    bar = page.locator(".cab-data-table__bulk")
    live = bar.locator("[aria-live=polite]")
    matching = bar.get_by_role("button", name="Select all 18 matching rows")
    expect(matching).to_be_hidden()
    page.get_by_role("checkbox", name="Select all rows on this page").check()
    expect(live).to_have_text("10 selected")
    expect(matching).to_be_visible()
    matching.click()
    expect(live).to_have_text("All 18 matching rows selected")
    expect(bar.get_by_role("button", name="Clear selection")).to_be_focused()
    bar.get_by_role("button", name="Retire").click()
    expect(page).to_have_url(f"{base}/users/?status=blue&sort=-username")
    expect(page.locator(".message")).to_have_text("18 retired")
    assert User.objects.filter(is_active=False, last_name="blue").count() == 18
    assert User.objects.filter(is_active=False).count() == 18


def test_server_bulk_posts_the_checked_ids_after_a_swap(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/")
    page.get_by_role("button", name="Next page").click()
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–20 of 35")
    page.get_by_role("checkbox", name="Select: user012").check()
    page.get_by_role("checkbox", name="Select: user015").check()
    live = page.locator(".cab-data-table__bulk [aria-live=polite]")
    expect(live).to_have_text("2 selected")
    page.get_by_role("button", name="Retire").click()
    expect(page).to_have_url(f"{base}/users/?page=2")  # back to the page the user was on
    assert sorted(User.objects.filter(is_active=False).values_list("username", flat=True)) == [
        "user012",
        "user015",
    ]


def test_server_column_choice_survives_paging_and_reload(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/")
    page.get_by_role("button", name="Columns").click()
    page.get_by_role("group", name="Show columns").get_by_role("checkbox", name="Team").uncheck()
    expect(page.get_by_role("columnheader", name="Team")).to_be_hidden()
    page.keyboard.press("Escape")
    page.get_by_role("button", name="Next page").click()
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–20 of 35")
    expect(page.get_by_role("columnheader", name="Team")).to_be_hidden()
    expect(page.locator("td[data-label='Team']").first).to_be_hidden()
    page.reload()
    expect(page.get_by_role("columnheader", name="Team")).to_be_hidden()
    page.evaluate("localStorage.clear()")


def test_server_export_downloads_the_current_view(server_page: tuple[Page, str]) -> None:
    page, base = server_page
    page.goto(f"{base}/users/")
    page.get_by_role("button", name="Red").click()
    expect(page).to_have_url(f"{base}/users/?status=red")
    page.get_by_role("searchbox", name="Search").fill("user01")
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 1–5 of 5")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    assert download.suggested_filename == "users.csv"
    text = Path(download.path()).read_text(encoding="utf-8-sig")
    assert text.splitlines() == ["User,Team", *[f"user01{i},red" for i in (0, 2, 4, 6, 8)]]


@pytest.mark.parametrize("combination", ["light--desktop", "dark--desktop"])
def test_open_menu_and_bulk_bar_pass_axe(
    story_pages: Any, live_server: Any, story_page: Callable[..., Page], combination: str
) -> None:
    page = story_page("data_table--server-side-with-bulk-actions", combination)
    page.get_by_role("checkbox", name="Select all rows on this page").check()
    expect(page.get_by_role("button", name="Select all 1,204 matching rows")).to_be_visible()
    expect(page.get_by_role("button", name="Confirm", exact=True)).to_be_enabled()
    page.get_by_role("button", name="Columns").click()
    expect(page.get_by_role("group", name="Show columns")).to_be_visible()
    check_axe(story_pages.probe(combination), f"data_table--server-side-with-bulk-actions [{combination}]")
