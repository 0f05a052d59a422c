"""Who may enter a cabinet space.

The rule is a hook: ``CODEX_CABINET["SPACE_ACCESS"]`` names a function
``(request, space) -> bool``. Views call :func:`require_space` (or use the
:func:`space_required` decorator) so every cabinet view checks it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from .conf import cabinet_setting

SPACES = ("staff", "client")


def default_space_access(request: HttpRequest, space: str) -> bool:
    """Staff space: active staff users. Client space: any authenticated user."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if space == "staff":
        return bool(user.is_staff)
    return True


def can_enter(request: HttpRequest, space: str) -> bool:
    """Apply the configured ``SPACE_ACCESS`` hook."""
    hook: Callable[[HttpRequest, str], bool] = import_string(cabinet_setting("SPACE_ACCESS"))
    return bool(hook(request, space))


def space_required(space: str) -> Callable[[Callable[..., HttpResponse]], Callable[..., HttpResponse]]:
    """Decorate a view: anonymous users go to the login page, others without access get 403.

    Example::

        @space_required("staff")
        def schedule(request): ...
    """
    if space not in SPACES:
        raise ValueError(f"space_required: space must be one of {SPACES}, got {space!r}")

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @functools.wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not can_enter(request, space):
                raise PermissionDenied(f"You may not enter the {space} cabinet.")
            request.cabinet_space = space  # type: ignore[attr-defined]
            return view(request, *args, **kwargs)

        return wrapped

    return decorator
