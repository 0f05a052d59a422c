"""sRGB colours: parsing, alpha compositing, WCAG contrast and mixing.

The theme stores every colour as hex (``#rgb``, ``#rrggbb`` or ``#rrggbbaa``):
the one form CSS, DTCG files and colour pickers all share, and the one whose
contrast can be computed without a browser. ``rgb()`` / ``rgba()`` values are
accepted on input and stored as hex (``rgba(0, 0, 0, 0.4)`` -> ``#00000066``).

A colour with an alpha channel has no contrast of its own: what the eye sees
is the colour composited over whatever it sits on. :func:`composite` does that
as browsers do (source-over, in sRGB), and :func:`contrast_ratio` composites a
translucent foreground over its background before measuring.

Example::

    contrast_ratio("#4f46e5", "#ffffff")    # 6.29...
    composite("#00000066", "#ffffff")       # "#999999": 40 % black on white
    contrast_ratio("#00000066", "#ffffff")  # 2.85..., not black's 21
    mix("#4f46e5", "#000000", 0.15)         # "#433cc3"
"""

from __future__ import annotations

import re

__all__ = [
    "HEX_COLOUR",
    "composite",
    "contrast_ratio",
    "is_translucent",
    "mix",
    "normalise_hex",
    "relative_luminance",
    "rgb",
    "rgb_triplet",
    "rgba",
]

HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
_RGB_FUNCTION = re.compile(r"rgba?\((?P<body>[^()]*)\)", re.IGNORECASE)
_RGB_PARTS = re.compile(r"\s*[,/]\s*|\s+")


def _from_rgb_function(text: str, body: str) -> str:
    """``rgb(r, g, b)``, ``rgba(r, g, b, a)`` or ``rgb(r g b / a)`` as ``#rrggbb[aa]``."""
    parts = [part for part in _RGB_PARTS.split(body.strip()) if part]
    problem = ValueError(
        f"{text!r} is not an rgb()/rgba() colour (three channels 0-255 and an optional alpha 0-1 or 0-100%)"
    )
    if len(parts) not in (3, 4) or not all(re.fullmatch(r"\d{1,3}", part) for part in parts[:3]):
        raise problem
    channels = [int(part) for part in parts[:3]]
    alpha = 1.0
    if len(parts) == 4:
        match = re.fullmatch(r"(\d*\.?\d+)(%?)", parts[3])
        if match is None:
            raise problem
        alpha = float(match.group(1)) / (100 if match.group(2) else 1)
    if max(channels) > 255 or alpha > 1:
        raise problem
    hex_value = "#" + "".join(f"{channel:02x}" for channel in channels)
    return hex_value if alpha == 1 else hex_value + f"{round(alpha * 255):02x}"


def normalise_hex(value: str) -> str:
    """``value`` as lowercase ``#rrggbb`` (or ``#rrggbbaa``); ``ValueError`` when it is not a colour."""
    text = value.strip()
    function = _RGB_FUNCTION.fullmatch(text)
    if function is not None:
        text = _from_rgb_function(value, function.group("body"))
    if not HEX_COLOUR.fullmatch(text):
        raise ValueError(f"{value!r} is not a hex colour (#rgb, #rrggbb or #rrggbbaa)")
    text = text.lower()
    if len(text) == 4:
        text = "#" + "".join(char * 2 for char in text[1:])
    if text.endswith("ff") and len(text) == 9:
        text = text[:7]  # fully opaque: one spelling
    return text


def rgba(value: str) -> tuple[int, int, int, float]:
    """The 0-255 channels and the 0-1 alpha of a colour (1 when it has no alpha)."""
    text = normalise_hex(value)
    alpha = int(text[7:9], 16) / 255 if len(text) == 9 else 1.0
    return int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16), alpha


def rgb(value: str) -> tuple[int, int, int]:
    """The 0-255 channels of a colour (alpha ignored: see :func:`composite`)."""
    red, green, blue, _alpha = rgba(value)
    return red, green, blue


def is_translucent(value: str) -> bool:
    """Whether ``value`` has an alpha channel below 1."""
    return rgba(value)[3] < 1


def composite(colour: str, backdrop: str) -> str:
    """``colour`` painted over the opaque ``backdrop``: the ``#rrggbb`` a browser shows (source-over, sRGB)."""
    if is_translucent(backdrop):
        raise ValueError(
            f"the backdrop {backdrop!r} is translucent: composite it over its own backdrop first"
        )
    *channels, alpha = rgba(colour)
    below = rgb(backdrop)
    mixed = (round(alpha * top + (1 - alpha) * bottom) for top, bottom in zip(channels, below, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in mixed)


def rgb_triplet(value: str) -> str:
    """``"79, 70, 229"``: the form Bootstrap's ``--bs-*-rgb`` variables take."""
    return ", ".join(str(channel) for channel in rgb(value))


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(value: str) -> float:
    """WCAG 2 relative luminance (0 black .. 1 white) of an opaque colour; translucent ones are refused."""
    if is_translucent(value):
        raise ValueError(
            f"{value!r} is translucent: its luminance depends on what is behind it (composite())"
        )
    r, g, b = (_linear(channel) for channel in rgb(value))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2 contrast ratio, 1 .. 21, of ``foreground`` composited over the opaque ``background``.

    For two opaque colours the order does not matter.
    """
    shown = composite(foreground, background)
    lighter, darker = sorted((relative_luminance(shown), relative_luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def mix(colour: str, other: str, amount: float) -> str:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``, channel by channel in sRGB."""
    start, end = rgb(colour), rgb(other)
    channels = (round(a + (b - a) * amount) for a, b in zip(start, end, strict=True))
    return "#" + "".join(f"{channel:02x}" for channel in channels)
