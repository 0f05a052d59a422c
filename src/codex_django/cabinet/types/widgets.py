"""Data contracts for dashboard widget payloads.

A dashboard selector returns one of these payloads; the matching widget
component renders it (``kpi``, ``table_widget``, ``list_widget``, also
reachable as ``cabinet/widgets/<kpi|table|list>.html``)::

    selector function -> widget payload (validated here)
        -> DashboardSelector cache layer -> context -> widget component

Widget payloads:

- :class:`MetricWidgetData` - one KPI number with an optional trend.
- :class:`TableWidgetData` - a compact table with typed columns.
- :class:`ListWidgetData` - a vertical list of labelled items with avatars.

Supporting types:

- :class:`TableColumn` - column descriptor shared by :class:`TableWidgetData`
  and :class:`~codex_django.cabinet.types.components.DataTableData`.
- :class:`ListItem` - one row of a :class:`ListWidgetData`.

This module also holds the two small pieces both widget and page contracts
share: the ``Avatar`` field (an image URL or initials) and the table-cell
formatting (:func:`display_text`), so that cells reach
templates as display strings: Django's number localisation in a long table
loop costs more than the rest of the render.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, Any, Literal

from django.utils.functional import Promise
from pydantic import AfterValidator, ValidationInfo, field_validator

from codex_django.cabinet.formatting import format_value

from .contract import contract
from .fields import IconName, SafeUrl, Text, check_url

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["ListItem", "ListWidgetData", "MetricWidgetData", "TableColumn", "TableWidgetData"]

Align = Literal["left", "center", "right"]
TrendDirection = Literal["up", "down", "neutral"]
# Bootstrap colour names for badge backgrounds (``text-bg-<name>``).
BadgeStyle = Literal["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]

AVATAR_MAX_INITIALS = 3


def avatar_is_image(value: str | None) -> bool:
    """True when an avatar value is an image URL, False for initials or no avatar.

    A value is a URL when it contains ``/``, ``.`` or ``:`` (``/media/a.png``,
    ``https://cdn/x.jpg``); initials never do.
    """
    return bool(value) and any(mark in str(value) for mark in "/.:")


def _check_avatar(value: str) -> str:
    if not value:
        return value
    if avatar_is_image(value):
        return check_url(value)
    if len(value) > AVATAR_MAX_INITIALS or any(ch.isspace() for ch in value):
        raise ValueError(
            f"an avatar is an image URL or 1-{AVATAR_MAX_INITIALS} initials such as 'ИП' "
            "(use the initials, not the full name)"
        )
    return value


# An avatar image URL (checked like every URL) or 1-3 initials; "" for none.
Avatar = Annotated[str, AfterValidator(_check_avatar)]


def initials_for(avatar: str | None, name: str | Promise) -> str:
    """Initials to show in an avatar circle.

    The avatar itself when it holds initials; otherwise the first letters of
    the first two words of ``name`` (``"Иван Петров"`` -> ``"ИП"``), upper-cased.
    """
    if avatar and not avatar_is_image(avatar):
        return avatar
    words = str(name).split()
    return "".join(word[0] for word in words[:2]).upper()


def display_text(value: Any) -> str:
    """A cell value as the string the template prints.

    ``None`` becomes ``""`` and text stays as it is; dates, times, numbers and
    durations are printed in the active language's format
    (:func:`~codex_django.cabinet.formatting.format_value`: ``Decimal("1234.5")``
    is ``"1,234.5"`` in English, ``"1 234,5"`` in Russian). Money needs its
    currency: format it in the view with ``format_money``.
    """
    if type(value) is str:
        return value
    return format_value(value)


def check_unique(values: Sequence[str], what: str) -> None:
    """Raise ``ValueError`` naming the first duplicate in ``values``."""
    seen: dict[str, int] = {}
    for index, value in enumerate(values):
        if value in seen:
            raise ValueError(f"{what} {value!r} appears twice (items {seen[value]} and {index})")
        seen[value] = index


@contract
class TableColumn:
    """Descriptor for a single column in a table widget or data table component.

    Shared by :class:`TableWidgetData` (dashboard widget) and
    :class:`~codex_django.cabinet.types.components.DataTableData` (full-page
    component). The cell value comes from ``row[col.key]``.

    Attributes:
        key: Dict key used to look up the cell value in each row,
            e.g. ``"status"`` reads ``row["status"]``.
        label: Column header text shown to the user.
        align: Horizontal text alignment: ``"left"`` (default), ``"center"``
            or ``"right"``.
        bold: Render the cell text in bold (primary identifier columns).
        muted: Render the cell text in the muted colour (secondary information).
        sortable: Render a sort toggle in the header. The view sorts.
        badge_key: If set, the cell value is rendered as a coloured badge; the
            value names the context variable that maps cell values to a
            Bootstrap colour name (e.g. ``"status_color_map"``). ``None``: plain text.
        icon_key: If set, an icon is prepended to the cell value; the value
            names the context variable mapping cell values to Bootstrap Icons
            classes. ``None``: no icon.

    Example::

        TableColumn(key="status", label="Статус", badge_key="status_color_map")
        TableColumn(key="name", label="Клиент", bold=True)
        TableColumn(key="amount", label="Сумма", align="right")
    """

    key: str
    label: Text
    align: Align = "left"
    bold: bool = False
    muted: bool = False
    sortable: bool = False
    badge_key: str | None = None
    icon_key: str | None = None

    @field_validator("key")
    @classmethod
    def _key_not_empty(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("a column key may not be empty")
        return value


def check_rows(columns: Sequence[TableColumn], rows: Sequence[dict[str, Any]]) -> None:
    """Every row holds a value (possibly ``None``) for every column key."""
    for index, row in enumerate(rows):
        for column in columns:
            if column.key not in row:
                raise ValueError(
                    f"rows.{index}: missing key {column.key!r} (column {str(column.label)!r}); "
                    f"the row has {sorted(row)!r}"
                )


# The two checks of every table contract (TableWidgetData, DataTableData), as pydantic
# validators: ``_unique_columns = field_validator("columns")(unique_column_keys)``.
def unique_column_keys(cls: type, columns: list[TableColumn]) -> list[TableColumn]:
    """No two columns share a key."""
    check_unique([column.key for column in columns], "column key")
    return columns


def rows_cover_columns(cls: type, rows: list[dict[str, Any]], info: ValidationInfo) -> list[dict[str, Any]]:
    """Every row holds a value for every column (checked when the columns were valid)."""
    if "columns" in info.data:
        check_rows(info.data["columns"], rows)
    return rows


def row_texts(columns: Sequence[TableColumn], row: dict[str, Any]) -> list[str]:
    """The row's display strings in column order."""
    return [display_text(row.get(column.key)) for column in columns]


@contract
class ListItem:
    """A single row in a dashboard list widget.

    Used as elements of :attr:`ListWidgetData.items`: a primary label and
    value, optional secondary lines and an optional avatar.

    Attributes:
        label: Primary descriptor on the left, e.g. client name or service title.
        value: Primary metric on the right, e.g. ``"12 000 ₽"``.
        avatar: Optional avatar image URL, or 1-3 initials (``"ИП"``). When set,
            an avatar circle is rendered before the label. Defaults to ``None``.
        sublabel: Optional secondary text below ``label``. Defaults to ``None``.
        subvalue: Optional secondary text below ``value``. Defaults to ``None``.

    Derived: :attr:`avatar_is_image`, :attr:`initials`.

    Example::

        ListItem(label="Иван Петров", value="5 сеансов", avatar="ИП",
                 sublabel="Постоянный клиент")
    """

    label: Text
    value: Text
    avatar: Avatar | None = None
    sublabel: Text | None = None
    subvalue: Text | None = None

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL (render ``<img>``), False for initials."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`label`)."""
        return initials_for(self.avatar, self.label)


@contract
class MetricWidgetData:
    """Payload for a KPI metric widget (``kpi`` / ``cabinet/widgets/kpi.html``).

    Displays a single headline number with an optional trend indicator
    (up/down/neutral arrow + label) and a decorative icon.

    Attributes:
        label: Short description of the metric, e.g. ``"Новые клиенты"``.
        value: Formatted metric value, e.g. ``"142"`` or ``"18 500 ₽"``.
        unit: Optional unit suffix displayed after ``value`` (``"₽"``, ``"%"``).
        trend_value: Formatted change, e.g. ``"+12%"`` or ``"-3"``, shown next
            to the trend arrow. Defaults to ``None`` (no trend).
        trend_label: Short context for the trend, e.g. ``"за неделю"``.
        trend_direction: ``"up"`` (green), ``"down"`` (red) or ``"neutral"``
            (grey, default).
        icon: Bootstrap Icons class for the decorative icon, e.g. ``"bi-people"``.
        url: Optional link target for the whole card (a path, http(s) URL or
            named route). Defaults to ``None`` (not clickable).

    Example::

        MetricWidgetData(
            label="Новые клиенты",
            value="142",
            trend_value="+12%",
            trend_label="за неделю",
            trend_direction="up",
            icon="bi-people",
        )
    """

    label: Text
    value: Text
    unit: Text | None = None
    trend_value: Text | None = None
    trend_label: Text | None = None
    trend_direction: TrendDirection = "neutral"
    icon: IconName | None = None
    url: SafeUrl | None = None

    @property
    def trend_icon(self) -> str:
        """The Bootstrap Icons class of the trend arrow for :attr:`trend_direction`."""
        return {"up": "bi-arrow-up-right", "down": "bi-arrow-down-right"}.get(self.trend_direction, "bi-dash")


@contract
class TableWidgetData:
    """Payload for a table dashboard widget (``table_widget`` / ``cabinet/widgets/table.html``).

    A compact table inside a dashboard card. For a full-page searchable and
    filterable table use
    :class:`~codex_django.cabinet.types.components.DataTableData`.

    Attributes:
        columns: Ordered :class:`TableColumn` descriptors (headers and cell
            rendering). Column keys are unique.
        rows: Dicts holding a value for every column key (``None`` prints as
            empty); extra keys are ignored.

    Derived: :attr:`display_rows` (display strings in column order), so the
    template loops without a dictionary lookup per cell.

    Example::

        TableWidgetData(
            columns=[
                TableColumn(key="name", label="Клиент", bold=True),
                TableColumn(key="date", label="Дата"),
                TableColumn(key="amount", label="Сумма", align="right"),
            ],
            rows=[
                {"name": "Иван П.", "date": "01.04.2026", "amount": "3 500 ₽"},
                {"name": "Анна С.", "date": "31.03.2026", "amount": "1 200 ₽"},
            ],
        )
    """

    columns: list[TableColumn]
    rows: list[dict[str, Any]]

    _unique_columns = field_validator("columns")(unique_column_keys)
    _rows_cover_columns = field_validator("rows")(rows_cover_columns)

    @property
    def display_rows(self) -> list[list[str]]:
        """Each row as its display strings in column order."""
        return [row_texts(self.columns, row) for row in self.rows]


@contract
class ListWidgetData:
    """Payload for a list dashboard widget (``list_widget`` / ``cabinet/widgets/list.html``).

    A vertical list of labelled items with optional avatar circles inside a
    dashboard card. For a full-page list use
    :class:`~codex_django.cabinet.types.components.ListViewData`.

    Attributes:
        items: Ordered :class:`ListItem` instances.
        title: Optional card title above the list. Defaults to ``None``.
        subtitle: Optional muted line under the title. Defaults to ``None``.
        icon: Optional Bootstrap Icons class shown before the title.

    Example::

        ListWidgetData(
            title="Топ клиенты",
            items=[
                ListItem(label="Иван Петров", value="12 000 ₽", avatar="ИП"),
                ListItem(label="Анна Смирнова", value="8 500 ₽", avatar="АС"),
            ],
        )
    """

    items: list[ListItem]
    title: Text | None = None
    subtitle: Text | None = None
    icon: IconName | None = None
