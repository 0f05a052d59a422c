"""Real Redis Cluster and Sentinel set-ups for the scale-out tests, started and stopped by the tests.

Like ``conftest.redis_server``, every server is a ``redis-server`` process of
the test's own, in a directory of its own, with nothing written to disk, and
is stopped through its process object (never by name):

* :class:`ClusterServers`: three masters in cluster mode on free loopback
  ports, slots split in three and joined with ``CLUSTER ADDSLOTSRANGE`` and
  ``CLUSTER MEET`` (quicker than ``redis-cli --cluster create``, which sleeps
  while the nodes join); session-scoped (:func:`redis_cluster`).
* :class:`SentinelServers`: a master, its replica and one sentinel
  (``redis-server --sentinel``, quorum 1) watching the master as
  ``cabinet``; a fresh set per test (:func:`redis_sentinel`) since tests fail
  it over. :meth:`SentinelServers.failover` asks the sentinel for a failover,
  :meth:`SentinelServers.kill_master` kills the master's process and waits for
  the sentinel to promote the replica.

``cabinet_cluster`` / ``cabinet_sentinel`` point ``CODEX_CABINET["REDIS_URL"]``
at them (``redis+cluster://`` / ``redis+sentinel://``), as ``cabinet_redis``
does for the single server. A test module imports the ``*_fixture`` functions
(registered under the names without the suffix) to use them.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
import redis
import redis.cluster

from codex_django.cabinet.redis import health
from codex_django.cabinet.redis.connection import reset_clients

REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
HOST = "127.0.0.1"
SERVICE = "cabinet"
SLOTS = 16384

T = TypeVar("T")


def wait_until(condition: Callable[[], T], what: str, timeout: float = 15.0) -> T:
    """Poll ``condition`` until it returns something true; fail naming ``what`` after ``timeout`` s."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            result = condition()
        except (redis.RedisError, OSError):
            result = None  # type: ignore[assignment]
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.02)


