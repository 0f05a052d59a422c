"""Contrast of outline buttons and of translucent colours (codex_django.cabinet.theme.contrast, .colour).

Outline buttons are mapped onto the tokens once (``bootstrap_map.OUTLINE_BUTTONS``)
and the contrast check reads the same table; translucent tokens are composited
over what they sit on before their ratio is measured.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from codex_django.cabinet.theme import (
    DEFAULT_THEME,
    apply_overrides,
    bootstrap_map,
    contrast_failures,
    contrast_report,
    render_tokens_css,
)
from codex_django.cabinet.theme.__main__ import main as theme_command
from codex_django.cabinet.theme.colour import composite, contrast_ratio, normalise_hex
from codex_django.cabinet.theme.examples import example_names, example_theme

ROOT = Path(__file__).resolve().parents[2]
SHELL_CSS = sorted((ROOT / "src/codex_django/cabinet/static/cabinet/shell").glob("*.css"))
VARIANTS = ["primary", "secondary", "success", "danger", "warning", "info"]


def shown(ratio: float) -> float:
    """A ratio as contrast checkers (and the report's messages) show it: cut, not rounded, to 2 decimals."""
    return int(ratio * 100) / 100


def failures(theme: object) -> list[str]:
    return [pair.message for pair in contrast_failures(theme)]  # type: ignore[arg-type]


# --- outline buttons ---------------------------------------------------------------------------


def test_every_outline_variant_is_mapped_once_onto_the_tokens() -> None:
    css = render_tokens_css()
    assert list(bootstrap_map.OUTLINE_BUTTONS) == VARIANTS
    for variant in VARIANTS:
        assert css.count(f".btn-outline-{variant} {{") == 1
    # Bootstrap's grey (#6c757d, 4.37:1 on the page) gives way to the muted text token, border included.
    assert (
        ".btn-outline-secondary {\n  --bs-btn-color: var(--cab-text-muted);\n"
        "  --bs-btn-border-color: var(--cab-text-muted);\n  --bs-btn-hover-color: var(--cab-text);\n"
        "  --bs-btn-hover-bg: var(--cab-surface-hover);"
    ) in css
    # One mapping for every place: no per-context copies in the shell.
    assert SHELL_CSS and all("btn-outline" not in part.read_text(encoding="utf-8") for part in SHELL_CSS)


def test_outline_pairs_are_checked_in_each_state_on_page_card_and_dialog() -> None:
    report = {pair.name: pair for pair in contrast_report(DEFAULT_THEME)}
    for mode in ("light", "dark"):
        for surface in ("surface-app", "surface", "surface-raised"):
            rest = report[f"{mode}: text-muted on {surface}"]
            assert rest.kind == "text"  # the stricter of text (4.5) and border (3)
            assert {"btn-outline-secondary", "btn-outline-secondary border"} <= set(rest.used_by)
            assert "btn-outline-primary border" in report[f"{mode}: brand on {surface}"].used_by
            assert "btn-outline-warning" in report[f"{mode}: warning on {surface}"].used_by
        assert "btn-outline-secondary:hover" in report[f"{mode}: text on surface-hover"].used_by
        assert "btn-outline-secondary:active" in report[f"{mode}: text on surface-active"].used_by
        assert "btn-outline-primary:active" in report[f"{mode}: on-brand on brand-hover"].used_by
        assert "btn-outline-danger:hover" in report[f"{mode}: danger on danger-subtle"].used_by


@pytest.mark.parametrize("name", ["default", *example_names()])
def test_outline_buttons_pass_in_every_shipped_theme(name: str) -> None:
    theme = DEFAULT_THEME if name == "default" else example_theme(name)
    assert [m for m in failures(theme) if "btn-outline" in m] == []
    # Bootstrap's literal grey would not: 4.37:1 on the default page background.
    assert shown(contrast_ratio("#6c757d", DEFAULT_THEME.light.surface_app)) == 4.37


def test_a_theme_failing_an_outline_button_names_the_pair_and_the_ratio() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"dark.danger": "#b91c1c"})
    messages = failures(theme)
    assert (
        "dark: danger on surface-app is 2.97:1 (#b91c1c on #0e0e11), needs 4.5:1 for text; "
        "affects btn-outline-danger, btn-outline-danger border"
    ) in messages
    assert (
        "dark: danger on danger-subtle is 2.73:1 (#b91c1c on #241414), needs 4.5:1 for text; "
        "affects btn-outline-danger:hover, btn-outline-danger:active"
    ) in messages


