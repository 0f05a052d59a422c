"""Builds the wheel and proves it works outside the repository.

1. ``python -m build --wheel`` (run ``npm run build`` first: the bundle must be inside);
2. every packaged source file of the repository (Python modules, templates,
   static files, each component's folder, the built ``dist/`` assets) must be
   in the wheel;
3. a clean virtualenv in a temporary directory gets the wheel and django-cotton;
4. from a temporary directory outside the repository, a tiny Django project
   (``scripts/wheel_project/``, copied there) renders the cabinet shell for a
   staff user and every component's first story through ``{% component %}``.

Any failure prints what is missing and exits non-zero. Usage::

    .venv/bin/python scripts/check_wheel.py [--keep]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# Source folder -> where it lands in the wheel (see setup.py).
PACKAGE_ROOTS = {
    REPO / "src" / "codex_django": "codex_django",
    REPO / "components": "codex_django/cabinet/components",
    REPO / "storybook": "codex_django/storybook",
}
# pyproject.toml's package-data patterns, plus Python modules.
PACKAGED_SUFFIXES = {
    ".py",
    ".html",
    ".css",
    ".js",
    ".json",
    ".md",
    ".po",
    ".mo",
    ".woff2",
    ".woff",
    ".svg",
    ".txt",
}
SKIPPED_DIRS = {"__pycache__", "node_modules", "frontend"}
REQUIRED = [
    "codex_django/cabinet/static/cabinet/dist/cabinet.css",
    "codex_django/cabinet/static/cabinet/dist/cabinet.js",
    "codex_django/cabinet/static/cabinet/color-mode.js",  # base.html's blocking head script (system mode)
    "codex_django/cabinet/templates/cabinet/base_cabinet.html",
    "codex_django/cabinet/templates/cabinet/base_client.html",
]
COTTON = "django-cotton==2.8.0"


class WheelCheckError(Exception):
    """The wheel is incomplete or does not work; the message says what is wrong."""


def run(command: list[str | Path], quiet: bool = False, **kwargs: Any) -> None:
    """Run ``command``; with ``quiet`` its output is shown only when it fails."""
    printable = " ".join(str(part) for part in command)
    print(f"+ {printable}", flush=True)
    if quiet:
        kwargs.update(stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    result = subprocess.run([str(part) for part in command], check=False, **kwargs)  # noqa: S603 (fixed commands)
    if result.returncode != 0:
        if quiet:
            print(result.stdout, file=sys.stderr)
        raise WheelCheckError(f"command failed with exit status {result.returncode}: {printable}")


def expected_files() -> set[str]:
    """Wheel paths of every packaged file in the working tree."""
    expected: set[str] = set()
    for source, target in PACKAGE_ROOTS.items():
        for path in source.rglob("*"):
            relative = path.relative_to(source)
            if not path.is_file() or SKIPPED_DIRS.intersection(relative.parts[:-1]):
                continue
            if path.suffix in PACKAGED_SUFFIXES:
                expected.add(f"{target}/{relative.as_posix()}")
    return expected


def build_wheel(outdir: Path) -> Path:
    # setuptools reuses build/lib: a file deleted from the sources would linger in the wheel.
    shutil.rmtree(REPO / "build", ignore_errors=True)
    try:
        run([sys.executable, "-m", "build", "--wheel", "--outdir", outdir], quiet=True, cwd=REPO)
    finally:
        shutil.rmtree(REPO / "build", ignore_errors=True)
    wheels = sorted(outdir.glob("*.whl"))
    if len(wheels) != 1:
        raise WheelCheckError(f"expected one wheel in {outdir}, found {[w.name for w in wheels]}")
    return wheels[0]


def check_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing_required = [name for name in REQUIRED if name not in names]
    if missing_required:
        raise WheelCheckError(
            "the wheel lacks required files (did `npm run build` run before the wheel build?):\n  "
            + "\n  ".join(missing_required)
        )
    missing = sorted(expected_files() - names)
    if missing:
        raise WheelCheckError(
            "these files of the working tree are not in the wheel (package-data in pyproject.toml?):\n  "
            + "\n  ".join(missing)
        )
    components = sorted(
        {
            n.split("/")[3]
            for n in names
            if n.startswith("codex_django/cabinet/components/") and n.count("/") >= 4
        }
    )
    print(f"wheel {wheel.name}: {len(names)} files, components: {', '.join(components) or '(none yet)'}")


def smoke_test(wheel: Path, workdir: Path) -> None:
    env_dir = workdir / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    run([python, "-m", "pip", "install", "--disable-pip-version-check", "--quiet", wheel, COTTON], quiet=True)
    project = workdir / "project"
    shutil.copytree(Path(__file__).resolve().parent / "wheel_project", project)
    env = {
        key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "DJANGO_SETTINGS_MODULE"}
    }
    env["CABINET_REPO"] = str(REPO)
    run([python, "smoke_check.py"], cwd=project, env=env)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--keep", action="store_true", help="keep the temporary directory for inspection")
    options = parser.parse_args()
    workdir = Path(tempfile.mkdtemp(prefix="cabinet-wheel-check-"))
    try:
        wheel = build_wheel(workdir / "dist")
        check_contents(wheel)
        smoke_test(wheel, workdir)
    except WheelCheckError as error:
        print(f"\nWHEEL CHECK FAILED: {error}", file=sys.stderr)
        return 1
    finally:
        if options.keep:
            print(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)
    print("wheel check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
