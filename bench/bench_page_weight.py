"""Page weight: the gzipped CSS + JS a cabinet page with a data table loads, against the 70 KB budget.

Renders a real staff page (``cabinet/base_cabinet.html`` + the ``data_table``
component with its first story's data), collects every ``<link rel="stylesheet">``
and ``<script src>`` it references, and gzips each file (level 9, what a
server's static gzip would send). Fonts are excluded (they load from the CSS,
once, and are cached). Three variants: the default theme in light mode, the
"follow the system" mode (adds ``color-mode.js``) and a custom theme (adds
``theme-<digest>.css``).

Then where the weight is: each vendor part of the bundle gzipped alone, and what
two reductions would save (measured here, not estimated): Bootstrap Icons CSS
limited to the icons this repository uses, and Bootstrap CSS without the
components the cabinet never renders. Needs the built bundle (``npm run build``).

Run::

    .venv/bin/python bench/bench_page_weight.py
"""

from __future__ import annotations

import gzip
import os
import re
import sys
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
    if url in extra:
        return extra[url].encode()
    from django.conf import settings

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


def top_level_rules(css: str) -> list[str]:
    """Split minified CSS into top-level rules/at-rules (brace depth 0)."""
    rules, depth, start = [], 0, 0
    for index, char in enumerate(css):
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
            if depth == 0:
                rules.append(css[start : index + 1])
                start = index + 1
        elif char == ";" and depth == 0:
            rules.append(css[start : index + 1])
            start = index + 1
    return rules


def drop_rules(css: str, unused: re.Pattern[str]) -> str:
    """``css`` without rules whose every selector names an unused class (recursing into @media)."""
    kept = []
    for rule in top_level_rules(css):
        head, _, body = rule.partition("{")
        if head.startswith("@media") or head.startswith("@supports"):
            inner = drop_rules(body[:-1], unused)
            if inner:
                kept.append(f"{head}{{{inner}}}")
            continue
        selectors = [s for s in head.split(",") if s.strip()]
        if selectors and not head.startswith("@") and all(unused.search(s) for s in selectors):
            continue
        kept.append(rule)
    return "".join(kept)


def repository_text() -> str:
    parts = []
    for pattern in ("components/**/*", "src/codex_django/cabinet/**/*", "storybook/**/*", "demo/**/*"):
        for path in ROOT.glob(pattern):
            if path.suffix in (".html", ".py", ".js") and "dist" not in path.parts and path.is_file():
                parts.append(path.read_text(encoding="utf-8", errors="ignore"))
    return "\n".join(parts)


# The components the measured page renders (the shell's own modal host included).
PAGE_COMPONENTS = ("data_table", "status_badge", "empty_state", "modal_host", "color_mode_switch")

BOOTSTRAP_UNUSED = [
    "accordion", "carousel", "toast", "tooltip", "popover", "offcanvas", "navbar", "breadcrumb",
    "progress", "placeholder", "spinner-grow", "ratio", "list-group", "card", "modal", "alert",
    "btn-group", "input-group", "form-floating", "figure", "display-", "vr", "stretched-link",
]  # fmt: skip


def investigate(bundle_css: str) -> None:
    text = repository_text()
    print("\nWhere the weight is (each part gzipped alone, so the sum exceeds the bundle slightly)")
    parts = {
        "bootstrap.min.css": NODE / "bootstrap/dist/css/bootstrap.min.css",
        "bootstrap-icons.min.css": NODE / "bootstrap-icons/font/bootstrap-icons.min.css",
        "@fontsource-variable/inter (CSS)": NODE / "@fontsource-variable/inter/index.css",
        "htmx.min.js": NODE / "htmx.org/dist/htmx.min.js",
        "@alpinejs/csp cdn.min.js": NODE / "@alpinejs/csp/dist/cdn.min.js",
        "@alpinejs/focus cdn.min.js": NODE / "@alpinejs/focus/dist/cdn.min.js",
    }
    for name, path in parts.items():
        print(f"  {name:<40} gzip {gz(path.read_bytes()) / 1000:6.1f} kB")
    own_css = "".join(p.read_text() for p in sorted(ROOT.glob("components/*/*.css")))
    own_css += (ROOT / "src/codex_django/cabinet/static/cabinet/shell.css").read_text()
    own_css += (ROOT / "src/codex_django/cabinet/static/cabinet/tokens.css").read_text()
    own_js = "".join(p.read_text() for p in sorted(ROOT.glob("components/*/*.js")))
    own_js += (ROOT / "src/codex_django/cabinet/static/cabinet/shell.js").read_text()
    print(
        f"  {'cabinet CSS: tokens + shell + components':<40} gzip {gz(own_css) / 1000:6.1f} kB (unminified)"
    )
    print(f"  {'cabinet JS: shell + components':<40} gzip {gz(own_js) / 1000:6.1f} kB (unminified)")

    icons_css = (NODE / "bootstrap-icons/font/bootstrap-icons.min.css").read_text()
    all_icons = set(re.findall(r"\.bi-([a-z0-9-]+)::?before", icons_css))
    used_icons = {name for name in re.findall(r"\bbi-([a-z0-9]+(?:-[a-z0-9]+)*)", text) if name in all_icons}
    subset = drop_rules(icons_css, re.compile(r"\.bi-(?!(?:" + "|".join(sorted(used_icons)) + r")::?before)"))
    print("\nReductions, measured")
    print(
        f"  Bootstrap Icons: {len(all_icons)} icons in the CSS, {len(used_icons)} referenced in this repository:"
        f" {gz(icons_css) / 1000:.1f} kB -> {gz(subset) / 1000:.1f} kB gzip"
    )
    bootstrap = (NODE / "bootstrap/dist/css/bootstrap.min.css").read_text()
    unused = [name for name in BOOTSTRAP_UNUSED if not re.search(rf"[\"' ]{re.escape(name)}", text)]
    trimmed = drop_rules(bootstrap, re.compile(r"\.(?:" + "|".join(re.escape(n) for n in unused) + r")"))
    print(
        f"  Bootstrap CSS without components no template uses ({', '.join(unused)}):"
        f" {gz(bootstrap) / 1000:.1f} kB -> {gz(trimmed) / 1000:.1f} kB gzip"
    )
    focus = "x-trap" in text
    print(
        f"  @alpinejs/focus: x-trap {'is' if focus else 'is not'} used by the templates"
        f" ({gz((NODE / '@alpinejs/focus/dist/cdn.min.js').read_bytes()) / 1000:.1f} kB gzip)"
    )
    all_parts = sorted(ROOT.glob("components/*/*.css")) + sorted(ROOT.glob("components/*/*.js"))
    table_parts = [p for p in all_parts if p.parent.name in PAGE_COMPONENTS]
    print(
        f"  Per-component CSS/JS (only the components a page renders, {', '.join(PAGE_COMPONENTS)}):"
        f" {gz(''.join(p.read_text() for p in all_parts)) / 1000:.1f} kB ->"
        f" {gz(''.join(p.read_text() for p in table_parts)) / 1000:.1f} kB gzip (unminified sources)"
    )
    print(f"  (bundle CSS now {gz(bundle_css) / 1000:.1f} kB gzip)")


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

    bundle_css = asset_bytes(next(url for url in parser.urls if url.endswith(".css")), {}).decode()
    investigate(bundle_css)
    print(f"\nbudget ratio (default page): {default / BUDGET:.2f}x")


if __name__ == "__main__":
    main()
