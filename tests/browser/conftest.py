"""Browser fixtures: one Chromium per session, one page per (theme, viewport), the live server.

* Debian's ``/usr/bin/chromium`` when present (Playwright cannot download its
  own build here), else Playwright's bundled browser.
* Contexts use ``device_scale_factor=1`` and reduced motion, so screenshots
  are the same on every run; one page per context is reused across stories.
* The storybook is served by pytest-django's ``live_server`` (which serves
  static files through the staticfiles finders) with ``DEBUG`` on, the
  storybook's "enabled" condition.

Regenerate the screenshot baselines with ``--update-baselines`` (when running
``pytest tests/browser``) or ``UPDATE_BASELINES=1``.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from codex_django.storybook.combinations import screenshot_combinations

from .harness import PageProbe, check_csp, load_story, update_requested

# Playwright's sync API runs an event loop in this thread; Django's ORM would refuse to run.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

COMBINATIONS = {str(item["key"]): item for item in screenshot_combinations()}


@pytest.fixture(scope="session")
def update_baselines(pytestconfig: pytest.Config) -> bool:
    try:
        flag = bool(pytestconfig.getoption("--update-baselines"))
    except ValueError:  # the option is registered only when this conftest loads at start-up
        flag = False
    return update_requested(flag)


@pytest.fixture(autouse=True)
def _storybook_enabled(settings: Any) -> None:
    settings.DEBUG = True


@pytest.fixture(scope="session")
def storybook_browser(chromium: Browser) -> Browser:
    """The session's Chromium (``tests/conftest.py``)."""
    return chromium


class StoryPages:
    """One :class:`PageProbe` per screenshot combination, opened on first use."""

    def __init__(self, browser: Browser) -> None:
        self.browser = browser
        self.probes: dict[str, PageProbe] = {}

    def probe(self, combination: str) -> PageProbe:
        if combination not in self.probes:
            item = COMBINATIONS[combination]
            context = self.browser.new_context(
                viewport={"width": int(item["width"]), "height": int(item["height"])},  # type: ignore[call-overload]
                device_scale_factor=1,
                color_scheme=str(item["theme"]),  # type: ignore[arg-type]
                reduced_motion="reduce",
                locale="en-US",
                timezone_id="Europe/Moscow",
            )
            self.probes[combination] = PageProbe.open(context)
        return self.probes[combination]

    def close(self) -> None:
        for probe in self.probes.values():
            probe.page.context.close()


@pytest.fixture(scope="session")
def story_pages(storybook_browser: Browser) -> Iterator[StoryPages]:
    pages = StoryPages(storybook_browser)
    yield pages
    pages.close()


@pytest.fixture
def story_page(live_server: Any, story_pages: StoryPages) -> Iterator[Callable[..., Page]]:
    """Open a story for an interaction test; after the test, no CSP violation or console error.

    Component interaction tests use it like this::

        def test_sort_toggle(story_page):
            page = story_page("data_table--typical")            # light desktop by default
            page.get_by_role("button", name="Sort by name").click()
            expect(page.locator("tbody tr").first).to_contain_text("Anna")
    """
    opened: list[tuple[PageProbe, str]] = []

    def open_story(story_id: str, combination: str = "light--desktop", **query: str) -> Page:
        theme = str(COMBINATIONS[combination]["theme"])
        extra = "".join(f"&{name}={value}" for name, value in query.items())
        probe = story_pages.probe(combination)
        load_story(probe, f"{live_server.url}/storybook/preview/{story_id}/?theme={theme}{extra}", story_id)
        opened.append((probe, story_id))
        return probe.page

    yield open_story
    try:
        for probe, story_id in opened:
            check_csp(probe, story_id)
    finally:
        # The pages are shared: leave each one on about:blank while the storybook is still
        # enabled (DEBUG), so a request the test started and never waited for (a modal the
        # preview's host is still loading) is cancelled here instead of ending in a 404 on the
        # next test's page once the settings are restored.
        for probe, _story_id in opened:
            probe.page.goto("about:blank")
            probe.console_errors.clear()
