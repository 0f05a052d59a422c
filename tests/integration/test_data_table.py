"""The ``data_table`` component as a page renders it: markup, states, badges, actions, call syntaxes."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from django.template import Context, Template
from django.template.loader import render_to_string
from pydantic import ValidationError

from codex_django.cabinet.types.data_table import DataTableData, DataTablePage, TableAction, TableFilter
from codex_django.cabinet.types.widgets import TableColumn

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(source: str, **context: Any) -> str:
    return DJC_ID.sub("", Template("{% load i18n %}" + source).render(Context(context)))


def table_html(table: DataTableData, **context: Any) -> str:
    return render('{% component "data_table" table=table / %}', table=table, **context)


def reference_table() -> DataTableData:
    """The reference's example, with rows standing in for ``Appointment.objects.values(...)``."""
    return DataTableData(
        columns=[
            TableColumn(key="name", label="Клиент", bold=True),
            TableColumn(key="date", label="Дата"),
            TableColumn(key="status", label="Статус", badge_key="status_colors"),
        ],
        rows=[
            {"name": "Иван П.", "date": "01.04.2026", "status": "pending", "detail_url": "/booking/1/"},
            {"name": "Анна С.", "date": "31.03.2026", "status": "confirmed", "detail_url": "/booking/2/"},
            {"name": "Олег Т.", "date": "30.03.2026", "status": "confirmed", "detail_url": ""},
        ],
        filters=[
            TableFilter(key="pending", label="Ожидают", value="pending"),
            TableFilter(key="confirmed", label="Подтверждены", value="confirmed"),
        ],
        actions=[TableAction(label="Открыть", url_key="detail_url", icon="bi-eye")],
        search_placeholder="Поиск клиентов...",
    )


def rows_of(html: str) -> list[str]:
    return re.findall(r"<tr data-status.*?</tr>", html, flags=re.S)


# --------------------------------------------------------------------------- the reference example


def test_reference_example_renders_with_the_colour_map_from_the_context() -> None:
    html = table_html(reference_table(), status_colors={"pending": "warning", "confirmed": "success"})
    assert 'placeholder="Поиск клиентов..."' in html
    assert html.count('<th scope="col"') == 4  # three columns and the actions column
    assert (
        '<td class="text-start cab-data-table__cell--bold" data-label="Клиент" role="cell">Иван П.</td>'
        in html
    )
    assert (
        '<span class="cab-status-badge cab-status-badge--warning">'
        '<span class="cab-status-badge__dot" aria-hidden="true"></span>pending</span>'
    ) in html
    assert html.count("cab-status-badge--success") == 2
    rows = rows_of(html)
    assert len(rows) == 3
    assert 'href="/booking/1/" data-modal-url="/booking/1/" @click="openModal"' in rows[0]
    assert 'Открыть<span class="visually-hidden">: Иван П.</span>' in rows[0]
    assert "<a " not in rows[2]  # no URL in the row, no action


def test_filter_bar_has_all_button_counts_and_pressed_state() -> None:
    html = table_html(reference_table())
    buttons = re.findall(r'<button type="button" class="cab-data-table__filter".*?</button>', html)
    assert buttons == [
        '<button type="button" class="cab-data-table__filter" aria-pressed="true" data-value="" '
        '@click="setFilter">All <span class="cab-data-table__count">3</span></button>',
        '<button type="button" class="cab-data-table__filter" aria-pressed="false" data-value="pending" '
        '@click="setFilter">Ожидают <span class="cab-data-table__count">1</span></button>',
        '<button type="button" class="cab-data-table__filter" aria-pressed="false" data-value="confirmed" '
        '@click="setFilter">Подтверждены <span class="cab-data-table__count">2</span></button>',
    ]
    assert 'role="group" aria-label="Filter by status"' in html


