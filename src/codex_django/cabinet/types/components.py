"""Data contracts for the cabinet page components.

Each contract is the one payload a component renders; the component kwarg
(and include variable) is named in each class::

    {% component "data_table" table=table / %}
    {% include "cabinet/components/data_table.html" with table=table %}

Design principles:

- **Backend computes, template renders.** Positions, lanes, counts and cell
  strings are computed here (properties on the contract); templates contain
  no business logic and no per-cell dictionary lookups.
- **One contract per component**, validated on construction: a wrong value
  fails in the view with the contract, the field and the value in the message.
- **Alpine.js for client-side state** (search text, active filter, grid/list
  toggle); **HTMX for server interactions** with URLs from the contract.
- **Modal dispatch.** Components do not embed modals; they dispatch
  ``open-modal`` with a URL and the page-level modal loads it.

Components: :class:`DataTableData` (``data_table``), :class:`CalendarGridData`
+ :class:`CalendarSlot` (``calendar_grid``), :class:`CardGridData` +
:class:`CardItem` (``card_grid``), :class:`ListViewData` + :class:`ListRow`
(``list_view``), :class:`SplitPanelData` + :class:`ListRow` (``split_panel``).

The booking widgets and the modal sections live in
:mod:`~codex_django.cabinet.types.booking` and
:mod:`~codex_django.cabinet.types.modal` and are re-exported here, the path
the API reference documents for them.
"""

from __future__ import annotations

import dataclasses
import math
from datetime import date, datetime, time, timedelta
from typing import Annotated, Any, Literal, NamedTuple
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _
from pydantic import BeforeValidator, Field, ValidationInfo, field_validator

from .contract import contract
from .fields import Colour, IconName, SafeUrl, Text, check_url
from .widgets import (
    Avatar,
    BadgeStyle,
    TableCell,
    TableColumn,
    avatar_is_image,
    check_rows,
    check_unique,
    initials_for,
    row_texts,
)

# A non-empty identifier (a primary key as a string): used in HTML ids and URLs.
ItemId = Annotated[str, Field(min_length=1)]
NonNegativeInt = Annotated[int, Field(ge=0)]
ActionStyle = Literal["link", "btn-primary", "btn-danger"]
SLOT_HEIGHT_MIN_PX = 16
SLOT_HEIGHT_MAX_PX = 200


def _strip_bg_prefix(value: Any) -> Any:
    # The reference allows Bootstrap ``bg-*`` classes ("bg-primary"); store the colour name.
    if isinstance(value, str) and value.startswith("bg-"):
        return value.removeprefix("bg-")
    return value


EventColour = Annotated[Colour, BeforeValidator(_strip_bg_prefix)]


# --------------------------------------------------------------------------- data table


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


class DataTableRow(NamedTuple):
    """One row as the ``data_table`` template renders it."""

    cells: list[TableCell]
    status: str
    search_text: str
    actions: list[RowAction]


