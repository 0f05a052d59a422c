"""The ``data_table`` tools, computed once in Python: column menu, bulk bar, export link.

:func:`present_tools` turns the optional parts of a
:class:`~codex_django.cabinet.types.data_table.DataTableData`
(``column_menu``, ``bulk_actions``, ``export``) into a :class:`TableTools` the
template prints as it is; :func:`~codex_django.cabinet.components.data_table.presenter.present_table`
adds it to the table's view. Nothing here runs per row.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.data_table import DataTableData

BULK_CLASSES = {
    "btn-primary": "btn btn-sm btn-primary",
    "btn-secondary": "btn btn-sm btn-outline-secondary",
    "btn-danger": "btn btn-sm btn-outline-danger",
}


class ColumnChoice(NamedTuple):
    """A checkbox of the "Columns" menu: ``hidden`` by default, ``locked`` ones cannot be hidden."""

    key: str
    label: str | Promise
    hidden: bool
    locked: bool


class BulkButton(NamedTuple):
    """A bulk action's submit button: ``url`` resolved, ``confirm`` the question (``""``: none)."""

    key: str
    label: str | Promise
    url: str
    classes: str
    icon: str
    confirm: str | Promise


class BulkBar(NamedTuple):
    """The bulk bar: its buttons, the texts the script fills in, "select all matching" (server-side)."""

    buttons: list[BulkButton]
    none_selected: str | Promise
    selected_template: str  # "{count} selected"
    all_selected: str  # "All 1,204 matching rows selected"
    select_all_matching: str  # "Select all 1,204 matching rows" ("": not offered)
    select_page_label: str | Promise
    select_row_label: str | Promise
    clear_label: str | Promise


class TableTools(NamedTuple):
    """What the toolbar and the bulk bar print; ``None``/``""`` parts are not rendered."""

    columns: list[ColumnChoice]  # [] without a column menu
    columns_label: str | Promise
    bulk: BulkBar | None
    export_url: str
    export_label: str | Promise
    storage_key: str  # where the column choice is remembered


def present_tools(table: DataTableData, dom_id: str, state_url: Callable[..., str]) -> TableTools:
    """The :class:`TableTools` of ``table``; ``state_url(base, **changes)`` builds a URL with the current state."""
    columns = []
    if table.column_menu:
        hidden = set(table.hidden_columns)
        locked = set(table.locked_columns)
        columns = [
            ColumnChoice(column.key, column.label, column.key in hidden, column.key in locked)
            for column in table.columns
        ]
    bulk = None
    if table.bulk_actions:
        page = table.page
        matching = ""
        if page is not None and page.total > len(table.rows):
            total = number_format(page.total, force_grouping=True)
            matching = gettext("Select all %(total)s matching rows") % {"total": total}
        bulk = BulkBar(
            buttons=[
                BulkButton(
                    action.key,
                    action.label,
                    resolve_link(action.url),
                    BULK_CLASSES[action.style],
                    action.icon,
                    action.confirm,
                )
                for action in table.bulk_actions
            ],
            none_selected=_("No rows selected"),
            selected_template=gettext("{count} selected"),
            all_selected=gettext("All %(total)s matching rows selected")
            % {
                "total": number_format(
                    page.total if page is not None else len(table.rows), force_grouping=True
                )
            },
            select_all_matching=matching,
            select_page_label=_("Select all rows on this page"),
            select_row_label=gettext("Select"),  # in every row: translated once
            clear_label=_("Clear selection"),
        )
    export_url = ""
    if table.export is not None:
        export_url = state_url(resolve_link(table.export.url), page=1)
    return TableTools(
        columns=columns,
        columns_label=_("Columns"),
        bulk=bulk,
        export_url=export_url,
        export_label=table.export.label if table.export is not None else "",
        storage_key=f"cab-data-table:columns:{dom_id}",
    )
