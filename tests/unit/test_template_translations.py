"""Template translations that can reach an HTML attribute are escaped: a lint over every template.

Django marks a translated template literal safe (``{% translate "Search" %}``,
``{% translate "Search" as label %}``, ``_("Search")``): autoescaping skips it,
so a translation holding a quote ends the attribute early (``aria-label="Поиск
"Клиенты""``) and a ``<`` opens markup. In text that is Django's documented
trust in translators; in an attribute it breaks the page. The project's form:

* inside an attribute value: ``{% translate "Search"|force_escape %}``;
* a literal kept in a variable or passed to a tag, whose value may end up in an
  attribute of another template: ``{% translate "Search"|force_escape as label %}``,
  ``nav_label=_("Navigation")|force_escape``;
* ``{% blocktranslate %}`` never inside an attribute: ``{% blocktranslate asvar x %}``
  then ``{{ x|force_escape }}``.

``force_escape`` (not ``escape``, which skips safe strings) escapes once; the
text shows the same in element content. ``makemessages`` still extracts the
literal (its template parser allows filters after it).
tests/integration/test_translations_escaped.py renders the pages with a catalog
of hostile translations to back this lint.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TEMPLATE_DIRS = ["components", "src", "storybook", "demo", "tests/templates"]
SKIPPED_PARTS = {"node_modules", "dist", "static", "__pycache__", ".venv"}

_DJANGO_TOKEN = re.compile(r"\{%.*?%\}|\{\{.*?\}\}|\{#.*?#\}", re.S)
_COMMENT_BLOCK = re.compile(r"\{%\s*comment\b.*?%\}.*?\{%\s*endcomment\s*%\}", re.S)
_TRANSLATE = re.compile(r"\{%\s*(?:translate|trans)\s+(?P<literal>\"[^\"]*\"|'[^']*')(?P<rest>.*?)%\}", re.S)
_BLOCK_TRANSLATE = re.compile(r"\{%\s*(?:blocktranslate|blocktrans)\b(?P<rest>.*?)%\}", re.S)
_UNDERSCORE = re.compile(r"(?<![\w.])_\((?:\"[^\"]*\"|'[^']*')\)(?P<filters>(?:\|[\w]+(?::\S+)?)*)")


def templates() -> list[Path]:
    found = []
    for folder in TEMPLATE_DIRS:
        for path in sorted((ROOT / folder).rglob("*.html")):
            if not SKIPPED_PARTS.intersection(path.relative_to(ROOT).parts):
                found.append(path)
    return found


def attribute_positions(text: str) -> list[bool]:
    """For each character of ``text`` (Django tokens already blanked): inside a start tag or not.

    A small HTML tokenizer: text, ``<tag ...>`` (with quoted attribute values) and
    ``<!-- -->`` comments; enough for templates, which hold no inline script.
    """
    inside = [False] * len(text)
    state, index = "text", 0
    while index < len(text):
        char = text[index]
        if state == "text":
            if text.startswith("<!--", index):
                end = text.find("-->", index)
                index = len(text) if end < 0 else end + 3
                continue
            if (
                char == "<"
                and index + 1 < len(text)
                and (text[index + 1].isalpha() or text[index + 1] == "/")
            ):
                state = "tag"
        elif state == "tag":
            inside[index] = True
            if char == '"':
                state = "double"
            elif char == "'":
                state = "single"
            elif char == ">":
                state = "text"
        else:
            inside[index] = True
            if (state == "double" and char == '"') or (state == "single" and char == "'"):
                state = "tag"
        index += 1
    return inside


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def problems_in(text: str, name: str) -> list[str]:
    """``["name:line: what is wrong in '{% ... %}'", ...]`` for one template's text."""
    text = _COMMENT_BLOCK.sub(_blank, text)
    # Django tokens become neutral letters of the same length, so quotes and '>' inside
    # them do not move the HTML tokenizer and positions stay the same.
    blanked = _DJANGO_TOKEN.sub(lambda match: re.sub(r"[^\n]", "x", match.group(0)), text)
    in_attribute = attribute_positions(blanked)
    found = []

    def report(start: int, token: str, what: str) -> None:
        line = text.count("\n", 0, start) + 1
        found.append(f"{name}:{line}: {what} in {' '.join(token.split())!r}")

    for token in _DJANGO_TOKEN.finditer(text):
        source, start = token.group(0), token.start()
        translate = _TRANSLATE.fullmatch(source)
        if translate:
            escaped = translate.group("rest").lstrip().startswith("|force_escape")
            if in_attribute[start] and not escaped:
                report(start, source, "translation inside an attribute needs |force_escape after the literal")
            elif re.search(r"\bas\s+\w+", translate.group("rest")) and not escaped:
                report(start, source, "a translation kept with 'as' needs |force_escape after the literal")
            continue
        if _BLOCK_TRANSLATE.fullmatch(source) and in_attribute[start]:
            report(start, source, "blocktranslate inside an attribute: use asvar and {{ var|force_escape }}")
            continue
        for underscore in _UNDERSCORE.finditer(source):
            if "force_escape" in underscore.group("filters"):
                continue
            if source.startswith("{%") or in_attribute[start]:
                report(start, source, '_("...") needs |force_escape (its value may reach an attribute)')
    return found