def test_a_filter_with_the_empty_value_is_the_all_button() -> None:
    table = reference_table()
    table.filters = [TableFilter(key="any", label="Все"), *table.filters]
    html = table_html(table)
    assert ">All <" not in html
    assert (
        'aria-pressed="true" data-value="" @click="setFilter">Все <span class="cab-data-table__count">3'
        in html
    )


def test_rows_carry_status_search_text_and_sort_ranks() -> None:
    table = DataTableData(
        columns=[
            TableColumn(key="name", label="Name", sortable=True),
            TableColumn(key="amount", label="Amount", align="right", sortable=True),
            TableColumn(key="status", label="Status"),
        ],
        rows=[
            {"name": "Room 10", "amount": "3 500 ₽", "status": "paid"},
            {"name": "room 9", "amount": "950 ₽", "status": None},
            {"name": "Anna", "amount": None, "status": "paid"},
        ],
        choices={"status": {"paid": "Оплачено"}},
    )
    rows = rows_of(table_html(table))
    assert rows[0].startswith(
        '<tr data-status="paid" data-search="room 10 3 500 ₽ оплачено" data-sort="2 2" role="row">'
    )
    assert rows[1].startswith('<tr data-status="" data-search="room 9 950 ₽ " data-sort="1 1" role="row">')
    assert rows[2].startswith(
        '<tr data-status="paid" data-search="anna  оплачено" data-sort="0 0" role="row">'
    )
    assert '<td class="text-start" data-label="Status" role="cell">Оплачено</td>' in rows[0]


def test_sortable_headers_are_buttons_with_aria_sort() -> None:
    table = DataTableData(
        columns=[TableColumn(key="name", label="Name", sortable=True), TableColumn(key="note", label="Note")],
        rows=[{"name": "A", "note": "x"}],
    )
    html = table_html(table)
    assert (
        '<th scope="col" class="text-start" data-column="name" aria-sort="none" role="columnheader">'
        '<button type="button" class="cab-data-table__sort" data-sort-index="0" data-sort-key="name" '
        '@click="sortBy">Name<i class="bi cab-data-table__sort-icon" aria-hidden="true"></i></button></th>'
    ) in html
    assert '<th scope="col" class="text-start" data-column="note" role="columnheader">Note</th>' in html


def test_search_bar_is_hidden_without_placeholder() -> None:
    table = reference_table()
    table.search_placeholder = ""
    html = table_html(table)
    assert 'type="search"' not in html
    assert "cab-data-table__toolbar" not in html
    assert 'type="search"' in table_html(reference_table())
    assert '<span class="visually-hidden">Search</span>' in table_html(reference_table())


def test_scroll_region_is_labelled_and_focusable() -> None:
    html = render('{% component "data_table" table=table label="Записи" / %}', table=reference_table())
    assert (
        '<div class="cab-data-table__scroll" role="region" tabindex="0" aria-label="Записи" x-ref="scroll">'
        in html
    )
    assert '<caption class="visually-hidden">Записи</caption>' in html
    assert 'aria-label="Table"' in table_html(reference_table())


def test_every_cell_carries_its_column_label_for_the_stacked_layout() -> None:
    """Narrow tables print each cell's ``data-label`` before its value (one markup, no second copy of the rows)."""
    html = table_html(reference_table(), status_colors={"pending": "warning"})
    rows = rows_of(html)
    for row in rows:
        labels = re.findall(r'<td class="[^"]*" data-label="([^"]*)" role="cell">', row)
        assert labels == ["Клиент", "Дата", "Статус"]
        assert '<td class="text-end cab-data-table__actions" role="cell">' in row  # no label: actions
    assert html.count("<tr ") == html.count('role="row"') == 1 + len(rows)
    assert '<table class="cab-data-table__table" role="table">' in html
    assert html.count('role="rowgroup"') == 2
    assert html.count('role="columnheader"') == html.count("<th ") == 4
    assert html.count("<td ") == len(rows) * 4  # each row once: three cells and the actions


