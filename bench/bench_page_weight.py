"""Page weight: the gzipped CSS + JS a cabinet page with a data table loads, against the 70 KB budget.

Renders a real staff page (``cabinet/base_cabinet.html`` + the ``data_table``
component with its first story's data), collects every ``<link rel="stylesheet">``
and ``<script src>`` it references, and gzips each file (level 9, what a
server's static gzip would send). Fonts are excluded (they load from the CSS,
once, and are cached). Three variants: the default theme in light mode, the
"follow the system" mode (adds ``color-mode.js``) and a custom theme (adds
``theme-<digest>.css``). The icon stylesheet (``icons-<digest>.css``, the rules
of the icons in use, see ``codex_django.cabinet.icons``) is generated, like the
theme's, and measured as served.

Then where the weight is: each part of the bundle minified (by the build's
esbuild) and gzipped alone, and the components' CSS/JS all together against
only those the page renders. Needs the built bundle (``npm ci && npm run build``).

Run::

    .venv/bin/python bench/bench_page_weight.py
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import AnonymousUser  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.template import engines  # noqa: E402
from django.test import RequestFactory  # noqa: E402

BUDGET = 70_000  # bytes, gzipped CSS + JS, fonts excluded
NODE = ROOT / "node_modules"
PAGE = """{% extends "cabinet/base_cabinet.html" %}
{% block content %}{% component "data_table" table=table label=label / %}{% endblock %}"""


class Assets(HTMLParser):
    """The stylesheet and script URLs of a page, in document order."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "link" and values.get("rel") == "stylesheet" and values.get("href"):
            self.urls.append(str(values["href"]))
        elif tag == "script" and values.get("src"):
            self.urls.append(str(values["src"]))


def gz(data: bytes | str) -> int:
    return len(gzip.compress(data.encode() if isinstance(data, str) else data, compresslevel=9, mtime=0))


def render_page(cookie: str = "") -> str:
    from codex_django.cabinet.components.data_table.stories import STORIES

    request = RequestFactory().get("/cabinet/bookings/")
    request.user = AnonymousUser()
    if cookie:
        request.COOKIES["cabinet_color_mode"] = cookie
    template = engines["django"].from_string(PAGE)
    return template.render(STORIES[0].resolve_kwargs(), request)


def asset_bytes(url: str, extra: dict[str, str]) -> bytes:
    from django.conf import settings

    from codex_django.cabinet.icons import icons_stylesheet, icons_stylesheet_href

    if url in extra:
        return extra[url].encode()
    if url == icons_stylesheet_href() and not url.startswith(settings.STATIC_URL):
        return icons_stylesheet()[0].encode()

    path = finders.find(url.removeprefix(settings.STATIC_URL).split("?")[0])
    if not path:
        raise SystemExit(f"{url} is not a static file here: run `npm run build` first")
    return Path(str(path)).read_bytes()


def page_weight(urls: list[str], extra: dict[str, str] | None = None) -> list[tuple[str, int, int]]:
    rows = []
    for url in urls:
        data = asset_bytes(url, extra or {})
        rows.append((url, len(data), gz(data)))
    return rows


def print_rows(title: str, rows: list[tuple[str, int, int]]) -> int:
    total = sum(row[2] for row in rows)
    print(f"\n{title}")
    for url, raw, packed in rows:
        print(f"  {url:<58} {raw / 1000:8.1f} kB   gzip {packed / 1000:6.1f} kB")
    verdict = "within" if total <= BUDGET else "OVER"
    print(
        f"  {'total':<58} {'':>8}      gzip {total / 1000:6.1f} kB   {verdict} budget {BUDGET / 1000:.0f} kB "
        f"({total / BUDGET:.2f}x)"
    )
    return total


# --- where the weight is ----------------------------------------------------------------------


def minified_gz(path: Path, loader: str) -> int:
    """gzip size of ``path`` minified by the build's esbuild (its own size when esbuild is missing)."""
    esbuild = NODE / ".bin/esbuild"
    data = path.read_bytes()
    if esbuild.exists():
        data = subprocess.run(  # noqa: S603  # the build's own esbuild, fixed arguments
            [str(esbuild), f"--loader={loader}", "--minify", "--log-level=error"],
            input=data,
            capture_output=True,
            check=True,
        ).stdout
    return gz(data)


def investigate() -> None:
    """Each part of the bundle gzipped alone (so the parts sum slightly above the bundle)."""
    print("\nWhere the weight is (each part minified and gzipped alone)")
    cached = sorted(
        (NODE / ".cache/cabinet-bootstrap").glob("bootstrap-*[0-9a-f].css"), key=lambda p: p.stat().st_mtime
    )
    parts: list[tuple[str, Path | None, str]] = [
        ("Bootstrap CSS (frontend/bootstrap.scss)", cached[-1] if cached else None, "css"),
        ("htmx", NODE / "htmx.org/dist/htmx.min.js", "js"),
        ("Alpine CSP build", NODE / "@alpinejs/csp/dist/cdn.min.js", "js"),
        ("Inter (CSS only)", NODE / "@fontsource-variable/inter/index.css", "css"),
        ("cabinet tokens.css", ROOT / "src/codex_django/cabinet/static/cabinet/tokens.css", "css"),
        ("cabinet shell.css", ROOT / "src/codex_django/cabinet/static/cabinet/shell.css", "css"),
        ("cabinet shell.js", ROOT / "src/codex_django/cabinet/static/cabinet/shell.js", "js"),
    ]
    for name, path, loader in parts:
        if path is None or not path.exists():
            print(f"  {name:<44} (not built)")
            continue
        print(f"  {name:<44} gzip {minified_gz(path, loader) / 1000:6.1f} kB")
    for ext in ("css", "js"):
        files = sorted(ROOT.glob(f"components/*/*.{ext}"))
        joined = Path(os.devnull)
        data = "".join(p.read_text() for p in files)
        page = "".join(p.read_text() for p in files if p.parent.name in PAGE_COMPONENTS)
        with tempfile.TemporaryDirectory() as tmp:
            joined = Path(tmp) / f"all.{ext}"
            joined.write_text(data)
            everything = minified_gz(joined, ext)
            joined.write_text(page)
            rendered = minified_gz(joined, ext)
        print(
            f"  {'components/*/*.' + ext + f' ({len(files)} files)':<44} gzip {everything / 1000:6.1f} kB"
            f"   (only the {len(PAGE_COMPONENTS)} this page renders: {rendered / 1000:.1f} kB)"
        )


# The components the measured page renders (the shell's own modal host included).
PAGE_COMPONENTS = ("data_table", "status_badge", "empty_state", "modal_host", "color_mode_switch")


def main() -> None:
    from codex_django.cabinet.theme import example_theme
    from codex_django.cabinet.theme.stylesheets import stylesheet_for

    html = render_page()
    parser = Assets()
    parser.feed(html)
    default = print_rows("Cabinet page with a data table (default theme, light)", page_weight(parser.urls))

    system = Assets()
    system.feed(render_page(cookie="system"))
    print_rows("Same page, colour mode 'follow the system'", page_weight(system.urls))

    css, digest = stylesheet_for(example_theme("ocean"))
    themed_url = f"/cabinet/theme/staff/theme-{digest}.css"
    print_rows("Same page, custom theme (ocean)", page_weight([*parser.urls, themed_url], {themed_url: css}))

    investigate()
    print(f"\nbudget ratio (default page): {default / BUDGET:.2f}x")


if __name__ == "__main__":
    main()
