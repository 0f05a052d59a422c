"""The rows a server-side table shows, from the request's ``?q=&status=&sort=``: one definition for three uses.

The table page (:func:`~codex_django.cabinet.tables.server_side.server_side_table`),
its CSV export (:func:`~codex_django.cabinet.tables.export.export_csv`) and its
bulk actions' "all matching" (:func:`~codex_django.cabinet.tables.bulk.bulk_selection`)
all call :func:`table_query` with the same options, so an export or a bulk
action covers exactly the rows the user was looking at. Keep those options in
one dict and pass it to all three::

    QUERY = {
        "filters": [TableFilter(key="pending", label=_("Pending"), value="pending")],
        "search_fields": ["client__name"],
        "sort_fields": {"client": "client__name", "date": "start_at"},
        "status_field": "status",
    }

Unknown or malformed values fall back to the defaults instead of failing: a
stale or hand-edited link shows the unfiltered table, never an error page.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NamedTuple

from django.db.models import Q, QuerySet
from django.http import QueryDict

from codex_django.cabinet.types.data_table import SEARCH_PARAM, SORT_PARAM, STATUS_PARAM, TableFilter
from codex_django.cabinet.types.widgets import TableColumn

MAX_SEARCH_LENGTH = 200


class TableState(NamedTuple):
    """The validated ``q``, ``status`` and ``sort`` of a request (``""``: not set)."""

    search: str
    status: str
    sort: str


class TableQuery(NamedTuple):
    """``matching``: rows passing the search (the filter counts' base); ``shown``: also the filter, ordered."""

    state: TableState
    matching: QuerySet[Any]
    shown: QuerySet[Any]


def search_query(words: str, fields: Sequence[str]) -> Q:
    """Every word of ``words`` in at least one of ``fields`` (``icontains``)."""
    query = Q()
    for word in words.split():
        any_field = Q()
        for field in fields:
            any_field |= Q(**{f"{field}__icontains": word})
        query &= any_field
    return query


def table_state(
    params: QueryDict | Mapping[str, str],
    *,
    columns: Sequence[TableColumn] = (),
    filters: Iterable[TableFilter] = (),
    search_fields: Sequence[str] = (),
) -> TableState:
    """``q``/``status``/``sort`` from ``params``: a search only with ``search_fields``, a known filter
    value, a sortable column (``-`` for descending)."""
    search = (params.get(SEARCH_PARAM) or "").strip()[:MAX_SEARCH_LENGTH] if search_fields else ""
    status = params.get(STATUS_PARAM) or ""
    if status not in {item.value for item in filters}:
        status = ""
    sort = params.get(SORT_PARAM) or ""
    if sort.removeprefix("-") not in {column.key for column in columns if column.sortable}:
        sort = ""
    return TableState(search, status, sort)


def table_query(
    params: QueryDict | Mapping[str, str],
    queryset: QuerySet[Any],
    *,
    columns: Sequence[TableColumn] = (),
    filters: Iterable[TableFilter] = (),
    search_fields: Sequence[str] = (),
    sort_fields: Mapping[str, str] | None = None,
    status_field: str = "status",
) -> TableQuery:
    """The rows ``params`` select from ``queryset``, in the table's order.

    The sort maps a column key through ``sort_fields`` (default: the key
    itself) and the primary key breaks ties, so pages never overlap; without a
    sort the queryset's own order stands, or the primary key's.
    """
    state = table_state(params, columns=columns, filters=filters, search_fields=search_fields)
    matching = queryset.filter(search_query(state.search, search_fields)) if state.search else queryset
    shown = matching.filter(**{status_field: state.status}) if state.status else matching
    if state.sort:
        key = state.sort.removeprefix("-")
        field = (sort_fields or {}).get(key, key)
        prefix = "-" if state.sort.startswith("-") else ""
        shown = shown.order_by(f"{prefix}{field}", f"{prefix}pk")
    elif not shown.ordered:
        shown = shown.order_by("pk")
    return TableQuery(state, matching, shown)
