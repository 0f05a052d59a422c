"""``card_grid``: a collection of cards shown as a grid or as a compact list.

::

    {% component "card_grid" cards=cards / %}
    <c-cabinet.card-grid :cards="cards" />
    {% include "cabinet/components/card_grid.html" with cards=cards %}

``cards`` is a :class:`~codex_django.cabinet.types.collections.CardGridData`.

* **One markup, two modes.** Grid and list are the same ``<ul>`` of cards; the
  mode is a class on the root (``cab-card-grid--grid`` / ``--list``) that the
  two ``aria-pressed`` toggle buttons switch (Alpine ``cabCardGrid``). The
  choice is remembered in ``localStorage`` under
  ``cab-card-grid:<grid_id>:view`` (``cab-card-grid:<page path>:view`` without
  ``grid_id``) and wins over ``view_mode`` on the next visit.
* **Search** (when ``search_placeholder`` is set) filters by title and
  subtitle, client-side and debounced, over a lower-cased search text each
  card carries in ``data-search`` (computed here, not in the template or JS).
* **One link per card.** With ``url`` the title is the card's only link, and
  its ``::after`` stretches over the whole card (the "stretched link"
  pattern), so the card is one click/keyboard target with no nested
  interactive elements; the badge and meta are plain text.
* **Long text** (title, subtitle, meta) stays on one line, cut with an
  ellipsis, never broken mid-word. The full text stays in the markup (screen
  readers read it whole) and in ``title`` attributes (the link's ``title``
  holds title and subtitle: its stretched ``::after`` is what the pointer
  rests on); while focus is in a card, its lines unfold to the full text, so
  keyboard users see what a pointer's tooltip shows.
* **Paging** past ``page_size`` cards: the cards past the first page arrive
  ``hidden``, and a pager (``cabinet/includes/_collection_pager.html``)
  pages through the cards that match the search; see
  :mod:`codex_django.cabinet.tables.collection_pager`.
* **Server-side mode** (``cards.page`` set): ``items`` are one page; the
  search box and the pager send HTMX ``GET`` requests with ``?q=&page=``
  (pushed to the history) and swap the results region
  (``#<grid_id>-results``, ``#cab-card-grid-results`` without ``grid_id``:
  give each server-side grid on a page its own ``grid_id``); see
  :mod:`codex_django.cabinet.tables.collection_page`.
* The avatar is the ``avatar`` component (image URL or initials), the badge
  the ``status_badge`` component (text plus ``badge_style`` colour); empty
  collections show the ``empty_state`` component.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.tables.collection_pager import on_first_page, pager_for
from codex_django.cabinet.types.collections import CardGridData, CardItem

DEFAULT_ID = "cab-card-grid"


class CardView(NamedTuple):
    """A card as the template renders it.

    The item, its resolved link, its search text, its link's tooltip (title
    and subtitle, one per line) and whether it shows before any paging.
    """

    card: CardItem
    href: str
    search_text: str
    tooltip: str
    on_first_page: bool


def card_views(cards: CardGridData) -> list[CardView]:
    """Each card with its ``href`` (route names reversed), search text, tooltip and first-page flag."""
    from codex_django.cabinet.rendering.links import resolve_link

    return [
        CardView(
            card=card,
            href=resolve_link(card.url),
            search_text=card.search_text,
            tooltip="\n".join(str(part) for part in (card.title, card.subtitle) if part),
            on_first_page=cards.page is not None or on_first_page(index, cards.page_size),
        )
        for index, card in enumerate(cards.items)
    ]


@register("card_grid")
class CardGrid(CabinetComponent):
    """Cards of a :class:`CardGridData` as a grid or list (see the module docstring)."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "card_grid.html")

    class Kwargs(ComponentKwargs):
        cards: CardGridData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        cards: CardGridData = kwargs.cards
        data = super().get_template_data(args, kwargs, slots, context)
        pager, page_size = pager_for(
            cards.page, len(cards.items), cards.page_size, "cards", context.get("request")
        )
        data.update(
            views=card_views(cards),
            pager=pager,
            page_size=page_size,
            dom_id=cards.grid_id or (DEFAULT_ID if pager.server else ""),
            storage_key=f"cab-card-grid:{cards.grid_id}:view" if cards.grid_id else "",
        )
        return data