class FilterTab(NamedTuple):
    """A filter button with the number of rows it shows (``total``)."""

    filter: TableFilter
    total: int


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

    Derived: :attr:`display_rows`, :attr:`table_rows`, :attr:`filter_counts`,
    :attr:`filter_tabs`, :attr:`status_column`.

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

    @field_validator("columns")
    @classmethod
    def _unique_columns(cls, columns: list[TableColumn]) -> list[TableColumn]:
        check_unique([column.key for column in columns], "column key")
        return columns

    @field_validator("rows")
    @classmethod
    def _rows_cover_columns(cls, rows: list[dict[str, Any]], info: ValidationInfo) -> list[dict[str, Any]]:
        if "columns" in info.data:
            check_rows(info.data["columns"], rows)
        return rows

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

    @property
    def status_column(self) -> TableColumn | None:
        """The column keyed ``"status"`` (the one filters compare), if the table shows it."""
        return next((column for column in self.columns if column.key == "status"), None)

    @property
    def display_rows(self) -> list[list[str]]:
        """Each row as its display strings in column order."""
        return [row_texts(self.columns, row) for row in self.rows]

    @property
    def table_rows(self) -> list[DataTableRow]:
        """Rows ready to render: cells, status, lower-cased search text and resolved actions."""
        result = []
        for row in self.rows:
            texts = row_texts(self.columns, row)
            actions = [
                RowAction(action, action.url or str(row.get(action.url_key) or ""))
                for action in self.actions
                if action.url or row.get(action.url_key)
            ]
            result.append(
                DataTableRow(
                    cells=[TableCell(column, text) for column, text in zip(self.columns, texts, strict=True)],
                    status=_status(row),
                    search_text=" ".join(texts).lower(),
                    actions=actions,
                )
            )
        return result

    @property
    def filter_counts(self) -> dict[str, int]:
        """Rows shown per filter key (a filter with value ``""`` shows every row)."""
        statuses = [_status(row) for row in self.rows]
        return {
            item.key: len(statuses) if item.value == "" else statuses.count(item.value)
            for item in self.filters
        }

    @property
    def filter_tabs(self) -> list[FilterTab]:
        """The filters in order with their row counts (for the filter bar)."""
        counts = self.filter_counts
        return [FilterTab(item, counts[item.key]) for item in self.filters]


def _status(row: dict[str, Any]) -> str:
    value = row.get("status")
    return "" if value is None else str(value)


# --------------------------------------------------------------------------- calendar


def _minutes(value: time | datetime) -> int:
    return value.hour * 60 + value.minute


