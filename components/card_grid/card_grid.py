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
* The avatar is the ``avatar`` component (image URL or initials), the badge
  the ``status_badge`` component (text plus ``badge_style`` colour); empty
  collections show the ``empty_state`` component.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from django.template import Context
from django_components import register

from codex_django.cabinet.component import CabinetComponent, ComponentKwargs, own_stylesheet, template_beside
from codex_django.cabinet.types.collections import CardGridData, CardItem


class CardView(NamedTuple):
    """A card as the template renders it: the item, its resolved link and its search text."""

    card: CardItem
    href: str
    search_text: str


def card_views(cards: CardGridData) -> list[CardView]:
    """Each card with its ``href`` (route names reversed) and search text."""
    from codex_django.cabinet.links import resolve_link

    return [
        CardView(card=card, href=resolve_link(card.url), search_text=card.search_text) for card in cards.items
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
        data.update(
            views=card_views(cards),
            storage_key=f"cab-card-grid:{cards.grid_id}:view" if cards.grid_id else "",
        )
        return data
