"""Benchmark: ``calendar_grid`` via ``{% component %}`` against a plain include of its template.

The payload is the size the issue names: 10 columns x 48 slots x 200 events
(the "Dense" story, overlapping events included). Both sides do the same work
per render: the plain side calls the presenter itself and includes the very
template the component renders, so the ratio is django-components' overhead
(target: within 1.25x).

Run::

    .venv/bin/python bench/bench_calendar_grid.py [--rounds 15] [--renders 10]

Printed: best-of-rounds medians per render, their ratio, the presenter's share
and the HTML size. Ratios, not absolute times, are what compare across machines.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.template import Context, engines  # noqa: E402

from codex_django.cabinet.components.calendar_grid import calendar_grid, stories  # noqa: E402
from codex_django.cabinet.components.calendar_grid.presenter import present  # noqa: E402
from codex_django.cabinet.rendering.component import template_beside  # noqa: E402

TARGET = 1.25


def best_medians(renders: dict[str, Callable[[], str]], rounds: int, per_round: int) -> dict[str, float]:
    """Per variant, the lowest per-round median of one render (seconds).

    Within a round the variants take turns render by render, so a burst of load
    from elsewhere on the machine hits them alike.
    """
    best = dict.fromkeys(renders, float("inf"))
    for _ in range(rounds):
        times: dict[str, list[float]] = {name: [] for name in renders}
        for _ in range(per_round):
            for name, render in renders.items():
                start = time.perf_counter()
                render()
                times[name].append(time.perf_counter() - start)
        for name, values in times.items():
            best[name] = min(best[name], statistics.median(values))
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--renders", type=int, default=10)
    options = parser.parse_args()

    calendar = stories.dense()
    engine = engines["django"].engine  # type: ignore[attr-defined]
    component = engine.from_string('{% component "calendar_grid" calendar=calendar label=label / %}')
    inner = engine.from_string(template_beside(calendar_grid.__file__, "calendar_grid.html"))
    plain = engine.from_string("{% include inner with view=view label=label empty_message=empty_message %}")

    def by_component() -> str:
        return component.render(Context({"calendar": calendar, "label": "Busy day"}))

    def by_include() -> str:
        context = {"inner": inner, "view": present(calendar), "label": "Busy day", "empty_message": ""}
        return plain.render(Context(context))

    def presenter_only() -> str:
        return str(present(calendar))

    for warm in (by_component, by_include, presenter_only):
        for _ in range(5):
            warm()

    best = best_medians(
        {"component": by_component, "include": by_include, "presenter": presenter_only},
        options.rounds,
        options.renders,
    )
    component_s, include_s, presenter_s = best["component"], best["include"], best["presenter"]
    ratio = component_s / include_s
    size = len(by_component().encode("utf-8"))

    print("calendar_grid: 10 columns x 48 slots x 200 events (the Dense story)")
    print(f"  {{% component %}}            {component_s * 1000:8.2f} ms")
    print(f"  plain {{% include %}}          {include_s * 1000:8.2f} ms")
    verdict = "ok" if ratio <= TARGET else "OVER"
    print(f"  ratio component / include  {ratio:8.2f}x  (target <= {TARGET:.2f}x: {verdict})")
    print(f"  presenter share of include {presenter_s / include_s:8.0%}")
    print(f"  HTML                       {size / 1024:8.1f} KiB")


if __name__ == "__main__":
    main()
