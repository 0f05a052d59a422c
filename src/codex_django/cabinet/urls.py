"""The cabinet's own URLs: dashboard, lazy widgets, site settings. Namespace ``cabinet``.

Include them under the staff prefix::

    path("cabinet/", include("codex_django.cabinet.urls")),

================================  =========================================
``cabinet:dashboard``             the dashboard (``?group=services`` for a tab)
``cabinet:dashboard_widget``      one widget, the lazy placeholder's endpoint
``cabinet:site_settings``         every settings tab on one page
``cabinet:site_settings_tab``     POST: save one tab; GET: its anchor
``cabinet:theme_stylesheet``      the cached theme stylesheet (``theme-<digest>.css``)
``cabinet:color_mode``            POST: remember the colour mode (no-JS fallback)
``cabinet:icons_stylesheet``      the cached stylesheet of the icons in use (``icons-<digest>.css``)
================================  =========================================
"""

from __future__ import annotations

from django.urls import include, path

from .views.dashboard import dashboard_view, dashboard_widget_view
from .views.icons import icons_stylesheet_view
from .views.site_settings import site_settings_tab_view, site_settings_view

app_name = "cabinet"

urlpatterns = [
    # Dashboard
    path("", dashboard_view, name="dashboard"),
    path("dashboard/widgets/<str:widget_id>/", dashboard_widget_view, name="dashboard_widget"),
    # Site settings
    path("settings/", site_settings_view, name="site_settings"),
    path("settings/<slug:tab_slug>/", site_settings_tab_view, name="site_settings_tab"),
    # Theme stylesheet and colour mode
    path("", include("codex_django.cabinet.theme.urls")),
    path("icons/icons-<slug:digest>.css", icons_stylesheet_view, name="icons_stylesheet"),
]
