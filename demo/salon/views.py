"""Project-level pages: the start redirect, the staff dashboard and the client home."""

from datetime import timedelta

from booking.models import Appointment, Master
from clients.models import Client
from django.db.models import Sum
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.access import can_enter, space_required


def home(request: HttpRequest) -> HttpResponse:
    """``/``: staff (and anonymous visitors, via the login page) go to /cabinet/, clients to /cabinet/my/."""
    if request.user.is_authenticated and not can_enter(request, "staff"):
        return HttpResponseRedirect(reverse("salon:client_home"))
    return HttpResponseRedirect(reverse("salon:dashboard"))


@space_required("staff")
def dashboard(request: HttpRequest) -> HttpResponse:
    """Today at a glance: counts for today and the week, and today's appointments."""
    request.cabinet_module = "dashboard"  # type: ignore[attr-defined]
    today = timezone.localdate()
    week_end = today + timedelta(days=7)
    active = Appointment.objects.exclude(status=Appointment.Status.CANCELLED)
    todays = active.filter(start_at__date=today).select_related("client", "master", "service")
    week = active.filter(start_at__date__gte=today, start_at__date__lt=week_end)
    revenue = week.aggregate(total=Sum("price"))["total"] or 0
    stats = [
        {"label": _("Appointments today"), "value": todays.count()},
        {"label": _("Next 7 days"), "value": week.count()},
        {"label": _("Revenue, next 7 days"), "value": revenue},
        {"label": _("Clients"), "value": Client.objects.count()},
    ]
    return render(
        request,
        "salon/dashboard.html",
        {
            "today": today,
            "stats": stats,
            "todays": todays,
            "masters": Master.objects.filter(is_active=True).count(),
        },
    )


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