def test_a_table_with_sortable_columns_turns_its_header_row_into_a_sort_bar_when_stacked() -> None:
    sortable = DataTableData(
        columns=[TableColumn(key="name", label="Name", sortable=True), TableColumn(key="note", label="Note")],
        rows=[{"name": "A", "note": "x"}],
    )
    html = table_html(sortable)
    assert (
        '<thead role="rowgroup" class="cab-data-table__head--sortable">\n'
        '          <tr role="row" data-sort-label="Sort by">'
    ) in html
    html = table_html(reference_table())  # nothing to sort: the header row stays hidden when stacked
    assert '<thead role="rowgroup">' in html and "data-sort-label" not in html


def test_empty_table_shows_the_empty_message_not_the_table() -> None:
    table = DataTableData(columns=reference_table().columns, rows=[], empty_message="Записей нет")
    html = table_html(table)
    assert "<table" not in html
    assert '<p class="cab-empty-state__message">Записей нет</p>' in html
    assert "Nothing matches" not in html
    assert '<p class="cab-empty-state__message">No data</p>' in table_html(
        DataTableData(columns=reference_table().columns, rows=[])
    )


def test_client_side_table_has_a_hidden_no_results_state() -> None:
    html = table_html(reference_table())
    assert '<div class="cab-data-table__no-results" x-ref="noResults" hidden>' in html
    assert "Nothing matches the search or filter." in html


# --------------------------------------------------------------------------- badges and icons


def test_payload_badge_maps_win_over_the_context_and_unknown_values_are_secondary() -> None:
    table = reference_table()
    table.badge_maps = {"status_colors": {"pending": "danger"}}
    html = table_html(table, status_colors={"pending": "warning", "confirmed": "success"})
    assert "cab-status-badge--danger" in html
    assert "cab-status-badge--warning" not in html
    assert html.count("cab-status-badge--secondary") == 2  # "confirmed" is not in the payload's map


def test_badge_without_any_mapping_is_secondary_and_keeps_its_text() -> None:
    html = table_html(reference_table())
    assert (
        html.count('cab-status-badge--secondary"><span class="cab-status-badge__dot" aria-hidden="true">')
        == 3
    )
    assert "></span>confirmed</span>" in html


def test_context_colour_outside_the_palette_fails_with_its_name() -> None:
    with pytest.raises(ValueError) as error:
        table_html(reference_table(), status_colors={"pending": "pink"})
    assert str(error.value).splitlines()[-1] == (
        "data_table: badge map 'status_colors' gives 'pending' the colour 'pink'; use one of "
        "['danger', 'dark', 'info', 'light', 'primary', 'secondary', 'success', 'warning']"
    )


def test_context_mapping_must_be_a_mapping() -> None:
    with pytest.raises(
        TypeError, match="badge_key 'status_colors' names a context variable that is not a mapping"
    ):
        table_html(reference_table(), status_colors=["warning"])


def test_payload_badge_colours_are_validated() -> None:
    with pytest.raises(ValidationError, match=r"badge_maps\.status_colors\.pending"):
        DataTableData(columns=[], rows=[], badge_maps={"status_colors": {"pending": "pink"}})


def test_icons_from_payload_and_context() -> None:
    table = DataTableData(
        columns=[TableColumn(key="kind", label="Kind", icon_key="kinds")],
        rows=[{"kind": "call"}, {"kind": "visit"}, {"kind": "other"}],
        icon_maps={"kinds": {"call": "bi-telephone"}},
    )
    rows = rows_of(table_html(table))
    assert (
        '<td class="text-start" data-label="Kind" role="cell">'
        '<i class="bi bi-telephone cab-data-table__icon" aria-hidden="true"></i>call</td>' in rows[0]
    )
    assert '<td class="text-start" data-label="Kind" role="cell">other</td>' in rows[2]
    table.icon_maps = {}
    rows = rows_of(table_html(table, kinds={"visit": "bi-shop"}))
    assert "bi-shop" in rows[1] and "<i " not in rows[0]
    with pytest.raises(ValueError, match="icon map 'kinds' gives 'call' the icon 'fa-phone'"):
        table_html(table, kinds={"call": "fa-phone"})


