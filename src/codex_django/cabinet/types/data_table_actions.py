"""Contracts for the ``data_table`` power features: bulk actions, CSV export, column choice.

:class:`BulkAction` declares a button of the table's action bar: the selected
rows (or, in server-side mode, every row matching the current search and
filter) are POSTed with the CSRF token to its URL, where
:func:`codex_django.cabinet.tables.bulk.bulk_selection` checks the permission
and resolves the selection. :class:`TableExport` is the "Export CSV" link:
it carries the table's current search, filter and sort to a view answering
with :func:`codex_django.cabinet.tables.export.export_csv`.

The checks here are the ones :class:`~codex_django.cabinet.types.data_table.DataTableData`
runs on its ``hidden_columns``, ``locked_columns``, ``bulk_actions`` and
``row_key`` fields; they live beside the contracts they concern so
``data_table.py`` stays one contract long.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

from django.utils.translation import gettext_lazy as _

from .contract import contract
from .fields import IconName, ItemId, SafeUrl, Text
from .widgets import TableColumn

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["BulkAction", "TableExport"]

# The button classes of TableAction.style and ModalAction.style, as on the reference's contracts.
BulkStyle = Literal["btn-primary", "btn-secondary", "btn-danger"]
# The most ids one bulk request may carry: a page is at most MAX_PAGE_SIZE rows.
MAX_SELECTED = 10_000


@contract
class BulkAction:
    """An action of the table's bulk bar, applied to the selected rows.

    The button submits the bulk form (``POST``, with the CSRF token) to
    ``url``: ``action=<key>``, one ``ids`` value per selected row (the row's
    :attr:`DataTableData.row_key <codex_django.cabinet.types.data_table.DataTableData>`
    value) or, after "select all matching" in server-side mode, ``all=1`` with
    the table's ``q``/``status``/``sort``; ``next`` is the page to return to.

    Attributes:
        key: Identifies the action in the request (``action=<key>``), unique
            within the table, e.g. ``"confirm"``.
        label: Button text, e.g. ``"Confirm"``.
        url: Where the form posts: a path, an http(s) URL or a named route.
        style: Button style, named as on :class:`TableAction` and
            :class:`ModalAction`: ``"btn-secondary"`` (default, an outline
            button), ``"btn-primary"`` or ``"btn-danger"`` (outline).
        confirm: A question asked before posting (``"Cancel the selected
            visits?"``); ``""`` (default) posts at once.
        permission: The permission the user needs (``"booking.change_appointment"``):
            the button is shown to everyone the table is shown to, and
            :func:`~codex_django.cabinet.tables.bulk.bulk_selection` refuses
            the request (403) without it; ``""`` (default) needs none.
        icon: Bootstrap Icons class, e.g. ``"bi-check2"``; ``""`` for text only.

    Example::

        BulkAction(key="cancel", label=_("Cancel"), url="booking:bulk", style="btn-danger",
                   confirm=_("Cancel the selected visits?"), permission="booking.change_appointment")
    """

    key: ItemId
    label: Text
    url: SafeUrl
    style: BulkStyle = "btn-secondary"
    confirm: Text = ""
    permission: str = ""
    icon: IconName = ""


@contract
class TableExport:
    """The table's "Export CSV" link: ``url`` plus the current ``q``, ``status`` and ``sort``.

    Attributes:
        url: The export view: a path, an http(s) URL or a named route;
            ``"?export=csv"`` lets the table's own view answer it (see
            :func:`~codex_django.cabinet.tables.export.export_csv`).
        label: The link text; default "Export CSV" (translated).

    Example::

        TableExport(url="booking:appointments_csv")
    """

    url: SafeUrl
    label: Text = _("Export CSV")


def check_column_keys(keys: Sequence[str], columns: Sequence[TableColumn], field: str) -> None:
    """Every key in ``keys`` names a column (``field`` names the list in the message)."""
    known = [column.key for column in columns]
    for key in keys:
        if key not in known:
            raise ValueError(f"{field}: no column keyed {key!r}; the columns are {known!r}")


def check_bulk(actions: Sequence[BulkAction], rows: Sequence[dict[str, Any]], row_key: str) -> None:
    """Unique action keys, and with actions every row carries a non-empty ``row_key`` value."""
    seen: set[str] = set()
    for action in actions:
        if action.key in seen:
            raise ValueError(f"bulk_actions: the key {action.key!r} is used twice")
        seen.add(action.key)
    if not actions:
        return
    for index, row in enumerate(rows):
        value = row.get(row_key)
        if value is None or str(value) == "":
            raise ValueError(
                f"rows.{index}: no {row_key!r} value; bulk actions post each selected row's "
                f"row_key value (row_key={row_key!r}, row keys: {sorted(row)!r})"
            )
