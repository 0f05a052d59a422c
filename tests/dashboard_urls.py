"""Test URLconf: the suite's URLs plus the cabinet's own (``codex_django.cabinet.urls``).

Used with ``@override_settings(ROOT_URLCONF="tests.dashboard_urls")`` by the
dashboard, site-settings and access tests until ``tests/urls.py`` includes
the cabinet URLs itself. ``settings-probe/`` renders ``cabinet_settings`` in
two templates of one request (the once-per-request read).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import include, path

from tests.urls import urlpatterns as suite_patterns


def settings_probe(request: HttpRequest) -> HttpResponse:
    inner = render_to_string("dashboard_tests/settings_probe.html", {"inner": ""}, request=request)
    return render(request, "dashboard_tests/settings_probe.html", {"inner": inner})


urlpatterns = [
    *suite_patterns,
    path("cabinet/", include("codex_django.cabinet.urls")),
    path("settings-probe/", settings_probe),
]
