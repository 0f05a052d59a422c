"""``list_view``: a full-page vertical list of rows with search, row links and row actions.

::

    {% component "list_view" list=list_data / %}
    <c-cabinet.list-view :list="list_data" />
    {% include "cabinet/components/list_view.html" with list=list_data %}

``list`` is a :class:`~codex_django.cabinet.types.collections.ListViewData`;
``id`` is the root element's id (server-side mode targets its HTMX swaps by
it: give each server-side list on a page its own, default ``cab-list-view``).

* A row shows its avatar (``avatar`` component), ``primary``, ``secondary``
  and ``meta``. With a ``url`` the primary text is the row's link, stretched
  over the row. **The rule for a click** is the contract's ``open_in``:
  ``"modal"`` (default) dispatches ``open-modal`` with ``{url}`` (the page's
  modal loads it over HTMX; modifier clicks still open the URL as a page),
  ``"page"`` follows the link.
* Row actions (:class:`~codex_django.cabinet.types.data_table.TableAction`,
  URL from the action or the row) follow their ``style``: ``"link"`` opens
  the modal, ``"btn-primary"`` / ``"btn-danger"`` are plain links. They show
  on hover and whenever focus is inside the row (``:focus-within``), and
  always on devices without hover.
* Keyboard: the list is one Tab stop (roving focus): Up/Down move between the
  rows, Home/End jump to the first/last visible row, Tab moves on to that
  row's actions.
* Search (with ``search_placeholder``) matches ``primary`` and ``secondary``,
  client-side and debounced, over each row's precomputed ``data-search``.
* **Long text** (primary, secondary, meta) stays on one line, cut with an
  ellipsis, never broken mid-word; the full text stays in the markup and in
  ``title`` attributes (the link's ``title`` holds primary and secondary: its
  stretched ``::after`` is what the pointer rests on); while focus is in a
  row, its lines unfold.
* **Paging** past ``page_size`` rows: the rows past the first page arrive
  ``hidden``, and a pager (``cabinet/includes/_collection_pager.html``) pages
  through the rows that match the search; Up/Down/Home/End stay on the page
  shown. See :mod:`codex_django.cabinet.tables.collection_pager`.
* **Server-side mode** (``list.page`` set): ``rows`` are one page; the search
  box and the pager send HTMX ``GET`` requests with ``?q=&page=`` (pushed to
  the history) and swap the results region (``#<id>-results``); see
  :mod:`codex_django.cabinet.tables.collection_page`.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.tables.collection_pager import on_first_page, pager_for
from codex_django.cabinet.types.collections import ListRow, ListViewData
from codex_django.cabinet.types.data_table import TableAction
from codex_django.cabinet.types.fields import HtmlId

DEFAULT_ID = "cab-list-view"


class ActionView(NamedTuple):
    """A row action as rendered: the action, its resolved ``href`` and whether it opens the modal."""

    action: TableAction
    href: str
    modal: bool


class RowView(NamedTuple):
    """A row as rendered.

    The row, its resolved ``href``, search text and actions, its link's
    tooltip (primary and secondary, one per line) and whether it shows before
    any paging.
    """

    row: ListRow
    href: str
    search_text: str
    actions: list[ActionView]
    tooltip: str
    on_first_page: bool


def row_views(data: ListViewData) -> list[RowView]:
    """Each row with its link (route names reversed), search text, actions, tooltip and first-page flag."""
    from codex_django.cabinet.rendering.links import resolve_link

    return [
        RowView(
            row=row,
            href=resolve_link(row.url),
            search_text=row.search_text,
            actions=[
                ActionView(item.action, resolve_link(item.url), item.action.style == "link")
                for item in row.row_actions
            ],
            tooltip="\n".join(str(part) for part in (row.primary, row.secondary) if part),
            on_first_page=data.page is not None or on_first_page(index, data.page_size),
        )
        for index, row in enumerate(data.rows)
    ]


@register("list_view")
class ListView(CabinetComponent):
    """The rows of a :class:`ListViewData` (see the module docstring)."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "list_view.html")

    class Kwargs(ComponentKwargs):
        list: ListViewData
        id: HtmlId = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        listing: ListViewData = kwargs.list
        data = super().get_template_data(args, kwargs, slots, context)
        pager, page_size = pager_for(
            listing.page, len(listing.rows), listing.page_size, "rows", context.get("request")
        )
        data.update(
            views=row_views(listing),
            pager=pager,
            page_size=page_size,
            dom_id=kwargs.id or (DEFAULT_ID if pager.server else ""),
        )
        return data
