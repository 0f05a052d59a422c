"""Fixtures of the page harness: the demo server, signed-in browser contexts, the crawl's link map.

* ``demo_server``: the demo salon in a subprocess (``demo_server.py``), once per session.
* ``demo_pages``: one :class:`PageProbe` per user x combination on the session's Chromium
  (``tests/conftest.py``), each context signed in (a storage state taken once per user)
  and in its colour scheme twice over: Playwright's ``color_scheme`` and the cabinet's
  colour-mode cookie, which the server turns into ``<html data-bs-theme>``.
* ``site_links``: the same-origin links each page shows, filled by the page tests and the crawl.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from playwright.sync_api import Browser

from codex_django.cabinet.theme.color_mode import COLOR_MODE_COOKIE
from tests.browser.harness import PageProbe, update_requested

from .demo_server import DemoServer, start_demo
from .page_checks import HTMX_COUNTER_SCRIPT

# Playwright's sync API runs an event loop in this thread; Django would refuse ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass(frozen=True)
class Combination:
    theme: str
    viewport: str
    width: int
    height: int

    @property
    def key(self) -> str:
        return f"{self.theme}--{self.viewport}"


COMBINATIONS = [
    Combination(theme, viewport, width, height)
    for theme in ("light", "dark")
    for viewport, width, height in (("desktop", 1366, 900), ("mobile", 390, 844))
]
BY_KEY = {combination.key: combination for combination in COMBINATIONS}
USERS = ("staff", "client")  # the demo's seeded users; each one's password is its name


@pytest.fixture(scope="session")
def update_baselines(pytestconfig: pytest.Config) -> bool:
    return update_requested(bool(pytestconfig.getoption("--update-baselines")))


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoServer]:
    server = start_demo(tmp_path_factory.mktemp("demo-pages"))
    yield server
    server.stop()


class DemoPages:
    """Signed-in pages of the demo, one per user and combination, opened on first use."""

    def __init__(self, browser: Browser, server: DemoServer) -> None:
        self.browser = browser
        self.server = server
        self.states: dict[str, Any] = {}
        self.probes: dict[tuple[str, str], PageProbe] = {}

    def _signed_in_state(self, user: str) -> Any:
        if user not in self.states:
            context = self.browser.new_context()
            page = context.new_page()
            page.goto(f"{self.server.url}/login/")
            page.fill("input[name=username]", user)
            page.fill("input[name=password]", user)
            with page.expect_navigation():
                page.click("button[type=submit]")
            assert "/login/" not in page.url, f"{user} could not sign in to the demo:\n{self.server.output()}"
            self.states[user] = context.storage_state()
            context.close()
        return self.states[user]

    def probe(self, user: str, combination: str) -> PageProbe:
        if (user, combination) not in self.probes:
            item = BY_KEY[combination]
            context = self.browser.new_context(
                base_url=self.server.url,
                storage_state=self._signed_in_state(user),
                viewport={"width": item.width, "height": item.height},
                device_scale_factor=1,
                color_scheme="dark" if item.theme == "dark" else "light",
                reduced_motion="reduce",
                locale="en-US",
                timezone_id="Europe/Moscow",
            )
            context.add_cookies([{"name": COLOR_MODE_COOKIE, "value": item.theme, "url": self.server.url}])
            context.add_init_script(HTMX_COUNTER_SCRIPT)
            self.probes[(user, combination)] = PageProbe.open(context)
        return self.probes[(user, combination)]

    def close(self) -> None:
        for probe in self.probes.values():
            probe.page.context.close()


@pytest.fixture(scope="session")
def demo_pages(chromium: Browser, demo_server: DemoServer) -> Iterator[DemoPages]:
    pages = DemoPages(chromium, demo_server)
    yield pages
    pages.close()


@pytest.fixture(scope="session")
def site_links() -> dict[tuple[str, str], list[str]]:
    """(user, path) -> the hrefs of the links that page shows (absolute URLs)."""
    return {}
