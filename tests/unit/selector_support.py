"""What the DashboardSelector unit tests share: an emptied provider registry and a request."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from codex_django.cabinet.selector.dashboard import DashboardSelector


@contextmanager
def no_providers() -> Iterator[None]:
    """No registered provider inside the block; the registrations come back after it."""
    state = DashboardSelector.snapshot()
    DashboardSelector.restore({})
    try:
        yield
    finally:
        DashboardSelector.restore(state)


def make_request() -> Any:
    """An anonymous GET of the dashboard."""
    request = RequestFactory().get("/cabinet/")
    request.user = AnonymousUser()
    return request
