"""list_view: rows, the modal-or-page rule, row actions, search data, the three call syntaxes."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from django.template import engines
from django.template.loader import render_to_string

from codex_django.cabinet.types.collections import ListRow, ListViewData
from codex_django.cabinet.types.data_table import TableAction

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def squash(html: str) -> str:
    html = DJC_ID.sub("", html)
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"\s+", " ", html).strip()


def list_view(data: Any) -> str:
    return squash(engines["django"].from_string('{% component "list_view" list=l / %}').render({"l": data}))


ROW = ListRow(
    id="1",
    primary="Appointment confirmed",
    secondary="Anna Smith · SMS",
    meta="01.04 09:12",
    avatar="AS",
    url="/cabinet/notifications/1/",
    actions=[
        TableAction("Open", "", icon="bi-eye"),
        TableAction("Resend", "", style="btn-primary", url="/cabinet/notifications/1/resend/"),
        TableAction("Delete", "", icon="bi-trash", style="btn-danger", url="booking:new"),
    ],
)


def test_a_row_opening_in_the_modal_with_every_action_style() -> None:
    html = list_view(ListViewData(rows=[ROW]))
    assert (
        (
            '<li class="cab-list-view__row cab-list-view__row--link" data-search="appointment confirmed anna smith · sms">'
            '<span class="cab-avatar cab-avatar--md cab-avatar--tone-2" aria-hidden="true">AS</span>'
            '<div class="cab-list-view__main">'
            '<a class="cab-list-view__link" href="/cabinet/notifications/1/" title="Appointment confirmed Anna Smith · SMS" '
            'data-roving aria-haspopup="dialog" x-bind="modalLink">Appointment confirmed</a>'  # (squash() folds the newline)
            '<span class="cab-list-view__secondary" title="Anna Smith · SMS">Anna Smith · SMS</span></div>'
            '<span class="cab-list-view__meta" title="01.04 09:12">01.04 09:12</span>'
            '<div class="cab-list-view__actions">'
            '<a class="btn btn-sm btn-link cab-list-view__action" href="/cabinet/notifications/1/" data-roving '
            'aria-haspopup="dialog" x-bind="modalLink"><i class="bi bi-eye" aria-hidden="true"></i><span>Open</span>'
            '<span class="visually-hidden">(Appointment confirmed)</span></a>'
            '<a class="btn btn-sm btn-primary cab-list-view__action" href="/cabinet/notifications/1/resend/" '
            'data-roving><span>Resend</span><span class="visually-hidden">(Appointment confirmed)</span></a>'
            '<a class="btn btn-sm btn-danger cab-list-view__action" href="/cabinet/booking/new/" data-roving>'
            '<i class="bi bi-trash" aria-hidden="true"></i><span>Delete</span>'
            '<span class="visually-hidden">(Appointment confirmed)</span></a>'
            "</div></li>"
        )
        in html
    )
    assert html.startswith(
        '<div class="cab-list-view" x-data="cabListView" x-bind="root" data-open-in="modal" data-page-size="25">'
    )


def test_open_in_page_makes_the_row_a_plain_link_while_link_actions_still_open_the_modal() -> None:
    html = list_view(ListViewData(rows=[ROW], open_in="page"))
    assert html.startswith(
        '<div class="cab-list-view" x-data="cabListView" x-bind="root" data-open-in="page" data-page-size="25">'
    )
    assert (
        '<a class="cab-list-view__link" href="/cabinet/notifications/1/" '
        'title="Appointment confirmed Anna Smith · SMS" data-roving>Appointment confirmed</a>'
    ) in html
    assert (
        'cab-list-view__action" href="/cabinet/notifications/1/" data-roving aria-haspopup="dialog" x-bind'
        in html
    )


def test_a_row_without_url_has_no_link_and_no_tab_stop() -> None:
    html = list_view(ListViewData(rows=[ListRow(id="9", primary="Weekly report", secondary="System")]))
    assert (
        '<li class="cab-list-view__row" data-search="weekly report system"><div class="cab-list-view__main">'
        '<span class="cab-list-view__primary" title="Weekly report">Weekly report</span>'
        '<span class="cab-list-view__secondary" title="System">System</span></div></li>'
    ) in html


def test_search_bar_and_no_results_message() -> None:
    html = list_view(ListViewData(rows=[ROW], search_placeholder="Поиск уведомлений…"))
    assert (
        '<div class="cab-list-view__toolbar"><label class="cab-collection-search cab-list-view__search">'
        '<span class="visually-hidden">Search</span>'
        '<i class="bi bi-search cab-collection-search__icon" aria-hidden="true"></i>'
        '<input class="form-control form-control-sm cab-collection-search__input" type="search" '
        'placeholder="Поиск уведомлений…" autocomplete="off" x-bind="search"/></label></div>'
    ) in html
    assert '<ul class="cab-list-view__rows" x-ref="rows" x-bind="rows">' in html
    assert (
        '<p class="cab-list-view__no-results" role="status" hidden x-bind="noResults">'
        "No rows match your search.</p>"
    ) in html
    assert "cab-list-view__search" not in list_view(ListViewData(rows=[ROW]))


def test_escaping() -> None:
    row = ListRow(id="1", primary="<script>x()</script>", secondary='"a" & b', url="/m/1/?a=1&b=2")
    html = list_view(ListViewData(rows=[row]))
    assert "<script>" not in html
    assert 'href="/m/1/?a=1&amp;b=2"' in html
    assert ">&lt;script&gt;x()&lt;/script&gt;</a>" in html
    assert 'data-search="&lt;script&gt;x()&lt;/script&gt; &quot;a&quot; &amp; b"' in html


def test_empty_list_shows_the_empty_state() -> None:
    html = list_view(ListViewData(rows=[], search_placeholder="Search"))
    assert html == (
        '<div class="cab-list-view" x-data="cabListView" x-bind="root" data-open-in="modal" data-page-size="25">'
        '<div class="cab-empty-state">'
        '<span class="cab-empty-state__icon" aria-hidden="true"><i class="bi bi-list-ul"></i></span>'
        '<p class="cab-empty-state__message">No data</p></div></div>'
    )


def test_rejects_a_list_instead_of_the_contract() -> None:
    with pytest.raises(TypeError, match=r"list_view: kwarg 'list' must be ListViewData, got list"):
        list_view([ROW])


def test_open_in_accepts_modal_or_page_only() -> None:
    assert ListViewData(rows=[]).open_in == "modal"
    with pytest.raises(Exception, match=r"(?s)ListViewData.*open_in.*'modal' or 'page'.*'dialog'"):
        ListViewData(rows=[], open_in="dialog")  # type: ignore[arg-type]


def test_row_search_text() -> None:
    assert ROW.search_text == "appointment confirmed anna smith · sms"
    assert ListRow(id="1", primary="Только").search_text == "только"


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return DJC_ID.sub("", render_to_string(name, context)).strip()


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
@pytest.mark.parametrize(
    "data",
    [
        ListViewData(rows=[ROW, ListRow(id="2", primary="Иван")], search_placeholder="Поиск"),
        ListViewData(rows=[]),
    ],
    ids=["rows", "empty"],
)
def test_three_syntaxes_render_identical_html(
    pages: Path, settings: Any, data: ListViewData, debug: bool
) -> None:
    settings.DEBUG = debug
    context = {"l": data}
    expected = render_page(pages, "component.html", '{% component "list_view" list=l / %}', context)
    assert expected.startswith('<div class="cab-list-view"')
    assert render_page(pages, "cotton.html", '<c-cabinet.list-view :list="l" />', context) == expected
    include = '{% include "cabinet/components/list_view.html" with list=l %}'
    assert render_page(pages, "include.html", include, context) == expected