def test_badge_and_icon_together_render_one_badge_with_the_icon() -> None:
    table = DataTableData(
        columns=[TableColumn(key="status", label="Status", badge_key="c", icon_key="i")],
        rows=[{"status": "ok"}],
        badge_maps={"c": {"ok": "success"}},
        icon_maps={"i": {"ok": "bi-check2"}},
    )
    assert (
        '<td class="text-start" data-label="Status" role="cell">'
        '<span class="cab-status-badge cab-status-badge--success">'
        '<i class="bi bi-check2" aria-hidden="true"></i>ok</span></td>'
    ) in table_html(table)


# --------------------------------------------------------------------------- actions, escaping, CSP


def test_action_styles() -> None:
    table = DataTableData(
        columns=[TableColumn(key="name", label="Name")],
        rows=[{"name": "A", "view": "/a/", "del": "https://example.com/a/delete/", "route": "login"}],
        actions=[
            TableAction(label="View", url_key="view"),
            TableAction(label="Delete", url_key="del", icon="bi-trash", style="btn-danger"),
            TableAction(label="Edit", url_key="edit", style="btn-primary", url="/fixed/"),
            TableAction(label="Login", url_key="route", style="btn-primary"),
        ],
    )
    row = rows_of(table_html(table))[0]
    assert (
        '<a class="cab-data-table__action cab-data-table__action--link" href="/a/" data-modal-url="/a/" '
        '@click="openModal">View<span class="visually-hidden">: A</span></a>'
    ) in row
    assert (
        '<a class="cab-data-table__action btn btn-sm btn-danger" href="https://example.com/a/delete/">'
        '<i class="bi bi-trash" aria-hidden="true"></i>Delete'
    ) in row
    assert 'href="/fixed/">Edit' in row
    assert 'href="/login/">Login' in row  # a route name in the row is reversed


def test_everything_user_supplied_is_escaped_and_no_inline_style_or_script() -> None:
    table = DataTableData(
        columns=[TableColumn(key="name", label="<i>Name</i>", sortable=True)],
        rows=[{"name": '<script>alert("x")</script>', "status": '"><b>', "url": "/a/?x=<b>"}],
        filters=[TableFilter(key="odd", label="<b>Odd</b>", value='"><b>')],
        actions=[TableAction(label="<b>Open</b>", url_key="url")],
        search_placeholder='"><script>',
    )
    html = render('{% component "data_table" table=table label="<b>L</b>" / %}', table=table)
    assert "<script" not in html and "<b>" not in html and "<i>Name" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert 'data-status="&quot;&gt;&lt;b&gt;"' in html
    assert 'href="/a/?x=&lt;b&gt;"' in html
    assert 'data-label="&lt;i&gt;Name&lt;/i&gt;"' in html
    assert "style=" not in html


def test_unsafe_action_url_in_a_row_is_rejected_when_the_table_is_built() -> None:
    with pytest.raises(ValidationError, match=r"rows\.0\.url"):
        DataTableData(
            columns=[TableColumn(key="name", label="Name")],
            rows=[{"name": "A", "url": "javascript:alert(1)"}],
            actions=[TableAction(label="Open", url_key="url")],
        )


def test_wrong_kwarg_type_names_the_component() -> None:
    with pytest.raises(TypeError, match="data_table: kwarg 'table' must be DataTableData, got dict"):
        render('{% component "data_table" table=table / %}', table={"columns": []})


# --------------------------------------------------------------------------- contract extensions


