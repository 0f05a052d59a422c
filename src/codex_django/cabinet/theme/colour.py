"""sRGB hex colours: parsing, WCAG contrast and mixing.

The theme stores every colour as hex (``#rgb``, ``#rrggbb`` or ``#rrggbbaa``):
the one form CSS, DTCG files and colour pickers all share, and the one whose
contrast can be computed without a browser.

Example::

    contrast_ratio("#4f46e5", "#ffffff")  # 6.29...
    mix("#4f46e5", "#000000", 0.15)       # "#433cc3"
"""

from __future__ import annotations

import re

__all__ = ["HEX_COLOUR", "contrast_ratio", "mix", "normalise_hex", "relative_luminance", "rgb", "rgb_triplet"]

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")


def normalise_hex(value: str) -> str:
    """``value`` as lowercase ``#rrggbb`` (or ``#rrggbbaa``); ``ValueError`` when it is not hex."""
    text = value.strip()
    if not HEX_COLOUR.fullmatch(text):
        raise ValueError(f"{value!r} is not a hex colour (#rgb, #rrggbb or #rrggbbaa)")
    text = text.lower()
    if len(text) == 4:
        text = "#" + "".join(char * 2 for char in text[1:])
    return text


def rgb(value: str) -> tuple[int, int, int]:
    """The 0-255 channels of a hex colour (alpha ignored)."""
    text = normalise_hex(value)
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16)


def rgb_triplet(value: str) -> str:
    """``"79, 70, 229"``: the form Bootstrap's ``--bs-*-rgb`` variables take."""
    return ", ".join(str(channel) for channel in rgb(value))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(value: str) -> float:
    """WCAG 2 relative luminance (0 black .. 1 white) of an opaque colour."""
    r, g, b = (_linear(channel) for channel in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio, 1 .. 21; the order of the colours does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``, channel by channel in sRGB."""
    start, end = rgb(colour), rgb(other)
    channels = (round(a + (b - a) * amount) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in channels)
