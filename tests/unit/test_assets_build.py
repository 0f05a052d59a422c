"""The npm asset build (frontend/build.mjs) and the pins in package.json.

The build runs into a temporary folder (``--out``), twice, so the test also
proves the output is deterministic. It needs Node and ``npm ci`` (node_modules).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.template import engines

from codex_django.cabinet.templatetags import cabinet as cabinet_tags

pytestmark = pytest.mark.slow  # two whole builds

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src/codex_django/cabinet/static/cabinet"


def _build(out: Path) -> None:
    if shutil.which("node") is None or not (ROOT / "node_modules/esbuild").is_dir():
        pytest.skip("Node or node_modules missing: run `npm ci` first")
    subprocess.run(
        ["node", "frontend/build.mjs", "--out", str(out)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        text=True,
    )


def _digests(folder: Path) -> dict[str, str]:
    return {
        str(path.relative_to(folder)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assets")
    _build(out)
    return out


def test_build_is_deterministic(built: Path, tmp_path: Path) -> None:
    _build(tmp_path)
    assert _digests(tmp_path) == _digests(built)


def test_js_bundle_holds_runtime_shell_and_components(built: Path) -> None:
    js = (built / "cabinet/cabinet.js").read_text()
    assert 'version:"2.0.11"' not in js  # htmx is loaded on demand, from its own file
    assert 'version:"2.0.11"' in (built / "cabinet/htmx.js").read_text()  # htmx 2
    assert "cabinetHtmx" in js
    assert "alpine:init" in js
    assert '.directive("trap"' not in js  # no Alpine focus plugin: shell.js traps focus itself
    for name in ("cabDropdown", "cabOffcanvas"):
        assert f'"{name}"' in js
    for source in sorted(ROOT.glob("components/*/*.js")):
        for name in re.findall(r'Alpine\.data\(\s*"([A-Za-z]+)"', source.read_text()):
            assert f'"{name}"' in js, f"{source.name}: {name} not in the bundle"


def test_css_bundle_holds_vendor_tokens_shell_and_components(built: Path) -> None:
    css = (built / "cabinet/cabinet.css").read_text()
    assert "Bootstrap  v5.3." in css
    assert "font-family:bootstrap-icons" in css
    assert "Inter Variable" in css
    assert "[data-bs-theme=dark]{--cab-brand:" in css
    assert ".cab-nav__link" in css
    assert ".htmx-indicator{opacity:0" in css
    manifest = json.loads((built / "cabinet/components.json").read_text())
    for source in sorted(ROOT.glob("components/*/*.css")):
        classes = re.findall(r"\.(cab-[a-z0-9_-]+)", source.read_text())
        assert classes, f"{source.name} has no cab- class"
        name = source.parent.name
        if name in manifest["core"]:
            assert f".{classes[0]}" in css, f"{source.name} is not in the bundle"
        else:
            own = (built / f"cabinet/components/{name}.css").read_text()
            assert f".{classes[0]}" in own, f"{source.name} is not in components/{name}.css"
            assert f".{classes[0]}{{" not in css, f"{source.name} is in the bundle too"


def test_each_component_links_its_own_stylesheet_or_is_in_the_bundle(built: Path) -> None:
    """The manifest the build writes and the components' Media agree, and each marker is in its template."""
    from django_components import registry

    manifest = json.loads((built / "cabinet/components.json").read_text())
    components = {cls.__module__.split(".")[-2]: cls for cls in registry.all().values()
                  if cls.__module__.startswith("codex_django.cabinet.components.")}  # fmt: skip
    for name, cls in components.items():
        media_css = getattr(getattr(cls, "Media", None), "css", None)
        if name in manifest["separate"]:
            entry = manifest["separate"][name]
            # (django-components normalises Media.css to {"all": [...]}); the component's own file comes last
            assert media_css["all"][-1] == entry["css"], (
                f"{name}: Media should be own_stylesheet(__file__, ...)"
            )
            built_files = {item["css"] for item in manifest["separate"].values()}
            assert set(media_css["all"]) <= built_files, (
                f"{name}: Media names a stylesheet the build does not write"
            )
            template = (ROOT / f"components/{name}/{name}.html").read_text()
            assert re.search(rf"class=\"[^\"]*\b{entry['marker']}\b", template), (
                f"{name}: marker class {entry['marker']!r} (the first .cab- class of its CSS) is not on its template"
            )
        else:
            assert media_css is None, (
                f"{name} has no CSS of its own (or is core) but declares Media {media_css}"
            )
    assert set(manifest["core"]) <= set(components)


