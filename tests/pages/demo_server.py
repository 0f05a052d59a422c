"""The demo salon served for the page harness: a subprocess on a free port, fresh data, frozen clock.

The demo runs under its own settings and URLconf (``demo/salon``), which must not
mix into this test session's registry, so it runs in a process of its own:
``manage.py`` with :mod:`tests.pages.demo_settings` (the demo's settings plus a
fresh SQLite file, a frozen clock and no Redis), first ``migrate`` and
``seed_demo`` in one interpreter, then ``runserver --noreload`` (one process,
stopped by its own pid; ``runserver`` serves the static files in ``DEBUG``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
MANAGE = REPO / "demo" / "manage.py"
SETTINGS = "tests.pages.demo_settings"
START_TIMEOUT = 30.0
SEED = (
    "from django.core.management import call_command; "
    "call_command('migrate', verbosity=0); call_command('seed_demo', verbosity=0)"
)


class DemoServerError(RuntimeError):
    """The demo did not start; the message carries its output."""


@dataclass
class DemoServer:
    url: str
    process: subprocess.Popen[bytes]
    log: Path

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _environment(database: Path) -> dict[str, str]:
    env = {
        key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    }
    env["DJANGO_SETTINGS_MODULE"] = SETTINGS
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env["PAGES_DEMO_DB"] = str(database)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return bool(response.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def start_demo(workdir: Path) -> DemoServer:
    """Seed a fresh database in ``workdir`` and serve the demo; return once ``/login/`` answers."""
    env = _environment(workdir / "demo.sqlite3")
    seeded = subprocess.run(
        [sys.executable, str(MANAGE), "shell", "-c", SEED],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if seeded.returncode != 0:
        raise DemoServerError(f"migrate/seed_demo failed:\n{seeded.stdout}{seeded.stderr}")
    for attempt in range(3):  # another process may take the free port before runserver binds it
        try:
            return _serve(workdir, env, attempt)
        except DemoServerError:
            if attempt == 2:
                raise
    raise AssertionError("unreachable")


def _serve(workdir: Path, env: dict[str, str], attempt: int) -> DemoServer:
    log = workdir / f"runserver-{attempt}.log"
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, str(MANAGE), "runserver", "--noreload", "--skip-checks", f"127.0.0.1:{port}"],
            cwd=REPO,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    server = DemoServer(url=url, process=process, log=log)
    deadline = time.monotonic() + START_TIMEOUT
    # Answering is not enough: the port may be another process's, so ours must still be running.
    while not (_answers(f"{url}/login/") and process.poll() is None):
        if process.poll() is not None or time.monotonic() > deadline:
            server.stop()
            raise DemoServerError(f"the demo server did not answer on {url}:\n{server.output()}")
        time.sleep(0.1)
    return server
