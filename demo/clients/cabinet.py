"""Clients' navigation in both cabinet spaces and their dashboard widgets and data providers.

Read at start-up by ``codex_django.cabinet``, like admin.py.
"""

from booking.models import Appointment
from django.db.models import Count, Q
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from codex_django.cabinet import DashboardWidget, Shortcut, SidebarItem, TopbarEntry, declare
from codex_django.cabinet.formatting import format_number
from codex_django.cabinet.selector import ListAdapter, MetricAdapter
from codex_django.cabinet.selector.dashboard import DashboardSelector
from codex_django.cabinet.types.widgets import ListItem, ListWidgetData, MetricWidgetData, initials_for

from .models import Client

declare(
    space="staff",
    module="clients",
    topbar=TopbarEntry(group="services", label=_("Clients"), icon="bi-people", url="clients:list", order=20),
    sidebar=[
        SidebarItem(label=_("All clients"), url="clients:list", icon="bi-people", order=1),
        SidebarItem(label=_("Client cards"), url="salon_client_cards:page", icon="bi-person-vcard", order=2),
        SidebarItem(label=_("Latest visits"), url="salon_visits:page", icon="bi-clock-history", order=3),
        SidebarItem(
            label=_("Client files"), url="salon_client_files:index", icon="bi-person-lines-fill", order=4
        ),
    ],
    shortcuts=[Shortcut(label=_("Schedule"), url="booking:schedule", icon="bi-calendar3")],
    dashboard_widgets=[
        DashboardWidget(template="clients/widgets/new_clients.html", col="col-md-6 col-xl-4", order=3),
        # An aggregate over every appointment: loaded over HTMX once the page is on screen.
        DashboardWidget(template="clients/widgets/top_clients.html", col="col-lg-5", lazy=True, order=11),
    ],
)

declare(
    space="client",
    module="clients",
    sidebar=[SidebarItem(label=_("My profile"), url="my_clients:profile", icon="bi-person", order=1)],
)


# -- Dashboard: new clients (KPI) and the most frequent clients (lazy list) --


@DashboardSelector.extend(cache_key="clients_new", cache_ttl=300)
class NewClientsThisMonth(MetricAdapter):
    """Clients added since the first day of the current month."""

    def get_payload(self, request: HttpRequest) -> MetricWidgetData:
        month_start = timezone.localdate().replace(day=1)
        count = Client.objects.filter(created_at__date__gte=month_start).count()
        return MetricWidgetData(
            label=_("New clients this month"),
            value=format_number(count),
            icon="bi-person-plus",
            url="clients:list",
        )


TOP_CLIENTS_LIMIT = 5


@DashboardSelector.extend(cache_key="clients_top", cache_ttl=600, lazy=True)
class TopClients(ListAdapter):
    """The clients with the most completed visits."""

    def get_payload(self, request: HttpRequest) -> ListWidgetData:
        completed = Q(appointments__status=Appointment.Status.COMPLETED)
        top = (
            Client.objects.annotate(visits=Count("appointments", filter=completed))
            .filter(visits__gt=0)
            .order_by("-visits", "name")[:TOP_CLIENTS_LIMIT]
        )
        return ListWidgetData(
            title=_("Top clients by visits"),
            icon="bi-trophy",
            items=[
                ListItem(
                    label=client.name,
                    value=ngettext("%(count)d visit", "%(count)d visits", client.visits)
                    % {"count": client.visits},
                    avatar=initials_for(None, client.name)[:3] or None,
                    sublabel=client.phone or None,
                )
                for client in top
            ],
        )
