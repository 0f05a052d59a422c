"""Benchmark: the dashboard's Redis access pattern, as ratios (``make bench``).

Compares, in one run and side by side (rounds interleaved so machine noise
hits every variant alike):

* **cached**: ``DashboardSelector.get_context`` with 20 providers, all cached
  (one ``MGET`` round trip);
* **uncached**: the same 20 providers with ``cache_ttl=0`` (computed every time);
* **GET per provider**: the old pattern, one ``GET`` round trip per provider.

Each provider runs one aggregate query on an in-memory SQLite table of
5,000 bookings and returns a ``MetricWidgetData``: a cheap stand-in for a real
database round trip, so the "uncached" ratio is a lower bound. A throwaway ``redis-server`` on a unix
socket is started and stopped by the script. Run::

    .venv/bin/python bench/bench_dashboard.py [--rounds 300]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PROVIDERS = 20
ROWS = 5_000
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


def start_redis(directory: str) -> tuple[subprocess.Popen[bytes], str]:
    socket = os.path.join(directory, "redis.sock")
    process = subprocess.Popen(  # noqa: S603  (a fixed argument list, no user input)
        [REDIS_SERVER, "--port", "0", "--unixsocket", socket, "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    import redis

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            if redis.Redis(unix_socket_path=socket).ping():
                return process, socket
        except (redis.ConnectionError, OSError):
            time.sleep(0.02)
    process.terminate()
    raise SystemExit("redis-server did not start")


def setup_django(socket: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.CODEX_CABINET = {"REDIS_URL": f"unix://{socket}"}


def bookings_table(rows: int) -> sqlite3.Connection:
    """An in-memory table of bookings: what a KPI provider aggregates."""
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE booking (id INTEGER PRIMARY KEY, day INTEGER, amount TEXT)")
    connection.executemany(
        "INSERT INTO booking (day, amount) VALUES (?, ?)",
        [(n % 365, f"{n % 97}.50") for n in range(rows)],
    )
    connection.execute("CREATE INDEX booking_day ON booking (day)")
    return connection


def make_provider(index: int, connection: sqlite3.Connection) -> Callable[[Any], dict[str, Any]]:
    from codex_django.cabinet.types.widgets import MetricWidgetData

    def provider(request: Any) -> dict[str, Any]:
        count, total = connection.execute(
            "SELECT count(*), sum(amount) FROM booking WHERE day >= ?", (index * 7,)
        ).fetchone()
        value = Decimal(str(total)).quantize(Decimal("0.01"))
        return {f"kpi_{index}": MetricWidgetData(label=f"KPI {index}", value=f"{count} / {value}")}

    provider.__qualname__ = f"kpi_{index}"
    return provider


def run(rounds: int) -> None:
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from codex_django.cabinet.redis import DashboardRedisManager
    from codex_django.cabinet.selector.dashboard import DashboardSelector

    request = RequestFactory().get("/cabinet/")
    request.user = AnonymousUser()
    connection = bookings_table(ROWS)
    providers = [make_provider(index, connection) for index in range(PROVIDERS)]
    manager = DashboardRedisManager()

    def register(ttl: int) -> None:
        DashboardSelector.restore({})
        for index, provider in enumerate(providers):
            DashboardSelector.extend(provider, cache_key=f"kpi_{index}", cache_ttl=ttl)

    register(300)
    DashboardSelector.prefetch_settings = False  # compare the provider reads alone
    DashboardSelector.get_context(request)  # fill the cache
    cached_state = DashboardSelector.snapshot()
    register(0)
    uncached_state = DashboardSelector.snapshot()

    def cached() -> None:
        DashboardSelector.restore(cached_state)
        DashboardSelector.get_context(request)

    def uncached() -> None:
        DashboardSelector.restore(uncached_state)
        DashboardSelector.get_context(request)

    from codex_django.cabinet.selector.provider import language_suffix

    def get_per_provider() -> None:
        context: dict[str, Any] = {}
        suffix = language_suffix()  # the keys the selector wrote (per language with USE_I18N)
        for index in range(PROVIDERS):
            context.update(manager.get(f"kpi_{index}{suffix}") or {})

    variants = {"cached (1 MGET)": cached, "uncached": uncached, "GET per provider": get_per_provider}
    timings: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(rounds):
        for name, call in variants.items():
            started = time.perf_counter()
            call()
            timings[name].append(time.perf_counter() - started)

    medians = {name: statistics.median(values) for name, values in timings.items()}
    base = medians["cached (1 MGET)"]
    print(
        f"dashboard get_context, {PROVIDERS} providers, {rounds} interleaved rounds "
        "(median time, as a ratio to cached; absolute times in brackets)"
    )
    for name, median in medians.items():
        print(f"  {name:<20} {median / base:6.2f}x   ({median * 1e3:.3f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=300)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        process, socket = start_redis(directory)
        try:
            setup_django(socket)
            run(arguments.rounds)
        finally:
            process.terminate()
            process.wait(timeout=10)


if __name__ == "__main__":
    main()
