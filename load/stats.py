"""Reading what a load run measured: locust's CSV statistics, Redis counters, the workers' answers.

Pure functions (no servers, no network), so ``tests/unit/test_load_stats.py``
checks them quickly: :func:`read_stats` turns ``<prefix>_stats.csv`` into
:class:`EndpointStats` rows, :func:`format_table` prints them,
:func:`hit_ratio` is the share of Redis reads that found their key, and
:class:`WorkerSightings` decides whether every worker showed a value.
"""

from __future__ import annotations

import csv
import dataclasses
from collections.abc import Iterable, Mapping
from pathlib import Path

__all__ = ["EndpointStats", "WorkerSightings", "format_table", "hit_ratio", "read_stats", "total"]

TOTAL = "Aggregated"


@dataclasses.dataclass(frozen=True)
class EndpointStats:
    """One row of locust's ``_stats.csv``: an endpoint (the request's ``name``) or the total."""

    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float

    @property
    def is_total(self) -> bool:
        return self.name == TOTAL


def _number(row: Mapping[str, str], column: str) -> float:
    value = row.get(column, "")
    if value in ("", "N/A"):
        return 0.0
    return float(value)


def read_stats(path: Path) -> list[EndpointStats]:
    """The rows of a locust ``<prefix>_stats.csv``, endpoints first, the total (``Aggregated``) last.

    Raises ``ValueError`` naming the file when it is not locust's format (a
    missing column), so a locust upgrade that renames one fails loudly.
    """
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        needed = {"Name", "Request Count", "Failure Count", "Requests/s", "50%", "95%", "99%"}
        missing = needed - set(reader.fieldnames or ())
        if missing:
            raise ValueError(f"{path}: not a locust stats file, missing column(s) {sorted(missing)}")
        rows = [
            EndpointStats(
                name=row["Name"],
                requests=int(row["Request Count"]),
                failures=int(row["Failure Count"]),
                rps=_number(row, "Requests/s"),
                p50=_number(row, "50%"),
                p95=_number(row, "95%"),
                p99=_number(row, "99%"),
            )
            for row in reader
        ]
    return sorted(rows, key=lambda row: (row.is_total, row.name))


def total(rows: Iterable[EndpointStats]) -> EndpointStats:
    """The ``Aggregated`` row; ``ValueError`` when the file had none (locust wrote no requests)."""
    for row in rows:
        if row.is_total:
            return row
    raise ValueError("the locust stats have no Aggregated row: no request was made")


def format_table(rows: Iterable[EndpointStats]) -> str:
    """An aligned text table: endpoint, requests, req/s, p50/p95/p99 (ms), errors."""
    header = ("endpoint", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors")
    lines = [header]
    for row in rows:
        lines.append(
            (
                "total" if row.is_total else row.name,
                str(row.requests),
                f"{row.rps:.1f}",
                f"{row.p50:.0f}",
                f"{row.p95:.0f}",
                f"{row.p99:.0f}",
                str(row.failures),
            )
        )
    widths = [max(len(line[index]) for line in lines) for index in range(len(header))]
    return "\n".join(
        "  ".join(
            cell.ljust(width) if index == 0 else cell.rjust(width)
            for index, (cell, width) in enumerate(zip(line, widths, strict=True))
        )
        for line in lines
    )


def hit_ratio(before: Mapping[str, int], after: Mapping[str, int]) -> float | None:
    """Share of Redis key reads that hit between two ``INFO stats`` snapshots; None without reads."""
    hits = after["keyspace_hits"] - before["keyspace_hits"]
    misses = after["keyspace_misses"] - before["keyspace_misses"]
    if hits + misses <= 0:
        return None
    return hits / (hits + misses)


@dataclasses.dataclass
class WorkerSightings:
    """What each worker answered after a change: done once every expected worker showed ``expected``.

    Every answer counts, not only each worker's first: one answer with another
    value (a stale worker) is recorded in :attr:`stale` and fails the check.
    """

    expected: str
    workers: int
    seen: dict[str, int] = dataclasses.field(default_factory=dict)
    stale: list[tuple[str, str]] = dataclasses.field(default_factory=list)

    def record(self, pid: str, value: str) -> None:
        """One answer of worker ``pid`` showing ``value``."""
        if value == self.expected:
            self.seen[pid] = self.seen.get(pid, 0) + 1
        else:
            self.stale.append((pid, value))

    @property
    def complete(self) -> bool:
        """Every worker answered at least once (with the expected value or not)."""
        return len(set(self.seen) | {pid for pid, _value in self.stale}) >= self.workers

    @property
    def all_new(self) -> bool:
        """Every worker has shown the expected value at least once (stale answers before allowed)."""
        return len(self.seen) >= self.workers

    @property
    def ok(self) -> bool:
        """Every worker answered and none showed another value."""
        return self.complete and not self.stale and len(self.seen) >= self.workers
