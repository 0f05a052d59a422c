"""Page weight: the CSS and JS a cabinet page with a data table downloads stay within 70 KB gzipped.

The same measure as ``bench/bench_page_weight.py`` (which prints the breakdown):
a staff page (``cabinet/base_cabinet.html``) rendering the ``data_table``
component's story, every ``<link rel="stylesheet">`` and ``<script src>`` it
references and, when the page has an element that makes requests
(``hx-get``...), the ``htmx.js`` the bundle then loads; each file gzipped
(level 9). Fonts are not counted (they load once, from the CSS). Uses the built
``dist/`` (``npm run build``), as the other tests do.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from codex_django.cabinet.assets.icons import icons_stylesheet, icons_stylesheet_href
from tests.page_assets import page_assets, render_page

ROOT = Path(__file__).resolve().parents[2]
BUDGET = 70_000  # bytes, gzipped CSS + JS


def _page_assets(story: str) -> list[str]:
    return page_assets(render_page(story))


def _gzipped(url: str) -> int:
    if url == icons_stylesheet_href() and not url.startswith(settings.STATIC_URL):
        data = icons_stylesheet()[0].encode()
    else:
        path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
        if not path:
            pytest.skip(f"{url} is not built: run `npm run build`")
        data = Path(str(path)).read_bytes()
    return len(gzip.compress(data, compresslevel=9, mtime=0))


@pytest.mark.parametrize(("story", "htmx"), [("Typical", False), ("Server-side", True)])
def test_data_table_page_stays_within_the_budget(story: str, htmx: bool) -> None:
    urls = _page_assets(story)
    assert any(url.endswith("/htmx.js") for url in urls) is htmx  # the server-side page needs htmx
    sizes = {url: _gzipped(url) for url in urls}
    total = sum(sizes.values())
    listing = ", ".join(f"{url} {size}" for url, size in sizes.items())
    assert total <= BUDGET, f"{story!r} page: {total} bytes gzipped, over {BUDGET} ({listing})"


# x-data, x-bind, x-ref, x-text, x-on (@click), :attr ... (hx-* is htmx's, not Alpine's)
ALPINE_ATTRIBUTE = re.compile(
    r"""(?<![\w-])(x-[a-z][\w:.-]*|@[a-z][\w:.-]*|:[a-z][\w-]*)=(["'])(.*?)\2""", re.S
)
NAME = re.compile(r"[A-Za-z_$][\w$]*")


def test_alpine_attributes_name_only_properties() -> None:
    # package.json pins Alpine's CSP build at 3.14, 7.4 KB gzipped lighter than 3.15+, which adds an
    # expression parser: that build only looks names up, so an expression here would not run.
    templates = [
        *ROOT.glob("components/*/*.html"),
        *ROOT.glob("src/codex_django/cabinet/templates/**/*.html"),
        *ROOT.glob("storybook/templates/**/*.html"),
    ]
    assert templates
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0)}"
        for path in templates
        for match in ALPINE_ATTRIBUTE.finditer(path.read_text())
        if match.group(1) not in {"x-ref"} and not NAME.fullmatch(match.group(3))
    ]
    assert found == [], "Alpine attributes that are not a plain name (the CSP build only looks names up)"
