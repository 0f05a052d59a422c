"""The page harness: every demo page a signed-in user reaches, x {light, dark} x {desktop, mobile}.

:data:`PAGES` lists the pages; ``test_crawl_reaches_exactly_the_listed_pages``
proves the list complete by crawling from each space's home through the links
the pages show (topbar, sidebar, shortcuts, content; same origin, under
``/cabinet/``, never logout; forms are not submitted). Pages of one route (a
client's file, a visit) and links that differ only in their query values (the
schedule's other days, the dashboard's tabs) count as one page: the crawl
compares *page keys* (numeric path segments as ``<id>``, query parameter names
without values), and each listed page is one representative, from the seeded data.

``test_page`` loads each page once per combination and runs every check of ``page_checks``.
"""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.browser.harness import HarnessFailure, PageProbe

from .conftest import COMBINATIONS, DemoPages
from .demo_server import REPO, DemoServer
from .page_checks import PAGE_BASELINES, finish_axe, inspect_page, load_page, start_axe


@dataclass(frozen=True)
class DemoPage:
    user: str
    name: str
    url: str  # path and query, from the seeded data

    @property
    def id(self) -> str:
        return f"{self.user}-{self.name}"


PAGES = [
    DemoPage("staff", "dashboard", "/cabinet/"),
    DemoPage("staff", "dashboard-services", "/cabinet/?group=services"),
    DemoPage("staff", "site-settings", "/cabinet/settings/"),
    DemoPage("staff", "schedule", "/cabinet/booking/"),
    DemoPage("staff", "schedule-next-day", "/cabinet/booking/?day=2026-04-02"),
    DemoPage("staff", "appointments", "/cabinet/booking/appointments/"),
    DemoPage("staff", "new-booking", "/cabinet/booking/new/"),
    DemoPage("staff", "appointment-table", "/cabinet/booking/table/"),
    DemoPage("staff", "clients", "/cabinet/clients/"),
    DemoPage("staff", "client-cards", "/cabinet/clients/cards/"),
    DemoPage("staff", "client-files", "/cabinet/clients/files/"),
    DemoPage("staff", "client-file", "/cabinet/clients/files/1"),
    DemoPage("staff", "visits", "/cabinet/clients/visits/"),
    DemoPage("staff", "visit", "/cabinet/clients/visits/1/"),
    DemoPage("client", "home", "/cabinet/my/"),
    DemoPage("client", "my-appointments", "/cabinet/my/booking/"),
    DemoPage("client", "my-profile", "/cabinet/my/clients/"),
]
HOMES = {"staff": "/cabinet/", "client": "/cabinet/my/"}
CRAWL_COMBINATION = "light--desktop"
# Download links (a data_table's "Export CSV") lead to files, not pages.
LINKS = "Array.from(document.querySelectorAll('a[href]:not([download])'), (link) => link.href)"

Links = dict[tuple[str, str], list[str]]


def baseline_stem(page: DemoPage) -> str:
    return f"{page.id}"


