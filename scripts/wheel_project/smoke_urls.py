"""URLs of the wheel-check project: a staff page on the cabinet shell, and the storybook if installed."""

import importlib.util

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import URLPattern, URLResolver, include, path

from codex_django.cabinet.http.access import space_required


@space_required("staff")
def shell(request: HttpRequest) -> HttpResponse:
    return render(request, "cabinet/base_cabinet.html", {})


urlpatterns: list[URLPattern | URLResolver] = [
    path("", include("django_components.urls")),
    path("cabinet/", shell, name="shell"),
]
if importlib.util.find_spec("codex_django.storybook.urls") is not None:
    urlpatterns.append(path("storybook/", include("codex_django.storybook.urls")))
