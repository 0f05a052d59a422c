"""Server-side mode: :func:`server_side_table` and :func:`render_table` over a real queryset.

``auth.User`` stands in for a feature model: ``username`` is the name column,
``last_name`` holds a team ("red"/"blue") used as the status filters compare.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Q
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from codex_django.cabinet.tables.server_side import render_table, search_query, server_side_table
from codex_django.cabinet.types.data_table import DataTableData, TableFilter
from codex_django.cabinet.types.widgets import TableColumn

pytestmark = pytest.mark.django_db

COLUMNS = [
    TableColumn(key="name", label="User", bold=True, sortable=True),
    TableColumn(key="team", label="Team"),
]
FILTERS = [
    TableFilter(key="red", label="Red", value="red"),
    TableFilter(key="blue", label="Blue", value="blue"),
]


@pytest.fixture(autouse=True)
def users() -> None:
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", last_name=("red", "blue")[index % 2]) for index in range(1, 36)]
    )


def table_for(query: str, **options: Any) -> DataTableData:
    request = RequestFactory().get(f"/people/{query}")
    fields: dict[str, Any] = {
        "columns": COLUMNS,
        "row": lambda user: {"name": user.username, "team": user.last_name, "status": user.last_name},
        "filters": FILTERS,
        "search_fields": ["username"],
        "status_field": "last_name",
        "sort_fields": {"name": "username"},
        "page_size": 10,
        "search_placeholder": "Search",
    }
    fields.update(options)
    return server_side_table(request, User.objects.all(), **fields)


def names(table: DataTableData) -> list[str]:
    return [row["name"] for row in table.rows]


def test_first_page_in_primary_key_order_with_counts() -> None:
    table = table_for("")
    assert names(table) == [f"user{index:03d}" for index in range(1, 11)]
    assert table.page is not None
    assert (table.page.number, table.page.total, table.page.page_count) == (1, 35, 4)
    assert table.page.counts == {"red": 17, "blue": 18, "all": 35}


def test_sort_search_status_and_page_from_the_query_string() -> None:
    table = table_for("?sort=-name&status=red&q=user0&page=2")
    assert table.page is not None
    assert (table.page.sort, table.page.status, table.page.search, table.page.number) == (
        "-name",
        "red",
        "user0",
        2,
    )
    assert names(table) == [f"user{index:03d}" for index in range(34, 0, -2)][10:]
    assert table.page.total == 17
    assert table.page.counts == {"red": 17, "blue": 18, "all": 35}


def test_every_search_word_must_match() -> None:
    assert (
        names(table_for("?q=USER 3"))
        == [
            "user003",
            "user013",
            "user023",
            "user030",
            "user031",
            "user032",
            "user033",
            "user034",
            "user035",
        ][:10]
    )
    assert names(table_for("?q=user03 5")) == ["user035"]
    assert search_query("a b", ["x", "y"]) == (Q(x__icontains="a") | Q(y__icontains="a")) & (
        Q(x__icontains="b") | Q(y__icontains="b")
    )


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?page=99", (4, "", "")),
        ("?page=-3", (1, "", "")),
        ("?page=abc", (1, "", "")),
        ("?sort=team", (1, "", "")),  # not sortable
        ("?sort=password", (1, "", "")),
        ("?status=green", (1, "", "")),  # no such filter
    ],
)
def test_unknown_values_fall_back_to_defaults(query: str, expected: tuple[int, str, str]) -> None:
    page = table_for(query).page
    assert page is not None
    assert (page.number, page.sort, page.status) == expected


def test_no_results_state_differs_from_empty() -> None:
    html = render(table_for("?q=nobody"))
    assert "<table" not in html
    assert "Nothing matches the search or filter." in html
    assert "Rows 0–0 of 0" in html
    User.objects.all().delete()
    html = render(table_for(""))
    assert "No data" in html and "Nothing matches" not in html


def test_constant_number_of_queries() -> None:
    with CaptureQueriesContext(connection) as queries:
        table_for("?q=user&status=red&sort=name&page=2")
    # total, page, the other filter's count, all rows (the shown filter's count is the total)
    assert len(queries) == 4
    with CaptureQueriesContext(connection) as queries:
        table = table_for("")
    assert len(queries) == 4  # total (= all), page, red, blue
    assert table.page is not None and table.page.counts == {"red": 17, "blue": 18, "all": 35}
    with CaptureQueriesContext(connection) as queries:
        table_for("", counts=False)
    assert len(queries) == 2


def render(table: DataTableData) -> str:
    html = Template('{% component "data_table" table=table id="people" / %}').render(
        Context({"table": table, "request": RequestFactory().get("/people/")})
    )
    return re.sub(r' data-djc-id-\w+=""', "", html)


def test_server_side_markup_carries_htmx_urls_and_state() -> None:
    html = render(table_for("?sort=-name&status=red&page=2"))
    assert (
        '<div class="cab-data-table cab-data-table--server" id="people" x-data="cabDataTable" '
        'data-mode="server"' in html
    )
    assert (
        '<input type="search" class="form-control form-control-sm cab-data-table__search-input" '
        'name="q" value="" placeholder="Search" autocomplete="off" hx-get="/people/" '
        'hx-trigger="input changed delay:300ms, search" '
        'hx-target="#people-results" hx-select="#people-results" hx-swap="outerHTML" hx-push-url="true" '
        'hx-include="#people-state"'
    ) in html
    assert (
        '<div class="cab-data-table__results" id="people-results" hx-target="this" '
        'hx-select="#people-results" hx-swap="outerHTML" hx-push-url="true">'
    ) in html
    assert (
        '<div id="people-state" hidden><input type="hidden" name="status" value="red"/>'
        '<input type="hidden" name="sort" value="-name"/></div>'
    ) in html
    assert (
        '<button type="button" class="cab-data-table__filter" aria-pressed="false" data-value="" '
        'id="people-filter-all" hx-get="/people/?sort=-name">'
        'All <span class="cab-data-table__count">35</span>'
    ) in html
    assert (
        'aria-pressed="true" data-value="red" id="people-filter-red" '
        'hx-get="/people/?status=red&amp;sort=-name">' in html
    )
    assert (
        '<th scope="col" class="text-start" data-column="name" aria-sort="descending" role="columnheader">'
        in html
    )
    assert 'id="people-sort-name" hx-get="/people/?status=red&amp;sort=name"' in html
    assert 'id="people-previous" hx-get="/people/?status=red&amp;sort=-name"' in html  # page 1 has no ?page=
    assert 'id="people-next" disabled>' in html  # page 2 of 2
    assert 'id="people-next" hx-get="/people/?sort=-name&amp;page=3"' in render(
        table_for("?sort=-name&page=2")
    )
    assert "Rows 11–17 of 17" in html and "Page 2 of 2" in html
    assert "data-sort=" not in html  # the server sorts


def test_render_table_answers_htmx_with_the_table_alone() -> None:
    factory = RequestFactory()
    table = table_for("?page=2")
    request = factory.get("/people/?page=2", HTTP_HX_REQUEST="true")
    table.columns = [*COLUMNS[:1], TableColumn(key="team", label="Team", badge_key="team_colours")]
    context = {"table": table, "team_colours": {"red": "danger", "blue": "info"}}
    response = render_table(request, table, "does-not-exist.html", context, label="People", id="people")
    html = response.content.decode()
    assert "cab-status-badge--danger" in html and "cab-status-badge--info" in html  # context maps kept
    assert response.status_code == 200
    assert response["Vary"] == "HX-Request"
    assert html.lstrip().startswith('<div class="cab-data-table cab-data-table--server" id="people"')
    assert 'aria-label="People"' in html
    assert "<html" not in html


def test_render_table_renders_the_page_for_normal_requests(settings: Any, tmp_path: Any) -> None:
    import copy

    (tmp_path / "people.html").write_text(
        '<main>{% component "data_table" table=table id="people" / %}</main>', encoding="utf-8"
    )
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    request = RequestFactory().get("/people/")
    response = render_table(request, table_for(""), "people.html", id="people")
    html = response.content.decode()
    assert html.startswith('<main><div class="cab-data-table cab-data-table--server" id="people"')
    assert response["Vary"] == "HX-Request"


def test_cached_counts_are_reused_until_the_query_changes(settings: Any) -> None:
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "dt"}
    }
    first = table_for("?status=red", cache_counts=60)
    with CaptureQueriesContext(connection) as queries:
        again = table_for("?status=red&sort=-name&page=2", cache_counts=60)
    assert len(queries) == 1  # the page only: total and filter counts come from the cache
    assert first.page is not None and again.page is not None
    assert again.page.total == first.page.total == 17
    assert again.page.counts == first.page.counts == {"red": 17, "blue": 18, "all": 35}
    with CaptureQueriesContext(connection) as queries:
        table_for("?status=blue", cache_counts=60)
    assert len(queries) == 4  # another filter: counted afresh
