"""Server-side mode of ``card_grid`` and ``list_view``: one page of a queryset, driven by the URL.

The client-side mode renders every item and pages in the browser; fine for
hundreds. For more, :func:`server_side_page` reads ``?q=`` (search) and
``?page=`` from the request, asks the database for one page and returns the
objects with the :class:`~codex_django.cabinet.types.data_table.DataTablePage`
to put in :attr:`CardGridData.page <codex_django.cabinet.types.collections.CardGridData>`
or :attr:`ListViewData.page <codex_django.cabinet.types.collections.ListViewData>`.
The component then renders HTMX controls (search box, previous/next) that
request the same view with the new state, push that URL to the history and
swap the results in place; the view answers with the whole page, of which
htmx keeps the results (``hx-select``)::

    from codex_django.cabinet.tables.collection_page import server_side_page

    @space_required("staff")
    def clients(request):
        found = server_side_page(
            request, Client.objects.order_by("name"), search_fields=["name", "email"], page_size=24
        )
        cards = CardGridData(
            items=[CardItem(id=str(c.pk), title=c.name, subtitle=c.email) for c in found.objects],
            page=found.page,
            search_placeholder=_("Search clients"),
        )
        return render(request, "clients/cards.html", {"cards": cards})

Same query parameters and rules as ``data_table``'s server-side mode
(:mod:`codex_django.cabinet.tables.server_side`): every word of ``q`` must
match one of ``search_fields`` (``icontains``); ``page`` is 1-based and
clamped to the last page; unknown values fall back to the defaults. Cost: one
``COUNT`` and one query for the page.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from codex_django.cabinet.tables.server_side import MAX_SEARCH_LENGTH, search_query
from codex_django.cabinet.types.collections import CARD_PAGE_SIZE
from codex_django.cabinet.types.data_table import PAGE_PARAM, SEARCH_PARAM, DataTablePage


class ServerPage(NamedTuple):
    """One page of objects and the :class:`DataTablePage` describing it."""

    objects: list[Model]
    page: DataTablePage


def _page_number(value: str | None) -> int:
    try:
        return max(1, int(value or 1))
    except ValueError:
        return 1


def server_side_page(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    search_fields: Sequence[str] = (),
    page_size: int = CARD_PAGE_SIZE,
    url: str = "",
) -> ServerPage:
    """The objects of the requested page of ``queryset`` (searched) and its :class:`DataTablePage`.

    ``url`` is where the component's requests go (default: the current path).
    Without an order of its own the queryset is ordered by primary key, so
    pages never overlap.
    """
    search = (request.GET.get(SEARCH_PARAM) or "").strip()[:MAX_SEARCH_LENGTH] if search_fields else ""
    matching = queryset.filter(search_query(search, search_fields)) if search else queryset
    if not matching.ordered:
        matching = matching.order_by("pk")
    total = matching.count()
    page_count = max(1, -(-total // page_size))
    number = min(_page_number(request.GET.get(PAGE_PARAM)), page_count)
    start = (number - 1) * page_size
    objects = list(matching[start : start + page_size])
    page = DataTablePage(number=number, size=page_size, total=total, url=url, search=search)
    return ServerPage(objects=objects, page=page)
