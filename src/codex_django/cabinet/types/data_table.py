"""Data contracts for the ``data_table`` component.

:class:`DataTableData` is the table's one payload; :class:`TableFilter` and
:class:`TableAction` describe its filter buttons and row actions (list rows
reuse :class:`TableAction`). The contract only holds and checks the data: the
component's presenter, :func:`codex_django.cabinet.components.data_table.presenter.present_table`,
makes every row ready to render (cells, status, search text, resolved actions,
filter counts), so the template holds no per-cell lookups.

Extensions beyond the v1 reference (optional, defaults keep v1 behaviour):
``badge_maps``/``icon_maps`` (the ``badge_key``/``icon_key`` mappings inside
the payload), ``choices`` (display labels for raw values), ``sort_values``
(sort a column by another row value) and ``page`` (a :class:`DataTablePage`:
server-side mode, see :mod:`codex_django.cabinet.tables.server_side`). The
``data_table`` component renders through
:func:`codex_django.cabinet.components.data_table.presenter.present_table`.

Documented, and re-exported, at :mod:`codex_django.cabinet.types.components`.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, Literal, NamedTuple

from django.utils.translation import gettext_lazy as _
from pydantic import Field, ValidationInfo, field_validator, model_validator

from .contract import contract
from .data_table_actions import BulkAction, TableExport, check_bulk, check_column_keys
from .fields import IconName, ItemId, SafeUrl, Text, check_url
from .widgets import BadgeStyle, TableColumn, check_unique, rows_cover_columns, unique_column_keys

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["DataTableData", "DataTablePage", "TableAction", "TableFilter"]

# A non-empty identifier (a primary key as a string): used in HTML ids and URLs.
ActionStyle = Literal["link", "btn-primary", "btn-danger"]


@contract
class TableFilter:
    """A single filter tab or button for :class:`DataTableData`.

    Filter buttons render as a row of toggle buttons above the table.
    Clicking one sets ``activeFilter`` in Alpine state; rows whose ``status``
    key equals ``value`` stay visible (the status column is the one keyed
    ``"status"``; rows without the key count as status ``""``).

    Attributes:
        key: Machine-readable identifier, unique within the table, e.g. ``"active"``.
        label: Human-readable button label, e.g. ``"Активные"``.
        value: Value compared with the row's ``status``. ``""`` (default)
            shows all rows.

    Example::

        TableFilter(key="pending", label="Ожидают", value="pending")
    """

    key: ItemId
    label: Text
    value: str = ""


@contract
class TableAction:
    """A row-level action link in a data table or list component.

    Rendered as a button or link in the row's action area. In a
    :class:`DataTableData` the URL is read from the row dict with ``url_key``
    (and checked like every URL when the table is built). A :class:`ListRow`
    has no row dict: its actions use ``url``, or the row's own URL.

    Attributes:
        label: Button label text, e.g. ``"Открыть"``, ``"Удалить"``.
        url_key: Key in the row dict whose value is the action URL: with
            ``url_key="detail_url"`` and the row ``{"id": 1, "detail_url":
            "/booking/1/"}`` the action links to ``/booking/1/``. Rows without
            the key (or with an empty value) show no button for this action.
        icon: Bootstrap Icons class, e.g. ``"bi-eye"``; ``""`` for text only.
        style: ``"link"`` - plain text link opening the URL in the modal
            (default); ``"btn-primary"`` - Bootstrap primary button;
            ``"btn-danger"`` - Bootstrap danger button.
        url: A fixed URL for the action; wins over ``url_key``. In a
            :class:`ListRow` (no row dict) an action without ``url`` uses the
            row's ``url``. Defaults to ``""``.

    Example::

        TableAction(label="Открыть", url_key="detail_url", icon="bi-eye")
        TableAction(label="Удалить", url_key="delete_url", icon="bi-trash",
                    style="btn-danger")
    """

    label: Text
    url_key: str
    icon: IconName = ""
    style: ActionStyle = "link"
    url: SafeUrl = ""


class RowAction(NamedTuple):
    """An action resolved for one row: the action and its URL."""

    action: TableAction
    url: str


SORT_PARAM = "sort"
SEARCH_PARAM = "q"
STATUS_PARAM = "status"
PAGE_PARAM = "page"
# Bounds that keep a page's arithmetic and markup sane; a real table never reaches them.
MAX_ROWS = 10**12
MAX_PAGE_SIZE = 10_000


@contract
class DataTablePage:
    """Server-side mode of :class:`DataTableData`: one page of a larger result.

    Set :attr:`DataTableData.page` and the table stops searching, filtering and
    sorting in the browser: its search box, filter buttons, sort headers and
    pager send HTMX ``GET`` requests to :attr:`url` with the state in the query
    string (``?q=anna&status=pending&sort=-date&page=3``), swap the table's
    results in place and push that URL to the browser history, so reloading,
    sharing the link and the back button all show the same page. ``rows`` then
    hold this page's rows only; the view (or
    :func:`codex_django.cabinet.tables.server_side.server_side_table`) reads the
    same parameters, queries one page and fills this object.

    Attributes:
        number: The page shown, 1-based.
        size: Rows per page.
        total: Rows matching the current search and filter (all pages).
        url: Where the HTMX requests go: a path, an http(s) URL or a named
            route; ``""`` (default) is the current page's path.
        search: The current search text (``?q=``).
        status: The current filter value (``?status=``); ``""`` shows all rows.
        sort: The current sort: a sortable column key, ``-`` in front for
            descending (``"-date"``); ``""`` is the view's default order.
        counts: Rows per filter key for the filter buttons (``rows`` hold one
            page only, so the counts come from the query). Filters without an
            entry show no count.

    Example::

        DataTablePage(number=3, size=50, total=100_000, sort="-date",
                      counts={"all": 100_000, "pending": 1_204})
    """

    number: int = Field(default=1, ge=1, le=MAX_ROWS)
    size: int = Field(default=50, ge=1, le=MAX_PAGE_SIZE)
    total: int = Field(default=0, ge=0, le=MAX_ROWS)
    url: SafeUrl = ""
    search: str = ""
    status: str = ""
    sort: str = ""
    counts: dict[str, Annotated[int, Field(ge=0, le=MAX_ROWS)]] = dataclasses.field(default_factory=dict)

    @property
    def page_count(self) -> int:
        """Number of pages (at least 1, so an empty result still has page 1)."""
        return max(1, -(-self.total // self.size))

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.page_count

    @property
    def first_row(self) -> int:
        """1-based number of the first row on this page (0 when there are none)."""
        return 0 if self.total == 0 else min(self.total, (self.number - 1) * self.size + 1)

    @property
    def last_row(self) -> int:
        """1-based number of the last row on this page."""
        return min(self.total, self.number * self.size)

    @property
    def sort_key(self) -> str:
        """The sorted column's key (``"date"`` for ``sort="-date"``)."""
        return self.sort.removeprefix("-")

    @property
    def descending(self) -> bool:
        return self.sort.startswith("-")


