"""What a staff page with a data table downloads: shared by tests/unit/test_page_weight.py
(the 70 KB budget) and bench/bench_page_weight.py (the breakdown), so both measure alike."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from django.contrib.auth.models import AnonymousUser
from django.template import engines
from django.test import RequestFactory

PAGE = """{% extends "cabinet/base_cabinet.html" %}
{% block content %}{% component "data_table" table=table label=label / %}{% endblock %}"""

# The attributes that make frontend/cabinet-start.js load htmx.
REQUESTS = re.compile(r"^(data-)?hx-(get|post|put|patch|delete|boost)$")


class Assets(HTMLParser):
    """The stylesheet and script URLs of a page, in document order (htmx.js last, when loaded)."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self.htmx = ""
        self.requests = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.urls.append(str(values["href"]))
        elif tag == "script" and values.get("src"):
            self.urls.append(str(values["src"]))
            self.htmx = self.htmx or str(values.get("data-htmx") or "")
        self.requests = self.requests or any(REQUESTS.match(name) for name, _value in attrs)

    def loaded(self) -> list[str]:
        return [*self.urls, self.htmx] if self.requests and self.htmx else list(self.urls)


def render_page(story: str = "Typical", cookie: str = "") -> str:
    """The staff page rendering the data_table story ``story`` (``cookie``: the colour mode chosen)."""
    from codex_django.cabinet.components.data_table.stories import STORIES

    request = RequestFactory().get("/cabinet/bookings/")
    request.user = AnonymousUser()
    if cookie:
        request.COOKIES["cabinet_color_mode"] = cookie
    (chosen,) = [candidate for candidate in STORIES if candidate.name == story]
    return engines["django"].from_string(PAGE).render(chosen.resolve_kwargs(), request)


def page_assets(html: str) -> list[str]:
    """The CSS and JS URLs ``html`` makes the browser load."""
    parser = Assets()
    parser.feed(html)
    return parser.loaded()
