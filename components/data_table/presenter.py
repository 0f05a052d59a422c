"""What the ``data_table`` template prints, computed once in Python.

:func:`present_table` turns a :class:`~codex_django.cabinet.types.data_table.DataTableData`
(plus the template context, which may hold the ``badge_key``/``icon_key``
mappings) into a :class:`DataTableView`: headers with their sort state, rows
as tuples of display strings and classes (typed cell values, ``date``,
``datetime``, ``Decimal``..., in the active language's format through
:func:`~codex_django.cabinet.formatting.format_value`, while client-side
sorting ranks them by value), each row's status, lower-cased
search text and sort ranks (``data-`` attributes the Alpine component reads),
resolved action URLs, filter buttons with counts, and in server-side mode the
HTMX URLs of every control and the pager. The template only loops and prints.

Badges reuse the ``status_badge`` component: it is rendered once per distinct
(text, colour) pair and the HTML is reused for every cell with that pair, so
a 1,000-row status column costs a handful of component renders, not 1,000.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from typing import Any, NamedTuple, TypedDict, get_args
from urllib.parse import urlencode

from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from pydantic import TypeAdapter

from codex_django.cabinet.components.data_table.tools import TableTools, present_tools
from codex_django.cabinet.formatting import format_value
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.tables.sort_keys import column_ranks
from codex_django.cabinet.types.data_table import (
    PAGE_PARAM,
    SEARCH_PARAM,
    SORT_PARAM,
    STATUS_PARAM,
    DataTableData,
    DataTablePage,
    TableFilter,
)
from codex_django.cabinet.types.fields import IconName
from codex_django.cabinet.types.widgets import BadgeStyle, TableColumn, display_text

ALIGN_CLASSES = {"left": "text-start", "center": "text-center", "right": "text-end"}
BADGE_COLOURS = frozenset(get_args(BadgeStyle))
DEFAULT_BADGE_COLOUR = "secondary"
ALL_FILTER_KEY = "all"
ACTION_CLASSES = {
    "link": "cab-data-table__action cab-data-table__action--link",
    "btn-primary": "cab-data-table__action btn btn-sm btn-primary",
    "btn-danger": "cab-data-table__action btn btn-sm btn-danger",
}
HIDDEN_CLASS = " cab-data-table__off"
ARIA_SORT = {"": "none", "asc": "ascending", "desc": "descending"}
_RENDER_MARK = re.compile(r' data-djc-id-\w+=""')
_ICON = TypeAdapter(IconName)


class Header(NamedTuple):
    """A column header; ``sort_index`` is the column's position in each row's ``data-sort``."""

    key: str
    label: str | Promise
    classes: str
    sortable: bool
    sort_index: int
    aria_sort: str
    sort_url: str


# Rows are dicts and actions tuples the template unpacks in its for tags: Django
# resolves ``row.status`` on a dict at the first try, while on an object it first tries
# (and fails) ``row["status"]``; fewer exceptions and allocations per cell is what keeps
# a 1,000-row render cheap (and the garbage collector quiet).


def cell_opening(classes: str, label: str) -> str:
    """A column's ``<td …>`` (once per render); ``label`` is its escaped header text (``data-label``).

    The stacked (card-per-row) layout of narrow tables prints ``data-label`` before the value.
    """
    return f'<td class="{escape(classes)}" data-label="{label}" role="cell">'


def cell_html(opening: str, text: str, badge: str = "", icon: str = "") -> str:
    """One ``<td>``: the badge HTML, or the icon and the text, escaped as the template would.

    The cells of a row are rendered here, in Python, and the template prints them as
    one string (``{{ row.cells }}``), as Django admin's changelist does: the template
    tags and variables of a cell, times seven columns and a hundred rows, were half of
    a whole page's render (``bench/bench_full_page.py``).
    """
    if badge:
        return f"{opening}{badge}</td>"
    if icon:
        return f'{opening}<i class="bi {escape(icon)} cab-data-table__icon" aria-hidden="true"></i>{conditional_escape(text)}</td>'
    return f"{opening}{conditional_escape(text)}</td>"


class Action(NamedTuple):
    """A row action (unpacked in the template) with its resolved URL; ``modal`` ones dispatch ``open-modal``."""

    label: str | Promise
    url: str
    icon: str
    classes: str
    modal: bool


class Row(TypedDict):
    """One ``<tr>``: cells, ``data-status``, ``data-search``, ``data-sort``, actions and the row's name.

    ``name`` (the first cell's text) completes each action's accessible name ("Open: Anna Smith").
    """

    cells: SafeString  # the row's <td>s (cell_html), in column order
    status: str
    search: str
    ranks: str
    actions: list[Action]
    name: str
    key: str


class FilterButton(NamedTuple):
    """A filter button: ``value`` ``""`` is "all"; ``count_label`` the formatted count (``""``: none)."""

    key: str
    label: str | Promise
    value: str
    count_label: str
    pressed: bool
    url: str


class Pager(NamedTuple):
    """Server-side mode's pager: what it says and where previous/next go (``""``: disabled)."""

    summary: str
    page_label: str
    previous_url: str
    next_url: str


class DataTableView(NamedTuple):
    """Everything ``data_table.html`` prints."""

    headers: list[Header]
    rows: list[Row]
    filters: list[FilterButton]
    has_actions: bool
    search_placeholder: str | Promise
    search_value: str
    state: str  # "rows", "empty" or "no_results"
    empty_message: str | Promise
    no_results_message: str | Promise
    server: bool
    base_url: str
    status: str
    sort: str
    pager: Pager | None
    total: int
    sortable: bool  # any sortable column: the stacked layout shows the header row as a sort bar
    sort_label: str | Promise
    url_state: bool  # client-side mode mirrors search, filter and sort in the URL
    tools: TableTools


def column_classes(column: TableColumn) -> str:
    """Cell classes of a column: alignment (logical, so RTL mirrors), bold, muted."""
    classes = [ALIGN_CLASSES[column.align]]
    if column.bold:
        classes.append("cab-data-table__cell--bold")
    if column.muted:
        classes.append("cab-data-table__cell--muted")
    return " ".join(classes)


def named_mapping(
    table_maps: Mapping[str, Mapping[str, str]], key: str, context: Any, what: str
) -> Mapping[str, str]:
    """The mapping a column's ``badge_key``/``icon_key`` names: the payload's first, then the context's."""
    if key in table_maps:
        return table_maps[key]
    found = context.get(key) if context is not None else None
    if found is None:
        return {}
    if not isinstance(found, Mapping):
        raise TypeError(
            f"data_table: {what} {key!r} names a context variable that is not a mapping "
            f"({type(found).__name__})"
        )
    return found


class _Badges:
    """status_badge HTML per distinct (text, colour), rendered on first use."""

    def __init__(self) -> None:
        self.cache: dict[tuple[str, str, str], str] = {}

    def html(self, text: str, colour: str, icon: str = "") -> str:
        key = (text, colour, icon)
        if key not in self.cache:
            from django_components import registry

            badge = registry.get("status_badge")
            kwargs = {"text": text, "style": colour, "icon": icon}
            rendered = str(badge.render(kwargs=kwargs, deps_strategy="ignore"))
            # status_badge's template escapes the text, so its output is safe to print as is;
            # the random data-djc-id attribute would make every render differ.
            self.cache[key] = SafeString(_RENDER_MARK.sub("", rendered).strip())
        return self.cache[key]


def _colour_for(mapping: Mapping[str, str], value: str, key: str) -> str:
    colour = mapping.get(value, DEFAULT_BADGE_COLOUR)
    if colour not in BADGE_COLOURS:
        raise ValueError(
            f"data_table: badge map {key!r} gives {value!r} the colour {colour!r}; "
            f"use one of {sorted(BADGE_COLOURS)!r}"
        )
    return str(colour)


def _icon_for(mapping: Mapping[str, str], value: str, key: str) -> str:
    icon = mapping.get(value, "")
    if not icon:
        return ""
    try:
        return str(_ICON.validate_python(icon))
    except ValueError as error:
        raise ValueError(f"data_table: icon map {key!r} gives {value!r} the icon {icon!r}: {error}") from None


def query_url(base: str, **params: str | int) -> str:
    """``base`` with the non-empty ``params`` as its query string."""
    query = urlencode(
        [(name, value) for name, value in params.items() if value and not (name == PAGE_PARAM and value == 1)]
    )
    if not query:
        return base or "?"
    return f"{base}{'&' if '?' in base else '?'}{query}"


def _filter_buttons(
    table: DataTableData, statuses: list[str], page: DataTablePage | None, state_url: Any
) -> list[FilterButton]:
    if not table.filters:
        return []
    filters: list[TableFilter] = list(table.filters)
    if not any(item.value == "" for item in filters):
        filters.insert(0, TableFilter(key=ALL_FILTER_KEY, label=_("All"), value=""))
    current = page.status if page is not None else ""
    if page is None:
        counts = Counter(statuses)
        total = len(statuses)
    buttons = []
    for item in filters:
        if page is None:
            count: int | None = total if item.value == "" else counts.get(item.value, 0)
        else:
            count = page.counts.get(item.key)
        buttons.append(
            FilterButton(
                key=item.key,
                label=item.label,
                value=item.value,
                count_label="" if count is None else number_format(count, force_grouping=True),
                pressed=item.value == current,
                url=state_url(status=item.value, page=1) if page is not None else "",
            )
        )
    return buttons


def _shown(raw: Any, formatted: dict[tuple[type, str], str]) -> str:
    """A typed cell value's display text, formatted once per distinct value in a render.

    Django's l10n costs about 0.1 ms a call (``date_format`` more): a column of
    1,000 dates holds a few hundred distinct ones. The key keeps the type and
    the exact text, so ``Decimal("1.0")`` and ``Decimal("1.00")`` stay apart.
    """
    key = (type(raw), str(raw))
    text = formatted.get(key)
    if text is None:
        text = formatted[key] = format_value(raw)
    return text


def present_table(
    table: DataTableData, context: Any = None, *, request_path: str = "", dom_id: str = "cab-data-table"
) -> DataTableView:
    """The :class:`DataTableView` of ``table``; ``context`` supplies ``badge_key``/``icon_key`` mappings.

    ``dom_id`` is the component's root id (its column choice is remembered under it).
    """
    page = table.page
    columns = table.columns
    off = set(table.hidden_columns)  # hidden until the user's column choice (if any) shows them
    classes = [column_classes(column) + (HIDDEN_CLASS if column.key in off else "") for column in columns]
    badge_maps = [
        (named_mapping(table.badge_maps, column.badge_key, context, "badge_key"), column.badge_key)
        if column.badge_key
        else None
        for column in columns
    ]
    icon_maps = [
        (named_mapping(table.icon_maps, column.icon_key, context, "icon_key"), column.icon_key)
        if column.icon_key
        else None
        for column in columns
    ]
    labels = [table.choices.get(column.key) for column in columns]
    names = [escape(str(column.label)) for column in columns]  # lazy labels: translated once, not per cell
    keys = [column.key for column in columns]
    plain = [
        badge is None and icon is None and label is None
        for badge, icon, label in zip(badge_maps, icon_maps, labels, strict=True)
    ]
    badges = _Badges()

    # Server-side mode: every control is an HTMX GET of base_url with the state in the query.
    base_url = ""
    if page is not None:
        base_url = resolve_link(page.url) if page.url else request_path

    def state_url(**changes: str | int) -> str:
        """The page URL with the current state, ``changes`` applied (keyword names are the query parameters)."""
        return state_on(base_url, **changes)

    def state_on(base: str, **changes: str | int) -> str:
        """``base`` with the current state, ``changes`` applied."""
        state: dict[str, str | int] = (
            {
                SEARCH_PARAM: page.search,
                STATUS_PARAM: page.status,
                SORT_PARAM: page.sort,
                PAGE_PARAM: page.number,
            }
            if page is not None
            else {}
        )
        state.update(changes)
        return query_url(base, **state)

    sortable = [index for index, column in enumerate(columns) if column.sortable]
    headers = []
    for index, column in enumerate(columns):
        direction = ""
        if page is not None and page.sort_key == column.key:
            direction = "desc" if page.descending else "asc"
        sort_url = ""
        if page is not None and column.sortable:
            sort_url = state_url(sort=column.key if direction != "asc" else f"-{column.key}", page=1)
        headers.append(
            Header(
                key=column.key,
                label=column.label,
                classes=ALIGN_CLASSES[column.align] + (HIDDEN_CLASS if column.key in off else ""),
                sortable=column.sortable,
                sort_index=sortable.index(index) if column.sortable else -1,
                aria_sort=ARIA_SORT[direction],
                sort_url=sort_url,
            )
        )

    ranks_by_column = []
    if page is None:
        for index in sortable:
            source = table.sort_values.get(keys[index], keys[index])
            ranks_by_column.append(column_ranks([row.get(source) for row in table.rows]))

    openings = [cell_opening(column_class, name) for column_class, name in zip(classes, names, strict=True)]
    rows: list[Row] = []
    statuses: list[str] = []
    formatted: dict[tuple[type, str], str] = {}
    actions = table.actions
    action_labels = [escape(str(action.label)) for action in actions]  # printed in every row
    row_key = table.row_key if table.bulk_actions else ""
    for number, row in enumerate(table.rows):
        cells = []
        texts = []
        for index, key in enumerate(keys):
            raw = row.get(key)
            # Text as is (the fast path); typed values (dates, Decimals, ...) in the active language.
            shown = raw if type(raw) is str else _shown(raw, formatted)
            if plain[index]:
                cells.append(cell_html(openings[index], shown))
                texts.append(shown)
                continue
            value = "" if raw is None else str(raw)  # the key of the choices/badge/icon mappings
            label = labels[index]
            text = str(label[value]) if label is not None and value in label else shown
            badge = ""
            icon = ""
            if icon_maps[index] is not None:
                mapping, map_key = icon_maps[index]  # type: ignore[misc]
                icon = _icon_for(mapping, value, map_key)
            if badge_maps[index] is not None and text:
                mapping, map_key = badge_maps[index]  # type: ignore[misc]
                badge = badges.html(text, _colour_for(mapping, value, map_key), icon)
            cells.append(cell_html(openings[index], text, badge, icon))
            texts.append(text)
        status = display_text(row.get("status"))
        statuses.append(status)
        row_actions = []
        for action, action_label in zip(actions, action_labels, strict=True):
            url = action.url or row.get(action.url_key) or ""
            if not url:
                continue
            url = str(url)
            href = url if url[:1] in "/?#" or url.startswith(("http://", "https://")) else resolve_link(url)
            row_actions.append(
                Action(action_label, href, action.icon, ACTION_CLASSES[action.style], action.style == "link")
            )
        rows.append(
            {
                "cells": SafeString("".join(cells)),
                "status": status,
                "search": " ".join(texts).lower(),
                "ranks": " ".join(str(ranks[number]) for ranks in ranks_by_column),
                "actions": row_actions,
                "name": texts[0] if texts else "",
                "key": str(row.get(row_key)) if row_key else "",  # an id: never localised ("1,234")
            }
        )

    filters = _filter_buttons(table, statuses, page, state_url)
    searching = bool(page is not None and (page.search or page.status))
    if table.rows:
        state = "rows"
    elif searching:
        state = "no_results"
    else:
        state = "empty"
    pager = _pager(page, state_url) if page is not None else None
    return DataTableView(
        headers=headers,
        rows=rows,
        filters=filters,
        has_actions=bool(actions),
        search_placeholder=table.search_placeholder,
        search_value=page.search if page is not None else "",
        state=state,
        empty_message=table.empty_message,
        no_results_message=_("Nothing matches the search or filter."),
        server=page is not None,
        base_url=base_url,
        status=page.status if page is not None else "",
        sort=page.sort if page is not None else "",
        pager=pager,
        total=page.total if page is not None else len(rows),
        sortable=bool(sortable),
        sort_label=_("Sort by"),
        url_state=page is None and table.url_state,
        tools=present_tools(table, dom_id, state_on),
    )


def _pager(page: DataTablePage, state_url: Any) -> Pager:
    summary = gettext("Rows %(first)s–%(last)s of %(total)s") % {
        "first": number_format(page.first_row, force_grouping=True),
        "last": number_format(page.last_row, force_grouping=True),
        "total": number_format(page.total, force_grouping=True),
    }
    page_label = gettext("Page %(number)s of %(count)s") % {
        "number": number_format(page.number, force_grouping=True),
        "count": number_format(page.page_count, force_grouping=True),
    }
    return Pager(
        summary=summary,
        page_label=page_label,
        previous_url=state_url(page=page.number - 1) if page.has_previous else "",
        next_url=state_url(page=page.number + 1) if page.has_next else "",
    )
