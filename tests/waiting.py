"""Waiting on a condition instead of sleeping a fixed time.

A fixed sleep is either too long (slow tests) or, on a loaded machine, too short
(flaky tests). :func:`wait_for` polls the condition the sleep stood for and
fails naming it when it does not come true in time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_for(condition: Callable[[], T], what: str, *, timeout: float = 10.0, every: float = 0.005) -> T:
    """Call ``condition`` until it returns something true; return that, or fail after ``timeout`` s.

    ``what`` says what is awaited, for the failure message::

        wait_for(lambda: not health.skip(), "the breaker's retry interval to pass")
    """
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(every)
