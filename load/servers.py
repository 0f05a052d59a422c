"""The processes of a load run: a redis-server, the seeded demo database, gunicorn with 4 workers.

Everything listens on 127.0.0.1 only, on ports the OS hands out, and lives in
one temporary directory (the SQLite file, Redis's working directory, the
logs). Each process is started here and stopped here by its own pid.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path

__all__ = ["ROOT", "Gunicorn", "RedisServer", "demo_env", "free_port", "seed_database"]

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "demo"
PYTHON = Path(sys.executable)


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait(
    what: str, ready: Callable[[], bool], timeout: float, process: subprocess.Popen[bytes], log: Path
) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{what} exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        if ready():
            return
        time.sleep(0.1)
    raise RuntimeError(f"{what} not ready after {timeout:.0f} s:\n{log.read_text()[-2000:]}")


class RedisServer:
    """``redis-server`` on a loopback port, without persistence (a restart starts empty)."""

    def __init__(self, workdir: Path, port: int) -> None:
        self.workdir = workdir
        self.port = port
        self.log = workdir / "redis.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            raise RuntimeError("redis-server is not installed (Debian: apt-get install redis-server)")
        command = [binary, "--bind", "127.0.0.1", "--port", str(self.port), "--save", ""]
        command += ["--appendonly", "no", "--dir", str(self.workdir)]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        _wait("redis-server", self._answers, 10, self.process, self.log)

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as conn:
                conn.sendall(b"PING\r\n")
                return conn.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL: the server vanishes mid-request, as in a crash (its data goes with it)."""
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(10)

    def pause(self) -> None:
        """SIGSTOP: the server hangs (requests time out) but keeps its data, as in a partition."""
        if self.process is not None:
            self.process.send_signal(signal.SIGSTOP)

    def resume(self) -> None:
        if self.process is not None:
            self.process.send_signal(signal.SIGCONT)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.resume()
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)


def demo_env(db_path: Path, redis_url: str) -> dict[str, str]:
    """The environment of the demo's processes: load settings, the temp database, our Redis."""
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="load.settings",
        PYTHONPATH=os.pathsep.join([str(ROOT), str(DEMO)]),
        LOAD_DB_PATH=str(db_path),
        REDIS_URL=redis_url,
    )
    return env


def seed_database(env: dict[str, str], log: Path) -> None:
    """``migrate`` and ``seed_demo`` into the fresh SQLite file (the users staff/staff, client/client)."""
    for command in (["migrate", "--noinput"], ["seed_demo"]):
        with log.open("ab") as output:
            done = subprocess.run(  # noqa: S603 (our own manage.py)
                [str(PYTHON), str(DEMO / "manage.py"), *command],
                env=env,
                cwd=DEMO,
                stdout=output,
                stderr=subprocess.STDOUT,
                check=False,
            )
        if done.returncode:
            raise RuntimeError(f"manage.py {command[0]} failed:\n{log.read_text()[-2000:]}")


class Gunicorn:
    """``gunicorn salon.wsgi`` with sync workers on a loopback port; its log keeps Django's errors."""

    def __init__(self, workdir: Path, port: int, env: dict[str, str], workers: int) -> None:
        self.port = port
        self.env = env
        self.workers = workers
        self.log = workdir / "gunicorn.log"
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        command = [str(PYTHON), "-m", "gunicorn", "salon.wsgi:application"]
        command += ["--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers)]
        command += ["--chdir", str(DEMO), "--no-control-socket", "--timeout", "60"]
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(command, env=self.env, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
        _wait("gunicorn", self._answers, 60, self.process, self.log)

    def _answers(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.url}/login/", timeout=5) as answer:  # noqa: S310
                return bool(answer.status == 200)
        except (urllib.error.URLError, OSError):
            return False

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()  # gunicorn's graceful shutdown stops the workers too
            try:
                self.process.wait(30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(10)
