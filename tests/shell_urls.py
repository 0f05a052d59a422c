"""Pages that render the cabinet shell through real views, for tests/integration/test_shell.py.

Usable as ``ROOT_URLCONF`` on its own (the shell tests do that) and includable
from ``tests/urls.py`` with ``path("", include("tests.shell_urls"))``; in both
cases the routes are ``shell:<name>``.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path
from django.views.decorators.http import require_POST
from django_components import registry as component_registry

from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.rendering.component import CabinetComponent

# Context values the sidebar badges read (SidebarItem.badge_key).
BADGE_COUNTS = {"inbox_count": 7, "overflow_count": 250, "zero_count": 0, "text_count": "many"}


class ShellProbe(CabinetComponent):
    """A minimal component: shows what django-components adds to a page that renders one."""

    template = '<p class="cab-shell-probe">{{ text }}</p>'

    def get_template_data(self, args, kwargs, slots, context):  # type: ignore[no-untyped-def]
        return {"text": "probe"}


if not component_registry.has("shell_probe"):
    component_registry.register("shell_probe", ShellProbe)


@space_required("staff")
def staff_page(request: HttpRequest) -> HttpResponse:
    request.cabinet_module = "shelltest"  # type: ignore[attr-defined]
    return render(request, "shell_tests/staff_page.html", BADGE_COUNTS)


@space_required("staff")
def component_page(request: HttpRequest) -> HttpResponse:
    request.cabinet_module = "shelltest"  # type: ignore[attr-defined]
    return render(request, "shell_tests/component_page.html", BADGE_COUNTS)


@space_required("client")
def client_page(request: HttpRequest) -> HttpResponse:
    request.cabinet_module = "shellclient"  # type: ignore[attr-defined]
    return render(request, "shell_tests/client_page.html", BADGE_COUNTS)


def public_page(request: HttpRequest) -> HttpResponse:
    """The staff shell outside any space: what an anonymous visitor (or a 404 page) gets."""
    return render(request, "shell_tests/staff_page.html")


@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    return HttpResponse("logged out", content_type="text/plain")


shell_patterns = (
    [
        path("cabinet/shell/", staff_page, name="staff"),
        path("cabinet/shell/reports/", staff_page, name="staff_reports"),
        path("cabinet/shell/component/", component_page, name="component"),
        path("cabinet/my/shell/", client_page, name="client"),
        path("shell/public/", public_page, name="public"),
        path("shell/logout/", logout, name="logout"),
    ],
    "shell",
)

urlpatterns = [path("", include(shell_patterns))]
