"""The theme's URLs, to include inside the ``cabinet`` namespace (``codex_django.cabinet.urls`` does).

================================  =============================================
``cabinet:theme_stylesheet``      ``theme/<space>/theme-<digest>.css``
``cabinet:color_mode``            ``theme/color-mode/`` (POST: light/dark/system)
================================  =============================================

Standalone::

    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
"""

from __future__ import annotations

from django.urls import path

from .views import set_color_mode, theme_stylesheet

urlpatterns = [
    path("theme/<slug:space>/theme-<slug:digest>.css", theme_stylesheet, name="theme_stylesheet"),
    path("theme/color-mode/", set_color_mode, name="color_mode"),
]
