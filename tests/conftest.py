"""Suite-wide pytest set-up: tests under ``tests/browser/`` carry the ``browser`` marker.

So ``pytest -m "not browser"`` runs everything that needs no Chromium.
Fixtures belong in the conftest of the folder that uses them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

BROWSER_TESTS = Path(__file__).resolve().parent / "browser"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if BROWSER_TESTS in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, not in tests/browser/conftest.py, so `pytest --update-baselines` works from the top.
    parser.addoption(
        "--update-baselines",
        action="store_true",
        default=False,
        help="Write the browser harness's screenshots as the new baselines instead of comparing.",
    )
