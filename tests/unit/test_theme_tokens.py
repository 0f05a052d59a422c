"""The token model, overrides, contrast and the generated tokens.css (codex_django.cabinet.theme)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from codex_django.cabinet.theme import (
    COLOUR_TOKENS,
    DEFAULT_THEME,
    ThemeError,
    apply_overrides,
    changed_tokens,
    contrast_failures,
    contrast_report,
    example_names,
    example_theme,
    render_css,
    render_tokens_css,
    settings_snippet,
    stylesheet_digest,
    token_names,
)
from codex_django.cabinet.theme.colour import contrast_ratio, normalise_hex

ROOT = Path(__file__).resolve().parents[2]
TOKENS_CSS = ROOT / "src/codex_django/cabinet/static/cabinet/tokens.css"


# --- colour maths -------------------------------------------------------------------------------


def test_contrast_ratio_matches_wcag_reference_values() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WebAIM's checker: #767676 on white is 4.54:1, #777777 is 4.47:1.
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54
    assert round(contrast_ratio("#ffffff", "#777777"), 2) == 4.48


def test_hex_colours_are_normalised_or_refused() -> None:
    assert normalise_hex(" #ABC ") == "#aabbcc"
    assert normalise_hex("#4F46E5cc") == "#4f46e5cc"
    with pytest.raises(ValueError, match=r"'red' is not a hex colour"):
        normalise_hex("red")


# --- the default theme ------------------------------------------------------------------------


def test_default_theme_passes_contrast_in_both_modes() -> None:
    report = contrast_report(DEFAULT_THEME)
    assert {pair.mode for pair in report} == {"light", "dark"}
    assert len(report) > 100
    assert [pair.message for pair in contrast_failures(DEFAULT_THEME)] == []


def test_every_status_pair_is_checked_in_both_modes() -> None:
    names = {pair.name for pair in contrast_report(DEFAULT_THEME)}
    for mode in ("light", "dark"):
        for status in ("success", "warning", "danger", "info", "neutral"):
            assert f"{mode}: {status} on {status}-subtle" in names
        assert f"{mode}: on-brand on brand" in names
        assert f"{mode}: text-muted on surface-sunken" in names
        assert f"{mode}: focus-ring-color on surface-raised" in names


def test_built_tokens_css_is_the_default_theme() -> None:
    # tokens.css is not committed: `npm run build` writes it from render_tokens_css().
    assert TOKENS_CSS.is_file(), "static/cabinet/tokens.css is not built: run `npm run build`"
    assert TOKENS_CSS.read_text(encoding="utf-8") == render_tokens_css(), (
        "static/cabinet/tokens.css is out of date: run `npm run build`"
    )


# Token families; other --cab-* names are a component's own variables (--cab-cal-at, --cab-badge-bg).
TOKEN_FAMILIES = re.compile(
    r"--cab-(brand|on-brand|surface|border|text|success|warning|danger|info|neutral|focus|font|line|space"
    r"|radius|shadow|backdrop|transition|topbar|sidebar|content|control|density)\b"
)


def test_tokens_css_declares_every_token_components_use() -> None:
    css = TOKENS_CSS.read_text(encoding="utf-8")
    declared = set(re.findall(r"(--cab-[a-z0-9-]+):", css))
    used: set[str] = set()
    for source in [
        *ROOT.glob("components/*/*.css"),
        *ROOT.glob("src/codex_django/cabinet/static/cabinet/shell/*.css"),
    ]:
        text = source.read_text(encoding="utf-8")
        local = set(re.findall(r"(--cab-[a-z0-9-]+)\s*:", text))  # declared by the file itself
        used |= {name for name in re.findall(r"var\((--cab-[a-z0-9-]+)", text) if TOKEN_FAMILIES.match(name)}
        used -= local
    assert sorted(used - declared) == []


def test_bootstrap_components_are_mapped_onto_the_brand() -> None:
    css = render_tokens_css()
    for rule in (
        ".btn-primary {\n  --bs-btn-color: var(--cab-on-brand);\n  --bs-btn-bg: var(--cab-brand);",
        ".btn-outline-primary {\n  --bs-btn-color: var(--cab-brand-text);",
        "--bs-nav-pills-link-active-bg: var(--cab-brand);",
        "--bs-pagination-active-bg: var(--cab-brand);",
        "--bs-dropdown-link-active-bg: var(--cab-brand);",
        '.form-check-input:checked,\n.form-check-input[type="checkbox"]:indeterminate {\n'
        "  background-color: var(--cab-brand);",
        "--bs-focus-ring-color: rgba(var(--cab-focus-ring-color-rgb), 0.35);",
        "--bs-link-color: var(--cab-brand-text);",
        ".text-bg-primary,\n.badge.bg-primary {\n  color: var(--cab-on-brand) !important;",
    ):
        assert rule in css
    # Colours live in the token blocks only: the mapping itself has no literal colour.
    mapping = css.split("/* Bootstrap components, re-pointed", 1)[1]
    assert re.findall(r"#[0-9a-f]{3,8}\b|rgb\(", mapping) == []


# --- overrides --------------------------------------------------------------------------------


def test_changing_the_brand_alone_recolours_its_companions_with_good_contrast() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"brand": "#0f766e"})
    assert theme.light.brand == theme.dark.brand == "#0f766e"
    for mode in (theme.light, theme.dark):
        assert mode.brand_text != DEFAULT_THEME.light.brand_text
        assert mode.focus_ring_color != DEFAULT_THEME.light.focus_ring_color
    assert contrast_failures(theme) == []
    css = render_css(theme)
    assert "--cab-brand: #0f766e;" in css
    assert "--cab-brand-rgb: 15, 118, 110;" in css


def test_a_given_companion_is_kept_not_derived() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"light.brand": "#0f766e", "light.brand-text": "#0b4f4a"})
    assert theme.light.brand_text == "#0b4f4a"
    assert theme.dark == DEFAULT_THEME.dark


def test_overrides_accept_nested_modes_and_underscores() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"dark": {"surface_app": "#000"}, "radius": "4px"})
    assert theme.dark.surface_app == "#000000"
    assert theme.light.surface_app == DEFAULT_THEME.light.surface_app
    assert "--cab-radius-sm: 3px;" in render_css(theme)


def test_low_contrast_theme_is_reported_by_name() -> None:
    theme = apply_overrides(
        DEFAULT_THEME, {"light.text-muted": "#a1a1aa", "dark.focus-ring-color": "#2a2a31"}
    )
    messages = [pair.message for pair in contrast_failures(theme)]
    assert (
        "light: text-muted on surface is 2.56:1 (#a1a1aa on #ffffff), needs 4.5:1 for text; "
        "affects btn-outline-secondary, btn-outline-secondary border"
    ) in messages
    assert any(message.startswith("dark: focus-ring-color on surface is 1.26:1") for message in messages)
    assert all("needs 3:1 for non-text" in m for m in messages if "focus-ring-color" in m)
    assert {message.split(" is ")[0].split(" on ")[0] for message in messages} == {
        "light: text-muted",
        "dark: focus-ring-color",
    }


def test_unknown_and_invalid_tokens_are_all_reported_by_name() -> None:
    with pytest.raises(ThemeError) as caught:
        apply_overrides(
            DEFAULT_THEME,
            {"light.brnd": "#fff", "dark": {"text": "#12"}, "radius": "big", "density": "tight"},
            source='CODEX_CABINET["THEME"]',
        )
    assert caught.value.problems == [
        "unknown token 'light.brnd' (did you mean 'light.brand'?)",
        "dark.text: '#12' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)",
        "radius: 'big' is not a length in px or rem (e.g. '8px', '0.875rem')",
        "density: Input should be 'compact', 'normal' or 'comfortable'",
    ]
    assert str(caught.value).startswith('CODEX_CABINET["THEME"]: unknown token')


def test_font_family_cannot_break_out_of_the_declaration() -> None:
    with pytest.raises(ThemeError, match=r"font-family: .* is not a font stack"):
        apply_overrides(DEFAULT_THEME, {"font-family": "x; } body { color: red"})


def test_every_token_name_is_a_css_custom_property() -> None:
    names = token_names()
    assert names[:2] == ["light.brand", "light.brand-hover"]
    assert len(names) == 2 * len(COLOUR_TOKENS) + 4
    css = render_css(DEFAULT_THEME)
    # Two shared tokens keep the CSS names components already used.
    renamed = {"density": "control-height", "font-family": "font-sans"}
    for name in names:
        short = name.split(".")[-1]
        assert f"--cab-{renamed.get(short, short)}:" in css


# --- rendering and examples -------------------------------------------------------------------


def test_the_digest_changes_exactly_when_the_css_does() -> None:
    default = render_css(DEFAULT_THEME)
    same = render_css(apply_overrides(DEFAULT_THEME, {"light.brand": DEFAULT_THEME.light.brand}))
    other = render_css(apply_overrides(DEFAULT_THEME, {"light.surface": "#fefefe"}))
    assert stylesheet_digest(default) == stylesheet_digest(same)
    assert stylesheet_digest(default) != stylesheet_digest(other)
    assert re.fullmatch(r"[0-9a-f]{12}", stylesheet_digest(default))


def test_density_and_font_size_scale_their_dependants() -> None:
    css = render_css(apply_overrides(DEFAULT_THEME, {"density": "compact", "font-size": "1rem"}))
    assert "--cab-control-height: 28px;" in css
    assert "--cab-font-size-sm: 0.9286rem;" in css
    assert "--cab-font-size-title: 1.5714rem;" in css


def test_example_themes_ship_and_pass_contrast() -> None:
    assert example_names() == ["forest", "ocean"]
    for name in example_names():
        theme = example_theme(name)
        assert theme != DEFAULT_THEME
        assert [pair.message for pair in contrast_failures(theme)] == [], name


def test_settings_snippet_holds_only_the_changed_tokens() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"light.surface-app": "#fafaf9", "radius": "6px"})
    assert changed_tokens(theme) == {"light.surface-app": "#fafaf9", "radius": "6px"}
    snippet = settings_snippet(theme)
    assert snippet == (
        'CODEX_CABINET = {\n    "THEME": {\n'
        "        'light.surface-app': '#fafaf9',\n        'radius': '6px',\n    },\n}\n"
    )
    namespace: dict[str, Any] = {}
    exec(snippet, namespace)  # the snippet is valid Python that round-trips
    assert apply_overrides(DEFAULT_THEME, namespace["CODEX_CABINET"]["THEME"]) == theme
