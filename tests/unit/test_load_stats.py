"""``make load``'s own logic (load/stats.py): locust's CSV, the Redis hit ratio, the per-worker check."""

from __future__ import annotations

from pathlib import Path

import pytest

from load.stats import WorkerSightings, format_table, hit_ratio, read_stats, total

HEADER = (
    "Type,Name,Request Count,Failure Count,Median Response Time,Average Response Time,Min Response Time,"
    "Max Response Time,Average Content Size,Requests/s,Failures/s,50%,66%,75%,80%,90%,95%,98%,99%,"
    "99.9%,99.99%,100%"
)
STATS = f"""{HEADER}
GET,staff: table page,58,0,140,150.1,20.2,400.5,61597.0,4.1,0.0,140,170,200,220,280,330,340,340,400,400,400
GET,client: home,54,2,100,120.0,11.0,390.0,9000.0,3.9,0.1,100,120,150,160,200,290,380,390,390,390,390
,Aggregated,112,2,120,130.0,11.0,400.5,36000.0,8.0,0.1,120,150,180,200,250,310,370,390,400,400,400
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "run_stats.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_read_stats_gives_each_endpoint_then_the_total(tmp_path: Path) -> None:
    rows = read_stats(write(tmp_path, STATS))
    assert [row.name for row in rows] == ["client: home", "staff: table page", "Aggregated"]
    home = rows[0]
    assert (home.requests, home.failures, home.rps, home.p50, home.p95, home.p99) == (
        54,
        2,
        3.9,
        100,
        290,
        390,
    )
    assert total(rows).requests == 112
    assert total(rows).failures == 2


def test_the_table_prints_figures_and_errors_per_endpoint_and_in_total(tmp_path: Path) -> None:
    lines = format_table(read_stats(write(tmp_path, STATS))).splitlines()
    assert lines[0].split() == [
        "endpoint",
        "requests",
        "req/s",
        "p50",
        "ms",
        "p95",
        "ms",
        "p99",
        "ms",
        "errors",
    ]
    assert lines[1].split()[-7:] == ["home", "54", "3.9", "100", "290", "390", "2"]
    assert lines[-1].split() == ["total", "112", "8.0", "120", "310", "390", "2"]


def test_a_file_that_is_not_locusts_is_refused_by_name(tmp_path: Path) -> None:
    path = write(tmp_path, "Name,Count\nx,1\n")
    with pytest.raises(ValueError, match=r"run_stats\.csv: not a locust stats file, missing column"):
        read_stats(path)


def test_no_requests_means_no_total() -> None:
    with pytest.raises(ValueError, match="no Aggregated row"):
        total([])


def test_hit_ratio_counts_only_the_reads_between_the_snapshots() -> None:
    before = {"keyspace_hits": 100, "keyspace_misses": 50}
    assert hit_ratio(before, {"keyspace_hits": 190, "keyspace_misses": 60}) == 0.9
    assert hit_ratio(before, before) is None


def test_every_worker_must_answer_with_the_new_value() -> None:
    seen = WorkerSightings(expected="new", workers=4)
    for pid in ("1", "2", "2", "3"):
        seen.record(pid, "new")
    assert not seen.complete
    assert not seen.ok
    seen.record("4", "new")
    assert seen.complete
    assert seen.ok
    assert seen.seen == {"1": 1, "2": 2, "3": 1, "4": 1}


def test_one_stale_answer_fails_even_if_the_worker_also_showed_the_new_value() -> None:
    seen = WorkerSightings(expected="new", workers=2)
    seen.record("1", "new")
    seen.record("2", "new")
    seen.record("2", "old")
    assert seen.complete
    assert not seen.ok
    assert seen.stale == [("2", "old")]


def test_a_worker_answering_only_the_old_value_completes_the_round_but_fails_it() -> None:
    seen = WorkerSightings(expected="new", workers=2)
    seen.record("1", "new")
    seen.record("2", "old")
    assert seen.complete
    assert not seen.ok


def test_after_an_outage_stale_answers_may_precede_every_worker_showing_the_new_value() -> None:
    seen = WorkerSightings(expected="new", workers=2)
    seen.record("1", "old")
    seen.record("1", "new")
    assert not seen.all_new
    seen.record("2", "new")
    assert seen.all_new  # converged: each worker has shown the new value
    assert not seen.ok  # but not from its first answer on


def test_the_outage_log_lines_are_counted_per_worker() -> None:
    from load.run_load import redis_log_lines

    text = "\n".join(
        [
            "[11] WARNING codex_django.cabinet.redis: Redis is unavailable (ConnectionError while ...)",
            "[12] WARNING codex_django.cabinet.redis: Redis is unavailable (TimeoutError while ...)",
            "[11] INFO codex_django.cabinet.redis: Redis is reachable again; the cabinet cache is back in use.",
            "[11] WARNING codex_django.cabinet.redis: Redis is unavailable (ConnectionError while ...)",
            "[12] WARNING codex_django.cabinet.theme: something else",
            "[2026-12-04 19:02:47 +0000] [10] [INFO] Handling signal: term",
        ]
    )
    assert redis_log_lines(text) == {"down": {"11": 2, "12": 1}, "back": {"11": 1}}
