"""The django-cotton + django-components lexer fix (``codex_django.cabinet.rendering.cotton_compat``).

Cotton's lexer gives ``{% cotton %}`` tokens ``position=None`` and the text
around them substring-relative positions; django-components shifts every
token's position and crashed with ``TypeError: 'NoneType' object is not
subscriptable``. These tests reproduce the crash with the fix taken out and
show the fixed lexer in both DEBUG modes, also after cotton patches again.
"""

from __future__ import annotations

import copy
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.apps import apps
from django.template import TemplateSyntaxError, engines
from django.template.base import DebugLexer, Lexer, TokenType
from django.template.loader import render_to_string
from django_components.util import template_parser
from django_components.util.template_parser import parse_template
from django_cotton.compiler_regex import CottonCompiler
from django_cotton.nested_tag_support import enable_nested_tag_support

from codex_django.cabinet.rendering import cotton_compat

SOURCE = (
    "<p>{{ greeting }}</p>\n"
    '{% cotton greet name="{% if formal %}Sir{% endif %}" %}'
    "hi {{ who }}"
    "{% endcotton %}\n"
    '{% component "status_badge" text="Paid" style="success" / %}\n'
    "{%cotton greet %}{% endcotton %}tail"
)


@pytest.fixture
def template_dirs(tmp_path: Path, settings: Any) -> Iterator[Path]:
    """A template folder in front of the test settings' loaders (cotton loader included)."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    (tmp_path / "cotton").mkdir()
    (tmp_path / "cotton" / "greet.html").write_text(
        "<c-vars name />[{{ name }}|{{ slot }}]", encoding="utf-8"
    )
    (tmp_path / "page.html").write_text(
        '<main><c-greet name="Ann">one</c-greet> {% component "status_badge" text="Paid" / %} '
        '<c-greet :name="who" /></main>',
        encoding="utf-8",
    )
    yield tmp_path


def test_the_fix_is_installed_by_the_app() -> None:
    assert cotton_compat.is_installed()
    assert template_parser.DebugLexer is cotton_compat.AbsolutePositionLexer
    assert DebugLexer.tokenize.__module__ == "django_cotton.nested_tag_support"


def test_cotton_alone_yields_tokens_without_positions() -> None:
    # The bug the fix exists for: if cotton ever fixes it, this fails and the fix can go.
    positions = [token.position for token in DebugLexer(SOURCE).tokenize()]
    assert positions[3] is None  # the first {% cotton %} tag
    assert positions[4] == (0, 3)  # "hi " right after it restarts at 0


def test_every_token_gets_its_absolute_span() -> None:
    tokens = cotton_compat.AbsolutePositionLexer(SOURCE).tokenize()
    cursor = 0
    for token in tokens:
        start, end = token.position
        assert start == cursor
        text = SOURCE[start:end]
        if token.token_type == TokenType.TEXT:
            assert text == token.contents
        else:
            assert text[:2] in ("{%", "{{")
            assert token.contents in text
        cursor = end
    assert cursor == len(SOURCE)
    assert [SOURCE[slice(*t.position)] for t in tokens if t.contents.startswith("cotton greet")] == [
        '{% cotton greet name="{% if formal %}Sir{% endif %}" %}',
        "{%cotton greet %}",
    ]


def test_django_components_parser_handles_cotton_tags() -> None:
    tokens = parse_template(SOURCE)
    component = next(t for t in tokens if t.contents.startswith("component"))
    assert component.contents == 'component "status_badge" text="Paid" style="success" /'
    assert SOURCE[slice(*component.position)] == (
        '{% component "status_badge" text="Paid" style="success" / %}'
    )


def test_unterminated_cotton_tag_spans_to_the_end() -> None:
    source = "a{% cotton x y='1'"
    tokens = cotton_compat.AbsolutePositionLexer(source).tokenize()
    assert [t.position for t in tokens] == [(0, 1), (1, len(source))]


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_page_with_cotton_tags_renders(template_dirs: Path, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    html = render_to_string("page.html", {"who": "Bob"})
    assert "<main>[Ann|one] " in html
    assert "[Bob|]</main>" in html
    assert ">Paid</span>" in html


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_without_the_fix_the_page_crashes(
    template_dirs: Path, settings: Any, monkeypatch: pytest.MonkeyPatch, debug: bool
) -> None:
    settings.DEBUG = debug
    monkeypatch.setattr(template_parser, "DebugLexer", DebugLexer)
    with pytest.raises(TypeError, match="'NoneType' object is not subscriptable"):
        render_to_string("page.html", {"who": "Bob"})


def test_debug_error_page_points_at_the_broken_tag(template_dirs: Path, settings: Any) -> None:
    settings.DEBUG = True
    (template_dirs / "broken.html").write_text(
        '<c-greet name="Ann">one</c-greet>\n<p>ok</p>\n{% nosuchtag %}\n', encoding="utf-8"
    )
    with pytest.raises(TemplateSyntaxError) as caught:
        render_to_string("broken.html")
    info = caught.value.template_debug  # type: ignore[attr-defined]
    assert info["during"] == "{% nosuchtag %}"
    assert info["line"] == 3


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_survives_cotton_patching_the_lexer_again(
    template_dirs: Path, settings: Any, monkeypatch: pytest.MonkeyPatch, debug: bool
) -> None:
    """Cotton's ready() may run after ours, or again (override_settings(INSTALLED_APPS=...))."""
    settings.DEBUG = debug
    monkeypatch.setattr(DebugLexer, "tokenize", DebugLexer.tokenize)  # restored after the test
    monkeypatch.setattr(Lexer, "tokenize", Lexer.tokenize)
    enable_nested_tag_support()
    html = render_to_string("page.html", {"who": "Bob"})
    assert "<main>[Ann|one] " in html


def test_install_is_idempotent() -> None:
    assert cotton_compat.install() is False
    assert cotton_compat.install() is False
    assert template_parser.DebugLexer is cotton_compat.AbsolutePositionLexer


def test_install_replaces_the_parser_lexer_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_parser, "DebugLexer", DebugLexer)
    assert not cotton_compat.is_installed()
    assert cotton_compat.install() is True
    assert cotton_compat.install() is False
    assert template_parser.DebugLexer is cotton_compat.AbsolutePositionLexer


def test_nothing_is_patched_without_cotton(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(template_parser, "DebugLexer", DebugLexer)
    monkeypatch.setattr(apps, "is_installed", lambda name: name != "django_cotton")
    cotton_compat.install_cotton_compat()
    assert template_parser.DebugLexer is DebugLexer
    monkeypatch.setattr(apps, "is_installed", lambda name: True)
    cotton_compat.install_cotton_compat()
    assert cotton_compat.is_installed()


def test_cotton_compiled_template_from_string() -> None:
    compiled = CottonCompiler().process('<c-cabinet.status-badge text="Paid" style="success" />')
    html = engines["django"].from_string(compiled).render({})
    assert ">Paid</span>" in html
    assert "cab-status-badge--success" in html
