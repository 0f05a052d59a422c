"""Makes django-cotton and django-components work in the same project.

django-cotton (2.8) replaces ``DebugLexer.tokenize`` with a tokenizer that
keeps ``{% cotton ... %}`` tags whole. Its tokens carry wrong positions: the
cotton tags get ``position=None`` and the text around them is lexed as
separate substrings, so their positions are relative to the substring.
django-components (0.152) parses *every* template with ``DebugLexer`` and
shifts each token's position, so any template containing a ``<c-...>`` tag
crashed with::

    TypeError: 'NoneType' object is not subscriptable
      (django_components/util/template_parser.py, parse_template)

With DEBUG on, Django's error page reads the same positions to show where a
template broke.

The fix is a ``DebugLexer`` whose ``tokenize`` calls whatever tokenizer is
patched in (cotton's) and rewrites the positions as absolute offsets into the
template source; django-components' parser is pointed at it. Tokens cover the
source end to end, in order, so each position follows from the previous
token's end and the token's length: a token with a position keeps its length
(relative or not), a cotton tag's length is read back from the source.

Because the lexer subclass looks the tokenizer up at call time, it does not
matter whether cotton's ``ready()`` runs before or after the cabinet's, or
runs again (``override_settings(INSTALLED_APPS=...)`` re-runs it).
:func:`install` is idempotent.
"""

from __future__ import annotations

from django.template.base import DebugLexer, Token
from django_components.util import template_parser


def _tag_end(source: str, start: int, contents: str) -> int:
    """End offset of the block tag ``{% contents %}`` that starts at ``start``.

    The lexer stores a block tag's contents stripped of ``{%``, ``%}`` and
    surrounding whitespace, so the tag is ``{%``, whitespace, the contents,
    whitespace, ``%}``. An unterminated tag (cotton keeps it as the rest of
    the source) ends at the end of the source.
    """
    index = start + 2
    while index < len(source) and source[index].isspace():
        index += 1
    if source.startswith(contents, index):
        index += len(contents)
        while index < len(source) and source[index].isspace():
            index += 1
        if source.startswith("%}", index):
            return index + 2
    closing = source.find("%}", start + 2)
    return len(source) if closing == -1 else closing + 2


def absolute_positions(source: str, tokens: list[Token]) -> list[Token]:
    """Give every token its ``(start, end)`` offset in ``source``; returns ``tokens``."""
    cursor = 0
    for token in tokens:
        position: tuple[int, int] | None = token.position
        if position is None:
            end = _tag_end(source, cursor, token.contents)
        else:
            end = cursor + (position[1] - position[0])
        token.position = (cursor, end)
        cursor = end
    return tokens


class AbsolutePositionLexer(DebugLexer):
    """``DebugLexer`` whose tokens carry absolute positions, whichever ``tokenize`` is patched in."""

    def tokenize(self) -> list[Token]:
        return absolute_positions(self.template_string, super().tokenize())


def is_installed() -> bool:
    """True when django-components' template parser uses :class:`AbsolutePositionLexer`."""
    return template_parser.DebugLexer is AbsolutePositionLexer


def install() -> bool:
    """Point django-components' parser at :class:`AbsolutePositionLexer`; False if it already was."""
    if is_installed():
        return False
    template_parser.DebugLexer = AbsolutePositionLexer  # type: ignore[misc]
    return True


def install_cotton_compat() -> None:
    """Install the fix when django-cotton is installed (called from ``CabinetConfig.ready``)."""
    from django.apps import apps

    if apps.is_installed("django_cotton"):
        install()