def test_css_bundle_has_only_the_bootstrap_modules_in_use(built: Path) -> None:
    css = (built / "cabinet/cabinet.css").read_text()
    for kept in (".btn{", ".dropdown-menu{", ".card{", ".alert{", ".breadcrumb{", ".nav-tabs{", ".table{",
                 ".form-control{", ".badge{", ".btn-close{", ".spinner-border{", ".row{", ".d-flex{",
                 ".page-link{"):  # fmt: skip
        assert kept in css, kept
    # (tokens.css sets some dropped components' --bs-* variables; their rules are what must be gone)
    for dropped in (".navbar-brand{", ".modal-dialog{", ".offcanvas-header{", ".carousel-item{", ".toast-header{",
                    ".tooltip-inner{", ".popover-header{", ".accordion-button{", ".progress-bar{",
                    ".list-group-item{", ".placeholder-glow"):  # fmt: skip
        assert dropped not in css, dropped
    # Bootstrap's variables untouched: the same values as its own dist build.
    assert "--bs-primary: #0d6efd;" in css
    assert "--bs-body-font-size: 1rem;" in css


def test_icons_are_split_from_the_bundle(built: Path) -> None:
    css = (built / "cabinet/cabinet.css").read_text()
    assert "font-family:bootstrap-icons" in css
    assert ".bi:before" in css
    # Only the icons the library names have their rule in the bundle (icons.py serves the others).
    assert '.bi-x-lg:before{content:"\uf659"}' in css  # esbuild writes the character itself (charset utf8)
    assert ".bi-alarm:before" not in css
    assert len(re.findall(r"\.bi-[a-z0-9-]+:before\{content:", css)) == len(
        json.loads((built / "cabinet/icons-used.json").read_text())
    )
    vendor = json.loads((ROOT / "node_modules/bootstrap-icons/font/bootstrap-icons.json").read_text())
    icons = json.loads((built / "cabinet/icons.json").read_text())
    assert icons == vendor
    used = json.loads((built / "cabinet/icons-used.json").read_text())
    assert {"x-lg", "list", "inbox"} <= set(used) <= set(icons)  # the shell's close/toggle, the empty state
    assert used == sorted(used)
    rules = (built / "cabinet/icons-all.css").read_text().splitlines()
    assert len(rules) == len(icons)
    assert '.bi-calendar::before{content:"\\f1f6"}' in rules


def test_rtl_bundle_is_bootstraps_rtl_build(built: Path) -> None:
    ltr = (built / "cabinet/cabinet.css").read_text()
    rtl = (built / "cabinet/cabinet.rtl.css").read_text()
    assert ".me-1{margin-right:.25rem!important}" in ltr
    assert ".me-1{margin-left:.25rem!important}" in rtl
    assert ".dropdown-menu-end{--bs-position: end}" in ltr
    assert "float:right;padding-left:var(--bs-breadcrumb-item-padding-x)" in rtl
    assert ".cab-nav__link" in rtl


def test_fonts_are_copied_and_referenced_relatively(built: Path) -> None:
    css = (built / "cabinet/cabinet.css").read_text()
    urls = [url for url in re.findall(r'url\("?([^")]+)"?\)', css) if not url.startswith("data:")]
    assert urls, "no font URLs"
    for url in urls:
        assert url.startswith("./fonts/"), url
        assert (built / "cabinet" / url.split("?")[0]).is_file(), url
    names = {path.name.rsplit("-", 1)[0] for path in (built / "cabinet/fonts").iterdir()}
    assert {"bootstrap-icons-cabinet", "inter-latin-wght-normal", "inter-cyrillic-wght-normal"} <= names