def page_key(url: str) -> str:
    """``/cabinet/clients/files/<id>``, ``/cabinet/booking/?day``: one key per page, whatever its data."""
    parts = urlsplit(url)
    path = re.sub(r"/\d+(?=/|$)", "/<id>", parts.path)
    names = sorted({name for name, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return path + ("?" + "&".join(names) if names else "")


def relative(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def followed(href: str, origin: str) -> bool:
    """A link the crawl follows: same origin, inside the cabinet, not signing out."""
    parts = urlsplit(href)
    return (
        f"{parts.scheme}://{parts.netloc}" == origin
        and parts.path.startswith("/cabinet/")
        and "logout" not in parts.path
    )


@pytest.mark.parametrize("page", PAGES, ids=[page.id for page in PAGES])
def test_page(
    page: DemoPage,
    demo_pages: DemoPages,
    demo_server: DemoServer,
    site_links: Links,
    update_baselines: bool,
) -> None:
    """The page in each combination; every failure names the page and the combination.

    axe-core runs in each combination's page while the next combination loads
    (two renderer processes, two cores); its results are collected at the end.
    """
    failures: list[str] = []
    started: list[tuple[PageProbe, str]] = []
    for combination in COMBINATIONS:
        probe = demo_pages.probe(page.user, combination.key)
        label = f"{page.id} [{combination.key}]"
        failures += inspect_page(
            probe,
            demo_server.url + page.url,
            label,
            baseline_stem(page),
            combination.key,
            theme=combination.theme,
            update=update_baselines,
        )
        if relative(probe.page.url) != page.url:
            continue  # it did not load: nothing to inspect further
        if combination.key == CRAWL_COMBINATION:
            site_links[(page.user, page.url)] = probe.page.evaluate(LINKS)
        start_axe(probe, combination.theme)
        started.append((probe, label))
    for probe, label in started:
        failures += finish_axe(probe, label)
    if failures:
        raise HarnessFailure("\n".join(failures))


def crawl(user: str, demo_pages: DemoPages, demo_server: DemoServer, site_links: Links) -> dict[str, str]:
    """Page key -> the first URL found for it, breadth-first from the user's home."""
    found: dict[str, str] = {page_key(HOMES[user]): HOMES[user]}
    queue = deque([HOMES[user]])
    while queue:
        url = queue.popleft()
        if (user, url) not in site_links:
            probe = demo_pages.probe(user, CRAWL_COMBINATION)
            try:
                load_page(probe, demo_server.url + url, f"crawl as {user}")
            except HarnessFailure as failure:
                raise HarnessFailure(f"{failure} (reached by following links from {HOMES[user]})") from None
            site_links[(user, url)] = probe.page.evaluate(LINKS)
        for href in site_links[(user, url)]:
            if followed(href, demo_server.url) and page_key(href) not in found:
                found[page_key(href)] = relative(href)
                queue.append(relative(href))
    return found


@pytest.mark.parametrize("user", sorted(HOMES))
def test_crawl_reaches_exactly_the_listed_pages(
    user: str, demo_pages: DemoPages, demo_server: DemoServer, site_links: Links
) -> None:
    reached = crawl(user, demo_pages, demo_server, site_links)
    listed = {page_key(page.url): page for page in PAGES if page.user == user}
    unlisted = [f"{key} (e.g. {url})" for key, url in reached.items() if key not in listed]
    unreached = [f"{page.id} {page.url}" for key, page in listed.items() if key not in reached]
    assert not unlisted, f"{user} reaches pages the harness does not check; add them to PAGES: {unlisted}"
    assert not unreached, f"listed pages {user} cannot reach from the shell: {unreached}"


def test_every_cabinet_route_of_the_demo_has_a_page() -> None:
    """Each ``cabinet/...`` prefix in demo/salon/urls.py is covered by at least one listed page."""
    source = (REPO / "demo" / "salon" / "urls.py").read_text(encoding="utf-8")
    prefixes = set(re.findall(r'path\("(cabinet/[^"]*)"', source))
    assert prefixes, "no cabinet/ routes found in demo/salon/urls.py"
    uncovered = sorted(
        prefix for prefix in prefixes if not any(page.url.startswith("/" + prefix) for page in PAGES)
    )
    assert not uncovered, f"demo routes without a page in PAGES: {uncovered}"


def test_no_orphan_page_baselines(update_baselines: bool) -> None:
    """Every page baseline belongs to a listed page and combination; regenerating deletes the rest."""
    expected = {
        f"{baseline_stem(page)}--{combination.key}.png" for page in PAGES for combination in COMBINATIONS
    }
    orphans = sorted(path for path in PAGE_BASELINES.glob("*.png") if path.name not in expected)
    if update_baselines:
        for path in orphans:
            path.unlink()
        return
    assert not orphans, "Page baselines without a page (delete them or regenerate): " + ", ".join(
        path.name for path in orphans
    )


def test_page_ids_are_unique() -> None:
    ids = [page.id for page in PAGES]
    assert len(ids) == len(set(ids)), ids
