"""Story notes: a small, safe subset of Markdown rendered to HTML.

Supported: paragraphs, ``#``-headings, ``-``/``*`` bullet lists, ```fenced
code```, inline ``code``, ``**bold**``, ``*emphasis*`` and ``[links](url)``
(the URL must pass :func:`codex_django.cabinet.types.fields.check_url`).
Everything is escaped first, so notes cannot inject markup.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from codex_django.cabinet.types.fields import check_url

_BULLET = re.compile(r"^\s*[-*]\s+")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


def _inline(text: str) -> str:
    escaped = str(escape(text))
    escaped = re.sub(r"`([^`]+)`", r"<code>\1</code>", escaped)
    escaped = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", escaped)
    escaped = re.sub(r"(?<![\w*])\*([^*]+)\*(?![\w*])", r"<em>\1</em>", escaped)
    return _LINK.sub(_link, escaped)


def _link(match: re.Match[str]) -> str:
    label, url = match.group(1), match.group(2)
    try:
        # The URL was escaped with the rest of the text; check what the browser would see.
        check_url(url.replace("&amp;", "&"))
    except ValueError:
        return label
    return f'<a href="{url}">{label}</a>'


def render_notes(text: str) -> SafeString:
    """HTML for ``text``; safe because every piece of input passes through ``escape`` first."""
    blocks: list[str] = []
    lines = text.strip("\n").splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        stripped = line.strip()
        if not stripped:
            index += 1
            continue
        if stripped.startswith("```"):
            code: list[str] = []
            index += 1
            while index < len(lines) and not lines[index].strip().startswith("```"):
                code.append(lines[index])
                index += 1
            blocks.append(f"<pre><code>{escape(chr(10).join(code))}</code></pre>")
            index += 1
            continue
        heading = re.match(r"^(#{1,3})\s+(.*)$", stripped)
        if heading:
            level = len(heading.group(1)) + 2
            blocks.append(f"<h{level}>{_inline(heading.group(2))}</h{level}>")
            index += 1
            continue
        if re.match(r"^[-*]\s+", stripped):
            items = []
            while index < len(lines) and _BULLET.match(lines[index]):
                items.append(f"<li>{_inline(_BULLET.sub('', lines[index]))}</li>")
                index += 1
            blocks.append("<ul>" + "".join(items) + "</ul>")
            continue
        paragraph = []
        while (
            index < len(lines) and lines[index].strip() and not lines[index].strip().startswith(("```", "#"))
        ):
            if _BULLET.match(lines[index]):
                break
            paragraph.append(lines[index].strip())
            index += 1
        blocks.append(f"<p>{_inline(' '.join(paragraph))}</p>")
    return mark_safe("\n".join(blocks))  # noqa: S308 (built only from escaped text, see _inline)
