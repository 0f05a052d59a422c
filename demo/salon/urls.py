"""URLs of the demo: login, the two cabinet spaces, the storybook.

Staff space under /cabinet/<app>/, client space under /cabinet/my/<app>/;
each feature app brings one URL module per space. /cabinet/ itself is the
library's dashboard (``cabinet:dashboard``, with its lazy widget endpoint, site
settings and theme URLs), whose widgets the apps' ``cabinet.py`` declare.
"""

from django.contrib.auth import views as auth_views
from django.templatetags.static import static
from django.urls import include, path
from django.views.generic import RedirectView

from . import views

salon_patterns = (
    [
        path("cabinet/my/", views.client_home, name="client_home"),
    ],
    "salon",
)

urlpatterns = [
    path("", include("django_components.urls")),
    path("", views.home, name="home"),
    path("login/", auth_views.LoginView.as_view(), name="login"),
    # Browsers ask every page's origin for /favicon.ico; the cabinet's templates name no icon.
    path("favicon.ico", RedirectView.as_view(url=static("salon/favicon.svg"), permanent=True)),
    path("logout/", auth_views.LogoutView.as_view(), name="logout"),
    path("", include(salon_patterns)),
    path("cabinet/my/booking/", include("booking.client_urls")),
    path("cabinet/my/clients/", include("clients.client_urls")),
    path("cabinet/booking/", include("salon.pages.schedule")),  # calendar_grid schedule, ahead of booking's
    path("cabinet/booking/new/", include("salon.pages.new_booking")),  # booking widgets + quick-create modal
    path("cabinet/booking/table/", include("salon.pages.data_table")),  # data_table (server-side)
    path("cabinet/booking/", include("booking.urls")),
    path("cabinet/clients/cards/", include("salon.pages.card_grid")),  # card_grid
    path("cabinet/clients/visits/", include("salon.pages.list_view")),  # list_view
    path("cabinet/clients/files/", include("salon.pages.split_panel")),  # split_panel
    path("cabinet/clients/", include("clients.urls")),
    # Last: its patterns ("", "dashboard/widgets/<id>/", "settings/", "theme/", "icons/") never shadow
    # the feature routes above.
    path("cabinet/", include("codex_django.cabinet.urls")),
    path("storybook/", include("codex_django.storybook.urls")),
]