@contract
class CalendarSlot:
    """A single event positioned on a :class:`CalendarGridData` grid.

    Positions are zero-based indexes into :attr:`CalendarGridData.cols` and
    :attr:`CalendarGridData.rows`, computed by the backend
    (:meth:`from_datetime` does it from a start time and a duration).

    Attributes:
        col: Zero-based column index (the master, room or day).
        row: Zero-based row index (the time slot the event starts in).
        span: Number of rows the event occupies (>= 1): ``duration_minutes //
            slot_minutes``; a 1-hour appointment on 30-minute slots has span 2.
        title: Primary event text (client name or appointment type).
        subtitle: Optional secondary text (service name). Defaults to ``""``.
        color: Hex colour (``"#6366f1"``), Bootstrap colour name
            (``"primary"``) or ``bg-*`` class (``"bg-primary"``, stored as
            ``"primary"``). ``""`` (default) uses the theme's primary colour.
        url: HTMX endpoint loaded into the modal when the event is clicked.
            Defaults to ``""`` (not clickable).

    Derived: :attr:`end_row`.

    Example::

        # 60-minute appointment starting at 9:00 with 30-min slots (row index 2)
        CalendarSlot(
            col=0,  # first master
            row=2,  # 9:00 slot (rows: ["8:00","8:30","9:00",...])
            span=2,  # 60 min / 30 min = 2
            title="Иван П.",
            subtitle="Стрижка",
            color="#6366f1",
            url="/booking/42/",
        )
    """

    col: NonNegativeInt
    row: NonNegativeInt
    span: Annotated[int, Field(ge=1)]
    title: Text
    subtitle: Text = ""
    color: EventColour = ""
    url: SafeUrl = ""

    @property
    def end_row(self) -> int:
        """The first row after the event (``row + span``)."""
        return self.row + self.span

    @classmethod
    def from_datetime(
        cls,
        start: datetime | time,
        duration_minutes: int,
        *,
        col: int,
        grid_start: datetime | time,
        step_minutes: int,
        title: Any,
        subtitle: Any = "",
        color: str = "",
        url: str = "",
    ) -> CalendarSlot:
        """Place an event that starts at ``start`` and lasts ``duration_minutes``.

        ``grid_start`` is the time of row 0 and ``step_minutes`` the slot size.
        Times off the slot boundaries round outwards (the event covers every
        slot it touches)::

            CalendarSlot.from_datetime(time(9), 60, col=0, grid_start=time(8),
                                       step_minutes=30, title="Иван П.")
            # -> row=2, span=2
        """
        if step_minutes <= 0:
            raise ValueError(f"step_minutes must be positive (got {step_minutes})")
        if duration_minutes <= 0:
            raise ValueError(f"duration_minutes must be positive (got {duration_minutes})")
        if isinstance(start, datetime) and isinstance(grid_start, datetime):
            offset = int((start - grid_start).total_seconds() // 60)
        else:
            offset = _minutes(start) - _minutes(grid_start)
        if offset < 0:
            raise ValueError(f"the event starts at {start} before the grid starts at {grid_start}")
        row = offset // step_minutes
        span = max(1, math.ceil((offset + duration_minutes) / step_minutes) - row)
        # ``contract`` returns the pydantic dataclass as ``Any`` for mypy: build through it.
        build: Any = cls
        slot: CalendarSlot = build(
            col=col, row=row, span=span, title=title, subtitle=subtitle, color=color, url=url
        )
        return slot


class PlacedEvent(NamedTuple):
    """An event with its side-by-side lane: ``lane`` of ``lanes`` (0-based) in its overlap group.

    ``position`` is the event's index in :attr:`CalendarGridData.events`.
    """

    event: CalendarSlot
    position: int
    lane: int
    lanes: int


def _column_label(value: Any) -> str:
    if isinstance(value, dict):
        for key in ("label", "name", "title"):
            if key in value:
                return str(value[key])
        raise ValueError(f"a column dict needs a 'label' (or 'name'/'title') key, got keys {sorted(value)!r}")
    return str(value)


@contract
class CalendarGridData:
    """Payload contract for the ``calendar_grid`` component.

    A CSS-grid scheduling calendar: columns are any grouping axis (masters,
    rooms, weekdays), rows are time slots of any size. The template draws a
    background of (optionally clickable) empty slots and the events on top;
    all positions and lanes are computed here.

    Template variable: ``calendar``::

        {% include "cabinet/components/calendar_grid.html" with calendar=calendar %}

    Attributes:
        cols: Column headers: strings, or dicts with a ``"label"`` (or
            ``"name"``/``"title"``) key plus any extra data.
        rows: Time slot labels in display order (:meth:`time_rows` builds them).
        events: :class:`CalendarSlot` instances; each must lie inside the grid
            (``col < len(cols)``, ``row + span <= len(rows)``).
        slot_height_px: Height of one row in pixels, 16..200. Defaults to ``40``.
        new_event_url: HTMX URL for creating an event; when set, each empty
            slot sends ``GET {new_event_url}?col=N&row=N``. Defaults to ``""``
            (read-only grid).

    Derived: :attr:`column_labels`, :attr:`placed_events` (lanes for
    overlapping events), :attr:`lanes`.

    Example::

        from codex_django.cabinet import CalendarGridData, CalendarSlot

        # Build 30-min slots from 8:00 to 20:00
        rows = [f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)]

        calendar = CalendarGridData(
            cols=["Мастер 1", "Мастер 2", "Мастер 3"],
            rows=rows,
            events=[
                CalendarSlot(col=0, row=2, span=2,
                             title="Иван П.", subtitle="Стрижка",
                             color="#6366f1", url="/booking/42/"),
            ],
            slot_height_px=40,
            new_event_url="/booking/new/",
        )
        return render(request, "booking/schedule.html", {"calendar": calendar})
    """

    cols: list[dict[str, Any] | Text]
    rows: list[Text]
    events: list[CalendarSlot]
    slot_height_px: Annotated[int, Field(ge=SLOT_HEIGHT_MIN_PX, le=SLOT_HEIGHT_MAX_PX)] = 40
    new_event_url: SafeUrl = ""

    @field_validator("cols")
    @classmethod
    def _labelled_cols(cls, cols: list[Any]) -> list[Any]:
        for index, value in enumerate(cols):
            try:
                _column_label(value)
            except ValueError as error:
                raise ValueError(f"cols.{index}: {error}") from None
        return cols

    @field_validator("events")
    @classmethod
    def _events_inside(cls, events: list[CalendarSlot], info: ValidationInfo) -> list[CalendarSlot]:
        if "cols" not in info.data or "rows" not in info.data:
            return events
        n_cols, n_rows = len(info.data["cols"]), len(info.data["rows"])
        for index, event in enumerate(events):
            name = f"events.{index}: CalendarSlot {str(event.title)!r}"
            if event.col >= n_cols:
                raise ValueError(f"{name} is in column {event.col} but the grid has {n_cols} columns")
            if event.row >= n_rows:
                raise ValueError(f"{name} starts at row {event.row} but the grid has {n_rows} rows")
            if event.end_row > n_rows:
                raise ValueError(
                    f"{name} at row {event.row} with span {event.span} "
                    f"ends after the last row ({n_rows} rows)"
                )
        return events

    @staticmethod
    def time_rows(start: time, end: time, step_minutes: int) -> list[str]:
        """Row labels from ``start`` (included) to ``end`` (excluded) every ``step_minutes``.

        Labels are written ``H:MM`` like the reference example::

            CalendarGridData.time_rows(time(8), time(20), 30)  # ["8:00", "8:30", ..., "19:30"]
        """
        if step_minutes <= 0:
            raise ValueError(f"step_minutes must be positive (got {step_minutes})")
        if end <= start:
            raise ValueError(f"end ({end}) must be after start ({start})")
        current = datetime.combine(date.min, start)
        stop = datetime.combine(date.min, end)
        labels = []
        while current < stop:
            labels.append(f"{current.hour}:{current.minute:02d}")
            current += timedelta(minutes=step_minutes)
        return labels

    @property
    def column_labels(self) -> list[str]:
        """The column headers as strings (dict columns give their label)."""
        return [_column_label(value) for value in self.cols]

    @property
    def placed_events(self) -> list[PlacedEvent]:
        """Every event (in input order) with its lane, for side-by-side layout of overlaps.

        Per column, events are taken by start row (ties keep input order) and
        each goes into the lowest lane whose previous event has ended (greedy
        interval partitioning, which uses the fewest lanes). ``lanes`` is the
        lane count of the event's overlap group (events linked by overlaps),
        so an event that overlaps nothing keeps the full column width.
        """
        placed: dict[int, PlacedEvent] = {}
        by_col: dict[int, list[int]] = {}
        for position, event in enumerate(self.events):
            by_col.setdefault(event.col, []).append(position)
        for positions in by_col.values():
            positions.sort(key=lambda i: (self.events[i].row, i))
            for group in self._overlap_groups(positions):
                lane_ends: list[int] = []  # per lane: the row where its last event ends
                lanes_of: list[tuple[int, int]] = []
                for position in group:
                    event = self.events[position]
                    lane = next((n for n, end in enumerate(lane_ends) if end <= event.row), len(lane_ends))
                    if lane == len(lane_ends):
                        lane_ends.append(event.end_row)
                    else:
                        lane_ends[lane] = event.end_row
                    lanes_of.append((position, lane))
                for position, lane in lanes_of:
                    placed[position] = PlacedEvent(self.events[position], position, lane, len(lane_ends))
        return [placed[position] for position in range(len(self.events))]

    def _overlap_groups(self, positions: list[int]) -> list[list[int]]:
        """Split start-sorted event positions into runs linked by overlaps."""
        groups: list[list[int]] = []
        group_end = -1
        for position in positions:
            event = self.events[position]
            if not groups or event.row >= group_end:
                groups.append([])
                group_end = event.end_row
            groups[-1].append(position)
            group_end = max(group_end, event.end_row)
        return groups

    @property
    def lanes(self) -> list[tuple[int, int]]:
        """``(lane, lane_count)`` per event, in input order (see :attr:`placed_events`)."""
        return [(item.lane, item.lanes) for item in self.placed_events]


# --------------------------------------------------------------------------- cards


@contract
class CardItem:
    """A single card in a :class:`CardGridData` collection.

    A tile in grid mode, a compact row in list mode. ``meta`` carries
    icon + text pairs for secondary information.

    Attributes:
        id: Unique, non-empty identifier (the model's primary key as a string).
        title: Card heading (e.g. client full name).
        subtitle: Optional line below the title. Defaults to ``""``.
        avatar: Avatar image URL, or 1-3 initials for the avatar circle.
            Defaults to ``""`` (no avatar).
        badge: Short status label shown as a badge (``"VIP"``). Defaults to ``""``.
        badge_style: Bootstrap colour name of the badge (``"primary"``,
            ``"success"``, ...). Defaults to ``"secondary"``.
        url: Link target (detail page or HTMX endpoint). Defaults to ``""``.
        meta: ``(icon, text)`` pairs, e.g. ``[("bi-telephone", "+7 999 123-45-67")]``.

    Derived: :attr:`avatar_is_image`, :attr:`initials`.

    Example::

        CardItem(
            id=str(client.pk),
            title=client.full_name,
            subtitle=client.category,
            avatar=client.initials,
            badge="VIP",
            badge_style="warning",
            url=f"/cabinet/clients/{client.pk}/",
            meta=[
                ("bi-telephone", client.phone),
                ("bi-calendar", f"{client.visit_count} визитов"),
            ],
        )
    """

    id: ItemId
    title: Text
    subtitle: Text = ""
    avatar: Avatar = ""
    badge: Text = ""
    badge_style: BadgeStyle = "secondary"
    url: SafeUrl = ""
    meta: list[tuple[IconName, Text]] = dataclasses.field(default_factory=list)

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL, False for initials or none."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`title`)."""
        return initials_for(self.avatar, self.title)


@contract
class CardGridData:
    """Payload contract for the ``card_grid`` component.

    :class:`CardItem` instances as a grid of cards or a compact list; the user
    toggles the mode client-side (Alpine).

    Template variable: ``cards``::

        {% include "cabinet/components/card_grid.html" with cards=cards %}

    Attributes:
        items: :class:`CardItem` instances (unique ids).
        view_mode: Initial mode, ``"grid"`` (default) or ``"list"``.
        search_placeholder: Placeholder of the search input (filters by title);
            ``""`` (default) hides the search bar.
        empty_message: Shown when ``items`` is empty. Defaults to ``"No items"``
            (translated).

    Example::

        from codex_django.cabinet import CardGridData, CardItem

        cards = CardGridData(
            items=[
                CardItem(
                    id=str(c.pk),
                    title=c.full_name,
                    avatar=c.initials,
                    url=f"/cabinet/clients/{c.pk}/",
                )
                for c in Client.objects.all()
            ],
            search_placeholder="Поиск клиентов...",
        )
        return render(request, "clients/index.html", {"cards": cards})
    """

    items: list[CardItem]
    view_mode: Literal["grid", "list"] = "grid"
    search_placeholder: Text = ""
    empty_message: Text = _("No items")

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[CardItem]) -> list[CardItem]:
        check_unique([item.id for item in items], "id")
        return items