@contract
class DataTableData:
    """Payload contract for the ``data_table`` component.

    A searchable, filterable table; search and filter state live in Alpine
    (no reload), row actions open detail modals through HTMX.

    Template variable: ``table``::

        {% include "cabinet/components/data_table.html" with table=table %}

    Attributes:
        columns: Ordered :class:`TableColumn` descriptors (unique keys).
        rows: Dicts holding a value for every column key (``None`` prints as
            empty). Extra keys carry the ``status`` filters compare and the
            action URLs named by :attr:`TableAction.url_key`.
        filters: :class:`TableFilter` buttons above the table (unique keys).
            Defaults to none (no filter bar).
        actions: :class:`TableAction` buttons in the last column. Defaults to
            none (no action column).
        search_placeholder: Placeholder of the search input; ``""`` (default)
            hides the search bar.
        empty_message: Shown when ``rows`` is empty or everything is filtered
            out. Defaults to ``"No data"`` (translated).

    Extensions (not in the v1 reference; all optional, defaults keep v1 behaviour):

        badge_maps: ``{badge_key: {cell value: colour}}``. A column's
            ``badge_key`` names a mapping of cell values to Bootstrap colour
            names (``"success"``, ``"warning"``, ...). It is looked up here
            first, then in the template context (the v1 way), so a table
            renders the same inside an isolated context (storybook, HTMX
            partial, cotton). Values missing from the mapping get
            ``"secondary"``. The badge always shows the cell's text.
        icon_maps: ``{icon_key: {cell value: "bi-..."}}``: the same for a
            column's ``icon_key`` (icons are decorative; the text stays).
        choices: ``{column key: {value: label}}``: display labels for raw
            values, like a model field's ``choices``: with
            ``choices={"status": dict(Appointment.Status.choices)}`` the cell
            shows "Pending" while filters and badge colours still match
            ``"pending"``.
        sort_values: ``{column key: row key}``: sort a column by another row
            value, e.g. ``{"date": "start_at"}`` sorts the "01.04.2026" display
            strings by the datetime. Without it a column sorts by its own value:
            numbers (also "3 500 ₽"-like strings) numerically, dates in time
            order, text case-insensitively with digit runs compared as numbers.
        page: A :class:`DataTablePage`: server-side mode (pages, search, filters
            and sorting through HTMX, state in the URL). ``None`` (default):
            everything happens in the browser over ``rows``.
        url_state: Client-side mode keeps the search, filter and sort in the
            page URL (``?q=&status=&sort=``, ``history.replaceState``), so a
            reload or a shared link shows the same rows. Default ``True``; set
            ``False`` on all but one client-side table of a page (they would
            share the parameters). Server-side mode always keeps its state there.
        column_menu: Show a "Columns" menu where the user hides and shows
            columns; the choice is remembered in the browser (``localStorage``,
            keyed by the component's ``id``). Default ``False``.
        hidden_columns: Column keys hidden until the user shows them in the
            column menu (without ``column_menu`` they stay hidden).
        locked_columns: Column keys the user cannot hide (the row's name, say).
        row_key: The row dict key identifying a row in a bulk request
            (``ids=<value>``); every row needs it when there are bulk actions.
            Default ``"id"``.
        bulk_actions: :class:`~codex_django.cabinet.types.data_table_actions.BulkAction`
            buttons: the table gets a checkbox column and an action bar that
            posts the selection. Default none.
        export: A :class:`~codex_django.cabinet.types.data_table_actions.TableExport`:
            an "Export CSV" link carrying the current search, filter and sort.

    Example::

        from codex_django.cabinet import DataTableData, TableColumn, TableFilter, TableAction

        table = DataTableData(
            columns=[
                TableColumn(key="name", label="Клиент", bold=True),
                TableColumn(key="date", label="Дата"),
                TableColumn(key="status", label="Статус", badge_key="status_colors"),
            ],
            rows=list(Appointment.objects.values("name", "date", "status", "detail_url")),
            filters=[
                TableFilter(key="pending", label="Ожидают", value="pending"),
                TableFilter(key="confirmed", label="Подтверждены", value="confirmed"),
            ],
            actions=[TableAction(label="Открыть", url_key="detail_url", icon="bi-eye")],
            search_placeholder="Поиск клиентов...",
        )
        return render(request, "booking/appointments.html", {"table": table})
    """

    columns: list[TableColumn]
    rows: list[dict[str, Any]]
    filters: list[TableFilter] = dataclasses.field(default_factory=list)
    actions: list[TableAction] = dataclasses.field(default_factory=list)
    search_placeholder: Text = ""
    empty_message: Text = _("No data")
    badge_maps: dict[str, dict[str, BadgeStyle]] = dataclasses.field(default_factory=dict)
    icon_maps: dict[str, dict[str, IconName]] = dataclasses.field(default_factory=dict)
    choices: dict[str, dict[str, Text]] = dataclasses.field(default_factory=dict)
    sort_values: dict[str, str] = dataclasses.field(default_factory=dict)
    page: DataTablePage | None = None
    url_state: bool = True
    column_menu: bool = False
    hidden_columns: list[str] = dataclasses.field(default_factory=list)
    locked_columns: list[str] = dataclasses.field(default_factory=list)
    row_key: str = "id"
    bulk_actions: list[BulkAction] = dataclasses.field(default_factory=list)
    export: TableExport | None = None

    _unique_columns = field_validator("columns")(unique_column_keys)
    _rows_cover_columns = field_validator("rows")(rows_cover_columns)

    @field_validator("filters")
    @classmethod
    def _unique_filters(cls, filters: list[TableFilter]) -> list[TableFilter]:
        check_unique([item.key for item in filters], "filter key")
        return filters

    @field_validator("actions")
    @classmethod
    def _action_urls_safe(cls, actions: list[TableAction], info: ValidationInfo) -> list[TableAction]:
        for action in actions:
            if not action.url_key:
                continue
            for index, row in enumerate(info.data.get("rows", [])):
                value = row.get(action.url_key)
                if value in (None, ""):
                    continue
                try:
                    check_url(value if isinstance(value, str) else repr(value))
                except ValueError as error:
                    where = f"rows.{index}.{action.url_key}"
                    raise ValueError(
                        f"{where}: {error} (URL of action {str(action.label)!r}, got {value!r})"
                    ) from None
        return actions

    @field_validator("hidden_columns", "locked_columns")
    @classmethod
    def _name_columns(cls, keys: list[str], info: ValidationInfo) -> list[str]:
        check_column_keys(keys, info.data.get("columns", []), str(info.field_name))
        if info.field_name == "locked_columns":
            both = sorted(set(keys) & set(info.data.get("hidden_columns", [])))
            if both:
                raise ValueError(f"{both[0]!r} is both locked and hidden; a locked column is always shown")
        return keys

    @field_validator("bulk_actions")
    @classmethod
    def _rows_have_keys(cls, actions: list[BulkAction], info: ValidationInfo) -> list[BulkAction]:
        check_bulk(actions, info.data.get("rows", []), info.data.get("row_key", "id"))
        return actions

    @model_validator(mode="after")
    def _extensions_name_columns(self) -> DataTableData:
        keys = {column.key for column in self.columns}
        for field_name in ("choices", "sort_values"):
            unknown = sorted(set(getattr(self, field_name)) - keys)
            if unknown:
                raise ValueError(
                    f"{field_name}: no column keyed {unknown[0]!r}; the columns are {sorted(keys)!r}"
                )
        if self.page is not None and self.page.sort_key:
            sortable = {column.key for column in self.columns if column.sortable}
            if self.page.sort_key not in sortable:
                raise ValueError(
                    f"page.sort: {self.page.sort!r} does not name a sortable column; "
                    f"sortable: {sorted(sortable)!r}"
                )
        return self