def free_port() -> int:
    """A TCP port on the loopback nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


class Server:
    """One redis-server process on ``127.0.0.1:port`` with its own directory."""

    def __init__(self, directory: Path, *args: str, port: int | None = None) -> None:
        self.directory = directory
        self.directory.mkdir(parents=True, exist_ok=True)
        self.port = port or free_port()
        self.args = args
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process = subprocess.Popen(
            [REDIS_SERVER, *self.args, "--port", str(self.port), "--bind", HOST, "--dir", str(self.directory)]
            + ([] if "--sentinel" in self.args else ["--save", "", "--appendonly", "no"]),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(lambda: self.client(0.2).ping(), f"redis-server on port {self.port}")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(timeout=10)
            self.process = None

    def client(self, timeout: float = 5.0) -> redis.Redis:
        """A client of the test's own (not the cabinet's)."""
        return redis.Redis(HOST, self.port, socket_timeout=timeout, socket_connect_timeout=timeout)


class ClusterServers:
    """Three cluster-mode masters covering all 16384 slots between them."""

    def __init__(self, directory: Path) -> None:
        self.nodes = [
            Server(
                directory / f"node{index}",
                "--cluster-enabled",
                "yes",
                "--cluster-config-file",
                "nodes.conf",
                "--cluster-port",
                str(free_port()),
                "--cluster-node-timeout",
                "1000",
            )
            for index in range(3)
        ]

    @property
    def url(self) -> str:
        """Two of the three nodes as startup nodes: the client learns the third from them."""
        return "redis+cluster://" + ",".join(f"{HOST}:{node.port}" for node in self.nodes[:2])

    def start(self) -> None:
        for node in self.nodes:
            node.start()
        bounds = [SLOTS * index // 3 for index in range(4)]
        for node, low, high in zip(self.nodes, bounds, bounds[1:], strict=False):
            with node.client() as client:
                client.execute_command("CLUSTER", "ADDSLOTSRANGE", low, high - 1)
        with self.nodes[0].client() as first:
            for node in self.nodes[1:]:
                bus = node.args[node.args.index("--cluster-port") + 1]
                first.execute_command("CLUSTER", "MEET", HOST, node.port, bus)
        for node in self.nodes:
            wait_until(lambda node=node: self.ready(node), f"cluster node {node.port} to see every slot")

    @staticmethod
    def ready(node: Server) -> bool:
        """The node answers, sees the cluster as ``ok`` and knows the three slot ranges."""
        with node.client() as client:
            info = client.execute_command("CLUSTER", "INFO")
            text = info.decode() if isinstance(info, bytes) else str(info)
            known = len(client.execute_command("CLUSTER", "SLOTS"))
        return "cluster_state:ok" in text and known == 3

    def stop(self) -> None:
        for node in self.nodes:
            node.stop()

    def flushall(self) -> None:
        for node in self.nodes:
            with node.client() as client:
                client.flushall()

    def keys_by_node(self) -> list[set[str]]:
        """Every key, per node: shows where the cluster put each one."""
        found = []
        for node in self.nodes:
            with node.client() as client:
                found.append({key.decode() for key in client.scan_iter(count=1000)})
        return found

    def client(self) -> redis.cluster.RedisCluster:
        return redis.cluster.RedisCluster(HOST, self.nodes[0].port, socket_timeout=5)


class SentinelServers:
    """A master, one replica and a sentinel watching them as :data:`SERVICE`."""

    def __init__(self, directory: Path) -> None:
        fast_sync = ("--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0")
        self.master = Server(directory / "master", *fast_sync)
        self.replica = Server(directory / "replica", *fast_sync, "--replicaof", HOST, str(self.master.port))
        self.sentinel_dir = directory / "sentinel"
        self.sentinel = Server(self.sentinel_dir, str(self.sentinel_dir / "sentinel.conf"), "--sentinel")
        # A sentinel that is not there, listed first: discovery must move on to the next one.
        self.absent_sentinel = free_port()

    @property
    def url(self) -> str:
        return f"redis+sentinel://{HOST}:{self.absent_sentinel},{HOST}:{self.sentinel.port}/{SERVICE}"

    def start(self) -> None:
        self.master.start()
        self.replica.start()
        wait_until(lambda: self.synced(self.master, self.replica), "the replica's first sync")
        self.sentinel_dir.mkdir(parents=True, exist_ok=True)
        (self.sentinel_dir / "sentinel.conf").write_text(
            f"sentinel monitor {SERVICE} {HOST} {self.master.port} 1\n"
            f"sentinel down-after-milliseconds {SERVICE} 300\n"
            f"sentinel failover-timeout {SERVICE} 3000\n"
        )
        self.sentinel.start()
        wait_until(self._replica_known, "the sentinel to know the replica")

    def _replica_known(self) -> bool:
        with self.sentinel.client() as client:
            return bool(client.sentinel_slaves(SERVICE))

    def master_port(self) -> int:
        """The master's port as the sentinel reports it."""
        with self.sentinel.client() as client:
            return int(client.sentinel_get_master_addr_by_name(SERVICE)[1])

    @staticmethod
    def synced(master: Server, replica: Server) -> bool:
        """The replica has everything the master wrote (replication offsets equal)."""
        with master.client() as primary:
            info: dict[str, Any] = primary.info("replication")
        entry = next((value for key, value in info.items() if key.startswith("slave")), None)
        return (
            isinstance(entry, dict)
            and entry.get("state") == "online"
            and int(entry["offset"]) == int(info["master_repl_offset"])
            and int(entry["port"]) == replica.port
        )

    def failover(self) -> None:
        """``SENTINEL FAILOVER``: the replica becomes master, the old master its replica."""
        old = self.master_port()
        with self.sentinel.client() as client:
            client.execute_command("SENTINEL", "FAILOVER", SERVICE)
        wait_until(lambda: self.master_port() != old, "the sentinel to switch masters")
        self.master, self.replica = self.replica, self.master

    def kill_master(self) -> None:
        """Kill the master's process; the sentinel notices within 300 ms and promotes the replica."""
        old = self.master.port
        self.master.stop()
        wait_until(lambda: self.master_port() != old, "the sentinel to promote the replica", timeout=20)
        wait_until(lambda: self.role(self.replica) == "master", "the replica to become master")
        self.master = self.replica

    @staticmethod
    def role(server: Server) -> str:
        with server.client() as client:
            return str(client.info("replication")["role"])

    def stop(self) -> None:
        for server in (self.sentinel, self.replica, self.master):
            server.stop()


def _use(settings: Any, monkeypatch: pytest.MonkeyPatch, url: str) -> None:
    """Point the cabinet at ``url`` with test-friendly timeouts (see ``conftest.cabinet_redis``)."""
    monkeypatch.setattr(health, "retry_after", 0.05)
    settings.CODEX_CABINET = {**settings.CODEX_CABINET, "REDIS_URL": url, "REDIS_SOCKET_TIMEOUT": 2.0}
    reset_clients()
    health.reset()


@pytest.fixture(scope="session", name="redis_cluster")
def redis_cluster_fixture(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterServers]:
    cluster = ClusterServers(tmp_path_factory.mktemp("redis-cluster"))
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.stop()
        reset_clients()


@pytest.fixture(name="cabinet_cluster")
def cabinet_cluster_fixture(
    redis_cluster: ClusterServers, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[ClusterServers]:
    """An empty cluster the cabinet is configured to use for this test."""
    redis_cluster.flushall()
    _use(settings, monkeypatch, redis_cluster.url)
    yield redis_cluster
    reset_clients()
    health.reset()


@pytest.fixture(name="cabinet_sentinel")
def cabinet_sentinel_fixture(
    tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch
) -> Iterator[SentinelServers]:
    """A fresh master + replica + sentinel the cabinet uses through its sentinel URL."""
    servers = SentinelServers(tmp_path / "redis-sentinel")
    try:
        servers.start()
        _use(settings, monkeypatch, servers.url)
        yield servers
    finally:
        reset_clients()
        health.reset()
        servers.stop()
