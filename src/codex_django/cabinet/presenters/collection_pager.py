"""The client-side pager of ``card_grid`` and ``list_view``: what it says on first render, and its texts.

Both components render every item (their search runs in the browser over all
of them) and show one page at a time: the items past the first page arrive
``hidden``, and the component's Alpine data pages through the items that match
the search. The pager is Bootstrap's ``.pagination`` (the bundle's shared,
themed pagination) with the same parts as ``data_table``'s server-side pager:
a summary ("Cards 1–24 of 130"), previous/next buttons and "Page 1 of 6".

The texts are computed here, translated, with ``{first}``, ``{last}``,
``{total}``, ``{number}`` and ``{count}`` placeholders the script fills in as
the user pages or searches; the first page's texts are filled in here, so the
page reads right before any script runs.
"""

from __future__ import annotations

from typing import Literal, NamedTuple

from django.utils.formats import number_format
from django.utils.translation import gettext

Noun = Literal["cards", "rows"]


class CollectionPager(NamedTuple):
    """A collection's pager as the template renders it.

    ``needed``: more items than one page. Without it the template leaves the
    pager out (a search only narrows, so it could never be needed); with it,
    the script hides the pager while the search's matches fit on one page.
    ``page_size`` is 0 when paging is off.
    """

    page_size: int
    total: int
    needed: bool
    label: str
    summary: str
    page_label: str
    summary_template: str
    page_label_template: str


def _templates(noun: Noun) -> tuple[str, str, str]:
    """The nav's label, the summary template and the page label template, translated."""
    if noun == "cards":
        label = gettext("Card pages")
        summary = gettext("Cards {first}–{last} of {total}")
    else:
        label = gettext("List pages")
        summary = gettext("Rows {first}–{last} of {total}")
    return label, summary, gettext("Page {number} of {count}")


def _number(value: int) -> str:
    return str(number_format(value, force_grouping=True))


def collection_pager(total: int, page_size: int, noun: Noun) -> CollectionPager:
    """The pager of ``total`` items shown ``page_size`` at a time (``0``: all at once), on page 1."""
    label, summary, page_label = _templates(noun)
    size = page_size or max(total, 1)
    page_count = max(1, -(-total // size))
    return CollectionPager(
        page_size=page_size,
        total=total,
        needed=page_size > 0 and total > page_size,
        label=label,
        summary=summary.format(
            first=_number(1 if total else 0), last=_number(min(total, size)), total=_number(total)
        ),
        page_label=page_label.format(number=_number(1), count=_number(page_count)),
        summary_template=summary,
        page_label_template=page_label,
    )


def on_first_page(index: int, page_size: int) -> bool:
    """Whether the item at ``index`` (0-based) shows before any paging: the rest arrive ``hidden``."""
    return page_size == 0 or index < page_size