def test_the_icon_font_comes_in_pieces_a_page_loads_as_its_icons_need(built: Path) -> None:
    # One family, one @font-face per piece with a unicode-range: the icons the library names in
    # one small file (declared last, so looked up first), and every icon in exactly one slice.
    css = (built / "cabinet/cabinet.css").read_text()
    faces = re.findall(r'@font-face\{[^}]*font-family:"?bootstrap-icons"?;[^}]*\}', css)
    ranges = [re.search(r"unicode-range:([^;}]+)", face).group(1) for face in faces]  # type: ignore[union-attr]

    def points(spec: str) -> set[int]:
        found: set[int] = set()
        for part in spec.split(","):
            first, _, last = part.strip().removeprefix("U+").partition("-")
            found.update(range(int(first, 16), int(last or first, 16) + 1))
        return found

    vendor = json.loads((ROOT / "node_modules/bootstrap-icons/font/bootstrap-icons.json").read_text())
    used = json.loads((built / "cabinet/icons-used.json").read_text())
    assert "bootstrap-icons-cabinet" in faces[-1]
    assert points(ranges[-1]) == {vendor[name] for name in used} | {0x20}  # the space: see build.mjs
    slices = [points(spec) for spec in ranges[:-1]]
    assert sum(len(piece) for piece in slices) == len(set().union(*slices))  # no icon in two slices
    assert set(vendor.values()) <= set().union(*slices)
    sizes = [
        (built / "cabinet" / url).stat().st_size
        for url in re.findall(r'url\("?(\./fonts/bootstrap-icons[^")]+)', css)
    ]
    assert max(sizes) < 25_000, sizes  # the whole font is 134 KB


def test_bundle_sizes_stay_within_budget(built: Path) -> None:
    # Regression guards for the parts of the 70 KB page budget (bench/bench_page_weight.py prints the page).
    budgets = {"cabinet.js": 32_000, "htmx.js": 20_000, "cabinet.css": 28_000}
    for name, budget in budgets.items():
        size = len(gzip.compress((built / "cabinet" / name).read_bytes(), compresslevel=9))
        assert size < budget, f"{name} is {size} bytes gzipped (budget {budget})"


def test_storybook_output_has_axe_and_a_gitignore(built: Path) -> None:
    storybook = built / "storybook"
    assert (storybook / "axe.min.js").read_bytes() == (ROOT / "node_modules/axe-core/axe.min.js").read_bytes()
    assert (storybook / ".gitignore").read_text().splitlines()[-2:] == ["*", "!.gitignore"]
    if (ROOT / "storybook/frontend/storybook.js").exists():
        assert (storybook / "storybook.js").stat().st_size > 0


def test_generated_folders_are_git_ignored() -> None:
    for folder in (STATIC / "dist", ROOT / "storybook/static/storybook/dist"):
        assert (folder / ".gitignore").read_text().splitlines()[-2:] == ["*", "!.gitignore"]


# --- package.json pins ---------------------------------------------------------------------------------

EXPECTED_LINES = {
    "bootstrap": r"5\.3\.\d+",
    "bootstrap-icons": r"1\.13\.\d+",
    "@alpinejs/csp": r"3\.\d+\.\d+",
    "htmx.org": r"2\.0\.\d+",
    "@fontsource-variable/inter": r"\d+\.\d+\.\d+",
    "axe-core": r"4\.\d+\.\d+",
    "esbuild": r"\d+\.\d+\.\d+",
    "sass": r"\d+\.\d+\.\d+",
    "rtlcss": r"4\.\d+\.\d+",
    "terser": r"5\.\d+\.\d+",
    "postcss": r"8\.\d+\.\d+",
    "subset-font": r"2\.\d+\.\d+",
}