def test_extensions_must_name_columns() -> None:
    with pytest.raises(ValidationError, match=r"choices: no column keyed 'state'"):
        DataTableData(columns=[TableColumn(key="status", label="S")], rows=[], choices={"state": {}})
    with pytest.raises(ValidationError, match=r"sort_values: no column keyed 'when'"):
        DataTableData(columns=[TableColumn(key="status", label="S")], rows=[], sort_values={"when": "x"})
    with pytest.raises(ValidationError, match=r"page.sort: '-status' does not name a sortable column"):
        DataTableData(
            columns=[TableColumn(key="status", label="S")], rows=[], page=DataTablePage(sort="-status")
        )


def test_page_arithmetic() -> None:
    page = DataTablePage(number=3, size=50, total=120)
    assert (page.page_count, page.first_row, page.last_row, page.has_previous, page.has_next) == (
        3,
        101,
        120,
        True,
        False,
    )
    empty = DataTablePage(total=0)
    assert (empty.page_count, empty.first_row, empty.last_row, empty.has_next) == (1, 0, 0, False)
    with pytest.raises(ValidationError, match="number"):
        DataTablePage(number=0)
    with pytest.raises(ValidationError, match="url"):
        DataTablePage(url="javascript:alert(1)")


def test_v1_fields_and_defaults_are_unchanged() -> None:
    import dataclasses

    names = [field.name for field in dataclasses.fields(DataTableData)]
    assert names[:6] == ["columns", "rows", "filters", "actions", "search_placeholder", "empty_message"]
    assert names[6:11] == ["badge_maps", "icon_maps", "choices", "sort_values", "page"]
    assert names[11:] == [
        "url_state",
        "column_menu",
        "hidden_columns",
        "locked_columns",
        "row_key",
        "bulk_actions",
        "export",
    ]
    table = DataTableData(columns=[], rows=[])
    assert (table.badge_maps, table.icon_maps, table.choices, table.sort_values, table.page) == (
        {},
        {},
        {},
        {},
        None,
    )
    assert (table.url_state, table.column_menu, table.hidden_columns, table.locked_columns) == (
        True,
        False,
        [],
        [],
    )
    assert (table.row_key, table.bulk_actions, table.export) == ("id", [], None)


# --------------------------------------------------------------------------- three call syntaxes


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return DJC_ID.sub("", render_to_string(name, context)).strip()


SERVER_TABLE = DataTableData(
    columns=[TableColumn(key="name", label="Name", sortable=True)],
    rows=[{"name": "A"}],
    filters=[TableFilter(key="a", label="A", value="a")],
    search_placeholder="Search",
    page=DataTablePage(number=2, size=1, total=3, url="/people/", sort="-name", counts={"a": 1}),
)


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
@pytest.mark.parametrize(
    ("context", "kwargs", "cotton", "include"),
    [
        (
            {"t": reference_table(), "status_colors": {"pending": "warning"}},
            "table=t",
            ':table="t"',
            "table=t",
        ),
        (
            {"t": reference_table()},
            'table=t label="Записи" id="bookings"',
            ':table="t" label="Записи" id="bookings"',
            'table=t label="Записи" id="bookings"',
        ),
        ({"t": SERVER_TABLE}, 'table=t id="people"', ':table="t" id="people"', 'table=t id="people"'),
    ],
    ids=["reference", "label-and-id", "server-side"],
)
def test_three_syntaxes_render_identical_html(
    pages: Path, settings: Any, debug: bool, context: dict[str, Any], kwargs: str, cotton: str, include: str
) -> None:
    settings.DEBUG = debug
    expected = render_page(pages, "component.html", f'{{% component "data_table" {kwargs} / %}}', context)
    assert expected.startswith('<div class="cab-data-table')
    assert render_page(pages, "cotton.html", f"<c-cabinet.data-table {cotton} />", context) == expected
    assert (
        render_page(
            pages,
            "include.html",
            f'{{% include "cabinet/components/data_table.html" with {include} %}}',
            context,
        )
        == expected
    )
