"""The salon's clients as a ``card_grid``: search, grid/list toggle, paging, a badge per kind of client.

Mounted at ``/cabinet/clients/cards/``. Each card links to the client's file
(the ``split_panel`` page, ``salon/pages/split_panel.py``). The seeded salon
has 60 clients: three pages of :data:`CARDS_PER_PAGE`, paged in the browser
after the search (long names and e-mails end in an ellipsis).
"""

from __future__ import annotations

from clients.models import Client
from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from codex_django.cabinet import CardGridData, CardItem
from codex_django.cabinet.formatting import format_date
from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.types.widgets import BadgeStyle

REGULAR_VISITS = 5
# Whole rows at 2, 3, 4 or 6 columns (the contract's default, spelled out for the demo).
CARDS_PER_PAGE = 24


def initials(name: str) -> str:
    """The first letters of the first two words of ``name``."""
    return "".join(word[0] for word in name.split()[:2]).upper()


def badge_for(visits: int, has_login: bool) -> tuple[str, BadgeStyle]:
    """The card's badge: regulars, newcomers and clients who use the client space."""
    if visits >= REGULAR_VISITS:
        return str(_("Regular")), "success"
    if visits <= 1:
        return str(_("New")), "primary"
    if has_login:
        return str(_("Online")), "info"
    return "", "secondary"


def client_cards() -> CardGridData:
    clients = Client.objects.annotate(
        visits=Count("appointments"), last_visit=Max("appointments__start_at")
    ).order_by("name")
    items = []
    for client in clients:
        badge, style = badge_for(client.visits, client.user_id is not None)
        meta = [("bi-calendar-check", ngettext("%d visit", "%d visits", client.visits) % client.visits)]
        if client.phone:
            meta.insert(0, ("bi-telephone", client.phone))
        if client.last_visit:
            meta.append(("bi-clock-history", format_date(client.last_visit)))
        items.append(
            CardItem(
                id=str(client.pk),
                title=client.name,
                subtitle=client.email,
                avatar=initials(client.name),
                badge=badge,
                badge_style=style,
                url=reverse("salon_client_files:detail", args=[client.pk]),
                meta=meta,
            )
        )
    return CardGridData(
        items=items,
        search_placeholder=_("Search by name or email…"),
        empty_message=_("No clients yet."),
        grid_id="salon-clients",
        page_size=CARDS_PER_PAGE,
    )


@space_required("staff")
def page(request: HttpRequest) -> HttpResponse:
    """Every client as a card."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    return render(request, "salon/pages/card_grid.html", {"cards": client_cards()})


app_name = "salon_client_cards"
urlpatterns = [path("", page, name="page")]
