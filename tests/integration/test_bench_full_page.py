"""The full-page benchmark still measures three working pages (no time is asserted).

``bench/bench_full_page.py`` runs in a subprocess (its own settings: the demo's,
plus admin and django-tables2) with one round of one request: each page must
answer 200 with the same 100 rows, and the ratios are printed. Needs the
``[bench]`` extra (django-tables2).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_the_three_pages_list_the_same_100_rows_and_the_ratios_are_printed() -> None:
    pytest.importorskip("django_tables2", reason="the [bench] extra (django-tables2) is not installed")
    env = {
        key: value for key, value in os.environ.items() if key not in {"DJANGO_SETTINGS_MODULE", "REDIS_URL"}
    }
    run = subprocess.run(
        [sys.executable, "bench/bench_full_page.py", "--rounds", "1", "--requests", "1"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert run.returncode == 0, run.stdout + run.stderr
    rows = re.findall(r"^  (cabinet|admin|tables2) +\S+ +(\d+) rows", run.stdout, re.M)
    assert rows == [("cabinet", "100"), ("admin", "100"), ("tables2", "100")], run.stdout
    assert re.search(r"cabinet / admin +\d+\.\d+x", run.stdout), run.stdout
    assert re.search(r"cabinet / tables2 +\d+\.\d+x", run.stdout), run.stdout
