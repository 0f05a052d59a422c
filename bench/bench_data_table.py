"""Benchmark: ``data_table`` - component vs plain include vs django-tables2, server-side mode, browser search.

1. Client-side table with 100 and 1,000 rows (6 columns: bold, muted,
   sortable, a status badge, a right-aligned amount; filters; one action):

   * ``{% component "data_table" table=table / %}``;
   * a plain ``{% include %}`` of the component's own template; the plain
     side calls the presenter itself, so both do the same work and the ratio
     is django-components' overhead (target: within 1.25x);
   * django-tables2 rendering the same table (same columns, badge and action
     markup through ``render_<column>`` methods, no pagination) with its
     default template (target: the component is faster).

2. Server-side mode (``server_side_table`` + the component, counts on) over
   SQLite tables of 1,000 / 10,000 / 100,000 rows: first page in the default
   order and sorted by an indexed column; ratios to the 1,000-row table
   (target: within 1.2x).

3. Chromium (Playwright): a 1,000-row client-side table; 20 keystrokes typed
   into the search one at a time; for each, the time from the ``input`` event
   to the DOM update (rows toggled, live region rewritten), measured in the
   page with ``performance.now()``; the median (target: under 50 ms).

Run::

    .venv/bin/python bench/bench_data_table.py [--rounds 9] [--renders 5] [--clock cpu|wall]
        [--only client|server|browser] [--no-browser]

Times are CPU time of the benchmark process by default (``--clock wall`` for
wall-clock): on a loaded machine wall time mostly measures other processes.

Settings: the test suite's, plus ``django_tables2`` (its templates) and an
SQLite file database for the server-side tables, configured here.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import django  # noqa: E402
from django.conf import settings  # noqa: E402

TMP = Path(tempfile.mkdtemp(prefix="bench-data-table-"))


def configure() -> None:
    """The test settings, plus django-tables2 and a file database."""
    from tests import settings as test_settings

    values = {name: getattr(test_settings, name) for name in dir(test_settings) if name.isupper()}
    values["INSTALLED_APPS"] = [*values["INSTALLED_APPS"], "django_tables2"]
    values["DATABASES"] = {
        "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(TMP / "bench.sqlite3")}
    }
    values["TEMPLATES"][0]["OPTIONS"]["loaders"][0][1].append(
        "django.template.loaders.app_directories.Loader"
    )
    values["DEBUG"] = False
    settings.configure(**values)
    django.setup()


configure()

from django.db import connection, models  # noqa: E402
from django.template import Context, engines  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.utils.html import format_html  # noqa: E402

from codex_django.cabinet.components.data_table import data_table  # noqa: E402
from codex_django.cabinet.components.data_table.presenter import present_table  # noqa: E402
from codex_django.cabinet.rendering.component import template_beside  # noqa: E402
from codex_django.cabinet.tables.server_side import server_side_table  # noqa: E402
from codex_django.cabinet.types.data_table import DataTableData, TableAction, TableFilter  # noqa: E402
from codex_django.cabinet.types.widgets import TableColumn  # noqa: E402

CLIENTS = ("Anna Smith", "Boris Kim", "Chen Li", "Dmitri Volkov", "Elena Moroz", "Farid Aliyev", "Grace Obi")
SERVICES = ("Haircut", "Colouring", "Manicure", "Massage", "Consultation")
STATUSES = ("pending", "confirmed", "completed", "cancelled")
COLOURS = {"pending": "warning", "confirmed": "info", "completed": "success", "cancelled": "danger"}
LABELS = {"pending": "Pending", "confirmed": "Confirmed", "completed": "Completed", "cancelled": "Cancelled"}


# CPU time of this process by default: on a shared machine wall-clock time mostly
# measures the other processes (SQLite runs in-process, so its work is counted).
CLOCKS: dict[str, Callable[[], float]] = {"cpu": time.process_time, "wall": time.perf_counter}
clock = CLOCKS["cpu"]


def best_median(render: Callable[[], Any], rounds: int, renders: int) -> float:
    """The lowest per-round median of one call, in seconds."""
    medians = []
    for _ in range(rounds):
        times = []
        for _ in range(renders):
            start = clock()
            render()
            times.append(clock() - start)
        medians.append(statistics.median(times))
    return min(medians)


def columns() -> list[TableColumn]:
    return [
        TableColumn(key="client", label="Client", bold=True, sortable=True),
        TableColumn(key="service", label="Service", muted=True),
        TableColumn(key="date", label="Date", sortable=True),
        TableColumn(key="time", label="Time"),
        TableColumn(key="status", label="Status", badge_key="status_colours"),
        TableColumn(key="price", label="Price", align="right", sortable=True),
    ]


def row_for(index: int) -> dict[str, Any]:
    status = STATUSES[index * 7 % 4]
    return {
        "client": CLIENTS[index % len(CLIENTS)],
        "service": SERVICES[index * 3 % len(SERVICES)],
        "date": f"{index % 28 + 1:02d}.04.2026",
        "time": f"{9 + index % 10:02d}:{index * 15 % 60:02d}",
        "status": status,
        "price": f"{(index * 37 % 90 + 10) * 100:,} ₽".replace(",", " "),
        "detail_url": f"/cabinet/booking/appointments/{index + 1}/",
    }


def client_table(count: int) -> DataTableData:
    return DataTableData(
        columns=columns(),
        rows=[row_for(index) for index in range(count)],
        filters=[TableFilter(key=value, label=LABELS[value], value=value) for value in STATUSES],
        actions=[TableAction(label="Open", url_key="detail_url", icon="bi-eye")],
        search_placeholder="Search appointments",
        badge_maps={"status_colours": COLOURS},
        choices={"status": LABELS},
    )


def tables2_class() -> type:
    import django_tables2 as tables

    class AppointmentTable(tables.Table):
        client = tables.Column(verbose_name="Client", attrs={"td": {"class": "text-start fw-semibold"}})
        service = tables.Column(
            verbose_name="Service", orderable=False, attrs={"td": {"class": "text-muted"}}
        )
        date = tables.Column(verbose_name="Date")
        time = tables.Column(verbose_name="Time", orderable=False)
        status = tables.Column(verbose_name="Status", orderable=False)
        price = tables.Column(verbose_name="Price", attrs={"td": {"class": "text-end"}})
        detail_url = tables.Column(verbose_name="", orderable=False)

        class Meta:
            template_name = "django_tables2/table.html"

        def render_status(self, value: str) -> str:
            return format_html(
                '<span class="cab-status-badge cab-status-badge--{}"><span class="cab-status-badge__dot" '
                'aria-hidden="true"></span>{}</span>',
                COLOURS[value],
                LABELS[value],
            )

        def render_detail_url(self, value: str, record: dict[str, Any]) -> str:
            return format_html('<a href="{}"><i class="bi bi-eye" aria-hidden="true"></i>Open</a>', value)

    return AppointmentTable


def bench_client_side(rounds: int, renders: int) -> None:
    engine = engines["django"].engine  # type: ignore[attr-defined]
    component = engine.from_string('{% component "data_table" table=table label="Appointments" / %}')
    inner = engine.from_string(template_beside(data_table.__file__, "data_table.html"))
    plain = engine.from_string("{% include inner %}")
    tables2 = engine.from_string("{% load django_tables2 %}{% render_table t %}")
    table2_cls = tables2_class()
    request = RequestFactory().get("/appointments/")

    print("Client-side table: {% component %} vs plain {% include %} vs django-tables2 (best-of medians)")
    print(
        f"{'rows':>6} {'component':>11} {'include':>11} {'tables2':>11} {'presenter':>10} "
        f"{'comp/incl':>10} {'comp/dt2':>9} {'HTML KB':>8}"
    )
    for count in (100, 1_000):
        table = client_table(count)

        def by_component(table: DataTableData = table) -> str:
            return component.render(Context({"table": table}))

        def by_include(table: DataTableData = table) -> str:
            context = {
                "inner": inner,
                "view": present_table(table),
                "label": "Appointments",
                "id": "",
                "dom_id": "",
            }
            return plain.render(Context(context))

        def by_tables2(table: DataTableData = table) -> str:
            return tables2.render(Context({"t": table2_cls(table.rows, orderable=True), "request": request}))

        def presenter(table: DataTableData = table) -> Any:
            return present_table(table)

        for warm in (by_component, by_include, by_tables2, presenter):
            for _ in range(3):
                warm()
        times = {}
        # Interleave the sides round by round so machine noise hits them alike.
        for _ in range(rounds):
            for name, function in (
                ("component", by_component),
                ("include", by_include),
                ("tables2", by_tables2),
                ("presenter", presenter),
            ):
                value = best_median(function, 1, renders)
                times[name] = min(times.get(name, value), value)
        size = len(by_component().encode()) / 1024
        print(
            f"{count:>6} {times['component'] * 1e3:>9.2f}ms {times['include'] * 1e3:>9.2f}ms "
            f"{times['tables2'] * 1e3:>9.2f}ms {times['presenter'] * 1e3:>8.2f}ms "
            f"{times['component'] / times['include']:>9.2f}x {times['component'] / times['tables2']:>8.2f}x "
            f"{size:>8.0f}"
        )
    print("  targets: comp/incl <= 1.25x, comp/dt2 < 1.00x")


def appointment_model(count: int) -> type[models.Model]:
    class Meta:
        app_label = "bench"
        db_table = f"bench_appointment_{count}"
        indexes = [models.Index(fields=["status"]), models.Index(fields=["start_at"])]

    attrs = {
        "__module__": __name__,
        "Meta": Meta,
        "client": models.CharField(max_length=100),
        "service": models.CharField(max_length=100),
        "start_at": models.DateTimeField(),
        "status": models.CharField(max_length=20),
        "price": models.IntegerField(),
    }
    return type(f"Appointment{count}", (models.Model,), attrs)


def fill(model: type[models.Model], count: int) -> None:
    import datetime

    with connection.schema_editor() as editor:
        editor.create_model(model)
    start = datetime.datetime(2026, 1, 1, 9, 0, tzinfo=datetime.UTC)
    batch = []
    for index in range(count):
        batch.append(
            model(
                client=CLIENTS[index % len(CLIENTS)] + f" {index}",
                service=SERVICES[index * 3 % len(SERVICES)],
                start_at=start + datetime.timedelta(minutes=37 * ((index * 7919) % count)),
                status=STATUSES[index * 7 % 4],
                price=(index * 37 % 90 + 10) * 100,
            )
        )
        if len(batch) == 5_000:
            model.objects.bulk_create(batch)  # type: ignore[attr-defined]
            batch = []
    model.objects.bulk_create(batch)  # type: ignore[attr-defined]


def server_row(item: Any) -> dict[str, Any]:
    return {
        "client": item.client,
        "service": item.service,
        "date": f"{item.start_at:%d.%m.%Y}",
        "time": f"{item.start_at:%H:%M}",
        "status": item.status,
        "price": f"{item.price:,} ₽".replace(",", " "),
        "detail_url": f"/cabinet/booking/appointments/{item.pk}/",
    }


def bench_server_side(rounds: int, renders: int) -> None:
    engine = engines["django"].engine  # type: ignore[attr-defined]
    component = engine.from_string('{% component "data_table" table=table id="appointments" / %}')
    factory = RequestFactory()
    sizes = (1_000, 10_000, 100_000)
    models_by_size = {}
    for count in sizes:
        model = appointment_model(count)
        fill(model, count)
        models_by_size[count] = model

    def render_page(model: type[models.Model], query: str, counts: bool | int) -> str:
        request = factory.get(f"/appointments/{query}")
        table = server_side_table(
            request,
            model.objects.all(),  # type: ignore[attr-defined]
            columns=columns(),
            row=server_row,
            filters=[TableFilter(key=value, label=LABELS[value], value=value) for value in STATUSES],
            actions=[TableAction(label="Open", url_key="detail_url", icon="bi-eye")],
            search_fields=["client", "service"],
            sort_fields={"date": "start_at"},
            counts=bool(counts),
            cache_counts=0 if isinstance(counts, bool) else counts,
            search_placeholder="Search appointments",
            badge_maps={"status_colours": COLOURS},
            choices={"status": LABELS},
        )
        return component.render(Context({"table": table, "request": request}))

    # counts: True = exact counts on every request, False = no filter counts,
    # an int = counts cached that many seconds (steady state: paging/sorting a result).
    cases: list[tuple[str, str, bool | int]] = [
        ("page 1, default order, counts", "", True),
        ("page 1, default order, no counts", "", False),
        ("page 1, default order, counts cached", "", 60),
        ("page 3, sorted by date (indexed)", "?sort=-date&page=3", True),
        ("page 3, sorted by date, cached", "?sort=-date&page=3", 60),
        ("page 1, status filter", "?status=pending", True),
        ("page 1, status filter, cached", "?status=pending", 60),
    ]
    print("\nServer-side mode (50 rows per page), SQLite: render time by table size (best-of medians)")
    print(f"{'case':<36}" + "".join(f"{count:>12,}" for count in sizes) + f"{'max/min':>9}")
    for name, query, counts in cases:
        for count in sizes:
            for _ in range(3):
                render_page(models_by_size[count], query, counts)
        best: dict[int, float] = {}
        # Sizes interleaved round by round, so machine noise hits them alike.
        for _ in range(rounds):
            for count in sizes:
                model = models_by_size[count]
                value = best_median(lambda m=model, q=query, c=counts: render_page(m, q, c), 1, renders)
                best[count] = min(best.get(count, value), value)
        results = [best[count] for count in sizes]
        cells = "".join(f"{value * 1e3:>10.2f}ms" for value in results)
        print(f"{name:<36}{cells}{max(results) / min(results):>8.2f}x")
    print("  target: max/min <= 1.2x (flat); exact counts are COUNT queries, which grow with the table")


def bench_browser() -> None:
    from playwright.sync_api import Route, sync_playwright

    from codex_django.cabinet.templatetags.cabinet import cabinet_css, cabinet_js

    table = client_table(1_000)
    body = engines["django"].from_string('{% component "data_table" table=table label="Appointments" / %}')
    html = (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bench</title>'
        f"{cabinet_css()}{cabinet_js()}</head><body><main>{body.render({'table': table})}</main></body></html>"
    )
    static_root = ROOT / "src" / "codex_django" / "cabinet" / "static"

    def serve(route: Route) -> None:
        path = route.request.url.split("://", 1)[1].split("/", 1)[1].split("?")[0]
        if path.startswith("static/"):
            file = static_root / path.removeprefix("static/")
            if file.is_file():
                kinds = {".js": "text/javascript", ".css": "text/css", ".woff2": "font/woff2"}
                route.fulfill(
                    body=file.read_bytes(), content_type=kinds.get(file.suffix, "application/octet-stream")
                )
                return
            route.fulfill(status=404, body="")
            return
        route.fulfill(body=html, content_type="text/html; charset=utf-8")

    measure = """
    () => {
      window.__latencies = [];
      const status = document.querySelector(".cab-data-table [aria-live]");
      let started = 0;
      document.addEventListener("input", () => { started = performance.now(); }, true);
      new MutationObserver(() => {
        if (started) { window.__latencies.push(performance.now() - started); started = 0; }
      }).observe(status, { childList: true, characterData: true, subtree: true });
    }
    """
    keys = [*"anna smith", *["Backspace"] * 10]  # 20 keystrokes: narrowing, then widening again
    options: dict[str, Any] = {"headless": True}
    if Path("/usr/bin/chromium").exists():
        options["executable_path"] = "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**options)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.route("**/*", serve)
        page.goto("http://bench.local/")
        page.wait_for_function("() => window.Alpine !== undefined && document.querySelector('[x-ref=body]')")
        page.wait_for_timeout(300)
        page.evaluate(measure)
        search = page.get_by_role("searchbox")
        search.focus()
        counts = []
        for key in keys:
            before = page.evaluate("window.__latencies.length")
            page.keyboard.press(key)
            page.wait_for_function(f"window.__latencies.length > {before}")
            counts.append(page.locator("tbody tr:not([hidden])").count())
            page.wait_for_timeout(120)  # a fast typist's pace
        latencies = page.evaluate("window.__latencies")
        browser.close()
    print("\nBrowser (Chromium): search over a 1,000-row client-side table, input -> DOM update")
    print(f"  keystrokes: {len(latencies)}, visible rows along the way: {counts[:10]} ... {counts[-1]}")
    print(
        f"  median {statistics.median(latencies):.1f} ms, max {max(latencies):.1f} ms, "
        f"min {min(latencies):.1f} ms  (target: median < 50 ms; includes the one-frame debounce)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--renders", type=int, default=5)
    parser.add_argument("--clock", choices=sorted(CLOCKS), default="cpu", help="cpu (default) or wall time")
    parser.add_argument(
        "--only", choices=["client", "server", "browser"], action="append", help="run only these parts"
    )
    parser.add_argument("--no-browser", action="store_true")
    options = parser.parse_args()
    global clock
    clock = CLOCKS[options.clock]
    parts = set(options.only or ["client", "server", "browser"])
    if options.no_browser:
        parts.discard("browser")
    print(f"clock: {options.clock} time; rounds x renders: {options.rounds} x {options.renders}\n")
    if "client" in parts:
        bench_client_side(options.rounds, options.renders)
    if "server" in parts:
        bench_server_side(options.rounds, options.renders)
    if "browser" in parts:
        bench_browser()


if __name__ == "__main__":
    main()