def test_the_lint_finds_each_unescaped_form() -> None:
    sample = (
        "{% load i18n %}\n"
        "<nav aria-label=\"{% translate 'Pages' %}\" title='{% trans \"Tip\" %}'>\n"
        "<input placeholder={% translate 'Bare' %}>\n"
        "<p>{% translate 'In text is fine' %}</p>\n"
        '<b class="{% if x == "a>" %}a{% endif %}" data-x="{% translate \'After if\' %}"></b>\n'
        "{% translate 'Kept' as kept %}{% include 'x.html' with label=_('Nav') %}\n"
        '<i title="{% blocktranslate %}Hi {{ n }}{% endblocktranslate %}"></i>\n'
        '<i title="{{ _("Hint") }}"></i><!-- <a title="{% translate \'in a comment\' %}"> -->\n'
        "{% comment %}<a title=\"{% translate 'commented out' %}\">{% endcomment %}\n"
        "<a title=\"{% translate 'Fine'|force_escape %}\" data-y=\"{% translate 'Ctx'|force_escape context 'm' %}\">\n"
        "{% translate 'Kept'|force_escape as kept %}{% include 'x.html' with l=_('Nav')|force_escape %}\n"
    )
    assert problems_in(sample, "t.html") == [
        "t.html:2: translation inside an attribute needs |force_escape after the literal in \"{% translate 'Pages' %}\"",
        "t.html:2: translation inside an attribute needs |force_escape after the literal in '{% trans \"Tip\" %}'",
        "t.html:3: translation inside an attribute needs |force_escape after the literal in \"{% translate 'Bare' %}\"",
        "t.html:5: translation inside an attribute needs |force_escape after the literal in "
        "\"{% translate 'After if' %}\"",
        "t.html:6: a translation kept with 'as' needs |force_escape after the literal in "
        "\"{% translate 'Kept' as kept %}\"",
        't.html:6: _("...") needs |force_escape (its value may reach an attribute) in '
        "\"{% include 'x.html' with label=_('Nav') %}\"",
        "t.html:7: blocktranslate inside an attribute: use asvar and {{ var|force_escape }} in "
        "'{% blocktranslate %}'",
        't.html:8: _("...") needs |force_escape (its value may reach an attribute) in \'{{ _("Hint") }}\'',
    ]


def test_no_template_has_an_unescaped_translation_that_can_reach_an_attribute() -> None:
    problems = [
        problem
        for path in templates()
        for problem in problems_in(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT)))
    ]
    assert problems == [], "unescaped translations (see this test's docstring):\n" + "\n".join(problems)
