"""split_panel: items as HTMX links with history, the server-side detail slot, the load fallback,
the empty message, and the three call syntaxes (with and without the detail)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from django.template import engines
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe

from codex_django.cabinet.types.collections import ListRow, SplitPanelData

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def squash(html: str) -> str:
    html = DJC_ID.sub("", html)
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"\s+", " ", html).strip()


def render(source: str, **context: Any) -> str:
    return squash(engines["django"].from_string(source).render(context))


def split_panel(panel: Any) -> str:
    return render('{% component "split_panel" panel=p / %}', p=panel)


ROWS = [
    ListRow(id="42", primary="Rescheduling", secondary="Anna: 15:00?", meta="01.04", avatar="AS"),
    ListRow(id="43", primary="Colouring", secondary="Boris: how long?", meta="31.03"),
]
BACK = (
    '<div class="cab-split-panel__back"><button class="btn btn-sm btn-link cab-split-panel__back-button" '
    'type="button" x-bind="back"><i class="bi bi-arrow-left" aria-hidden="true"></i>Back to list</button></div>'
)


def test_nothing_selected_lists_the_items_and_shows_the_empty_message() -> None:
    html = split_panel(
        SplitPanelData(items=ROWS, detail_url="/cabinet/conversations", empty_message="Выберите")
    )
    assert html == (
        '<div class="cab-panel cab-split-panel" x-data="cabSplitPanel" x-bind="root" data-view="list" '
        'hx-target="#split-panel-detail" hx-swap="innerHTML">'
        '<div class="cab-split-panel__list"><ul class="cab-split-panel__items" x-ref="items" x-bind="itemList">'
        '<li class="cab-split-panel__entry"><a class="cab-split-panel__item" href="/cabinet/conversations/42" '
        'hx-get="/cabinet/conversations/42" hx-push-url="/cabinet/conversations/42">'
        '<span class="cab-avatar cab-avatar--md cab-avatar--tone-3" aria-hidden="true">AS</span>'
        '<span class="cab-split-panel__text"><span class="cab-split-panel__primary">Rescheduling</span>'
        '<span class="cab-split-panel__secondary">Anna: 15:00?</span></span>'
        '<span class="cab-split-panel__meta">01.04</span></a></li>'
        '<li class="cab-split-panel__entry"><a class="cab-split-panel__item" href="/cabinet/conversations/43" '
        'hx-get="/cabinet/conversations/43" hx-push-url="/cabinet/conversations/43">'
        '<span class="cab-split-panel__text"><span class="cab-split-panel__primary">Colouring</span>'
        '<span class="cab-split-panel__secondary">Boris: how long?</span></span>'
        '<span class="cab-split-panel__meta">31.03</span></a></li></ul></div>'
        '<section class="cab-split-panel__detail" aria-label="Details">'
        + BACK
        + '<div class="cab-split-panel__detail-body" id="split-panel-detail" tabindex="-1" x-ref="detail">'
        '<div class="cab-empty-state"><span class="cab-empty-state__icon" aria-hidden="true">'
        '<i class="bi bi-layout-split"></i></span><p class="cab-empty-state__message">Выберите</p></div>'
        "</div></section></div>"
    )


def test_active_item_with_the_detail_slot_renders_server_side() -> None:
    panel = SplitPanelData(items=ROWS, active_id="43", detail_url="/cabinet/conversations")
    html = render(
        '{% component "split_panel" panel=p %}{% fill "detail" %}<h2>{{ title }}</h2>{% endfill %}{% endcomponent %}',
        p=panel,
        title="Colouring <b>",
    )
    assert 'data-view="detail"' in html
    assert (
        'href="/cabinet/conversations/43" hx-get="/cabinet/conversations/43" '
        'hx-push-url="/cabinet/conversations/43" aria-current="true">'
    ) in html
    assert html.count("aria-current") == 1
    assert (
        '<div class="cab-split-panel__detail-body" id="split-panel-detail" tabindex="-1" x-ref="detail">'
        "<h2>Colouring &lt;b&gt;</h2></div>"
    ) in html
    assert 'hx-trigger="load"' not in html
    assert "cab-empty-state" not in html


def test_active_item_without_the_slot_loads_its_detail_after_the_page() -> None:
    html = split_panel(SplitPanelData(items=ROWS, active_id="42", detail_url="/cabinet/conversations/"))
    assert (
        '<div class="cab-split-panel__detail-body" id="split-panel-detail" tabindex="-1" x-ref="detail" '
        'hx-get="/cabinet/conversations/42" hx-trigger="load"></div>'
    ) in html
    assert 'data-view="detail"' in html


def test_route_name_detail_url_and_item_urls() -> None:
    html = split_panel(SplitPanelData(items=ROWS, detail_url="booking:schedule"))
    assert 'href="/cabinet/booking/42" hx-get="/cabinet/booking/42" hx-push-url="/cabinet/booking/42"' in html
    own = split_panel(
        SplitPanelData(
            items=[ListRow(id="1", primary="Own", url="booking:new"), ListRow(id="2", primary="None")]
        )
    )
    assert (
        'href="/cabinet/booking/new/" hx-get="/cabinet/booking/new/" hx-push-url="/cabinet/booking/new/"'
        in own
    )
    assert (
        '<li class="cab-split-panel__entry"><div class="cab-split-panel__item"><span class="cab-split-panel__text">'
        '<span class="cab-split-panel__primary">None</span></span></div></li>'
    ) in own


def test_escaping() -> None:
    html = split_panel(SplitPanelData(items=[ListRow(id="a&b", primary="<i>x</i>")], detail_url="/c"))
    assert 'href="/c/a%26b"' in html
    assert '<span class="cab-split-panel__primary">&lt;i&gt;x&lt;/i&gt;</span>' in html


def test_no_items() -> None:
    html = split_panel(SplitPanelData(items=[]))
    assert (
        '<div class="cab-split-panel__list"><div class="cab-empty-state"><span class="cab-empty-state__icon" '
        'aria-hidden="true"><i class="bi bi-inbox"></i></span>'
        '<p class="cab-empty-state__message">Nothing here yet.</p></div></div>'
    ) in html
    assert '<p class="cab-empty-state__message">Select an item</p>' in html


def test_rejects_a_dict_instead_of_the_contract() -> None:
    with pytest.raises(TypeError, match=r"split_panel: kwarg 'panel' must be SplitPanelData, got dict"):
        split_panel({"items": []})


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return DJC_ID.sub("", render_to_string(name, context)).strip()


PANEL = SplitPanelData(items=ROWS, active_id="43", detail_url="/cabinet/conversations")


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_three_syntaxes_render_identical_html(pages: Path, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    context = {"p": PANEL}
    expected = render_page(pages, "component.html", '{% component "split_panel" panel=p / %}', context)
    assert 'hx-trigger="load"' in expected
    assert render_page(pages, "cotton.html", '<c-cabinet.split-panel :panel="p" />', context) == expected
    include = '{% include "cabinet/components/split_panel.html" with panel=p %}'
    assert render_page(pages, "include.html", include, context) == expected


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_three_syntaxes_with_the_detail_render_identical_html(
    pages: Path, settings: Any, debug: bool
) -> None:
    settings.DEBUG = debug
    detail = '<h2 class="x">Colouring</h2>'
    # mark_safe: a fixed string of this test, standing in for render_to_string's SafeString.
    context = {"p": PANEL, "detail_html": mark_safe(detail)}
    expected = render_page(
        pages,
        "component.html",
        '{% component "split_panel" panel=p %}{% fill "detail" %}'
        + detail
        + "{% endfill %}{% endcomponent %}",
        context,
    )
    assert f'x-ref="detail">{detail}</div>' in squash(expected)
    cotton = (
        '<c-cabinet.split-panel :panel="p"><c-slot name="detail">'
        + detail
        + "</c-slot></c-cabinet.split-panel>"
    )
    assert render_page(pages, "cotton.html", cotton, context) == expected
    include = '{% include "cabinet/components/split_panel.html" with panel=p detail=detail_html %}'
    assert render_page(pages, "include.html", include, context) == expected
