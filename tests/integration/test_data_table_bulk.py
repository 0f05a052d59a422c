"""Bulk actions: the contract, the markup, and :func:`bulk_selection` / :class:`BulkActionView`.

``auth.User`` stands in for a feature model (``last_name`` holds a team the
status filters compare); the bulk action "retire" sets ``is_active=False``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser, Permission, User
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import BadRequest, PermissionDenied
from django.db.models import QuerySet
from django.template import Context, Template
from django.test import RequestFactory
from pydantic import ValidationError

from codex_django.cabinet.tables.bulk import BulkActionView, back_url, bulk_selection
from codex_django.cabinet.tables.server_side import server_side_table
from codex_django.cabinet.types.data_table import DataTableData, TableFilter
from codex_django.cabinet.types.data_table_actions import BulkAction, TableExport
from codex_django.cabinet.types.widgets import TableColumn

COLUMNS = [TableColumn(key="name", label="User", sortable=True), TableColumn(key="team", label="Team")]
QUERY: dict[str, Any] = {
    "columns": COLUMNS,
    "filters": [
        TableFilter(key="red", label="Red", value="red"),
        TableFilter(key="blue", label="Blue", value="blue"),
    ],
    "search_fields": ["username"],
    "sort_fields": {"name": "username"},
    "status_field": "last_name",
}
RETIRE = BulkAction(
    key="retire", label="Retire", url="/people/bulk/", style="btn-danger", confirm="Retire them?"
)
GUARDED = BulkAction(key="guarded", label="Guarded", url="/people/bulk/", permission="auth.change_user")
DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(table: DataTableData, **context: Any) -> str:
    source = '{% component "data_table" table=table id="people" / %}'
    return DJC_ID.sub("", Template(source).render(Context({"table": table, **context})))


# --------------------------------------------------------------------------- contract


def test_bulk_action_urls_are_checked_like_every_contract_url() -> None:
    with pytest.raises(
        ValidationError, match=r"BulkAction\nurl\n.*the URL scheme 'javascript' is not allowed"
    ):
        BulkAction(key="x", label="X", url="javascript:alert(1)")
    with pytest.raises(ValidationError, match=r"TableExport\nurl\n.*protocol-relative"):
        TableExport(url="//evil.example/csv")
    assert BulkAction(key="x", label="X", url="booking:bulk").url == "booking:bulk"


def test_bulk_actions_need_a_key_in_every_row() -> None:
    with pytest.raises(ValidationError) as error:
        DataTableData(columns=COLUMNS, rows=[{"name": "a", "team": "red"}], bulk_actions=[RETIRE])
    text = str(error.value)
    assert "DataTableData" in text and "bulk_actions" in text
    assert "rows.0: no 'id' value; bulk actions post each selected row's row_key value (row_key='id'" in text
    table = DataTableData(
        columns=COLUMNS, rows=[{"name": "a", "team": "red", "pk": 7}], row_key="pk", bulk_actions=[RETIRE]
    )
    assert table.bulk_actions == [RETIRE]


def test_bulk_action_keys_are_unique() -> None:
    with pytest.raises(ValidationError, match="bulk_actions: the key 'retire' is used twice"):
        DataTableData(columns=COLUMNS, rows=[], bulk_actions=[RETIRE, RETIRE])


def test_column_menu_fields_name_columns() -> None:
    with pytest.raises(ValidationError, match=r"DataTableData\nhidden_columns\n.*no column keyed 'age'"):
        DataTableData(columns=COLUMNS, rows=[], hidden_columns=["age"])
    with pytest.raises(ValidationError, match=r"locked_columns\n.*'team' is both locked and hidden"):
        DataTableData(columns=COLUMNS, rows=[], hidden_columns=["team"], locked_columns=["team"])


# --------------------------------------------------------------------------- markup


def test_bulk_markup_labels_every_checkbox_and_posts_with_csrf() -> None:
    table = DataTableData(
        columns=COLUMNS,
        rows=[{"id": 1234, "name": "<b>Ann</b>", "team": "red"}, {"id": 2, "name": "Bo", "team": "blue"}],
        bulk_actions=[RETIRE, GUARDED],
    )
    html = render(table, csrf_token="TOKEN123")
    assert '<form class="cab-data-table__bulk" id="people-bulk" method="post" action="/people/bulk/"' in html
    assert 'name="csrfmiddlewaretoken" value="TOKEN123"' in html
    assert '<p class="cab-data-table__bulk-count" aria-live="polite">No rows selected</p>' in html
    assert 'aria-label="Select all rows on this page"' in html
    # The id is printed as it is (never localised "1,234"), the name escaped.
    assert 'name="ids" value="1234" form="people-bulk" aria-label="Select: &lt;b&gt;Ann&lt;/b&gt;"' in html
    assert (
        '<button type="submit" class="btn btn-sm btn-outline-danger" name="action" value="retire" '
        'formaction="/people/bulk/" data-confirm="Retire them?">Retire</button>'
    ) in html
    assert "select-matching" not in html  # client-side mode: every row is on the page


@pytest.mark.django_db
def test_server_side_bulk_bar_offers_all_matching_and_carries_the_state() -> None:
    User.objects.bulk_create(
        [User(username=f"user{i:03d}", last_name=("red", "blue")[i % 2]) for i in range(1, 36)]
    )
    request = RequestFactory().get("/people/?status=blue&sort=-name&q=user")
    table = server_side_table(
        request,
        User.objects.all(),
        row=lambda user: {
            "id": user.pk,
            "name": user.username,
            "team": user.last_name,
            "status": user.last_name,
        },
        page_size=10,
        bulk_actions=[RETIRE],
        export=TableExport(url="?export=csv"),
        search_placeholder="Search",
        **QUERY,
    )
    html = render(table, request=request)
    assert "Select all 18 matching rows" in html
    assert (
        '<input type="hidden" name="q" value="user"/><input type="hidden" name="status" value="blue"/>'
        '<input type="hidden" name="sort" value="-name"/>'
    ) in html
    assert 'name="next" value="/people/?status=blue&amp;sort=-name&amp;q=user"' in html
    assert 'href="?export=csv&amp;q=user&amp;status=blue&amp;sort=-name" download @click="exportCsv"' in html


def test_column_menu_markup_and_default_hidden_columns() -> None:
    table = DataTableData(
        columns=COLUMNS,
        rows=[{"name": "Ann", "team": "red"}],
        column_menu=True,
        hidden_columns=["team"],
        locked_columns=["name"],
    )
    html = render(table)
    assert 'data-columns-key="cab-data-table:columns:people"' in html
    assert (
        '<button type="button" class="btn btn-sm btn-outline-secondary cab-data-table__columns-button" '
        'aria-expanded="false" aria-controls="people-columns"'
    ) in html
    assert (
        '<input type="checkbox" class="form-check-input" value="name" checked disabled/> User</label>' in html
    )
    assert '<input type="checkbox" class="form-check-input" value="team"/> Team</label>' in html
    assert '<th scope="col" class="text-start cab-data-table__off" data-column="team"' in html
    assert '<td class="text-start cab-data-table__off" data-label="Team" role="cell">red</td>' in html


# --------------------------------------------------------------------------- bulk_selection


@pytest.fixture
def people() -> list[User]:
    return User.objects.bulk_create(
        [User(username=f"user{i:03d}", last_name=("red", "blue")[i % 2]) for i in range(1, 36)]
    )


def post(data: dict[str, Any], user: Any = None) -> Any:
    request = RequestFactory().post("/people/bulk/", data)
    request.user = user or AnonymousUser()
    request.session = {}  # type: ignore[assignment]
    request._messages = FallbackStorage(request)  # type: ignore[attr-defined]
    return request


@pytest.mark.django_db
def test_selected_ids_are_looked_up_in_the_queryset_only(people: list[User]) -> None:
    reds = User.objects.filter(last_name="red")
    red, blue = people[1], people[0]
    selection = bulk_selection(
        post({"action": "retire", "ids": [red.pk, blue.pk]}), reds, actions=[RETIRE], **QUERY
    )
    assert list(selection.queryset) == [red] and selection.action == RETIRE and not selection.all_matching


@pytest.mark.django_db
def test_all_matching_uses_the_page_filter(people: list[User]) -> None:
    data = {"action": "retire", "all": "1", "q": "user02", "status": "blue", "sort": "-name", "ids": ["1"]}
    selection = bulk_selection(post(data), User.objects.all(), actions=[RETIRE], **QUERY)
    assert [user.username for user in selection.queryset] == [f"user02{i}" for i in (9, 7, 5, 3, 1)]
    assert selection.all_matching


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"action": "nuke"}, "unknown action 'nuke'; known: ['retire', 'guarded']"),
        ({"action": "retire", "ids": ["abc"]}, "the ids are not User keys: ['abc']"),
        (
            {"action": "retire", "ids": [str(i) for i in range(10_001)]},
            "at most 10000 ids per request (got 10001)",
        ),
    ],
)
def test_bad_requests_are_refused(data: dict[str, Any], message: str, settings: Any) -> None:
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = None  # a 10,000-row page needs it raised (see tables/bulk.py)
    with pytest.raises(BadRequest, match=re.escape(message)):
        bulk_selection(post(data), User.objects.all(), actions=[RETIRE, GUARDED], **QUERY)


@pytest.mark.django_db
def test_get_is_refused() -> None:
    request = RequestFactory().get("/people/bulk/?action=retire")
    with pytest.raises(BadRequest, match=r"a bulk action is a POST \(got GET\)"):
        bulk_selection(request, User.objects.all(), actions=[RETIRE])


@pytest.mark.django_db
def test_the_permission_is_checked(people: list[User]) -> None:
    clerk = User.objects.create_user("clerk")
    with pytest.raises(PermissionDenied, match=r"needs the permission 'auth\.change_user'"):
        bulk_selection(
            post({"action": "guarded", "ids": [people[0].pk]}, clerk), User.objects.all(), actions=[GUARDED]
        )
    clerk.user_permissions.add(Permission.objects.get(codename="change_user"))
    clerk = User.objects.get(pk=clerk.pk)  # a fresh permission cache
    selection = bulk_selection(
        post({"action": "guarded", "ids": [people[0].pk]}, clerk), User.objects.all(), actions=[GUARDED]
    )
    assert list(selection.queryset) == [people[0]]


class Retire(BulkActionView):
    actions = [RETIRE]
    query = QUERY

    def get_queryset(self) -> QuerySet[Any]:
        return User.objects.exclude(username="admin")

    def perform(self, action: BulkAction, selected: QuerySet[Any]) -> str:
        return f"{selected.update(is_active=False)} retired."


@pytest.mark.django_db
def test_bulk_action_view_performs_and_redirects_back(people: list[User]) -> None:
    request = post({"action": "retire", "all": "1", "status": "red", "next": "/people/?status=red"})
    response = Retire.as_view()(request)
    assert response.status_code == 302 and response["Location"] == "/people/?status=red"
    assert User.objects.filter(is_active=False).count() == 17
    assert [str(message) for message in request._messages] == ["17 retired."]  # type: ignore[attr-defined]
    assert Retire.as_view()(RequestFactory().get("/people/bulk/")).status_code == 405


def test_back_url_refuses_other_sites() -> None:
    assert back_url(post({"next": "https://evil.example/"})) == "/people/bulk/"
    assert back_url(post({"next": "/people/?page=2"})) == "/people/?page=2"
    assert back_url(post({}), "/people/") == "/people/"
