"""The demo project (``demo/``) behaves as its README promises.

The demo has its own settings, apps and ``cabinet.py`` declarations. Loading
them into this test session would mix the demo's navigation into the
registry every other test inspects, so the demo's tests
(``demo/salon/tests/``) run in a subprocess under ``salon.settings`` and each
test here checks one behaviour from that run's JUnit report, failing with the
inner test's own message.
"""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow  # the demo's whole suite in a subprocess

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "demo"


@dataclass(frozen=True)
class DemoRun:
    returncode: int
    output: str
    # Inner test name (with parameters) -> failure text, or None when it passed.
    results: dict[str, str | None]

    def check(self, prefix: str) -> None:
        matching = {name: failure for name, failure in self.results.items() if name.startswith(prefix)}
        assert matching, f"no demo test named {prefix}* ran; demo run output:\n{self.output[-3000:]}"
        failed = {name: failure for name, failure in matching.items() if failure is not None}
        assert not failed, "\n\n".join(f"{name}:\n{failure}" for name, failure in failed.items())


def parse_junit(report: Path) -> dict[str, str | None]:
    results: dict[str, str | None] = {}
    for case in ET.parse(report).getroot().iter("testcase"):
        problem = next((child for child in case if child.tag in {"failure", "error", "skipped"}), None)
        if problem is None:
            results[case.get("name", "")] = None
        else:
            results[case.get("name", "")] = (
                f"{problem.tag}: {problem.get('message', '')}\n{problem.text or ''}"
            )
    return results


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory: pytest.TempPathFactory) -> DemoRun:
    report = tmp_path_factory.mktemp("demo") / "junit.xml"
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(DEMO), env.get("PYTHONPATH")]))
    command = [
        sys.executable,
        "-m",
        "pytest",
        "demo/salon/tests",
        "--ds=salon.settings",
        "-p",
        "no:cacheprovider",
        "-q",
        f"--junitxml={report}",
    ]
    result = subprocess.run(
        command, cwd=REPO, env=env, capture_output=True, text=True, timeout=300, check=False
    )
    output = result.stdout + result.stderr
    if result.returncode == 5:
        pytest.fail(f"the demo run collected no tests:\n{output}")
    if not report.exists():
        pytest.fail(f"the demo run wrote no report (exit status {result.returncode}):\n{output}")
    return DemoRun(result.returncode, output, parse_junit(report))


def test_demo_run_passes_as_a_whole(demo_run: DemoRun) -> None:
    assert demo_run.returncode == 0, demo_run.output[-5000:]


def test_demo_declarations_load(demo_run: DemoRun) -> None:
    demo_run.check("test_declarations_load")


def test_seed_demo_creates_data_and_users_idempotently(demo_run: DemoRun) -> None:
    demo_run.check("test_seed_demo_prints_credentials_and_is_idempotent")


def test_seeded_staff_user_gets_the_staff_shell(demo_run: DemoRun) -> None:
    demo_run.check("test_staff_dashboard_renders_the_shell")
    demo_run.check("test_staff_pages_answer_staff")


def test_client_user_gets_403_on_staff_pages(demo_run: DemoRun) -> None:
    demo_run.check("test_client_user_is_refused_staff_pages")


def test_client_user_gets_the_client_space(demo_run: DemoRun) -> None:
    demo_run.check("test_client_space_answers_client_user")
    demo_run.check("test_client_sees_own_appointments_only")


def test_anonymous_user_is_sent_to_login(demo_run: DemoRun) -> None:
    demo_run.check("test_anonymous_is_sent_to_login")
    demo_run.check("test_root_sends_each_user_to_their_space")
