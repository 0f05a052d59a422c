"""W3C Design Tokens (DTCG) export and import (codex_django.cabinet.theme.dtcg)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from codex_django.cabinet.theme import (
    DEFAULT_THEME,
    ThemeError,
    apply_overrides,
    from_dtcg,
    load_dtcg_file,
    theme_from_dtcg,
    to_dtcg,
)


def test_round_trip_of_the_default_theme() -> None:
    document = json.loads(json.dumps(to_dtcg(DEFAULT_THEME)))
    assert theme_from_dtcg(document) == DEFAULT_THEME


def test_round_trip_of_a_custom_theme() -> None:
    theme = apply_overrides(
        DEFAULT_THEME,
        {"brand": "#0f766e", "dark.surface": "#101418", "radius": "0.5rem", "density": "comfortable"},
    )
    assert theme_from_dtcg(to_dtcg(theme)) == theme


def test_export_uses_dtcg_types_and_values() -> None:
    document = to_dtcg(DEFAULT_THEME)
    assert document["color"]["$type"] == "color"
    assert document["color"]["light"]["brand"]["$value"] == {
        "colorSpace": "srgb",
        "components": [0.3098, 0.2745, 0.898],
        "hex": "#4f46e5",
    }
    assert document["radius"] == {
        "$type": "dimension",
        "$value": {"value": 8, "unit": "px"},
        "$description": document["radius"]["$description"],
    }
    assert document["font"]["family"]["$value"][:2] == ["Inter Variable", "Inter"]


def test_import_accepts_hex_strings_references_and_partial_files() -> None:
    overrides = from_dtcg(
        {
            "color": {
                "light": {"brand": {"$type": "color", "$value": "#0F766E"}},
                "dark": {"brand": {"$value": "{color.light.brand}"}},
            },
            "radius": {"$type": "dimension", "$value": "6px"},
        }
    )
    assert overrides == {"light.brand": "#0f766e", "dark.brand": "#0f766e", "radius": "6px"}


def test_unknown_and_invalid_tokens_are_reported_by_path() -> None:
    with pytest.raises(ThemeError) as caught:
        from_dtcg(
            {
                "color": {
                    "light": {"brnd": {"$value": "#ffffff"}, "text": {"$value": "#12"}},
                    "dark": {"text": {"$value": "{color.dark.nope}"}},
                },
                "spacing": {"small": {"$value": "4px"}},
                "radius": {"$value": {"value": 8, "unit": "em"}},
            },
            source="theme.json",
        )
    assert caught.value.problems == [
        "color.light.brnd: unknown token",
        "color.light.text: '#12' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)",
        "color.dark.text: reference '{color.dark.nope}' points nowhere",
        "spacing.small: unknown token",
        "radius: {'value': 8, 'unit': 'em'} is not a dimension in px or rem",
    ]


def test_files_are_loaded_and_broken_files_named(tmp_path: Path) -> None:
    good = tmp_path / "theme.json"
    good.write_text(json.dumps({"color": {"light": {"brand": {"$value": "#b91c1c"}}}}))
    assert load_dtcg_file(good) == {"light.brand": "#b91c1c"}
    broken = tmp_path / "broken.json"
    broken.write_text("{not json")
    with pytest.raises(ThemeError, match=r"broken\.json: not JSON: Expecting property name"):
        load_dtcg_file(broken)
    with pytest.raises(ThemeError, match=r"missing\.json: cannot read the file"):
        load_dtcg_file(tmp_path / "missing.json")
