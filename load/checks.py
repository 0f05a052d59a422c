"""The checks a load run makes beside locust: a settings change reaches every worker; the cache returns.

:class:`Browser` is a signed-in staff session over plain ``urllib`` (cookies,
CSRF, no redirects followed), so the checks see which worker answered each
request (``X-Load-Worker``) while locust keeps the workers busy.

:func:`theme_change` posts new theme overrides to the site-settings page
through one worker, then asks pages and the theme stylesheet until each of the
gunicorn workers has answered; every answer after the POST must link the new
stylesheet (and the stylesheet must carry the new colour), whichever worker
gave it. :func:`sightings` repeats the page part for a value already saved
(while Redis is down, after it restarted).

:func:`redis_counters` and :func:`cabinet_keys` read Redis's own counters and
keys, the figures that show the cache in use again after a restart.
"""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

import redis

from .stats import WorkerSightings

__all__ = [
    "Browser",
    "cabinet_keys",
    "change_theme",
    "converge",
    "redis_counters",
    "sightings",
    "theme_change",
]

WORKER_HEADER = "X-Load-Worker"
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
THEME_LINK = re.compile(r'<link rel="stylesheet" href="([^"]*/theme-[\w-]+\.css)">')
SETTINGS_PAGE = "/cabinet/settings/"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


class Browser:
    """One user's cookies against the demo; :meth:`get`/:meth:`post` return (status, worker pid, body)."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), _NoRedirect()
        )

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base_url + path, data=body)  # noqa: S310 (our loopback URL)
        try:
            with self.opener.open(request, timeout=30) as answer:
                return answer.status, answer.headers.get(WORKER_HEADER, ""), answer.read().decode()
        except urllib.error.HTTPError as answer:  # 3xx (not followed), 4xx, 5xx
            return answer.code, answer.headers.get(WORKER_HEADER, ""), answer.read().decode()

    def get(self, path: str) -> tuple[int, str, str]:
        return self.request(path)

    def post_form(self, path: str, form_page: str, fields: dict[str, str]) -> tuple[int, str, str]:
        """POST ``fields`` with the CSRF token of the form on ``form_page``."""
        status, _pid, html = self.get(form_page)
        token = CSRF_INPUT.search(html)
        if status != 200 or token is None:
            raise RuntimeError(f"{form_page}: status {status}, no CSRF token to post with")
        return self.request(path, {**fields, "csrfmiddlewaretoken": token[1]})

    def sign_in(self, username: str, password: str) -> None:
        status, _pid, _html = self.post_form(
            "/login/", "/login/", {"username": username, "password": password}
        )
        if status != 302:
            raise RuntimeError(f"signing in as {username} answered {status}, not 302")


def theme_href(html: str) -> str:
    """The theme stylesheet a page links, ``""`` for the default theme (no link)."""
    found = THEME_LINK.search(html)
    return found[1] if found else ""


def sightings(
    browser: Browser, expected: str, workers: int, *, path: str = SETTINGS_PAGE, timeout: float = 30
) -> WorkerSightings:
    """Ask ``path`` until every worker answered; each answer's theme link must be ``expected``."""
    seen = WorkerSightings(expected=expected, workers=workers)
    deadline = time.monotonic() + timeout
    while not seen.complete and time.monotonic() < deadline:
        status, pid, html = browser.get(path)
        seen.record(pid or "?", theme_href(html) if status == 200 else f"status {status}")
    return seen


def converge(
    browser: Browser, expected: str, workers: int, timeout: float = 30
) -> tuple[WorkerSightings, float]:
    """Ask until every worker showed ``expected`` at least once (stale answers before it allowed).

    Returns the sightings (``all_new`` false when the time ran out) and the seconds it took.
    """
    seen = WorkerSightings(expected=expected, workers=workers)
    started = time.monotonic()
    while not seen.all_new and time.monotonic() - started < timeout:
        status, pid, html = browser.get(SETTINGS_PAGE)
        seen.record(pid or "?", theme_href(html) if status == 200 else f"status {status}")
    return seen, time.monotonic() - started


def change_theme(browser: Browser, brand: str) -> tuple[str, str, str]:
    """POST new theme overrides through one worker: ``(worker pid, link before, link after)``.

    Raises ``RuntimeError`` when the POST is refused or the page after it links the old stylesheet.
    """
    _status, _pid, html = browser.get(SETTINGS_PAGE)
    before = theme_href(html)
    overrides = json.dumps({"light.brand": brand, "dark.brand": brand})
    status, saved_by, _html = browser.post_form(
        "/cabinet/settings/theme/", SETTINGS_PAGE, {"theme-theme_overrides": overrides}
    )
    if status != 303:
        raise RuntimeError(f"the theme POST answered {status}, not 303")
    _status, _pid, html = browser.get(SETTINGS_PAGE)
    expected = theme_href(html)
    if not expected or expected == before:
        raise RuntimeError(f"the page after the theme POST links {expected!r}, as before it")
    return saved_by, before, expected


def theme_change(browser: Browser, brand: str, workers: int, timeout: float = 30) -> dict[str, Any]:
    """Change the theme through one worker and watch every worker show it; a report dict (``ok``)."""
    try:
        saved_by, before, expected = change_theme(browser, brand)
    except RuntimeError as error:
        return {"ok": False, "problem": str(error)}
    pages = sightings(browser, expected, workers, timeout=timeout)
    css = WorkerSightings(expected="200 with the new brand", workers=workers)
    deadline = time.monotonic() + timeout
    while not css.complete and time.monotonic() < deadline:
        status, pid, body = browser.get(expected)
        good = status == 200 and brand.lower() in body.lower()
        css.record(pid or "?", css.expected if good else f"status {status}, brand in CSS: {good}")
    return {
        "ok": pages.ok and css.ok,
        "saved_by": saved_by,
        "before": before or "(default theme, no link)",
        "expected": expected,
        "pages": pages,
        "stylesheet": css,
    }


def redis_counters(url: str) -> dict[str, int]:
    """``keyspace_hits``/``keyspace_misses`` from ``INFO stats``."""
    info = redis.Redis.from_url(url, socket_timeout=2).info("stats")
    return {name: int(info[name]) for name in ("keyspace_hits", "keyspace_misses")}


def cabinet_keys(url: str, project: str = "salon-demo") -> dict[str, int]:
    """How many cabinet keys Redis holds: the settings hash and the dashboard's cached providers."""
    client = redis.Redis.from_url(url, socket_timeout=2)
    dashboard = sum(1 for _key in client.scan_iter(match=f"{project}:cabinet:dashboard:*", count=200))
    return {"settings": int(client.exists(f"{project}:cabinet:settings")), "dashboard": dashboard}