# --------------------------------------------------------------------------- lists


@contract
class ListRow:
    """A single row in a :class:`ListViewData` or :class:`SplitPanelData`.

    A primary label, optional secondary text and meta, an optional avatar;
    clickable (modal in a list view, detail panel in a split panel) and with
    optional per-row action buttons.

    Attributes:
        id: Unique, non-empty identifier (typically the primary key).
        primary: Main row text (subject line, client name).
        secondary: Optional smaller text below ``primary``. Defaults to ``""``.
        meta: Optional short metadata on the right (date, count). Defaults to ``""``.
        avatar: Avatar image URL or 1-3 initials. Defaults to ``""``.
        url: HTMX endpoint or link. In :class:`ListViewData` a click opens it
            in the modal; in :class:`SplitPanelData` it is the detail URL when
            the panel has no ``detail_url``. Defaults to ``""``.
        actions: Per-row :class:`TableAction` buttons. A row has no dict for
            ``url_key``: an action links to its own ``url``, else to the row's.

    Derived: :attr:`row_actions`, :attr:`avatar_is_image`, :attr:`initials`.

    Example::

        ListRow(
            id=str(msg.pk),
            primary=msg.subject,
            secondary=msg.sender,
            meta=msg.created_at.strftime("%d.%m"),
            url=f"/cabinet/conversations/{msg.pk}/",
        )
    """

    id: ItemId
    primary: Text
    secondary: Text = ""
    meta: Text = ""
    avatar: Avatar = ""
    url: SafeUrl = ""
    actions: list[TableAction] = dataclasses.field(default_factory=list)

    @field_validator("actions")
    @classmethod
    def _actions_have_urls(cls, actions: list[TableAction], info: ValidationInfo) -> list[TableAction]:
        row_url = info.data.get("url", "")
        for index, action in enumerate(actions):
            if not action.url and not row_url and "url" in info.data:
                raise ValueError(
                    f"actions.{index}: TableAction {str(action.label)!r} has no URL: set its url= "
                    "or the row's url (a ListRow has no row dict to read url_key from)"
                )
        return actions

    @property
    def row_actions(self) -> list[RowAction]:
        """The actions with their URLs (the action's own ``url`` or the row's)."""
        return [RowAction(action, action.url or self.url) for action in self.actions]

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL, False for initials or none."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`primary`)."""
        return initials_for(self.avatar, self.primary)


