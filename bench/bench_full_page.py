"""Full-page benchmark: the demo's server-side table page vs Django admin's changelist vs django-tables2.

Requests per second for one whole page of 100 appointments, the same rows on
each side, in one process over one SQLite database seeded by ``seed_demo``,
requested by the same signed-in staff user through Django's test client (the
whole middleware stack, sessions, auth, CSRF, the cabinet's CSP, templates):

* **cabinet**: the demo's ``/cabinet/booking/table/`` (``server_side_table`` +
  ``render_table`` + the ``data_table`` component inside the staff shell: topbar,
  sidebar, page header, the modal host), its page size set to 100;
* **admin**: Django admin's changelist of the same model, ``list_per_page = 100``,
  the same columns, search fields, sortable columns and a status filter;
* **tables2**: a django-tables2 ``Table`` (same columns, cells formatted the same
  way) with ``RequestConfig`` (sorting, paging 100) and its default template, in a
  bare page (no shell).

Each round requests every page ``--requests`` times, in a rotating order (rounds
interleaved, so machine load hits all three alike); a page's rate is the median
over the rounds. Times are CPU time of this process by default (SQLite runs
in-process, so its work is counted; ``--clock wall`` for wall-clock time). The
ratios are what to read; nothing here asserts a time.

Settings: :mod:`bench.full_page_settings` (the demo's, plus admin and
django-tables2 from the ``[bench]`` extra: ``pip install -e '.[bench]'``).

Run::

    .venv/bin/python bench/bench_full_page.py [--rounds 7] [--requests 20] [--clock cpu|wall] [--path URL]
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "demo")]
TMP = Path(tempfile.mkdtemp(prefix="bench-full-page-"))
os.environ["DJANGO_SETTINGS_MODULE"] = "bench.full_page_settings"
os.environ["BENCH_FULL_PAGE_DB"] = str(TMP / "bench.sqlite3")
os.environ.pop("REDIS_URL", None)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

ROWS = 100
PAGES = {
    "cabinet": "/cabinet/booking/table/",
    "admin": "/admin/booking/appointment/",
    "tables2": "/bench/tables2/",
}
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}


class BodyRows(HTMLParser):
    """Counts the ``<tr>`` inside ``<tbody>`` elements of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = 0
        self.rows = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tbody":
            self.depth += 1
        elif tag == "tr" and self.depth:
            self.rows += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "tbody":
            self.depth -= 1


def body_rows(html: str) -> int:
    parser = BodyRows()
    parser.feed(html)
    return parser.rows


def prepare() -> Client:
    """Migrate and seed the database, page the demo's table by 100, sign the staff user in."""
    from salon.pages import data_table

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())
    data_table.PAGE_SIZE = ROWS  # the demo's page reads it on each request
    client = Client()
    client.force_login(get_user_model().objects.get(username="staff"))
    return client


def check(client: Client, pages: dict[str, str]) -> None:
    """Each page answers 200 with the same number of rows (a benchmark of an error page is worthless)."""
    for name, url in pages.items():
        response = client.get(url)
        html = response.content.decode()
        rows = body_rows(html)
        if response.status_code != 200 or rows != ROWS:
            raise SystemExit(
                f"{name} ({url}): status {response.status_code}, {rows} rows (expected 200, {ROWS})"
            )
        print(f"  {name:<8} {url:<40} {rows} rows, {len(response.content) / 1000:6.1f} kB of HTML")


def measure(
    client: Client, pages: dict[str, str], rounds: int, requests: int, clock: Callable[[], float]
) -> dict[str, float]:
    """Median requests/s of each page over ``rounds`` interleaved rounds."""
    names = list(pages)
    rates: dict[str, list[float]] = {name: [] for name in names}
    for number in range(rounds):
        order = names[number % len(names) :] + names[: number % len(names)]
        for name in order:
            url = pages[name]
            start = clock()
            for _ in range(requests):
                client.get(url)
            rates[name].append(requests / (clock() - start))
    return {name: statistics.median(values) for name, values in rates.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--requests", type=int, default=20, help="requests per page per round")
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu")
    parser.add_argument("--query", default="", help="query string added to every page's URL, e.g. 'q=an'")
    args = parser.parse_args()

    client = prepare()
    suffix = f"?{args.query}" if args.query else ""
    pages = {name: url + suffix for name, url in PAGES.items()}
    print(
        f"Full page, {ROWS} appointments, signed in as staff ({args.clock} time, {args.rounds} rounds x {args.requests} requests)"
    )
    check(client, pages)
    measure(client, pages, 1, 3, CLOCKS[args.clock])  # warm-up: template caches, URL resolvers, imports
    rates = measure(client, pages, args.rounds, args.requests, CLOCKS[args.clock])
    for name, rate in rates.items():
        print(f"  {name:<8} {rate:8.1f} requests/s   {1000 / rate:6.2f} ms a page")
    cabinet = rates["cabinet"]
    for other in ("admin", "tables2"):
        verdict = "faster" if cabinet > rates[other] else "SLOWER"
        print(f"  cabinet / {other:<8} {cabinet / rates[other]:5.2f}x  ({verdict})")


if __name__ == "__main__":
    main()
