"""``make load``: the demo under gunicorn (4 workers) with its own Redis, driven by locust for ~60 s.

What a run does (``python -m load.run_load --help`` for the options):

1. starts ``redis-server`` on a free 127.0.0.1 port (no persistence), seeds a
   fresh SQLite file in a temp dir (``migrate``, ``seed_demo``) and starts
   gunicorn with 4 sync workers on another free loopback port, with
   ``load.settings`` (the demo's settings, DEBUG off, Redis on, the worker's
   pid in a response header);
2. **steady load** (40% of the duration): locust's staff and client users
   (``load/locustfile.py``); halfway, a staff session changes the theme on the
   site-settings page through one worker and requests until every worker
   answered: each answer must link the new theme stylesheet, and that
   stylesheet must carry the new colour from every worker;
3. **Redis killed mid-load** (30%): redis-server is SIGKILLed; while it is
   down every worker must still answer (0 errors) with the new theme (read
   from the database); then it is started again, empty, and the run shows the
   cache in use again: every worker shows the theme, the settings hash and
   dashboard keys are back in Redis, and Redis's hit ratio since the restart;
4. **Redis hanging mid-load** (30%): redis-server is SIGSTOPped (requests to it
   time out, its data stays), the theme is changed again through one worker,
   every worker shows it while Redis hangs, and after SIGCONT every worker
   must show it within a few seconds (the hash Redis kept is older than the
   save: it must not come back into use);
5. prints requests/s, p50/p95/p99 and errors per endpoint and in total for each
   phase, the checks, the load average, and exits 1 on any error or failed check.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from . import checks
from .servers import ROOT, Gunicorn, RedisServer, demo_env, free_port, seed_database
from .stats import format_table, hit_ratio, read_stats, total

WORKERS = 4
SHARES = {"steady": 0.4, "killed": 0.3, "paused": 0.3}
# After Redis answers again, every worker must show a save it missed within this many seconds
# (the breaker retries Redis after 1 s; the saving worker drops the older hash on its next read;
# under load most of it is the requests queueing for a worker).
CONVERGE_WITHIN = 15.0
# How long a check may ask before every worker has answered it (requests queue behind locust's).
ASK_FOR = 15.0
BRANDS = ["#0f766e", "#7c3aed", "#b45309", "#be123c", "#1d4ed8"]


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--duration",
        type=float,
        default=float(os.environ.get("LOAD_DURATION", 60)),
        help="seconds of load in all, split 40/30/30 between the phases (default 60, or $LOAD_DURATION)",
    )
    parser.add_argument(
        "--users",
        type=int,
        default=int(os.environ.get("LOAD_USERS", 12)),
        help="simulated users, 3 staff to 1 client (default 12, or $LOAD_USERS)",
    )
    parser.add_argument("--keep", action="store_true", help="keep the temp dir (logs, database, CSV)")
    return parser.parse_args(argv)


def start_locust(base_url: str, seconds: float, users: int, prefix: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "locust", "-f", str(ROOT / "load" / "locustfile.py"), "--headless"]
    command += ["--users", str(users), "--spawn-rate", str(users), "--run-time", f"{round(seconds)}s"]
    command += ["--host", base_url, "--csv", str(prefix), "--only-summary", "--loglevel", "WARNING"]
    command += ["--stop-timeout", "5"]
    with prefix.with_suffix(".log").open("ab") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=prefix.parent)  # noqa: S603


def finish_locust(process: subprocess.Popen[bytes], seconds: float, prefix: Path) -> list[Any]:
    try:
        process.wait(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
        raise RuntimeError(f"locust did not stop; see {prefix.with_suffix('.log')}") from None
    return read_stats(Path(f"{prefix}_stats.csv"))


def failures(prefix: Path) -> str:
    """locust's ``_failures.csv`` (which request failed how, how often), without its header line."""
    path = Path(f"{prefix}_failures.csv")
    lines = path.read_text(encoding="utf-8").splitlines()[1:] if path.exists() else []
    return "\n".join(f"    {line}" for line in lines)


def sleep_until(moment: float) -> None:
    time.sleep(max(0.0, moment - time.monotonic()))


def describe_sightings(label: str, seen: Any) -> str:
    counts = ", ".join(f"pid {pid}: {count}" for pid, count in sorted(seen.seen.items()))
    if seen.ok:
        verdict = "ok"
    elif seen.stale:
        verdict = f"FAILED, stale answers: {seen.stale[:3]}"
    else:
        verdict = f"FAILED, only {len(seen.seen)} of {seen.workers} workers answered in {ASK_FOR:.0f} s"
    return f"  {label}: {verdict} — {counts}"


def redis_log_lines(text: str) -> dict[str, dict[str, int]]:
    """How often each worker (pid) logged the cabinet's Redis outage warning and its end, in ``text``."""
    counts: dict[str, dict[str, int]] = {"down": {}, "back": {}}
    for pid, message in re.findall(r"^\[(\d+)\] \w+ codex_django\.cabinet\.redis: (.*)$", text, re.MULTILINE):
        kind = "down" if message.startswith("Redis is unavailable") else "back"
        if kind == "back" and not message.startswith("Redis is reachable again"):
            continue
        counts[kind][pid] = counts[kind].get(pid, 0) + 1
    return counts


