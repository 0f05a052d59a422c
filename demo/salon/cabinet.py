"""The demo's space branding and its dashboard entries, read at start-up like admin.py."""

from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import SidebarItem, TopbarEntry, configure_space, declare

configure_space(space="staff", label=_("Salon Studio"), icon="bi-scissors")
configure_space(space="client", label=_("My salon"), icon="bi-person-heart")

declare(
    space="staff",
    module="dashboard",
    topbar=TopbarEntry(
        group="admin", label=_("Dashboard"), icon="bi-speedometer2", url="cabinet:dashboard", order=1
    ),
    sidebar=[
        SidebarItem(label=_("Overview"), url="cabinet:dashboard", icon="bi-speedometer2", order=1),
        SidebarItem(label=_("Schedule"), url="booking:schedule", icon="bi-calendar3", order=2),
        SidebarItem(label=_("Clients"), url="clients:list", icon="bi-people", order=3),
    ],
    # The topbar's gear on the dashboard: the site settings (name, logo, theme) are reachable from the shell.
    settings_url="cabinet:site_settings",
)

declare(
    space="client",
    module="dashboard",
    sidebar=[
        SidebarItem(label=_("Home"), url="salon:client_home", icon="bi-house", order=1),
        SidebarItem(
            label=_("My appointments"), url="my_booking:appointments", icon="bi-calendar2-check", order=2
        ),
        SidebarItem(label=_("My profile"), url="my_clients:profile", icon="bi-person", order=3),
    ],
)
