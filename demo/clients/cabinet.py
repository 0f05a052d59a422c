"""Clients' navigation in both cabinet spaces (read at start-up by ``codex_django.cabinet``)."""

from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import Shortcut, SidebarItem, TopbarEntry, declare

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
)

declare(
    space="client",
    module="clients",
    sidebar=[SidebarItem(label=_("My profile"), url="my_clients:profile", icon="bi-person", order=1)],
)