@contract
class ListViewData:
    """Payload contract for the ``list_view`` component.

    A vertical list of :class:`ListRow` with an optional search bar; a click
    opens the row's URL in the modal, row actions appear on hover and focus.

    Template variable: ``list``::

        {% include "cabinet/components/list_view.html" with list=list_data %}

    Attributes:
        rows: :class:`ListRow` instances (unique ids).
        search_placeholder: Placeholder of the search input (filters by
            ``primary``); ``""`` (default) hides the search bar.
        empty_message: Shown when ``rows`` is empty. Defaults to ``"No data"``
            (translated).

    Example::

        from codex_django.cabinet import ListViewData, ListRow

        list_data = ListViewData(
            rows=[
                ListRow(
                    id=str(n.pk),
                    primary=n.subject,
                    secondary=n.channel,
                    meta=n.sent_at.strftime("%d.%m %H:%M"),
                    url=f"/cabinet/notifications/{n.pk}/",
                )
                for n in Notification.objects.order_by("-sent_at")
            ],
            search_placeholder="Поиск уведомлений...",
        )
        return render(request, "notifications/log.html", {"list": list_data})
    """

    rows: list[ListRow]
    search_placeholder: Text = ""
    empty_message: Text = _("No data")

    @field_validator("rows")
    @classmethod
    def _unique_ids(cls, rows: list[ListRow]) -> list[ListRow]:
        check_unique([row.id for row in rows], "id")
        return rows


