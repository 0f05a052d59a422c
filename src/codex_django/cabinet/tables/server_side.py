"""Server-side mode of ``data_table``: one page of a queryset, driven by the URL.

A client-side table renders every row and filters them in the browser; fine
for hundreds of rows, not for 100,000. :func:`server_side_table` reads the
table state from the request's query string, asks the database for one page
and returns a :class:`~codex_django.cabinet.types.data_table.DataTableData`
with :attr:`~codex_django.cabinet.types.data_table.DataTableData.page` set.
The component then renders HTMX controls that request the same view with the
new state (``hx-push-url``: reload, share and back all work), and
:func:`render_table` answers those requests with the table alone::

    from codex_django.cabinet.tables.server_side import render_table, server_side_table

    @space_required("staff")
    def appointments(request):
        table = server_side_table(
            request,
            Appointment.objects.select_related("client"),
            columns=[
                TableColumn(key="client", label=_("Client"), bold=True, sortable=True),
                TableColumn(key="start", label=_("Date"), sortable=True),
                TableColumn(key="status", label=_("Status"), badge_key="status_colours"),
            ],
            row=lambda a: {"client": a.client.name, "start": f"{a.start_at:%d.%m.%Y}",
                           "status": a.status, "detail_url": f"/appointments/{a.pk}/"},
            sort_fields={"client": "client__name", "start": "start_at"},
            search_fields=["client__name", "notes"],
            filters=[TableFilter(key="pending", label=_("Pending"), value="pending")],
            search_placeholder=_("Search appointments"),
        )
        return render_table(request, table, "booking/appointments.html", {"table": table})

Query parameters (names in :mod:`codex_django.cabinet.types.data_table`):
``q`` (search words; every word must match one of ``search_fields``,
``icontains``), ``status`` (a filter's value, compared with ``status_field``),
``sort`` (a sortable column key, ``-`` for descending, mapped through
``sort_fields``; the primary key breaks ties so pages never overlap) and
``page`` (1-based, clamped to the last page). Unknown values fall back to the
defaults instead of failing.

Cost per request: one ``COUNT`` for the total, one query for the page and,
when ``counts`` is on and there are filters, one ``COUNT`` per filter value
(the shown filter's count is the total). With the default order, or a sort
on an indexed column, the page query does not grow with the table; the
``COUNT`` queries walk an index (index ``status_field``), which on SQLite
costs about 1 ms per 100,000 rows; ``counts=False`` leaves the filter
buttons without numbers and saves those queries, and ``cache_counts=60``
keeps the counts of a query for a minute, so paging and sorting stop
counting. Search (``icontains``) scans the table.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template import engines
from django.utils.cache import patch_vary_headers

from codex_django.cabinet.tables.query import MAX_SEARCH_LENGTH, search_query, table_query
from codex_django.cabinet.types.data_table import (
    PAGE_PARAM,
    DataTableData,
    DataTablePage,
    TableAction,
    TableFilter,
)
from codex_django.cabinet.types.widgets import TableColumn

ALL_KEY = "all"
DEFAULT_PAGE_SIZE = 50
__all__ = ["MAX_SEARCH_LENGTH", "render_table", "search_query", "server_side_table"]


def _page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        return 1
    return max(1, number)


def server_side_table(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    columns: list[TableColumn],
    row: Callable[[Any], dict[str, Any]],
    filters: Iterable[TableFilter] = (),
    actions: Iterable[TableAction] = (),
    search_fields: Sequence[str] = (),
    sort_fields: Mapping[str, str] | None = None,
    status_field: str = "status",
    page_size: int = DEFAULT_PAGE_SIZE,
    counts: bool = True,
    cache_counts: int = 0,
    url: str = "",
    **table_fields: Any,
) -> DataTableData:
    """One page of ``queryset`` as a server-side :class:`DataTableData` (see the module docstring).

    ``row`` turns one object into the row dict (display strings for the
    columns, ``status``, action URLs). ``sort_fields`` maps sortable column
    keys to ORM fields (default: the key itself). ``cache_counts`` keeps the
    total and the filter counts of a query in Django's default cache for that
    many seconds (0: count on every request), so paging and sorting through a
    huge result do not count it again. ``table_fields`` go to
    :class:`DataTableData` as they are (``search_placeholder``,
    ``empty_message``, ``badge_maps``, ``choices``, ...).
    """
    filters = list(filters)
    params = request.GET
    (search, status, sort), matching, shown = table_query(
        params,
        queryset,
        columns=columns,
        filters=filters,
        search_fields=search_fields,
        sort_fields=sort_fields,
        status_field=status_field,
    )

    cached = _CountCache(shown, matching, filters, status_field, cache_counts)
    total = cached.get("total", shown.count)
    page_count = max(1, -(-total // page_size))
    number = min(_page_number(params.get(PAGE_PARAM)), page_count)
    start = (number - 1) * page_size
    objects: list[Model] = list(shown[start : start + page_size])

    filter_counts: dict[str, int] = {}
    if counts and filters:
        filter_counts = cached.get(
            "filters", lambda: _filter_counts(matching, filters, status_field, status, total)
        )

    return DataTableData(
        columns=columns,
        rows=[row(obj) for obj in objects],
        filters=filters,
        actions=list(actions),
        page=DataTablePage(
            number=number,
            size=page_size,
            total=total,
            url=url,
            search=search,
            status=status,
            sort=sort,
            counts=filter_counts,
        ),
        **table_fields,
    )


class _CountCache:
    """Counts of one query in Django's cache for ``seconds`` (0: no caching).

    The key is a digest of the SQL of the queries (search and status included)
    and the filter values, so a new search or filter counts afresh.
    """

    def __init__(
        self,
        shown: QuerySet[Any],
        matching: QuerySet[Any],
        filters: list[TableFilter],
        field: str,
        seconds: int,
    ) -> None:
        self.seconds = seconds
        self.prefix = ""
        if seconds > 0:
            source = "|".join([str(shown.order_by().query), field, *(f.value for f in filters)])
            self.prefix = "cab-data-table:" + hashlib.sha256(source.encode()).hexdigest()

    def get(self, name: str, compute: Callable[[], Any]) -> Any:
        if not self.prefix:
            return compute()
        from django.core.cache import cache

        key = f"{self.prefix}:{name}"
        value = cache.get(key)
        if value is None:
            value = compute()
            cache.set(key, value, self.seconds)
        return value


def _filter_counts(
    matching: QuerySet[Any], filters: list[TableFilter], status_field: str, status: str, shown_total: int
) -> dict[str, int]:
    """Rows per filter key (plus ``"all"``), one ``COUNT`` per filter value.

    Separate counts use an index on ``status_field`` (one conditional
    aggregate was ten times slower on SQLite with 100,000 rows); the count of
    the filter being shown is the page total, already known.
    """
    by_value: dict[str, int] = {}
    for item in filters:
        if item.value and item.value not in by_value:
            if item.value == status:
                by_value[item.value] = shown_total
            else:
                by_value[item.value] = matching.filter(**{status_field: item.value}).count()
    everything = shown_total if not status else matching.count()
    result = {item.key: by_value[item.value] if item.value else everything for item in filters}
    result.setdefault(ALL_KEY, everything)
    return result


_TABLE_ONLY = '{% component "data_table" table=table label=label id=id / %}'


def render_table(
    request: HttpRequest,
    table: DataTableData,
    template_name: str,
    context: dict[str, Any] | None = None,
    *,
    label: str = "",
    id: str = "",
) -> HttpResponse:
    """The full page, or for an HTMX request the table alone (the component picks its results region).

    ``context`` is the page's context; the table alone is rendered with it too,
    so ``badge_key``/``icon_key`` mappings that live in the context keep
    working in the partial. Pass the same ``label``/``id`` the page template
    gives the component. Adds ``Vary: HX-Request`` so caches keep the two
    answers apart.
    """
    context = {"table": table, **(context or {})}
    if request.headers.get("HX-Request") == "true":
        template = engines["django"].from_string(_TABLE_ONLY)
        html = template.render({**context, "table": table, "label": label, "id": id}, request)
        response = HttpResponse(html)
    else:
        response = render(request, template_name, context)
    patch_vary_headers(response, ("HX-Request",))
    return response
