"""card_grid: the markup a user gets, the three call syntaxes, and the contract's additions."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.template import engines
from django.template.loader import render_to_string
from pydantic import ValidationError as PydanticValidationError

from codex_django.cabinet.types.collections import CardGridData, CardItem

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def squash(html: str) -> str:
    html = DJC_ID.sub("", html)
    html = re.sub(r">\s+|\s+<", lambda match: match.group().strip(), html)
    return re.sub(r"\s+", " ", html).strip()


def render(source: str, **context: Any) -> str:
    return squash(engines["django"].from_string(source).render(context))


def card_grid(cards: Any) -> str:
    return render('{% component "card_grid" cards=cards / %}', cards=cards)


ANNA = CardItem(
    id="1",
    title="Anna Smith",
    subtitle="Regular client",
    avatar="AS",
    badge="VIP",
    badge_style="warning",
    url="/cabinet/clients/1/",
    meta=[("bi-telephone", "+7 999 123-45-67"), ("bi-calendar", "12 visits")],
)


def test_a_card_with_everything() -> None:
    html = card_grid(CardGridData(items=[ANNA]))
    assert (
        '<li class="cab-card-grid__item" data-search="anna smith regular client">'
        '<article class="cab-card cab-card--link">'
        '<span class="cab-avatar cab-avatar--lg cab-avatar--tone-1" aria-hidden="true">AS</span>'
        '<div class="cab-card__body">'
        '<h2 class="cab-card__title"><a class="cab-card__link" href="/cabinet/clients/1/"'
        ' title="Anna Smith Regular client">Anna Smith</a></h2>'  # (squash() folds the title's newline)
        '<p class="cab-card__subtitle" title="Regular client">Regular client</p></div>'
        '<div class="cab-card__badge" title="VIP"><span class="cab-status-badge cab-status-badge--warning">'
        '<span class="cab-status-badge__dot" aria-hidden="true"></span>VIP</span></div>'
        '<ul class="cab-card__meta">'
        '<li class="cab-card__meta-item"><i class="bi bi-telephone" aria-hidden="true"></i>'
        '<span class="cab-card__meta-text" title="+7 999 123-45-67">+7 999 123-45-67</span></li>'
        '<li class="cab-card__meta-item"><i class="bi bi-calendar" aria-hidden="true"></i>'
        '<span class="cab-card__meta-text" title="12 visits">12 visits</span></li></ul>'
        "</article></li>"
    ) in html


def test_the_card_has_one_link_and_nothing_else_interactive() -> None:
    html = card_grid(CardGridData(items=[ANNA]))
    card = html[html.index("<article") : html.index("</article>")]
    assert card.count("<a ") == 1
    assert not re.search(r"<(button|input|select|textarea)\b", card)


def test_a_card_without_url_or_extras_is_plain_text() -> None:
    html = card_grid(CardGridData(items=[CardItem(id="7", title="Boris Kim")]))
    assert (
        '<li class="cab-card-grid__item" data-search="boris kim"><article class="cab-card">'
        '<div class="cab-card__body"><h2 class="cab-card__title" title="Boris Kim">Boris Kim</h2></div></article></li>'
    ) in html


def test_image_avatar_route_url_and_escaping() -> None:
    item = CardItem(
        id="2", title="<b>Eve</b>", subtitle='"quoted" & <i>', avatar="/media/eve.png", url="booking:new"
    )
    html = card_grid(CardGridData(items=[item]))
    assert '<img class="cab-avatar cab-avatar--lg" src="/media/eve.png" width="48" height="48" alt=""' in html
    assert (
        '<a class="cab-card__link" href="/cabinet/booking/new/" title="&lt;b&gt;Eve&lt;/b&gt; &quot;quoted&quot; '
        '&amp; &lt;i&gt;">&lt;b&gt;Eve&lt;/b&gt;</a>'
    ) in html
    assert 'data-search="&lt;b&gt;eve&lt;/b&gt; &quot;quoted&quot; &amp; &lt;i&gt;"' in html
    assert "<b>" not in html and "<i>" not in html


def test_toolbar_search_and_mode_buttons() -> None:
    html = card_grid(CardGridData(items=[ANNA], view_mode="list", search_placeholder="Search clients…"))
    assert html.startswith(
        '<div class="cab-card-grid cab-card-grid--list" x-data="cabCardGrid" x-bind="root" data-view-mode="list" '
        'data-page-size="24">'
    )
    assert (
        '<label class="cab-collection-search cab-card-grid__search"><span class="visually-hidden">Search</span>'
        '<i class="bi bi-search cab-collection-search__icon" aria-hidden="true"></i>'
        '<input class="form-control form-control-sm cab-collection-search__input" type="search" '
        'placeholder="Search clients…" autocomplete="off" x-bind="search"/></label>'
    ) in html
    assert (
        '<div class="cab-card-grid__modes btn-group" role="group" aria-label="View">'
        '<button class="btn btn-sm cab-card-grid__mode" type="button" data-mode="grid" aria-pressed="false" '
        'x-bind="modeButton"><i class="bi bi-grid" aria-hidden="true"></i>'
        '<span class="visually-hidden">Grid</span></button>'
        '<button class="btn btn-sm cab-card-grid__mode" type="button" data-mode="list" aria-pressed="true" '
        'x-bind="modeButton"><i class="bi bi-list-ul" aria-hidden="true"></i>'
        '<span class="visually-hidden">List</span></button></div>'
    ) in html
    assert (
        '<p class="cab-card-grid__no-results" role="status" hidden x-bind="noResults">'
        "No cards match your search.</p>"
    ) in html


def test_no_search_bar_without_placeholder_but_the_mode_toggle_stays() -> None:
    html = card_grid(CardGridData(items=[ANNA]))
    assert "cab-card-grid__search" not in html
    assert 'data-mode="grid" aria-pressed="true"' in html


def test_grid_id_names_the_root_and_the_storage_key() -> None:
    html = card_grid(CardGridData(items=[ANNA], grid_id="clients"))
    assert html.startswith(
        '<div class="cab-card-grid cab-card-grid--grid" id="clients" x-data="cabCardGrid" x-bind="root" '
        'data-view-mode="grid" data-page-size="24" data-storage-key="cab-card-grid:clients:view">'
    )


def test_empty_collection_shows_the_empty_state_only() -> None:
    html = card_grid(CardGridData(items=[], search_placeholder="Search"))
    assert html == (
        '<div class="cab-card-grid cab-card-grid--grid" x-data="cabCardGrid" x-bind="root" data-view-mode="grid" '
        'data-page-size="24"><div class="cab-empty-state"><span class="cab-empty-state__icon" aria-hidden="true">'
        '<i class="bi bi-grid"></i></span><p class="cab-empty-state__message">No items</p></div></div>'
    )
    custom = card_grid(CardGridData(items=[], empty_message="Пока нет клиентов"))
    assert '<p class="cab-empty-state__message">Пока нет клиентов</p>' in custom


def test_every_badge_style_reaches_the_badge() -> None:
    styles = ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]
    html = card_grid(
        CardGridData(items=[CardItem(id=s, title=s, badge=s.upper(), badge_style=s) for s in styles])  # type: ignore[arg-type]
    )
    for style in styles:
        assert f'<span class="cab-status-badge cab-status-badge--{style}">' in html


def test_rejects_a_dict_instead_of_the_contract() -> None:
    with pytest.raises(TypeError, match=r"card_grid: kwarg 'cards' must be CardGridData, got dict"):
        card_grid({"items": []})


# --- the contract's additions ------------------------------------------------------------------


def test_search_text_is_title_and_subtitle_lower_cased() -> None:
    assert ANNA.search_text == "anna smith regular client"
    assert CardItem(id="1", title="ИВАН Петров").search_text == "иван петров"


@pytest.mark.parametrize("value", ["1st", "with space", "a/b", "x:y"])
def test_grid_id_must_be_an_html_id(value: str) -> None:
    with pytest.raises((ValidationError, PydanticValidationError, ValueError)) as caught:
        CardGridData(items=[], grid_id=value)
    text = str(caught.value)
    assert "CardGridData" in text and "grid_id" in text
    assert f"grid_id {value!r} must start with a letter and contain only letters, digits, '-' and '_'" in text


def test_grid_id_defaults_to_empty_and_accepts_a_name() -> None:
    assert CardGridData(items=[]).grid_id == ""
    assert CardGridData(items=[], grid_id="clients-2_a").grid_id == "clients-2_a"


# --- three call syntaxes -----------------------------------------------------------------------


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
    "cards",
    [
        CardGridData(items=[ANNA, CardItem(id="2", title="Иван")], search_placeholder="Поиск", grid_id="g"),
        CardGridData(items=[]),
    ],
    ids=["cards", "empty"],
)
def test_three_syntaxes_render_identical_html(
    pages: Path, settings: Any, cards: CardGridData, debug: bool
) -> None:
    settings.DEBUG = debug
    context = {"c": cards}
    expected = render_page(pages, "component.html", '{% component "card_grid" cards=c / %}', context)
    assert expected.startswith('<div class="cab-card-grid')
    assert render_page(pages, "cotton.html", '<c-cabinet.card-grid :cards="c" />', context) == expected
    include = '{% include "cabinet/components/card_grid.html" with cards=c %}'
    assert render_page(pages, "include.html", include, context) == expected
