"""Page weight: the gzipped CSS + JS a cabinet page with a data table loads, against the 70 KB budget.

Renders real staff pages (``cabinet/base_cabinet.html`` + the ``data_table``
component with a story's data), collects every ``<link rel="stylesheet">`` and
``<script src>`` they reference, and gzips each file (level 9, what a server's
static gzip would send). Fonts are excluded (they load from the CSS, once, and
are cached). What a page loads:

* ``cabinet.css`` (Bootstrap, icons' base, Inter's CSS, tokens, shell, the core
  components) and the stylesheets of the other components it renders (their
  ``Media``, linked by ``{% component_css_dependencies %}``);
* ``cabinet.js`` (Alpine's CSP build, shell, every component's JS) and, only when
  the page has an element that makes requests (``hx-get``/``-post``/...: the same
  selector as ``frontend/cabinet-start.js``), ``htmx.js``, which the bundle then
  loads. A modal opening loads it too, on the first click: not counted here;
* the icon stylesheet (``icons-<digest>.css``) and a custom theme's, generated.

Variants: the client-side table (the data table's "Typical" story) in the default
colour mode, "follow the system" (which adds the blocking ``color-mode.js``, so the
page has the right theme at first paint), the same with light chosen (no
``color-mode.js``) and with a custom theme, and a server-side table (its search,
filters and pager are htmx requests).

For the server-side page, what else the browser downloads: the HTML (gzipped)
and the font files (WOFF2) whose ``unicode-range`` holds a character the page
shows (the icon font comes in pieces: the library's icons in one small file).

Then where the weight is: each part minified (by the build's esbuild) and gzipped
alone. Needs the built bundle (``npm ci && npm run build``).

Run::

    .venv/bin/python bench/bench_page_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")

import django  # noqa: E402

django.setup()

from django.contrib.staticfiles import finders  # noqa: E402

from tests.page_assets import page_assets, render_page  # noqa: E402

BUDGET = 70_000  # bytes, gzipped CSS + JS, fonts excluded
NODE = ROOT / "node_modules"


def gz(data: bytes | str) -> int:
    return len(gzip.compress(data.encode() if isinstance(data, str) else data, compresslevel=9, mtime=0))


def asset_bytes(url: str, extra: dict[str, str]) -> bytes:
    from django.conf import settings

    from codex_django.cabinet.assets.icons import icons_stylesheet, icons_stylesheet_href

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


# --- what else the browser downloads: the HTML and the fonts ------------------------------------

FONT_FACE = re.compile(r"@font-face\{([^}]*)\}")


def _unicode_range(spec: str) -> set[int]:
    points: set[int] = set()
    for part in spec.split(","):
        first, _, last = part.strip().removeprefix("U+").removeprefix("u+").partition("-")
        if "?" in first:  # U+4?? wildcards
            first, last = first.replace("?", "0"), first.replace("?", "F")
        points.update(range(int(first, 16), int(last or first, 16) + 1))
    return points


def fonts_loaded(html: str, urls: list[str]) -> list[tuple[str, int]]:
    """The font files a browser fetches for ``html``: each @font-face whose unicode-range holds a
    character the page shows in that family (its text in Inter, its ``bi-*`` icons in Bootstrap
    Icons). Text inside tags' attributes is left out; hidden text counts (a browser loads it too
    once shown). Checked against what Chromium fetches (the demo's table page)."""
    import json

    from django.conf import settings

    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>|<[^>]+>", " ", html, flags=re.S)
    codepoints = json.loads((ROOT / "src/codex_django/cabinet/static/cabinet/dist/icons.json").read_text())
    icons = {codepoints[name] for name in re.findall(r"\bbi-([a-z0-9-]+)", html) if name in codepoints}
    wanted = {"inter": {ord(char) for char in text}, "bootstrap-icons": icons | {0x20} if icons else set()}
    loaded = []
    for url in urls:
        if not url.endswith(".css"):
            continue
        base = url.removeprefix(settings.STATIC_URL).split("?")[0].rsplit("/", 1)[0]
        for face in FONT_FACE.findall(asset_bytes(url, {}).decode()):
            family = re.search(r"font-family:\s*\"?([^\";]+)", face)
            src = re.search(r'url\("?\./([^")?]+)', face)
            ranges = re.search(r"unicode-range:([^;}]+)", face)
            if not family or not src:
                continue
            chars = wanted.get(family.group(1).lower().replace(" variable", ""), set())
            if chars and (ranges is None or chars & _unicode_range(ranges.group(1))):
                path = finders.find(f"{base}/{src.group(1)}")
                if path and src.group(1).endswith(".woff2"):
                    loaded.append((src.group(1), Path(str(path)).stat().st_size))
    return loaded


def print_downloads(title: str, html: str, urls: list[str], css_js: int) -> None:
    fonts = fonts_loaded(html, urls)
    print(f"\n{title}: what else the browser downloads (not in the budget: fonts load once, from the CSS)")
    print(f"  {'the HTML':<58} {len(html) / 1000:8.1f} kB   gzip {gz(html) / 1000:6.1f} kB")
    for name, size in fonts:
        print(f"  {name:<58} {size / 1000:8.1f} kB   (woff2)")
    total = css_js + gz(html) + sum(size for _name, size in fonts)
    print(f"  {'everything (CSS + JS + HTML + fonts)':<58} {'':>8}      {total / 1000:6.1f} kB")


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
        *[
            (f"cabinet shell/{part.name}", part, "css")
            for part in sorted((ROOT / "src/codex_django/cabinet/static/cabinet/shell").glob("*.css"))
        ],
        ("cabinet shell.js", ROOT / "src/codex_django/cabinet/static/cabinet/shell.js", "js"),
    ]
    for name, path, loader in parts:
        if path is None or not path.exists():
            print(f"  {name:<44} (not built)")
            continue
        print(f"  {name:<44} gzip {minified_gz(path, loader) / 1000:6.1f} kB")
    dist = ROOT / "src/codex_django/cabinet/static/cabinet/dist"
    label = "cabinet.js (Alpine, shell, components' JS)"
    print(f"  {label:<44} gzip {gz((dist / 'cabinet.js').read_bytes()) / 1000:6.1f} kB")
    css = sorted((dist / "components").glob("*.css"))
    total = sum(gz(path.read_bytes()) for path in css)
    label = f"dist/components/*.css ({len(css)} files, per page)"
    print(f"  {label:<44} gzip {total / 1000:6.1f} kB")


def main() -> None:
    from codex_django.cabinet.theme import example_theme
    from codex_django.cabinet.theme.stylesheets import stylesheet_for

    urls = page_assets(render_page())
    default = print_rows(
        "Cabinet page with a data table (client-side; default theme and colour mode: follow the system)",
        page_weight(urls),
    )
    print_rows(
        "Same page, colour mode light chosen (no color-mode.js)",
        page_weight(page_assets(render_page(cookie="light"))),
    )
    css, digest = stylesheet_for(example_theme("ocean"))
    themed_url = f"/cabinet/theme/staff/theme-{digest}.css"
    print_rows("Same page, custom theme (ocean)", page_weight([*urls, themed_url], {themed_url: css}))
    server_html = render_page(story="Server-side")
    server_urls = page_assets(server_html)
    server = print_rows(
        "Cabinet page with a server-side data table (htmx requests: loads htmx.js)",
        page_weight(server_urls),
    )
    print_downloads("Server-side table page", server_html, server_urls, server)

    investigate()
    print(
        f"\nbudget ratio: client-side table page {default / BUDGET:.2f}x, server-side table page {server / BUDGET:.2f}x"
    )


if __name__ == "__main__":
    main()
