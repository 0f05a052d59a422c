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

In server-side mode (the contract's ``page`` set, see
:mod:`codex_django.cabinet.tables.collection_page`) the texts describe that
page, and the previous/next buttons and the search box get the URLs of the
neighbouring states (``?q=&page=``) for HTMX instead.
"""

from __future__ import annotations

from typing import Literal, NamedTuple
from urllib.parse import urlencode

from django.utils.formats import number_format
from django.utils.translation import gettext

from codex_django.cabinet.types.data_table import PAGE_PARAM, SEARCH_PARAM, DataTablePage

Noun = Literal["cards", "rows"]


class CollectionPager(NamedTuple):
    """A collection's pager as the template renders it.

    ``needed``: more items than one page. Without it the template leaves the
    pager out (a search only narrows, so it could never be needed); with it,
    the script hides the pager while the search's matches fit on one page.
    ``page_size`` is 0 when paging is off. ``server`` is the server-side
    mode: ``base_url`` is where the search box sends ``?q=``, ``search`` the
    current search, ``previous_url``/``next_url`` the neighbouring pages
    (``""``: none, the button is disabled).
    """

    page_size: int
    total: int
    needed: bool
    label: str
    summary: str
    page_label: str
    summary_template: str
    page_label_template: str
    server: bool = False
    base_url: str = ""
    search: str = ""
    previous_url: str = ""
    next_url: str = ""


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


def server_pager(page: DataTablePage, noun: Noun, request_path: str) -> CollectionPager:
    """The pager of a server-side page: its texts, and the URLs of the neighbouring pages."""
    from codex_django.cabinet.rendering.links import resolve_link  # here: links imports the types package

    label, summary, page_label = _templates(noun)
    base_url = resolve_link(page.url) if page.url else request_path

    def page_url(number: int) -> str:
        params = {SEARCH_PARAM: page.search, PAGE_PARAM: number if number > 1 else ""}
        query = urlencode({key: value for key, value in params.items() if value})
        return f"{base_url}?{query}" if query else base_url

    return CollectionPager(
        page_size=page.size,
        total=page.total,
        needed=page.page_count > 1,
        label=label,
        summary=summary.format(
            first=_number(page.first_row), last=_number(page.last_row), total=_number(page.total)
        ),
        page_label=page_label.format(number=_number(page.number), count=_number(page.page_count)),
        summary_template=summary,
        page_label_template=page_label,
        server=True,
        base_url=base_url,
        search=page.search,
        previous_url=page_url(page.number - 1) if page.has_previous else "",
        next_url=page_url(page.number + 1) if page.has_next else "",
    )


def pager_for(
    page: DataTablePage | None, count: int, page_size: int, noun: Noun, request: object
) -> tuple[CollectionPager, int]:
    """A collection's pager and the page size the browser pages by (0 in server-side mode).

    ``page`` is the contract's server-side page (``None``: the browser pages
    ``count`` items by ``page_size``); ``request`` the template's request, whose
    path is the server-side pager's base URL when the page names none.
    """
    if page is not None:
        return server_pager(page, noun, str(getattr(request, "path", ""))), 0
    return collection_pager(count, page_size, noun), page_size


def on_first_page(index: int, page_size: int) -> bool:
    """Whether the item at ``index`` (0-based) shows before any paging: the rest arrive ``hidden``."""
    return page_size == 0 or index < page_size