class PanelEntry(NamedTuple):
    """A split-panel list item with the URL its detail loads from and whether it is selected."""

    row: ListRow
    detail_url: str
    active: bool


@contract
class SplitPanelData:
    """Payload contract for the ``split_panel`` component.

    A scrollable list on the left, a detail area on the right; clicking an
    item loads its detail through HTMX. Below 768 px the panels stack.

    Template variable: ``panel``::

        {% include "cabinet/components/split_panel.html" with panel=panel %}

    Attributes:
        items: :class:`ListRow` instances for the left panel (unique ids).
        active_id: ``id`` of the initially selected item (one of the items'
            ids) or ``""`` (default, nothing selected).
        detail_url: Base URL for item details: ``"/cabinet/conversations"``
            loads ``/cabinet/conversations/42`` for item ``42``; a route name
            is reversed first. ``""`` (default): each item's own ``url``.
        empty_message: Shown in the right panel when nothing is selected.
            Defaults to ``"Select an item"`` (translated).

    Derived: :attr:`entries` (row, detail URL, active).

    Example::

        from codex_django.cabinet import SplitPanelData, ListRow

        panel = SplitPanelData(
            items=[
                ListRow(
                    id=str(conv.pk),
                    primary=conv.subject,
                    secondary=conv.last_message[:60],
                    meta=conv.updated_at.strftime("%d.%m"),
                    avatar=conv.client_initials,
                )
                for conv in conversations
            ],
            active_id=str(active_conversation.pk) if active_conversation else "",
            detail_url="/cabinet/conversations",
            empty_message="Выберите переписку",
        )
        return render(request, "conversations/index.html", {"panel": panel})
    """

    items: list[ListRow]
    active_id: str = ""
    detail_url: SafeUrl = ""
    empty_message: Text = _("Select an item")

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[ListRow]) -> list[ListRow]:
        check_unique([item.id for item in items], "id")
        return items

    @field_validator("active_id")
    @classmethod
    def _active_is_item(cls, active_id: str, info: ValidationInfo) -> str:
        ids = [item.id for item in info.data.get("items", [])]
        if active_id and "items" in info.data and active_id not in ids:
            raise ValueError(f"active_id {active_id!r} is not the id of an item (ids: {ids[:10]!r})")
        return active_id

    @property
    def entries(self) -> list[PanelEntry]:
        """Each item with its detail ``href`` and active flag.

        The href is ``<detail_url>/<id>`` (a route name is reversed first) or,
        without ``detail_url``, the row's own ``url``; both go through
        :func:`~codex_django.cabinet.links.resolve_link`.
        """
        from ..links import resolve_link  # here, not at the top: links imports this package

        base = resolve_link(self.detail_url).rstrip("/")
        return [
            PanelEntry(
                row=item,
                detail_url=f"{base}/{quote(item.id, safe='')}" if base else resolve_link(item.url),
                active=item.id == self.active_id,
            )
            for item in self.items
        ]


