"""``CalendarSlot.color``: any CSS colour value the reference allows, safely, without ``style=``.

The reference types ``color`` as "CSS color value or Bootstrap bg-* class".
These tests hold the contract to a strict grammar (named, hex, ``rgb()``/
``hsl()``..., ``var(--x)``; nothing that could inject CSS), the template to an
escaped ``data-color`` attribute, and the stylesheet to a text colour that
stays readable on any event colour.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.template import Context, Template
from pydantic import ValidationError

from codex_django.cabinet import CalendarGridData, CalendarSlot
from codex_django.cabinet.theme.colour import contrast_ratio, mix
from codex_django.cabinet.theme.tokens import DEFAULT_THEME
from codex_django.cabinet.types.css_colour import NAMED_COLOURS, check_css_colour

ROOT = Path(__file__).resolve().parents[2]
DJC_ID = re.compile(r' data-djc-id-\w+=""')

ACCEPTED = [
    "tomato",
    "RebeccaPurple",
    "transparent",
    "currentcolor",
    "#abc",
    "#aabbcc80",
    "rgb(16 185 129)",
    "rgb(16 185 129 / 50%)",
    "rgba(239, 68, 68, 0.5)",
    "hsl(262 83% 58%)",
    "hsla(200, 90%, 40%, .8)",
    "hwb(30deg 10% 10%)",
    "oklch(70% 0.15 200)",
    "lab(50% 40 -20)",
    "var(--cab-brand)",
    "var(--salon-spa, teal)",
    "var(--salon-spa, rgb(0 128 128))",
]


@pytest.mark.parametrize("colour", ACCEPTED)
def test_css_colour_values_are_accepted_and_kept(colour: str) -> None:
    assert CalendarSlot(0, 0, 1, "x", color=colour).color == colour


def test_existing_values_keep_working() -> None:
    assert CalendarSlot(0, 0, 1, "x", color="").color == ""
    assert CalendarSlot(0, 0, 1, "x", color="success").color == "success"
    assert CalendarSlot(0, 0, 1, "x", color="bg-danger").color == "danger"
    assert CalendarSlot(0, 0, 1, "x", color="#6366f1").color == "#6366f1"


@pytest.mark.parametrize(
    ("colour", "reason"),
    [
        ("red; background: url(x)", "';' (it would end the declaration)"),
        ("red}body", "'}' (it would close the CSS block)"),
        ("url(https://evil.example/x.png)", "may not call url()"),
        ("expression(alert(1))", "may not call expression()"),
        ('"red"', "quotes"),
        ("'red'", "quotes"),
        ("re\\64", "backslashes"),
        ("red/**/", "comments"),
        ("var(--x, url(a))", "may not call url()"),
        ("var(--x, 10px)", "the fallback of var() must be a colour itself"),
        ("calc(1px)", "may not call calc()"),
        ("attr(data-x)", "may not call attr()"),
        ("rgb(1, 2)", "not a CSS colour"),
        ("rgb(1 2 3) red", "not a CSS colour"),
        ("bluee", "not a CSS colour"),
        ("inherit", "not a CSS colour"),
        (" red", "surrounding spaces"),
        ("red\n", "surrounding spaces"),
        ("<b>", "'<' (markup)"),
    ],
)
def test_anything_else_is_refused_naming_contract_field_and_value(colour: str, reason: str) -> None:
    with pytest.raises(ValidationError) as caught:
        CalendarSlot(0, 0, 1, "x", color=colour)
    text = str(caught.value)
    for part in ("CalendarSlot", "color", repr(colour)[1:-1], reason, "Bootstrap colour name"):
        assert part in text, f"{part!r} not in:\n{text}"


def test_the_grammar_knows_every_css_named_colour() -> None:
    # CSS Color 4 lists 148 named colours (plus transparent and currentcolor, kept apart).
    assert len(NAMED_COLOURS) == 148
    assert all(check_css_colour(name) == name for name in NAMED_COLOURS)


def render(calendar: CalendarGridData) -> str:
    template = Template('{% component "calendar_grid" calendar=calendar / %}')
    return DJC_ID.sub("", template.render(Context({"calendar": calendar})))


def test_css_colours_reach_the_page_in_an_escaped_data_attribute_never_a_style() -> None:
    colours = ["tomato", "rgba(239, 68, 68, 0.5)", "var(--salon-spa, teal)", "primary", "bg-info", ""]
    html = render(
        CalendarGridData(
            cols=["A"],
            rows=[f"{h}:00" for h in range(9, 15)],
            events=[CalendarSlot(0, row, 1, f"e{row}", color=c, url="/e/") for row, c in enumerate(colours)],
        )
    )
    events = re.findall(r'<button type="button" class="cab-cal__event[^>]*>', html)
    assert [re.search(r'data-color="([^"]*)"', tag) for tag in events][3:] == [None, None, None]
    assert [re.search(r'data-color="([^"]*)"', tag).group(1) for tag in events[:3]] == [  # type: ignore[union-attr]
        "tomato",
        "rgba(239, 68, 68, 0.5)",
        "var(--salon-spa, teal)",
    ]
    assert ["cab-cal-ev--custom" in tag for tag in events] == [True, True, True, False, False, False]
    assert "cab-cal-ev--primary" in events[3] and "cab-cal-ev--info" in events[4]
    assert "style=" not in html


def _tint_percentages() -> list[float]:
    css = (ROOT / "components/calendar_grid/calendar_grid.css").read_text(encoding="utf-8")
    found = re.findall(r"color-mix\(in srgb, var\(--cab-cal-ev[^)]*\)\) (\d+)%, var\(--cab-surface\)\)", css)
    assert found, "calendar_grid.css no longer tints events with color-mix(... N%, var(--cab-surface))"
    return sorted(float(value) / 100 for value in found)


EXTREMES = ["#000000", "#ffffff", "#ff0000", "#00ff00", "#0000ff", "#ffff00", "#00ffff", "#ff00ff"]


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_event_text_stays_readable_on_any_event_colour(mode: str) -> None:
    """The colour only tints the event: its text keeps the theme's colours and 4.5:1 on any tint.

    At rest the title uses ``text`` and the other lines ``text-muted`` on the lighter tint; on
    hover (the stronger tint) every line uses ``text`` (the stylesheet says so).
    """
    colours = DEFAULT_THEME.mode(mode)
    surface, text, muted = colours.get("surface"), colours.get("text"), colours.get("text_muted")
    rest, hover = _tint_percentages()[0], _tint_percentages()[-1]
    css = (ROOT / "components/calendar_grid/calendar_grid.css").read_text(encoding="utf-8")
    assert re.search(
        r"button\.cab-cal__event:hover \.cab-cal__event-sub,\s*"
        r"button\.cab-cal__event:hover \.cab-cal__event-time \{\s*color: var\(--cab-text\);",
        css,
    )
    problems = []
    for colour in EXTREMES:
        for foreground, name, amount in ((text, "text", rest), (muted, "muted", rest), (text, "text", hover)):
            background = mix(surface, colour, amount)
            ratio = contrast_ratio(foreground, background)
            if ratio < 4.5:
                problems.append(f"{mode}: {name} on {colour} at {amount:.0%}: {ratio:.2f}:1")
    assert problems == []
