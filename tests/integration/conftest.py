"""A real Redis for the integration tests: one throwaway server per session.

``redis_server`` starts ``redis-server --port 0 --unixsocket <tmp>/redis.sock
--save '' --appendonly no`` (no TCP port, nothing written to disk) and stops
it, by its own process, at the end. ``cabinet_redis`` empties it before each
test and points the settings at it (``CODEX_CABINET["REDIS_URL"]``); tests that
stop and restart the server use :meth:`RedisServer.stop` / :meth:`RedisServer.start`.
Round trips are counted through the server's own ``INFO commandstats``.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import redis

from codex_django.cabinet.redis import health
from codex_django.cabinet.redis.connection import reset_clients

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"


class RedisServer:
    """A redis-server process on a unix socket, stoppable and restartable on the same path."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.socket = directory / "redis.sock"
        self.process: subprocess.Popen[bytes] | None = None
        self._inspector: redis.Redis | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                "0",
                "--unixsocket",
                str(self.socket),
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                if self.client().ping():
                    return
            except (redis.ConnectionError, FileNotFoundError, OSError):
                time.sleep(0.02)
        raise RuntimeError(f"redis-server did not start on {self.socket}")

    def stop(self) -> None:
        if self._inspector is not None:
            self._inspector.close()
            self._inspector = None
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        self.socket.unlink(missing_ok=True)

    def client(self) -> redis.Redis:
        """A separate client for the test's own inspection (not the cabinet's pool)."""
        return redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5)

    def command_calls(self) -> dict[str, int]:
        """``INFO commandstats`` as ``{command: calls}`` (the INFO calls themselves excluded).

        Asked through one long-lived connection, so its own handshake is not counted twice.
        """
        if self._inspector is None:
            self._inspector = self.client()
        stats: dict[str, Any] = self._inspector.info("commandstats")
        calls = {name.removeprefix("cmdstat_"): int(value["calls"]) for name, value in stats.items()}
        calls.pop("info", None)
        return calls

    def reads(self) -> int:
        """``total_reads_processed``: socket reads the server handled, i.e. round trips of all clients.

        Each call is itself one read, so ``b - a - 1`` is what happened between ``a = reads()`` and
        ``b = reads()``.
        """
        if self._inspector is None:
            self._inspector = self.client()
        return int(self._inspector.info("stats")["total_reads_processed"])


def run_async(coroutine: Coroutine[Any, Any, Any]) -> Any:
    """``asyncio.run`` in a thread of its own: Playwright's sync API keeps an event loop
    running on the main thread for the rest of a session that ran browser tests."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def command_delta(before: dict[str, int], after: dict[str, int]) -> dict[str, int]:
    """Commands run between two :meth:`RedisServer.command_calls` snapshots."""
    delta = {name: calls - before.get(name, 0) for name, calls in after.items()}
    return {name: calls for name, calls in delta.items() if calls}


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    try:
        yield server
    finally:
        server.stop()
        reset_clients()


@pytest.fixture
def cabinet_redis(
    redis_server: RedisServer, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[RedisServer]:
    """An empty Redis the cabinet is configured to use for this test.

    The fail-open breaker waits 50 ms (not 1 s) before retrying a failed Redis, to keep tests quick.
    The socket timeout is 2 s (not 0.25 s): on a loaded machine a healthy Redis can take longer
    than the default to answer, which the breaker would take for an outage; tests that time out
    on purpose set their own.
    """
    monkeypatch.setattr(health, "retry_after", 0.05)
    if redis_server.process is None:  # a previous test stopped it
        redis_server.start()
    with redis_server.client() as client:
        client.flushall()
    settings.CODEX_CABINET = {
        **settings.CODEX_CABINET,
        "REDIS_URL": redis_server.url,
        "REDIS_SOCKET_TIMEOUT": 2.0,
    }
    health.reset()
    yield redis_server
    health.reset()
