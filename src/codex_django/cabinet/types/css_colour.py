"""A strict grammar for the CSS colour values a payload may carry (``CalendarSlot.color``).

The value travels to the browser in an escaped ``data-`` attribute and is set
through the CSSOM as a custom property (never a ``style=`` attribute, which a
strict Content-Security-Policy refuses). Escaping keeps it out of the markup;
this grammar keeps it a colour, so it cannot smuggle anything into the CSS
either. Accepted, case-insensitively:

* hex: ``#rgb``, ``#rgba``, ``#rrggbb``, ``#rrggbbaa``;
* the CSS named colours (``tomato``, ``rebeccapurple``...), ``transparent``
  and ``currentcolor``;
* the colour functions ``rgb()``, ``rgba()``, ``hsl()``, ``hsla()``,
  ``hwb()``, ``lab()``, ``lch()``, ``oklab()``, ``oklch()`` with numeric
  arguments (numbers, percentages, angles, ``none``; commas or spaces, an
  optional ``/ alpha``);
* ``var(--name)`` and ``var(--name, <one of the above>)``: a theme's own
  custom property, e.g. ``var(--cab-brand)``.

Everything else is refused with a reason, in particular what CSS injection
needs: ``;``, ``{``/``}``, quotes, backslashes, comments, ``url(``,
``expression(``, ``attr(``, ``calc(``, ``@`` rules.

    >>> check_css_colour("rgb(99 102 241 / 50%)")
    'rgb(99 102 241 / 50%)'
"""

from __future__ import annotations

import re

_NAMED = """
    aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue
    blueviolet brown burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk
    crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen darkgrey darkkhaki
    darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen
    darkslateblue darkslategray darkslategrey darkturquoise darkviolet deeppink deepskyblue
    dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro ghostwhite
    gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
    lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan
    lightgoldenrodyellow lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen
    lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen
    magenta maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen
    mediumslateblue mediumspringgreen mediumturquoise mediumvioletred midnightblue mintcream
    mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid
    palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum
    powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
    seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen
    steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow
    yellowgreen
"""
# The 148 named colours of CSS Color 4 (transparent and currentcolor are keywords, kept apart).
NAMED_COLOURS = frozenset(_NAMED.split())
KEYWORD_COLOURS = frozenset({"transparent", "currentcolor"})
COLOUR_FUNCTIONS = ("rgb", "rgba", "hsl", "hsla", "hwb", "lab", "lch", "oklab", "oklch")

_HEX = re.compile(r"#(?:[0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})", re.I)
# One argument: a number with an optional unit (%, deg, rad, grad, turn) or ``none``.
_ARGUMENT = r"(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?(?:%|deg|rad|grad|turn)?|none)"
_FUNCTION = re.compile(
    rf"(?P<name>{'|'.join(COLOUR_FUNCTIONS)})\(\s*"
    rf"(?:{_ARGUMENT}(?:\s*,\s*{_ARGUMENT}){{2,3}}"  # legacy: rgb(1, 2, 3[, a])
    rf"|{_ARGUMENT}(?:\s+{_ARGUMENT}){{2}}(?:\s*/\s*{_ARGUMENT})?)"  # modern: rgb(1 2 3[ / a])
    r"\s*\)",
    re.I,
)
_VAR = re.compile(r"var\(\s*(?P<name>--[A-Za-z_][\w-]*)\s*(?:,\s*(?P<fallback>[^()]*(?:\([^()]*\))?)\s*)?\)")
# Characters a colour of this grammar can contain; anything else is refused before parsing.
_ALLOWED_CHARACTERS = re.compile(r"[A-Za-z0-9#%.,()/+\-_ ]*")
_DANGEROUS = (
    (";", "';' (it would end the declaration)"),
    ("{", "'{' (it would open a CSS block)"),
    ("}", "'}' (it would close the CSS block)"),
    ('"', "quotes"),
    ("'", "quotes"),
    ("\\", "backslashes (CSS escapes)"),
    ("/*", "comments"),
    ("@", "'@' (CSS at-rules)"),
    ("<", "'<' (markup)"),
)
_FORBIDDEN_FUNCTIONS = re.compile(r"\b(url|expression|attr|image|image-set|element|env|calc)\s*\(", re.I)

HINT = (
    "a CSS colour is a hex value ('#6366f1'), a named colour ('tomato'), rgb()/hsl()/hwb()/"
    "lab()/lch()/oklab()/oklch() with numbers, or var(--name)"
)


def _plain_colour(value: str) -> bool:
    lowered = value.lower()
    return bool(
        _HEX.fullmatch(value)
        or lowered in NAMED_COLOURS
        or lowered in KEYWORD_COLOURS
        or _FUNCTION.fullmatch(value)
    )


def check_css_colour(value: str) -> str:
    """Return ``value`` if it is a colour of the grammar above, else raise ``ValueError`` saying why."""
    for needle, what in _DANGEROUS:
        if needle in value:
            raise ValueError(f"a colour may not contain {what}; {HINT}")
    forbidden = _FORBIDDEN_FUNCTIONS.search(value)
    if forbidden:
        raise ValueError(f"a colour may not call {forbidden.group(1).lower()}(); {HINT}")
    if value != value.strip() or not _ALLOWED_CHARACTERS.fullmatch(value):
        raise ValueError(f"not a CSS colour (unexpected characters or surrounding spaces); {HINT}")
    if _plain_colour(value):
        return value
    var = _VAR.fullmatch(value)
    if var:
        fallback = var.group("fallback")
        if fallback is None or _plain_colour(fallback.strip()):
            return value
        raise ValueError(f"the fallback of var() must be a colour itself (got {fallback.strip()!r}); {HINT}")
    raise ValueError(f"not a CSS colour; {HINT}")
