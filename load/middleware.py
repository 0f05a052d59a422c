"""``X-Load-Worker: <pid>`` on every response, so a load run knows which gunicorn worker answered."""

from __future__ import annotations

import os
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Load-Worker"


class WorkerPidMiddleware:
    """Adds :data:`HEADER` with the worker's pid (read per response: gunicorn forks the workers)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response[HEADER] = str(os.getpid())
        return response
