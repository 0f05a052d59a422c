"""The salon's latest visits as a ``list_view``: a row opens the visit in the page modal.

Mounted at ``/cabinet/clients/visits/``. Rows use ``open_in="modal"``: a click
dispatches ``open-modal`` with the visit's URL, which answers the visit card
(a partial for HTMX, a whole page otherwise, so Ctrl-click and deep links
work). Each row's "Client file" action links to the ``split_panel`` page.
The list holds up to :data:`LATEST` visits and shows :data:`ROWS_PER_PAGE` at
a time, paged in the browser after the search.
"""

from __future__ import annotations

from booking.models import Appointment
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import ListRow, ListViewData, TableAction
from codex_django.cabinet.formatting import format_datetime
from codex_django.cabinet.http.access import space_required

from .card_grid import initials

LATEST = 200
ROWS_PER_PAGE = 20


def latest_visits() -> ListViewData:
    visits = (
        Appointment.objects.filter(start_at__lt=timezone.now())
        .select_related("client", "master", "service")
        .order_by("-start_at")[:LATEST]
    )
    rows = [
        ListRow(
            id=str(visit.pk),
            primary=visit.client.name,
            secondary=f"{visit.service.name} · {visit.master.name} · {visit.get_status_display()}",
            meta=format_datetime(visit.start_at),
            avatar=initials(visit.client.name),
            url=reverse("salon_visits:visit", args=[visit.pk]),
            actions=[
                TableAction(label=_("Details"), url_key="", icon="bi-eye"),
                TableAction(
                    label=_("Client file"),
                    url_key="",
                    icon="bi-person-lines-fill",
                    style="btn-primary",
                    url=reverse("salon_client_files:detail", args=[visit.client_id]),
                ),
            ],
        )
        for visit in visits
    ]
    return ListViewData(
        rows=rows,
        search_placeholder=_("Search by client, service or master…"),
        empty_message=_("No visits yet."),
        page_size=ROWS_PER_PAGE,
    )


@space_required("staff")
def page(request: HttpRequest) -> HttpResponse:
    """The latest visits, newest first."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    return render(request, "salon/pages/list_view.html", {"list": latest_visits()})


@space_required("staff")
def visit(request: HttpRequest, pk: int) -> HttpResponse:
    """A visit's card: the modal's content over HTMX, a whole cabinet page otherwise."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    item = get_object_or_404(Appointment.objects.select_related("client", "master", "service"), pk=pk)
    partial = bool(request.htmx) and not request.htmx.history_restore_request  # type: ignore[attr-defined]
    template = "salon/pages/list_view_visit.html" if partial else "salon/pages/list_view_visit_page.html"
    response = render(request, template, {"visit": item})
    patch_vary_headers(response, ["HX-Request"])
    return response


app_name = "salon_visits"
urlpatterns = [
    path("", page, name="page"),
    path("<int:pk>/", visit, name="visit"),
]
