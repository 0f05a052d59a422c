"""The test app's cabinet declarations, discovered at start-up like a feature app's.

Staff space: ``booking`` (services topbar, sidebar with permission-gated
items, a shortcut, a settings page, a widget) and ``reports`` (admin topbar).
Client space: ``account``. Permissions are Django's own ``auth`` ones so the
test database has them without migrations of our own.
"""

from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.registry import configure_space, declare
from codex_django.cabinet.types.nav import Shortcut, SidebarItem, TopbarEntry
from codex_django.cabinet.types.registry import DashboardWidget

configure_space("staff", label=_("Test cabinet"), icon="bi-shield-lock")

declare(
    module="booking",
    space="staff",
    topbar=TopbarEntry(
        group="services", label=_("Booking"), icon="bi-calendar-check", url="booking:schedule", order=10
    ),
    sidebar=[
        SidebarItem(label=_("Schedule"), url="booking:schedule", icon="bi-calendar3", order=1),
        SidebarItem(label=_("New booking"), url="booking:new", icon="bi-plus-circle", order=2),
        SidebarItem(
            label=_("Pending"),
            url="booking:pending",
            icon="bi-hourglass-split",
            badge_key="pending_count",
            order=3,
            permissions=("auth.view_user",),
        ),
        SidebarItem(
            label=_("Groups"),
            url="/cabinet/booking/groups/",
            order=4,
            permissions=("auth.change_group", "auth.delete_group"),
        ),
        SidebarItem(label=_("Help"), url="https://example.com/help/", icon="bi-question-circle", order=5),
    ],
    shortcuts=[Shortcut(label=_("New"), url="booking:new", icon="bi-plus")],
    settings_url="booking:settings",
    dashboard_widgets=[
        DashboardWidget(template="testapp/widgets/pending.html", nav_group="services", order=2),
        "testapp/widgets/upcoming.html",
    ],
)

declare(
    module="reports",
    space="staff",
    topbar=TopbarEntry(
        group="admin", label=_("Reports"), icon="bi-graph-up", url="/cabinet/reports/", order=5
    ),
    sidebar=[SidebarItem(label=_("Overview"), url="reports:index", icon="bi-bar-chart")],
)

declare(
    module="account",
    space="client",
    sidebar=[
        SidebarItem(label=_("My bookings"), url="account:my_bookings", icon="bi-calendar2-check"),
        SidebarItem(label=_("Profile"), url="account:profile", icon="bi-person"),
    ],
)
