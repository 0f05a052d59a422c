"""No literal colour outside tokens.css: every colour in component and shell CSS comes from a token.

Scans ``components/*/*.css`` and ``static/cabinet/shell/*.css`` for hex colours,
colour functions (``rgb()``, ``hsl()``, ``oklch()``...) and CSS named colours in
declaration values, and fails naming ``file:line`` and the literal. Colours
belong in the theme (``codex_django.cabinet.theme``), reached through
``var(--cab-*)`` or Bootstrap's ``var(--bs-*)``; ``transparent`` and
``currentcolor`` are not literal colours.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SOURCES = [
    *sorted(ROOT.glob("components/*/*.css")),
    *sorted(ROOT.glob("src/codex_django/cabinet/static/cabinet/shell/*.css")),
]

NAMED_COLOURS = [
    "aliceblue",
    "antiquewhite",
    "aqua",
    "aquamarine",
    "azure",
    "beige",
    "bisque",
    "black",
    "blanchedalmond",
    "blue",
    "blueviolet",
    "brown",
    "burlywood",
    "cadetblue",
    "chartreuse",
    "chocolate",
    "coral",
    "cornflowerblue",
    "cornsilk",
    "crimson",
    "cyan",
    "darkblue",
    "darkcyan",
    "darkgoldenrod",
    "darkgray",
    "darkgreen",
    "darkgrey",
    "darkkhaki",
    "darkmagenta",
    "darkolivegreen",
    "darkorange",
    "darkorchid",
    "darkred",
    "darksalmon",
    "darkseagreen",
    "darkslateblue",
    "darkslategray",
    "darkslategrey",
    "darkturquoise",
    "darkviolet",
    "deeppink",
    "deepskyblue",
    "dimgray",
    "dimgrey",
    "dodgerblue",
    "firebrick",
    "floralwhite",
    "forestgreen",
    "fuchsia",
    "gainsboro",
    "ghostwhite",
    "gold",
    "goldenrod",
    "gray",
    "green",
    "greenyellow",
    "grey",
    "honeydew",
    "hotpink",
    "indianred",
    "indigo",
    "ivory",
    "khaki",
    "lavender",
    "lavenderblush",
    "lawngreen",
    "lemonchiffon",
    "lightblue",
    "lightcoral",
    "lightcyan",
    "lightgoldenrodyellow",
    "lightgray",
    "lightgreen",
    "lightgrey",
    "lightpink",
    "lightsalmon",
    "lightseagreen",
    "lightskyblue",
    "lightslategray",
    "lightslategrey",
    "lightsteelblue",
    "lightyellow",
    "lime",
    "limegreen",
    "linen",
    "magenta",
    "maroon",
    "mediumaquamarine",
    "mediumblue",
    "mediumorchid",
    "mediumpurple",
    "mediumseagreen",
    "mediumslateblue",
    "mediumspringgreen",
    "mediumturquoise",
    "mediumvioletred",
    "midnightblue",
    "mintcream",
    "mistyrose",
    "moccasin",
    "navajowhite",
    "navy",
    "oldlace",
    "olive",
    "olivedrab",
    "orange",
    "orangered",
    "orchid",
    "palegoldenrod",
    "palegreen",
    "paleturquoise",
    "palevioletred",
    "papayawhip",
    "peachpuff",
    "peru",
    "pink",
    "plum",
    "powderblue",
    "purple",
    "rebeccapurple",
    "red",
    "rosybrown",
    "royalblue",
    "saddlebrown",
    "salmon",
    "sandybrown",
    "seagreen",
    "seashell",
    "sienna",
    "silver",
    "skyblue",
    "slateblue",
    "slategray",
    "slategrey",
    "snow",
    "springgreen",
    "steelblue",
    "tan",
    "teal",
    "thistle",
    "tomato",
    "turquoise",
    "violet",
    "wheat",
    "white",
    "whitesmoke",
    "yellow",
    "yellowgreen",
]

_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_DECLARATION = re.compile(r"(--?[\w-]+|[a-z-]+)\s*:\s*([^;{}]+)(?=[;}])")
_IGNORED_IN_VALUE = re.compile(r"url\([^)]*\)|\"[^\"]*\"|'[^']*'|--[\w-]+")
_LITERAL = re.compile(
    r"#[0-9a-fA-F]{3,8}\b|\b(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\(|(?<![\w-])(?:"
    + "|".join(NAMED_COLOURS)
    + r")(?![\w-])",
    re.I,
)


def literal_colours(path: Path, root: Path = ROOT) -> list[str]:
    """``["components/x/x.css:12: #fff in 'color: #fff'", ...]`` for one stylesheet."""
    text = path.read_text(encoding="utf-8")
    # Blank out comments but keep their newlines, so line numbers stay right.
    text = _COMMENT.sub(lambda match: re.sub(r"[^\n]", " ", match.group(0)), text)
    found = []
    for declaration in _DECLARATION.finditer(text):
        value = _IGNORED_IN_VALUE.sub(lambda match: " " * len(match.group(0)), declaration.group(2))
        for literal in _LITERAL.finditer(value):
            line = text.count("\n", 0, declaration.start(2) + literal.start()) + 1
            where = f"{path.relative_to(root)}:{line}"
            found.append(f"{where}: {literal.group(0)} in '{' '.join(declaration.group(0).split())}'")
    return found


def test_the_scanner_finds_each_kind_of_literal(tmp_path: Path) -> None:
    sample = tmp_path / "components" / "probe" / "probe.css"
    sample.parent.mkdir(parents=True)
    sample.write_text(
        "/* #fff in a comment is fine */\n.cab-a {\n  color: var(--cab-text);\n  background: #FFF;\n"
        "  border-color: rgb(0 0 0 / 50%);\n  outline-color: red;\n  box-shadow: 0 0 0 1px hsl(0 0% 0%);\n"
        "  --cab-local: white;\n  white-space: nowrap;\n  fill: currentcolor;\n  color: transparent;\n"
        "  background-image: url('data:image/svg+xml,%23fff');\n}\n.cab-a:hover { color: var(--cab-red-ish) }\n"
    )
    assert literal_colours(sample, tmp_path) == [
        "components/probe/probe.css:4: #FFF in 'background: #FFF'",
        "components/probe/probe.css:5: rgb( in 'border-color: rgb(0 0 0 / 50%)'",
        "components/probe/probe.css:6: red in 'outline-color: red'",
        "components/probe/probe.css:7: hsl( in 'box-shadow: 0 0 0 1px hsl(0 0% 0%)'",
        "components/probe/probe.css:8: white in '--cab-local: white'",
    ]


def test_no_literal_colour_in_component_or_shell_css() -> None:
    offenders = [problem for path in SOURCES for problem in literal_colours(path)]
    assert offenders == [], "literal colours (use --cab-* tokens):\n" + "\n".join(offenders)