def log_since(log: Path, offset: int) -> str:
    with log.open("rb") as handle:
        handle.seek(offset)
        return handle.read().decode("utf-8", errors="replace")


def describe_log(counts: dict[str, dict[str, int]]) -> str:
    down, back = counts["down"], counts["back"]
    once = len(down) == WORKERS and set(down.values()) == {1} and down.keys() == back.keys()
    summary = "each of the 4 workers once" if once else f"down {down}, back {back}"
    return f"  outage warning and 'reachable again' logged: {summary}"


def steady_phase(args: argparse.Namespace, work: Path, redis: RedisServer, web: Gunicorn) -> dict[str, Any]:
    seconds = args.duration * SHARES["steady"]
    prefix = work / "steady"
    counters = checks.redis_counters(redis.url)
    started = time.monotonic()
    locust = start_locust(web.url, seconds, args.users, prefix)
    sleep_until(started + seconds / 2)
    staff = checks.Browser(web.url)
    staff.sign_in("staff", "staff")
    brand = random.choice(BRANDS)
    change = checks.theme_change(staff, brand, WORKERS, timeout=ASK_FOR)
    rows = finish_locust(locust, seconds, prefix)
    ratio = hit_ratio(counters, checks.redis_counters(redis.url))
    return {
        "rows": rows,
        "prefix": prefix,
        "change": change,
        "hit_ratio": ratio,
        "staff": staff,
        "brand": brand,
    }


def redis_phase(
    args: argparse.Namespace, work: Path, redis: RedisServer, web: Gunicorn, staff: checks.Browser, theme: str
) -> dict[str, Any]:
    seconds = args.duration * SHARES["killed"]
    prefix = work / "redis-killed"
    started = time.monotonic()
    locust = start_locust(web.url, seconds, args.users, prefix)
    sleep_until(started + seconds * 0.25)
    offset = web.log.stat().st_size
    redis.kill()
    killed_at = time.monotonic()
    while_down = checks.sightings(staff, theme, WORKERS, timeout=ASK_FOR)
    sleep_until(started + seconds * 0.6)
    redis.start()
    down_for = time.monotonic() - killed_at
    after_restart = checks.sightings(staff, theme, WORKERS, timeout=ASK_FOR)
    rows = finish_locust(locust, seconds, prefix)
    ratio = hit_ratio({"keyspace_hits": 0, "keyspace_misses": 0}, checks.redis_counters(redis.url))
    return {
        "logged": redis_log_lines(log_since(web.log, offset)),
        "rows": rows,
        "prefix": prefix,
        "down_for": down_for,
        "while_down": while_down,
        "after_restart": after_restart,
        "hit_ratio": ratio,
        "keys": checks.cabinet_keys(redis.url),
    }


def paused_phase(
    args: argparse.Namespace, work: Path, redis: RedisServer, web: Gunicorn, staff: checks.Browser, old: str
) -> dict[str, Any]:
    seconds = args.duration * SHARES["paused"]
    prefix = work / "redis-hanging"
    started = time.monotonic()
    locust = start_locust(web.url, seconds, args.users, prefix)
    sleep_until(started + seconds * 0.2)
    offset = web.log.stat().st_size
    redis.pause()
    result: dict[str, Any] = {"prefix": prefix}
    try:
        brand = random.choice([brand for brand in BRANDS if brand.lower() not in old.lower()])
        result["saved_by"], _before, expected = checks.change_theme(staff, brand)
        result["expected"] = expected
        result["while_hanging"] = checks.sightings(staff, expected, WORKERS, timeout=ASK_FOR)
    except RuntimeError as error:
        result["problem"] = str(error)
    sleep_until(started + seconds * 0.55)
    redis.resume()
    resumed = time.monotonic()
    if "problem" not in result:
        # Right after SIGCONT the workers' breakers still skip Redis and answer from the database:
        # first every worker must have used Redis again (its "reachable again" line), then show the theme.
        result["reconnected"] = reconnect(staff, web.log, offset)
        result["after"], _seconds = checks.converge(
            staff, result["expected"], WORKERS, timeout=CONVERGE_WITHIN
        )
        result["converged_in"] = time.monotonic() - resumed
    result["rows"] = finish_locust(locust, seconds, prefix)
    result["logged"] = redis_log_lines(log_since(web.log, offset))
    return result


def reconnect(staff: checks.Browser, log: Path, offset: int) -> bool:
    """Ask pages until every worker logged "Redis is reachable again" after ``offset`` (or ASK_FOR ends)."""
    deadline = time.monotonic() + ASK_FOR
    while time.monotonic() < deadline:
        if len(redis_log_lines(log_since(log, offset))["back"]) >= WORKERS:
            return True
        staff.get(checks.SETTINGS_PAGE)
    return False


