"""Client files as a ``split_panel``: clients on the left, the selected client's file on the right.

Mounted at ``/cabinet/clients/files/``; a client's file is ``files/<pk>`` (the
contract's ``<detail_url>/<id>``, no trailing slash). That one URL answers:

* an HTMX request from the panel: the file alone (``split_panel_detail.html``),
  swapped into the detail region; the panel pushes the URL into the history;
* anything else - a deep link, a reload, a history-restore request after the
  browser's cache was emptied: the whole page with ``active_id`` set and the
  ``detail`` slot filled with the same template, so the file is rendered
  server-side on first load.

Both carry ``Vary: HX-Request`` so a cache never answers one with the other.
"""

from __future__ import annotations

from booking.models import Appointment
from clients.models import Client
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from codex_django.cabinet import ListRow, SplitPanelData
from codex_django.cabinet.http.access import space_required

from .card_grid import initials

HISTORY = 10


def client_panel(active: Client | None) -> SplitPanelData:
    clients = Client.objects.annotate(visits=Count("appointments")).order_by("name")
    return SplitPanelData(
        items=[
            ListRow(
                id=str(client.pk),
                primary=client.name,
                secondary=client.phone or client.email,
                meta=ngettext("%d visit", "%d visits", client.visits) % client.visits,
                avatar=initials(client.name),
            )
            for client in clients
        ],
        active_id=str(active.pk) if active else "",
        detail_url=reverse("salon_client_files:index"),
        empty_message=_("Select a client to see their file."),
    )


def file_context(client: Client) -> dict[str, object]:
    """What the client's file shows: contacts, notes, upcoming and latest visits."""
    visits = Appointment.objects.filter(client=client).select_related("master", "service")
    now = timezone.now()
    return {
        "client": client,
        "upcoming": visits.filter(start_at__gte=now).order_by("start_at")[:HISTORY],
        "past": visits.filter(start_at__lt=now).order_by("-start_at")[:HISTORY],
    }


def full_page(request: HttpRequest, client: Client | None) -> HttpResponse:
    context: dict[str, object] = {"panel": client_panel(client)}
    if client:
        context.update(file_context(client))
    response = render(request, "salon/pages/split_panel.html", context)
    patch_vary_headers(response, ["HX-Request"])
    return response


@space_required("staff")
def index(request: HttpRequest) -> HttpResponse:
    """Every client, nothing selected."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    return full_page(request, None)


@space_required("staff")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One client's file: the detail partial over HTMX, the whole page otherwise (deep links)."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    client = get_object_or_404(Client, pk=pk)
    if request.htmx and not request.htmx.history_restore_request:  # type: ignore[attr-defined]
        response = render(request, "salon/pages/split_panel_detail.html", file_context(client))
        patch_vary_headers(response, ["HX-Request"])
        return response
    return full_page(request, client)


app_name = "salon_client_files"
urlpatterns = [
    path("", index, name="index"),
    path("<int:pk>", detail, name="detail"),
]
