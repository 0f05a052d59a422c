"""The hostile pass's session summary and its browser.

At the end of the session the pass prints one line: stories, variants
rendered, variants refused, payloads tried and renders, e.g.::

    hostile pass: 152 stories, 67032 variants (52919 rendered, 14113 refused) from 56 payloads
    in 14282 server renders; 14282 renders loaded in Chromium on 23 pages

Chromium is Debian's ``/usr/bin/chromium`` when present (Playwright cannot
download its own here), one per session.
"""

from __future__ import annotations

import os
from typing import Any

import pytest

from .summary import SUMMARY

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_terminal_summary(terminalreporter: Any) -> None:
    for line in SUMMARY.lines():
        terminalreporter.write_line(line)


@pytest.fixture(scope="session")
def hostile_result() -> Any:
    """The server pass over every story (run once; request it before ``live_server``:
    the pass forks its workers, best done before the live server's thread starts)."""
    from .hostile_pass import discovered_pass

    return discovered_pass()


@pytest.fixture(scope="session")
def hostile_browser(chromium: Any) -> Any:
    """The session's Chromium (``tests/conftest.py``)."""
    return chromium
