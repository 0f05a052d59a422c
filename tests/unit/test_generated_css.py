"""The CSS the asset build generates from Python (codex_django.cabinet.assets.generated_css).

``npm run build`` runs ``python -m codex_django.cabinet.assets.generated_css`` and writes
each stylesheet it prints where frontend/build.mjs says; the files are not
committed. The tests of each file's contents (test_theme_tokens,
test_calendar_grid_presenter) compare the built file with its generator.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from codex_django.cabinet.assets.generated_css import GENERATED_CSS, generated_css

ROOT = Path(__file__).resolve().parents[2]
BUILT = {
    "tokens.css": ROOT / "src/codex_django/cabinet/static/cabinet/tokens.css",
    "calendar_grid_positions.css": ROOT / "components/calendar_grid/calendar_grid_positions.css",
}


def test_the_command_prints_every_stylesheet_without_a_django_project() -> None:
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    result = subprocess.run(
        [sys.executable, "-m", "codex_django.cabinet.assets.generated_css"],
        capture_output=True,
        text=True,
        check=True,
        env=env,
        cwd=ROOT,
    )
    assert json.loads(result.stdout) == generated_css()


def test_the_build_writes_each_stylesheet_where_it_is_used() -> None:
    build = (ROOT / "frontend/build.mjs").read_text(encoding="utf-8")
    assert set(GENERATED_CSS) == set(BUILT)
    for name, path in BUILT.items():
        assert f'"{name}": path.join(' in build, f"frontend/build.mjs does not write {name}"
        assert path.read_text(encoding="utf-8") == generated_css()[name], (
            f"{name} is out of date: npm run build"
        )


def test_generated_stylesheets_are_not_committed() -> None:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    paths = [str(path.relative_to(ROOT)) for path in BUILT.values()]
    tracked = subprocess.run(
        ["git", "ls-files", *paths], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert tracked.stdout.split() == []
    ignored = subprocess.run(["git", "check-ignore", *paths], cwd=ROOT, capture_output=True, text=True)
    assert ignored.stdout.split() == paths
