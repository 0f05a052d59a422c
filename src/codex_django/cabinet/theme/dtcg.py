"""W3C Design Tokens (DTCG) files: export a theme, import a designer's file as overrides.

The file layout (``$type``/``$value`` per the DTCG format, 2025.10)::

    {
      "color": {
        "$type": "color",
        "light": {"brand": {"$value": {"colorSpace": "srgb", "components": [0.31, 0.27, 0.9],
                                       "hex": "#4f46e5"}}, ...},
        "dark":  {"brand": {"$value": "#5b54e8"}, ...}
      },
      "radius": {"$type": "dimension", "$value": {"value": 8, "unit": "px"}},
      "density": {"$value": "normal"},
      "font": {
        "family": {"$type": "fontFamily", "$value": ["Inter Variable", "system-ui", "sans-serif"]},
        "size": {"$type": "dimension", "$value": {"value": 0.875, "unit": "rem"}}
      }
    }

Colours may be hex strings (older drafts, Tokens Studio, Style Dictionary) or
colour objects; dimensions strings (``"8px"``) or objects. A file may hold only
some tokens: what it lacks keeps the default. Token references (``"{color.light.brand}"``)
are resolved within the file. Unknown or invalid tokens are reported by their
path in the file (``color.light.brnd: unknown token``), all at once.

Example::

    overrides = from_dtcg(json.loads(Path("theme.json").read_text()))
    theme = apply_overrides(DEFAULT_THEME, overrides)
    Path("export.json").write_text(json.dumps(to_dtcg(theme), indent=2))
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .colour import normalise_hex, rgb
from .overrides import ThemeError, apply_overrides
from .tokens import COLOUR_TOKENS, DEFAULT_THEME, MODES, SHARED_TOKENS, Theme, font_stack

__all__ = ["from_dtcg", "load_dtcg_file", "theme_from_dtcg", "to_dtcg"]

_REFERENCE = re.compile(r"\{([^{}]+)\}")
# file path -> token name, for the shared tokens (colours are color.<mode>.<name>)
_SHARED_PATHS = {
    "radius": "radius",
    "density": "density",
    "font.family": "font-family",
    "font.size": "font-size",
}


def _colour_value(hex_value: str) -> dict[str, Any]:
    components = [round(channel / 255, 4) for channel in rgb(hex_value)]
    value: dict[str, Any] = {"colorSpace": "srgb", "components": components, "hex": hex_value[:7]}
    if len(hex_value) == 9:
        value["alpha"] = round(int(hex_value[7:9], 16) / 255, 4)
    return value


def _dimension_value(length: str) -> dict[str, Any]:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)(px|rem)", length)
    assert match is not None  # validated by the model
    number = float(match.group(1))
    return {"value": int(number) if number.is_integer() else number, "unit": match.group(2)}


def to_dtcg(theme: Theme = DEFAULT_THEME, description: str = "") -> dict[str, Any]:
    """The whole ``theme`` as a DTCG document (every token, both modes)."""
    colour: dict[str, Any] = {"$type": "color"}
    for mode in MODES:
        values = theme.mode(mode)
        colour[mode] = {
            name: {"$value": _colour_value(values.get(name)), "$description": COLOUR_TOKENS[name]}
            for name in COLOUR_TOKENS
        }
    document: dict[str, Any] = {
        "$description": description or "codex-django-cabinet theme",
        "color": colour,
        "radius": {
            "$type": "dimension",
            "$value": _dimension_value(theme.radius),
            "$description": SHARED_TOKENS["radius"],
        },
        "density": {"$value": theme.density, "$description": SHARED_TOKENS["density"]},
        "font": {
            "family": {
                "$type": "fontFamily",
                "$value": font_stack(theme.font_family),
                "$description": SHARED_TOKENS["font-family"],
            },
            "size": {
                "$type": "dimension",
                "$value": _dimension_value(theme.font_size),
                "$description": SHARED_TOKENS["font-size"],
            },
        },
    }
    return document


def _leaves(
    node: Mapping[str, Any], path: tuple[str, ...], found: dict[str, Any], problems: list[str]
) -> None:
    """Collect ``{"a.b.c": token}`` for every object with a ``$value`` below ``node``."""
    for key, child in node.items():
        if key.startswith("$"):
            continue
        where = ".".join((*path, key))
        if not isinstance(child, Mapping):
            problems.append(f"{where}: expected a token or a group (an object), got {type(child).__name__}")
        elif "$value" in child:
            found[where] = child
        else:
            _leaves(child, (*path, key), found, problems)


def _resolve(value: Any, tokens: Mapping[str, Any], seen: tuple[str, ...] = ()) -> Any:
    if isinstance(value, str) and (match := _REFERENCE.fullmatch(value.strip())):
        target = match.group(1)
        if target in seen or target not in tokens:
            raise ValueError(
                f"reference {value!r} " + ("is circular" if target in seen else "points nowhere")
            )
        return _resolve(tokens[target]["$value"], tokens, (*seen, target))
    return value


def _colour_from(value: Any) -> str:
    if isinstance(value, str):
        return normalise_hex(value)
    if isinstance(value, Mapping):
        if isinstance(value.get("hex"), str):
            hex_value = normalise_hex(value["hex"])
        elif value.get("colorSpace") == "srgb" and isinstance(value.get("components"), list | tuple):
            channels = [float(c) for c in value["components"]]
            if len(channels) != 3 or not all(0 <= c <= 1 for c in channels):
                raise ValueError("srgb components must be three numbers from 0 to 1")
            hex_value = "#" + "".join(f"{round(c * 255):02x}" for c in channels)
        else:
            raise ValueError(
                "a colour needs a 'hex' or srgb 'components' (other colour spaces are not supported)"
            )
        alpha = value.get("alpha", 1)
        if isinstance(alpha, int | float) and alpha < 1:
            hex_value = hex_value[:7] + f"{round(float(alpha) * 255):02x}"
        return hex_value
    raise ValueError(f"{value!r} is not a colour")


def _dimension_from(value: Any) -> str:
    if isinstance(value, Mapping):
        number, unit = value.get("value"), value.get("unit")
        if not isinstance(number, int | float) or isinstance(number, bool) or unit not in ("px", "rem"):
            raise ValueError(f"{dict(value)!r} is not a dimension in px or rem")
        text = f"{float(number):.4f}".rstrip("0").rstrip(".")
        return f"{text}{unit}"
    return str(value)


def _font_from(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(name) for name in value)  # the model quotes names with spaces
    return str(value)


def from_dtcg(document: Mapping[str, Any], source: str = "DTCG file") -> dict[str, Any]:
    """The overrides a DTCG ``document`` holds (dotted token names); ``ThemeError`` names every problem."""
    if not isinstance(document, Mapping):
        raise ThemeError([f"expected a JSON object at the top level, got {type(document).__name__}"], source)
    tokens: dict[str, Any] = {}
    problems: list[str] = []
    _leaves(document, (), tokens, problems)
    overrides: dict[str, Any] = {}
    for path, token in tokens.items():
        parts = path.split(".")
        try:
            value = _resolve(token["$value"], tokens)
            if len(parts) == 3 and parts[0] == "color" and parts[1] in MODES and parts[2] in COLOUR_TOKENS:
                overrides[f"{parts[1]}.{parts[2]}"] = _colour_from(value)
            elif path in _SHARED_PATHS:
                name = _SHARED_PATHS[path]
                if name in ("radius", "font-size"):
                    overrides[name] = _dimension_from(value)
                elif name == "font-family":
                    overrides[name] = _font_from(value)
                else:
                    overrides[name] = value
            else:
                problems.append(f"{path}: unknown token")
        except (ValueError, TypeError) as error:
            problems.append(f"{path}: {error}")
    if problems:
        raise ThemeError(problems, source)
    # Validate the values now, so the error names the file, not the later render.
    apply_overrides(DEFAULT_THEME, overrides, source)
    return overrides


def theme_from_dtcg(
    document: Mapping[str, Any], base: Theme = DEFAULT_THEME, source: str = "DTCG file"
) -> Theme:
    """``base`` with the overrides of a DTCG ``document`` applied."""
    return apply_overrides(base, from_dtcg(document, source), source)


def load_dtcg_file(path: str | Path) -> dict[str, Any]:
    """The overrides in the DTCG file at ``path``; ``ThemeError`` when it is missing, not JSON or invalid."""
    file = Path(path)
    source = str(file)
    try:
        document = json.loads(file.read_text(encoding="utf-8"))
    except OSError as error:
        raise ThemeError([f"cannot read the file ({error.strerror or error})"], source) from None
    except json.JSONDecodeError as error:
        raise ThemeError(
            [f"not JSON: {error.msg} at line {error.lineno} column {error.colno}"], source
        ) from None
    return from_dtcg(document, source)
