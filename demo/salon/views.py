"""Project-level pages: the start redirect and the client home (the staff dashboard is the library's)."""

from booking.models import Appointment
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from codex_django.cabinet.http.access import can_enter, space_required


def home(request: HttpRequest) -> HttpResponse:
    """``/``: staff (and anonymous visitors, via the login page) go to /cabinet/, clients to /cabinet/my/."""
    if request.user.is_authenticated and not can_enter(request, "staff"):
        return HttpResponseRedirect(reverse("salon:client_home"))
    return HttpResponseRedirect(reverse("cabinet:dashboard"))


@space_required("client")
def client_home(request: HttpRequest) -> HttpResponse:
    """The client space's start page: the next appointment, if any."""
    request.cabinet_module = "dashboard"  # type: ignore[attr-defined]
    upcoming = (
        Appointment.objects.filter(client__user=request.user, start_at__gte=timezone.now())
        .select_related("master", "service")
        .order_by("start_at")
        .first()
    )
    return render(request, "salon/client_home.html", {"next_appointment": upcoming})
