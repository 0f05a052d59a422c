"""Views that render the cabinet context as plain HTML, for the integration tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.generic import TemplateView

from codex_django.cabinet.http.access import SpaceRequiredMixin


def shell(request: HttpRequest, **kwargs: str) -> HttpResponse:
    """Print the cabinet context variables (space and module come from the URL)."""
    return render(request, "testapp/shell.html", {"pending_count": 4})


def with_module(request: HttpRequest, module: str) -> HttpResponse:
    """A view that names its module, as ``request.cabinet_module``."""
    request.cabinet_module = module  # type: ignore[attr-defined]
    return shell(request)


def staff_by_attribute(request: HttpRequest) -> HttpResponse:
    """A view outside the cabinet prefixes that declares its space and module itself."""
    request.cabinet_space = "staff"  # type: ignore[attr-defined]
    request.cabinet_module = "reports"  # type: ignore[attr-defined]
    return shell(request)


class StaffReportsView(SpaceRequiredMixin, TemplateView):
    """A class-based staff view guarded by the mixin."""

    space = "staff"
    cabinet_module = "reports"
    template_name = "testapp/shell.html"