def test_dependencies_are_pinned_exactly_and_locked() -> None:
    package = json.loads((ROOT / "package.json").read_text())
    lock = json.loads((ROOT / "package-lock.json").read_text())
    assert package["private"] is True
    assert package["name"] == "codex-django-cabinet-assets"
    assert package["scripts"]["build"] == "node frontend/build.mjs"
    pins = {**package.get("dependencies", {}), **package.get("devDependencies", {})}
    assert set(pins) == set(EXPECTED_LINES)
    for name, line in EXPECTED_LINES.items():
        assert re.fullmatch(line, pins[name]), f"{name} {pins[name]!r} is not an exact pin on {line}"
        assert lock["packages"][f"node_modules/{name}"]["version"] == pins[name], name
    # Bootstrap's CSS is compiled with the sass its own dist build uses, so it comes out the same.
    bootstrap = json.loads((ROOT / "node_modules/bootstrap/package.json").read_text())
    assert pins["sass"] == bootstrap["devDependencies"]["sass"]


def test_shell_css_uses_only_tokens() -> None:
    shell = "".join(part.read_text() for part in sorted((STATIC / "shell").glob("*.css")))
    assert shell
    shell = re.sub(r"/\*.*?\*/", "", shell, flags=re.S)
    assert re.findall(r"#[0-9a-fA-F]{3,8}\b|\brgba?\(|\bhsla?\(", shell) == []


# --- the bundle tags -----------------------------------------------------------------------------------


def test_tags_link_the_bundle_and_warn_when_it_is_missing(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    template = engines["django"].from_string("{% load cabinet %}{% cabinet_css %}{% cabinet_js %}")
    cabinet_tags._asset_missing.cache_clear()
    cabinet_tags._STYLESHEETS.clear()
    monkeypatch.setattr("django.contrib.staticfiles.finders.find", lambda path: None)
    try:
        with caplog.at_level(logging.WARNING, logger="codex_django.cabinet"):
            html = template.render({})
        assert cabinet_tags.missing_assets() == [
            "cabinet/dist/cabinet.css",
            "cabinet/dist/cabinet.rtl.css",
            "cabinet/dist/cabinet.js",
            "cabinet/dist/htmx.js",
        ]
    finally:
        cabinet_tags._asset_missing.cache_clear()
        cabinet_tags._STYLESHEETS.clear()
    assert re.fullmatch(
        r'<link rel="stylesheet" href="/static/cabinet/dist/cabinet\.css">'
        r'(\n<link rel="stylesheet" href="/cabinet/icons/icons-[0-9a-f]{12}\.css">)?'  # the registry's icons
        r'<script src="/static/cabinet/dist/cabinet\.js" defer data-htmx="/static/cabinet/dist/htmx\.js"></script>',
        html,
    ), html
    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 3
    assert messages[0].startswith("The cabinet bundle file 'cabinet/dist/cabinet.css' is missing")
    assert "npm ci && npm run build" in messages[0]


def test_every_class_a_component_renders_is_styled_where_it_renders(built: Path) -> None:
    """A ``cab-`` class in a component's template that some component CSS styles must be styled by
    its own stylesheet, one it declares it uses, ``cabinet.css`` (core components, shell) - else the
    component looks right only on pages that happen to render the other component too."""
    from django_components import registry

    defined: dict[str, set[str]] = {}
    for css in ROOT.glob("components/*/*.css"):
        for cls in re.findall(r"\.(cab-[a-z0-9_-]+)", css.read_text()):
            defined.setdefault(cls, set()).add(css.parent.name)
    bundle = set(re.findall(r"\.(cab-[a-z0-9_-]+)", (built / "cabinet/cabinet.css").read_text()))
    media = {cls.__module__.split(".")[-2]: getattr(getattr(cls, "Media", None), "css", None) or {}
             for cls in registry.all().values()}  # fmt: skip
    unstyled = []
    for folder in sorted(ROOT.glob("components/*/")):
        name = folder.name
        linked = {Path(path).stem for path in media.get(name, {}).get("all", [])}
        used = set()
        for template in folder.glob("*.html"):
            used |= set(re.findall(r"\bcab-[a-z0-9_-]+", template.read_text()))
        for cls in sorted(used):
            owners = defined.get(cls, set())
            if owners and cls not in bundle and not owners & (linked | {name}):
                unstyled.append(f"{name} renders .{cls}, styled only by {sorted(owners)}")
    assert unstyled == []
    assert "cab-combobox" in {cls for cls, owners in defined.items() if "client_selector" in owners}
