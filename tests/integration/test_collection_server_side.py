"""Server-side mode of card_grid and list_view: :func:`server_side_page` over a real queryset, and the markup.

``auth.User`` stands in for a feature model (``username`` is the name).
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from pydantic import ValidationError

from codex_django.cabinet.tables.collection_page import ServerPage, server_side_page
from codex_django.cabinet.types.collections import CardGridData, CardItem, ListRow, ListViewData
from codex_django.cabinet.types.data_table import DataTablePage

pytestmark = pytest.mark.django_db

DJC_ID = re.compile(r' data-djc-id-\w+=""')


@pytest.fixture(autouse=True)
def users() -> None:
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", email=f"u{index}@x.example") for index in range(1, 36)]
    )


def page_for(query: str, **options: Any) -> ServerPage:
    request = RequestFactory().get(f"/people/{query}")
    return server_side_page(request, User.objects.order_by("username"), search_fields=["username"], **options)


def usernames(found: ServerPage) -> list[str]:
    return [user.username for user in found.objects]  # type: ignore[attr-defined]


def render(source: str, path: str = "/people/", **context: Any) -> str:
    request = RequestFactory().get(path)
    html = DJC_ID.sub("", engines["django"].from_string(source).render(context, request))
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"[ \t]+", " ", html).strip()


def grid(found: ServerPage, **fields: Any) -> str:
    items = [CardItem(id=str(user.pk), title=user.username) for user in found.objects]  # type: ignore[attr-defined]
    cards = CardGridData(items=items, page=found.page, search_placeholder="Search people", **fields)
    return render('{% component "card_grid" cards=cards / %}', cards=cards)


def test_one_page_per_request_with_two_queries() -> None:
    with CaptureQueriesContext(connection) as queries:
        found = page_for("?page=2", page_size=10)
    assert len(queries) == 2  # COUNT + the page
    assert usernames(found) == [f"user{index:03d}" for index in range(11, 21)]
    assert found.page == DataTablePage(number=2, size=10, total=35)


def test_search_and_bad_input_fall_back_to_defaults() -> None:
    found = page_for("?q=user02&page=9", page_size=10)
    assert usernames(found) == [f"user{index:03d}" for index in range(20, 30)]  # page clamped to 1 of 1
    assert (found.page.number, found.page.total, found.page.search) == (1, 10, "user02")
    assert page_for("?page=abc", page_size=10).page.number == 1
    assert page_for("?page=-3", page_size=10).page.number == 1


def test_server_side_cards_render_one_page_with_htmx_controls() -> None:
    html = grid(page_for("?q=user&page=2", page_size=10))
    assert '<div class="cab-card-grid cab-card-grid--grid" id="cab-card-grid" x-data="cabCardGrid"' in html
    assert 'data-page-size="0"' in html  # the browser does not page
    items = re.findall(r'<li class="cab-card-grid__item"[^>]*>', html)
    assert len(items) == 10 and not any(" hidden" in item for item in items)
    assert (
        '<input class="form-control form-control-sm cab-collection-search__input" type="search" name="q" '
        'value="user" placeholder="Search people" autocomplete="off" hx-get="/people/" '
        'hx-trigger="input changed delay:300ms, search" hx-target="#cab-card-grid-results" '
        'hx-select="#cab-card-grid-results" hx-swap="outerHTML" hx-push-url="true"/>'
    ) in html
    assert (
        '<div class="cab-card-grid__results" id="cab-card-grid-results" hx-target="this" '
        'hx-select="#cab-card-grid-results" hx-swap="outerHTML" hx-push-url="true">'
    ) in html
    assert '<nav class="cab-collection-pager" aria-label="Card pages">' in html
    assert ">Cards 11–20 of 35</p>" in html and ">Page 2 of 4</span>" in html
    assert 'id="cab-card-grid-previous" hx-get="/people/?q=user">' in html  # page 1: no page parameter
    assert 'id="cab-card-grid-next" hx-get="/people/?q=user&amp;page=3">' in html
    assert 'x-bind="pager' not in html and 'x-bind="search"' not in html


def test_server_side_last_page_and_grid_id() -> None:
    html = grid(page_for("?page=4", page_size=10), grid_id="people")
    assert 'id="people-results"' in html
    assert ">Cards 31–35 of 35</p>" in html
    assert '<button type="button" class="page-link" id="people-next" disabled>' in html


def test_a_search_without_matches_keeps_the_search_box() -> None:
    html = grid(page_for("?q=nobody", page_size=10))
    assert 'name="q" value="nobody"' in html
    assert '<p class="cab-card-grid__no-results" role="status">No cards match your search.</p>' in html
    assert "cab-empty-state" not in html and "cab-collection-pager" not in html


def test_server_side_list_with_its_own_id() -> None:
    found = page_for("?page=3", page_size=10)
    data = ListViewData(
        rows=[ListRow(id=str(u.pk), primary=u.username, url=f"/u/{u.pk}/") for u in found.objects],  # type: ignore[attr-defined]
        page=found.page,
        search_placeholder="Search",
    )
    html = render('{% component "list_view" list=data id="people" / %}', data=data)
    assert html.startswith('<div class="cab-list-view" id="people" x-data="cabListView"')
    assert 'hx-target="#people-results"' in html and ">Rows 21–30 of 35</p>" in html
    assert 'id="people-previous" hx-get="/people/?page=2"' in html


def test_items_must_be_one_page() -> None:
    items = [CardItem(id=str(n), title="x") for n in range(11)]
    with pytest.raises(ValidationError) as error:
        CardGridData(items=items, page=DataTablePage(size=10, total=35))
    assert "CardGridData" in str(error.value) and "11 items for a page of size 10" in str(error.value)


def test_the_search_text_is_escaped_in_the_box_and_the_urls() -> None:
    User.objects.create(username='x"><script>alert(1)</script>')
    html = grid(page_for("?q=%22%3E%3Cscript%3E", page_size=10))
    assert 'name="q" value="&quot;&gt;&lt;script&gt;"' in html
    assert "<script>" not in html