def test_a_mapping_that_misses_contrast_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    # The old modal mapping: the secondary outline in border-strong, an advisory pair until a button uses it.
    quiet = bootstrap_map.OutlineButton(
        "text-muted", "border-strong", "text", "surface-hover", "text", "surface-active"
    )
    monkeypatch.setitem(bootstrap_map.OUTLINE_BUTTONS, "secondary", quiet)
    assert (
        "light: border-strong on surface-app is 1.38:1 (#d4d4d8 on #f7f7f8), needs 3:1 for non-text; "
        "affects btn-outline-secondary border"
    ) in failures(DEFAULT_THEME)


# --- translucent colours -----------------------------------------------------------------------


def test_compositing_known_values() -> None:
    assert composite("#00000066", "#ffffff") == "#999999"  # 40 % black over white: 255 * 0.6 = 153
    assert composite("#ff000080", "#121212") == "#890909"  # half red over Chromium's dark canvas
    assert composite("#4f46e5", "#000000") == "#4f46e5"  # opaque: unchanged
    # The ratio is the painted colour's, not the opaque colour's (black would be 21:1).
    assert contrast_ratio("#00000066", "#ffffff") == contrast_ratio("#999999", "#ffffff")
    assert shown(contrast_ratio("#00000066", "#ffffff")) == 2.84
    with pytest.raises(ValueError, match="backdrop '#ffffff80' is translucent"):
        composite("#000000", "#ffffff80")


def test_rgba_values_are_accepted_as_alpha_hex() -> None:
    assert normalise_hex("rgba(0, 0, 0, 0.4)") == "#00000066"
    assert normalise_hex("rgb(0 0 0 / 40%)") == "#00000066"
    assert normalise_hex("rgb(79, 70, 229)") == "#4f46e5"
    assert normalise_hex("#4f46e5ff") == "#4f46e5"
    with pytest.raises(ValueError, match=r"'rgba\(300, 0, 0\)' is not an rgb\(\)/rgba\(\) colour"):
        normalise_hex("rgba(300, 0, 0)")


def test_a_translucent_text_token_is_composited_over_its_surface() -> None:
    theme = apply_overrides(DEFAULT_THEME, {"light.text-subtle": "rgba(0, 0, 0, 0.4)"})
    assert theme.light.text_subtle == "#00000066"
    assert (
        "light: text-subtle on surface is 2.84:1 (#00000066 shown as #999999 on #ffffff), needs 4.5:1 for text"
        in (failures(theme))
    )


def test_a_translucent_surface_is_composited_over_the_surface_below() -> None:
    # A 6 % black hover fill: #f0f0f0 on a white card, #e8e8e9 on the grey page.
    theme = apply_overrides(
        DEFAULT_THEME, {"light.surface-hover": "#0000000f", "light.text-subtle": "#6b6b6b"}
    )
    report = {pair.name: pair for pair in contrast_report(theme)}
    on_card = report["light: text on surface-hover over surface"]
    assert (on_card.background_shown, shown(on_card.ratio)) == ("#f0f0f0", 15.54)
    on_page = report["light: text on surface-hover over surface-app"]
    assert (on_page.background_shown, on_page.used_by) == ("#e8e8e9", ("btn-outline-secondary:hover",))
    # Read as opaque black the fill would fail this grey (3.9:1); painted, it passes.
    subtle = report["light: text-subtle on surface-hover over surface"]
    assert subtle.passed
    assert "is 4.67:1 (#6b6b6b on #0000000f shown as #f0f0f0)" in subtle.message


# --- python -m codex_django.cabinet.theme --check -----------------------------------------------


def test_the_check_command_covers_shipped_themes_and_given_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert theme_command(["--check"]) == 0
    dim = tmp_path / "dim.tokens.json"
    dim.write_text(json.dumps({"color": {"dark": {"danger": {"$type": "color", "$value": "#b91c1c"}}}}))
    assert theme_command(["--check", str(dim)]) == 1
    errors = capsys.readouterr().err
    assert re.search(
        r"dim\.tokens\.json: contrast too low: dark: danger on surface-app is 2\.97:1 .*btn-outline-danger",
        errors,
    )
