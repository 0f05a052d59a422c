"""Fail-open bookkeeping: one warning when Redis goes away, one line when it is back.

Every Redis call the cabinet makes goes through :func:`skip`, :func:`failed`
and :func:`succeeded`. A page never fails because Redis did: the caller
computes the value live. Logging per request would flood the logs during an
outage, so the state is remembered per process and only its changes are logged.

After a failure, calls are skipped for :data:`retry_after` seconds (a small
circuit breaker): a Redis that hangs then costs one request per interval a
socket timeout, not every request several. The first call after the interval
tries again, so recovery needs no restart.

A Sentinel failover or a Redis Cluster node going away is such an outage too:
calls fail while the master (or the node owning a key's slot) is away, and the
first call after the interval reaches the new master (the sentinel client asks
the sentinels again) or the healed cluster (the cluster client refreshes its
slot map).
"""

from __future__ import annotations

import logging
import threading
import time

__all__ = ["failed", "is_down", "logger", "reset", "retry_after", "skip", "succeeded"]

logger = logging.getLogger("codex_django.cabinet.redis")

#: Seconds to skip Redis after a failed call.
retry_after = 1.0

_state: dict[str, float | bool] = {"down": False, "retry_at": 0.0}
_lock = threading.Lock()


def skip() -> bool:
    """True while Redis failed less than :data:`retry_after` seconds ago: don't try it now."""
    return bool(_state["down"]) and time.monotonic() < float(_state["retry_at"])


def failed(action: str, error: BaseException) -> None:
    """Record a failed Redis call; the first failure of an outage logs a warning."""
    with _lock:
        first = not _state["down"]
        _state["down"] = True
        _state["retry_at"] = time.monotonic() + retry_after
    if first:
        logger.warning(
            "Redis is unavailable (%s while %s: %s); the cabinet works without its cache until it is back.",
            type(error).__name__,
            action,
            error,
        )


def succeeded() -> None:
    """Record a successful Redis call; logs once when an outage ends."""
    if not _state["down"]:
        return
    with _lock:
        was_down = _state["down"]
        _state["down"] = False
    if was_down:
        logger.info("Redis is reachable again; the cabinet cache is back in use.")


def is_down() -> bool:
    """True between a failed call and the next successful one."""
    return bool(_state["down"])


def reset() -> None:
    """Forget the outage state without logging (tests)."""
    with _lock:
        _state["down"] = False
        _state["retry_at"] = 0.0
