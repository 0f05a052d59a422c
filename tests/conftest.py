"""Suite-wide pytest set-up: tests under ``tests/browser/`` and ``tests/pages/`` carry the ``browser`` marker.

So ``pytest -m "not browser"`` runs everything that needs no Chromium.
Fixtures belong in the conftest of the folder that uses them.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

BROWSER_TESTS = tuple(Path(__file__).resolve().parent / name for name in ("browser", "pages"))


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if any(folder in Path(str(item.path)).parents for folder in BROWSER_TESTS):
            item.add_marker(pytest.mark.browser)


def pytest_addoption(parser: pytest.Parser) -> None:
    # Here, not in tests/browser/conftest.py, so `pytest --update-baselines` works from the top.
    parser.addoption(
        "--update-baselines",
        action="store_true",
        default=False,
        help="Write the browser harness's screenshots as the new baselines instead of comparing.",
    )


DEBIAN_CHROMIUM = Path("/usr/bin/chromium")


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """The one Chromium of the test session: Debian's when installed, else Playwright's own.

    One Playwright instance for the whole session: its sync API runs an event
    loop on the main thread, so a second ``sync_playwright()`` while it lives
    fails, and so does ``asyncio.run`` (async tests use ``run_async``, which gives
    the coroutine a thread of its own: pytest-django may run live-server tests,
    and so this browser, before the plain ones).
    """
    from playwright.sync_api import sync_playwright

    options: dict[str, Any] = {"headless": True}
    if DEBIAN_CHROMIUM.exists():
        options["executable_path"] = str(DEBIAN_CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        yield browser
        browser.close()
