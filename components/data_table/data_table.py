"""``data_table``: a searchable, filterable, sortable table of a :class:`DataTableData`.

::

    {% component "data_table" table=table / %}
    <c-cabinet.data-table :table="table" />
    {% include "cabinet/components/data_table.html" with table=table %}

* ``table`` - a :class:`~codex_django.cabinet.types.data_table.DataTableData`.
* ``label`` - the table's accessible name (its ``<caption>`` and the scroll
  region's label); default "Table" (translated).
* ``id`` - the root element's id. Server-side mode targets its HTMX swaps by
  it and the column menu remembers its choice under it: give each such table
  its own (default ``cab-data-table``).

Client-side mode (``table.page`` is ``None``): one Alpine component
(``cabDataTable``) filters, searches and sorts the rendered rows by toggling
``hidden`` and moving ``<tr>`` nodes; it reads each row's precomputed
``data-status``, ``data-search`` (lower-cased visible text) and ``data-sort``
(per-column ranks from :mod:`codex_django.cabinet.tables.sort_keys`).
Server-side mode (``table.page`` set): search, filters, sort headers and the
pager send HTMX requests with the state in the URL (``hx-push-url``) and swap
the results region; see :mod:`codex_django.cabinet.tables.server_side`.

Narrow tables stack: where the table is under 40rem wide (a phone, a narrow
split-panel pane; a CSS container query on the root, so the table's own width
decides) each row is a card and each cell shows its column's name from its
``data-label``; the header row becomes a sort bar of the sortable columns.
One markup for both layouts (never the rows twice), with explicit table roles
so screen readers keep the table when the display values change. Being a size
container, the table takes its parent's width, never its content's: place it in
a block, grid or flex container, not in a shrink-to-fit box (``inline-block``,
a float), where it would have no width.

Power features (all optional, see :class:`DataTableData`): client-side mode
keeps search, filter and sort in the URL (``url_state``, ``history.replaceState``;
server-side mode pushes them with every request), so a reload or a shared
link shows the same rows. The header row sticks to the top of the scroll
region (not in the stacked layout). ``column_menu`` adds a "Columns"
disclosure whose checkboxes hide columns, remembered in ``localStorage``
under the ``id``. ``bulk_actions`` add a labelled checkbox per row, "select
all on this page" (and in server-side mode "select all N matching") and a
bar announcing the count whose buttons POST the selection with the CSRF
token (receive it with :mod:`codex_django.cabinet.tables.bulk`). ``export``
adds an "Export CSV" link carrying the current state
(:mod:`codex_django.cabinet.tables.export`).

Columns with ``badge_key`` render a ``status_badge`` (text and colour), with
``icon_key`` an icon before the text; the mappings come from
``table.badge_maps``/``table.icon_maps`` or from the template context.
Actions with ``style="link"`` open the URL in the page modal (the
``open-modal`` event, ``{url, size}``); button-styled actions are links.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.components.data_table.presenter import present_table
from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.data_table import DataTableData
from codex_django.cabinet.types.fields import HtmlId

DEFAULT_ID = "cab-data-table"


@register("data_table")
class DataTable(CabinetComponent):
    """The page-level table rendering a :class:`DataTableData`."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "data_table.html")

    class Kwargs(ComponentKwargs):
        table: DataTableData
        label: str = ""
        id: HtmlId = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        table: DataTableData = kwargs.table
        request = context.get("request")
        dom_id = kwargs.id or DEFAULT_ID
        view = present_table(table, context, request_path=getattr(request, "path", ""), dom_id=dom_id)
        needs_id = view.server or bool(view.tools.columns)
        return {
            "view": view,
            "tools": view.tools,
            "label": kwargs.label or _("Table"),
            "id": kwargs.id or (DEFAULT_ID if needs_id else ""),
            "dom_id": dom_id,
            # Where a bulk action's view sends the user back to (the script updates it
            # to the address bar's URL, which server-side mode changes with every swap).
            "next_url": request.get_full_path() if request is not None else "",
        }
