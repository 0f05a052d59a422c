"""Who may open the storybook.

The storybook is off unless ``DEBUG`` is on or ``CODEX_CABINET["STORYBOOK_ENABLED"]``
is true: when off, every storybook URL answers 404 (nothing tells a visitor it
exists). Enabled outside ``DEBUG`` it is staff-only: anonymous visitors go to
the login page, signed-in users who are not staff get 403.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse

from codex_django.cabinet.conf import cabinet_setting


def storybook_enabled() -> bool:
    """True in DEBUG, or when ``CODEX_CABINET["STORYBOOK_ENABLED"]`` is set."""
    return bool(settings.DEBUG or cabinet_setting("STORYBOOK_ENABLED"))


def storybook_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Guard a storybook view with :func:`storybook_enabled` and, outside DEBUG, staff access."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not storybook_enabled():
            raise Http404("The storybook is not enabled.")
        if not settings.DEBUG:
            user = getattr(request, "user", None)
            if user is None or not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not (user.is_active and user.is_staff):
                raise PermissionDenied("The storybook is for staff users.")
        return view(request, *args, **kwargs)

    return wrapped
