"""card_grid and list_view past a page size, and their long text: the markup a user gets.

Both render every item (the search runs in the browser over all of them), show
the first ``page_size`` and arrive with the rest ``hidden``, and add the shared
pager (``cabinet/includes/_collection_pager.html``) when there is more than one
page. Long single-line fields carry their full text in ``title``.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.template import engines
from django.test import override_settings
from django.utils import translation
from pydantic import ValidationError

from codex_django.cabinet.types.collections import CardGridData, CardItem, ListRow, ListViewData

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(source: str, **context: Any) -> str:
    html = DJC_ID.sub("", engines["django"].from_string(source).render(context))
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"[ \t]+", " ", html).strip()


def card_grid(cards: CardGridData) -> str:
    return render('{% component "card_grid" cards=cards / %}', cards=cards)


def list_view(data: ListViewData) -> str:
    return render('{% component "list_view" list=data / %}', data=data)


def cards(count: int, **fields: Any) -> CardGridData:
    items = [
        CardItem(id=str(n), title=f"Client {n}", url=f"/cabinet/clients/{n}/") for n in range(1, count + 1)
    ]
    return CardGridData(items=items, **fields)


def rows(count: int, **fields: Any) -> ListViewData:
    items = [
        ListRow(id=str(n), primary=f"Visit {n}", url=f"/cabinet/visits/{n}/") for n in range(1, count + 1)
    ]
    return ListViewData(rows=items, **fields)


def item_tags(html: str, css_class: str) -> list[str]:
    return re.findall(rf'<li class="{css_class}[^"]*"[^>]*>', html)


PAGER_30_CARDS = (
    '<nav class="cab-collection-pager" aria-label="Card pages" data-summary="Cards {first}–{last} of {total}" '
    'data-page-label="Page {number} of {count}" x-bind="pager">'
    '<div class="d-flex flex-wrap align-items-center justify-content-between gap-2">'
    '<p class="cab-collection-pager__summary mb-0 small text-body-secondary" role="status" '
    'x-bind="pagerSummary">Cards 1–24 of 30</p>'
    '<ul class="pagination pagination-sm mb-0">'
    '<li class="page-item"><button type="button" class="page-link" disabled data-pager-previous '
    'x-bind="previousPage"><i class="bi bi-chevron-left" aria-hidden="true"></i>'
    '<span class="visually-hidden">Previous page</span></button></li>'
    '<li class="page-item"><span class="page-link cab-collection-pager__page text-body-secondary" x-bind="pagerPage">'
    "Page 1 of 2</span></li>"
    '<li class="page-item"><button type="button" class="page-link" data-pager-next x-bind="nextPage">'
    '<i class="bi bi-chevron-right" aria-hidden="true"></i><span class="visually-hidden">Next page</span>'
    "</button></li></ul></div></nav>"
)


def test_card_grid_shows_the_first_page_and_the_pager_past_the_page_size() -> None:
    html = card_grid(cards(30))
    tags = item_tags(html, "cab-card-grid__item")
    assert len(tags) == 30  # every card is in the page: the search needs them
    assert [" hidden" in tag for tag in tags] == [False] * 24 + [True] * 6
    assert 'data-page-size="24"' in html
    assert PAGER_30_CARDS in html


def test_list_view_pages_by_its_own_default() -> None:
    html = list_view(rows(60))
    tags = item_tags(html, "cab-list-view__row")
    assert [" hidden" in tag for tag in tags] == [False] * 25 + [True] * 35
    assert 'aria-label="List pages" data-summary="Rows {first}–{last} of {total}"' in html
    assert ">Rows 1–25 of 60</p>" in html
    assert ">Page 1 of 3</span>" in html


@pytest.mark.parametrize(
    ("count", "page_size"),
    [(24, 24), (5, 24), (100, 0)],
    ids=["exactly-one-page", "fewer", "paging-off"],
)
def test_no_pager_and_nothing_hidden_on_a_single_page(count: int, page_size: int) -> None:
    grid = card_grid(cards(count, page_size=page_size))
    listing = list_view(rows(count, page_size=page_size))
    for html, css_class in ((grid, "cab-card-grid__item"), (listing, "cab-list-view__row")):
        assert "cab-collection-pager" not in html
        assert not any(" hidden" in tag for tag in item_tags(html, css_class))


def test_pager_numbers_follow_the_active_locale() -> None:
    with override_settings(USE_THOUSAND_SEPARATOR=True), translation.override("en"):
        html = card_grid(cards(1234, page_size=100))
    assert ">Cards 1–100 of 1,234</p>" in html
    assert ">Page 1 of 13</span>" in html


def test_page_size_is_a_contract_field_with_a_default_and_bounds() -> None:
    assert CardGridData(items=[]).page_size == 24
    assert ListViewData(rows=[]).page_size == 25
    with pytest.raises(ValidationError) as error:
        CardGridData(items=[], page_size=-1)
    assert "page_size" in str(error.value) and "CardGridData" in str(error.value)
    with pytest.raises(ValidationError) as error:
        ListViewData(rows=[], page_size=10**6)
    assert "page_size" in str(error.value) and "ListViewData" in str(error.value)


LONG_NAME = "Aleksandra Vasilievna Rozhdestvenskaya"
LONG_EMAIL = "a.rozhdestvenskaya@salon-clients.example.org"


def test_card_titles_hold_the_full_text_of_long_fields() -> None:
    linked = CardItem(
        id="1", title=LONG_NAME, subtitle=LONG_EMAIL, url="/c/1/", meta=[("bi-envelope", LONG_EMAIL)]
    )
    plain = CardItem(id="2", title=f"{LONG_NAME} & <Co>", subtitle=LONG_EMAIL)
    html = (
        engines["django"]
        .from_string('{% component "card_grid" cards=cards / %}')
        .render({"cards": CardGridData(items=[linked, plain])})
    )
    # The stretched link is what the pointer rests on: its title holds name and e-mail, one per line.
    assert f'<a class="cab-card__link" href="/c/1/" title="{LONG_NAME}\n{LONG_EMAIL}">{LONG_NAME}</a>' in html
    assert f'<p class="cab-card__subtitle" title="{LONG_EMAIL}">{LONG_EMAIL}</p>' in html
    assert f'<span class="cab-card__meta-text" title="{LONG_EMAIL}">{LONG_EMAIL}</span>' in html
    escaped = f"{LONG_NAME} &amp; &lt;Co&gt;"
    assert f'<h2 class="cab-card__title" title="{escaped}">{escaped}</h2>' in html


def test_list_row_titles_hold_the_full_text_of_long_fields() -> None:
    row = ListRow(id="1", primary=LONG_NAME, secondary=LONG_EMAIL, meta="30.11.2026 18:45", url="/v/1/")
    html = (
        engines["django"]
        .from_string('{% component "list_view" list=data / %}')
        .render({"data": ListViewData(rows=[row, ListRow(id="2", primary=LONG_NAME)])})
    )
    assert f'href="/v/1/" title="{LONG_NAME}\n{LONG_EMAIL}" data-roving' in html
    assert f'<span class="cab-list-view__secondary" title="{LONG_EMAIL}">' in html
    assert '<span class="cab-list-view__meta" title="30.11.2026 18:45">' in html
    assert f'<span class="cab-list-view__primary" title="{LONG_NAME}">' in html


def test_the_pager_speaks_the_active_language() -> None:
    with translation.override("ru"):
        grid = card_grid(cards(30))
        listing = list_view(rows(30))
    assert 'aria-label="Страницы карточек" data-summary="Карточки {first}–{last} из {total}"' in grid
    assert ">Карточки 1–24 из 30</p>" in grid and ">Страница 1 из 2</span>" in grid
    assert 'aria-label="Страницы списка"' in listing and ">Строки 1–25 из 30</p>" in listing
    assert '<span class="visually-hidden">Следующая страница</span>' in grid
