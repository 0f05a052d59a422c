"""Client pages: the staff client list and the signed-in client's profile."""

from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from codex_django.cabinet.http.access import space_required

from .models import Client


@space_required("staff")
def client_list(request: HttpRequest) -> HttpResponse:
    """Every client with their number of appointments and latest visit; ``?q=`` filters by name."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    query = request.GET.get("q", "").strip()
    clients = Client.objects.annotate(visits=Count("appointments"), last_visit=Max("appointments__start_at"))
    if query:
        clients = clients.filter(name__icontains=query)
    return render(request, "clients/list.html", {"clients": clients, "query": query})


@space_required("client")
def my_profile(request: HttpRequest) -> HttpResponse:
    """The signed-in client's contact details (none when the user is not linked to a client)."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    client = Client.objects.filter(user=request.user).first()
    return render(request, "clients/profile.html", {"client": client})
