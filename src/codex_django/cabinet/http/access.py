"""Who may enter a cabinet space.

The rule is a hook: ``CODEX_CABINET["SPACE_ACCESS"]`` names a function
``(request, space) -> bool``. Function views use the :func:`space_required`
decorator, class-based views :class:`SpaceRequiredMixin`, so every cabinet
view checks it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.utils.module_loading import import_string

from codex_django.cabinet.conf import cabinet_setting

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


class SpaceRequiredMixin:
    """Class-based-view guard, the counterpart of :func:`space_required`.

    Anonymous users go to the login page, users the ``SPACE_ACCESS`` hook
    refuses get 403. On success ``request.cabinet_space`` (and, when the view
    sets ``cabinet_module``, ``request.cabinet_module``) tell the context
    processor where the page belongs. Put it first among the bases::

        class ScheduleView(SpaceRequiredMixin, TemplateView):
            space = "staff"
            cabinet_module = "booking"
            template_name = "booking/schedule.html"
    """

    space: str = ""
    cabinet_module: str | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.space not in SPACES:
            raise ImproperlyConfigured(
                f"{type(self).__name__}: set space = 'staff' or 'client' (got {self.space!r})."
            )
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_enter(request, self.space):
            raise PermissionDenied(f"You may not enter the {self.space} cabinet.")
        request.cabinet_space = self.space  # type: ignore[attr-defined]
        if self.cabinet_module:
            request.cabinet_module = self.cabinet_module  # type: ignore[attr-defined]
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        return response