# Booking widgets and modal sections: documented under this module's path.
from .booking import (  # noqa: E402
    BookingChainPreviewData,
    BookingChainPreviewItem,
    BookingQuickCreateClientOption,
    BookingQuickCreateData,
    BookingQuickCreateServiceOption,
    BookingSlotPickerData,
    BookingSlotPickerOption,
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)
from .modal import (  # noqa: E402
    ActionSection,
    ChainPreviewSection,
    FormField,
    FormSection,
    KeyValueItem,
    ModalAction,
    ModalContentData,
    ModalSection,
    ProfileBadge,
    ProfileSection,
    QuickCreateSection,
    SlotPickerSection,
    SummarySection,
)

__all__ = [
    "ActionSection",
    "BookingChainPreviewData",
    "BookingChainPreviewItem",
    "BookingQuickCreateClientOption",
    "BookingQuickCreateData",
    "BookingQuickCreateServiceOption",
    "BookingSlotPickerData",
    "BookingSlotPickerOption",
    "BookingSummaryData",
    "CalendarGridData",
    "CalendarSlot",
    "CardGridData",
    "CardItem",
    "ChainPreviewSection",
    "ClientSelectorData",
    "DataTableData",
    "DataTableRow",
    "DateTimePickerData",
    "FilterTab",
    "FormField",
    "FormSection",
    "KeyValueItem",
    "ListRow",
    "ListViewData",
    "ModalAction",
    "ModalContentData",
    "ModalSection",
    "PanelEntry",
    "PlacedEvent",
    "ProfileBadge",
    "ProfileSection",
    "QuickCreateSection",
    "RowAction",
    "ServiceItem",
    "ServiceSelectorData",
    "SlotPickerSection",
    "SplitPanelData",
    "SummarySection",
    "TableAction",
    "TableColumn",
    "TableFilter",
]