def report_paused(paused: dict[str, Any]) -> bool:
    print("\n== Redis hanging mid-load (SIGSTOP, data kept), theme changed meanwhile, then SIGCONT")
    if "problem" in paused:
        print(f"  FAILED: {paused['problem']}")
        return False
    print(f"  theme saved through pid {paused['saved_by']} while Redis hung: -> {paused['expected']}")
    print(describe_sightings("every worker, Redis hanging: the new theme", paused["while_hanging"]))
    print(describe_log(paused["logged"]))
    if not paused["reconnected"]:
        print(f"  FAILED: not every worker used Redis again within {ASK_FOR:.0f} s of SIGCONT")
        return False
    after = paused["after"]
    stale = len(after.stale)
    if after.all_new:
        print(
            f"  after SIGCONT every worker used Redis again and showed the new theme within "
            f"{paused['converged_in']:.1f} s ({stale} answers with the old one before)"
        )
    else:
        print(
            f"  FAILED: {CONVERGE_WITHIN:.0f} s after SIGCONT {WORKERS - len(after.seen)} worker(s) still "
            f"showed the old theme ({stale} stale answers: {after.stale[:3]})"
        )
    return bool(paused["while_hanging"].ok and after.all_new)


def report(args: argparse.Namespace, phases: dict[str, dict[str, Any]]) -> bool:
    """Print the figures; True when every request succeeded and every check passed."""
    ok = True
    steady, killed = phases["steady"], phases["killed"]
    titles = {"steady": "steady load", "killed": "Redis killed mid-load", "paused": "Redis hanging mid-load"}
    for key, phase in phases.items():
        seconds = args.duration * SHARES[key]
        print(f"\n== {titles[key]}: {args.users} users, {seconds:.0f} s, {WORKERS} gunicorn workers")
        print(format_table(phase["rows"]))
        if total(phase["rows"]).failures:
            ok = False
            print("  errors:\n" + failures(phase["prefix"]))
    change = steady["change"]
    print("\n== settings change through one worker, seen by every worker (during the steady load)")
    if "problem" in change:
        ok = False
        print(f"  FAILED: {change['problem']}")
    else:
        ok = ok and change["ok"]
        print(f"  theme saved through pid {change['saved_by']}: {change['before']} -> {change['expected']}")
        print(describe_sightings("pages linking the new stylesheet", change["pages"]))
        print(describe_sightings("the stylesheet with the new brand", change["stylesheet"]))
    ratio = steady["hit_ratio"]
    print(f"  Redis hit ratio under steady load: {ratio:.1%}" if ratio is not None else "  no Redis reads")
    print("\n== Redis killed mid-load")
    print(f"  redis-server down for {killed['down_for']:.1f} s")
    print(
        describe_sightings(
            "every worker, Redis down: the new theme (from the database)", killed["while_down"]
        )
    )
    print(describe_sightings("every worker, Redis restarted: the new theme", killed["after_restart"]))
    keys, ratio = killed["keys"], killed["hit_ratio"]
    shown = f"{ratio:.1%}" if ratio is not None else "no reads"
    print(
        f"  after the restart: hit ratio {shown}, settings hash {'back' if keys['settings'] else 'MISSING'},"
    )
    print(f"  {keys['dashboard']} dashboard keys cached again")
    print(describe_log(killed["logged"]))
    recovered = bool(keys["settings"]) and keys["dashboard"] > 0 and ratio is not None and ratio > 0
    ok = ok and killed["while_down"].ok and killed["after_restart"].ok and recovered
    return report_paused(phases["paused"]) and ok


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    print(
        f"load average before: {' '.join(f'{value:.2f}' for value in os.getloadavg())} ({os.cpu_count()} CPUs)"
    )
    work = Path(tempfile.mkdtemp(prefix="cabinet-load-"))
    try:
        redis = RedisServer(work, free_port())
        web: Gunicorn | None = None
        try:
            redis.start()
            env = demo_env(work / "db.sqlite3", redis.url)
            print(f"seeding {work / 'db.sqlite3'} ...", flush=True)
            seed_database(env, work / "seed.log")
            web = Gunicorn(work, free_port(), env, WORKERS)
            web.start()
            print(
                f"gunicorn on {web.url}, redis-server on {redis.url}; {args.duration:.0f} s of load",
                flush=True,
            )
            steady = steady_phase(args, work, redis, web)
            theme = steady["change"].get("expected", "")
            phases = {
                "steady": steady,
                "killed": redis_phase(args, work, redis, web, steady["staff"], theme),
                "paused": paused_phase(args, work, redis, web, steady["staff"], steady["brand"]),
            }
            ok = report(args, phases)
        finally:
            if web is not None:
                web.stop()
            redis.stop()
        errors = re.findall(r"^\[\d+\] ERROR .*$", web.log.read_text(errors="replace"), re.MULTILINE)
        if errors:
            ok = False
            print("\nDjango logged errors:\n  " + "\n  ".join(errors[:10]))
        print(f"\nload average after: {' '.join(f'{value:.2f}' for value in os.getloadavg())}")
    finally:
        if args.keep:
            print(f"kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    print("make load: OK (0 errors, every check passed)" if ok else "make load: FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
