"""Data contracts for the card and list components.

:class:`CardGridData` + :class:`CardItem` (``card_grid``),
:class:`ListViewData` + :class:`ListRow` (``list_view``) and
:class:`SplitPanelData` + :class:`ListRow` (``split_panel``): collections of
items with an id, a title line, an optional avatar and a link.

Documented, and re-exported, at :mod:`codex_django.cabinet.types.components`.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Literal, NamedTuple
from urllib.parse import quote

from django.utils.translation import gettext_lazy as _
from pydantic import Field, ValidationInfo, field_validator

from .contract import contract
from .data_table import MAX_PAGE_SIZE, DataTablePage, ItemId, RowAction, TableAction
from .fields import IconName, SafeUrl, Text
from .widgets import Avatar, BadgeStyle, avatar_is_image, check_unique, initials_for

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = ["CardGridData", "CardItem", "ListRow", "ListViewData", "SplitPanelData"]

# --------------------------------------------------------------------------- cards


def search_text(*parts: object) -> str:
    """The text a component's client-side search matches: the non-empty parts, lower-cased.

    The search lower-cases the query the same way (``toLowerCase()``), so
    ``"Анна"`` finds ``"АННА СМИРНОВА"``.
    """
    return " ".join(str(part) for part in parts if part).lower()


# A card grid's ``grid_id``: usable as an HTML id and inside a storage key.
GRID_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def check_one_page(count: int, page: DataTablePage | None, field: str) -> None:
    """In server-side mode the items are one page: no more than ``page.size``, no more than ``page.total``."""
    if page is not None and count > min(page.size, page.total):
        raise ValueError(
            f"{count} {field} for a page of size {page.size} with total {page.total}: in server-side mode "
            f"{field} hold the current page only"
        )


# Default page sizes: 24 cards fill whole rows of 2, 3, 4 or 6 columns; 25 list rows fit
# a laptop screen about twice. ``page_size=0`` turns paging off.
CARD_PAGE_SIZE = 24
LIST_PAGE_SIZE = 25


@contract
class CardItem:
    """A single card in a :class:`CardGridData` collection.

    A tile in grid mode, a compact row in list mode. ``meta`` carries
    icon + text pairs for secondary information.

    Attributes:
        id: Unique, non-empty identifier (the model's primary key as a string).
        title: Card heading (e.g. client full name).
        subtitle: Optional line below the title. Defaults to ``""``.
        avatar: Avatar image URL, or 1-3 initials for the avatar circle.
            Defaults to ``""`` (no avatar).
        badge: Short status label shown as a badge (``"VIP"``). Defaults to ``""``.
        badge_style: Bootstrap colour name of the badge (``"primary"``,
            ``"success"``, ...). Defaults to ``"secondary"``.
        url: Link target (detail page or HTMX endpoint). Defaults to ``""``.
        meta: ``(icon, text)`` pairs, e.g. ``[("bi-telephone", "+7 999 123-45-67")]``.

    Derived: :attr:`avatar_is_image`, :attr:`initials`, :attr:`search_text`.

    Example::

        CardItem(
            id=str(client.pk),
            title=client.full_name,
            subtitle=client.category,
            avatar=client.initials,
            badge="VIP",
            badge_style="warning",
            url=f"/cabinet/clients/{client.pk}/",
            meta=[
                ("bi-telephone", client.phone),
                ("bi-calendar", f"{client.visit_count} визитов"),
            ],
        )
    """

    id: ItemId
    title: Text
    subtitle: Text = ""
    avatar: Avatar = ""
    badge: Text = ""
    badge_style: BadgeStyle = "secondary"
    url: SafeUrl = ""
    meta: list[tuple[IconName, Text]] = dataclasses.field(default_factory=list)

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL, False for initials or none."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`title`)."""
        return initials_for(self.avatar, self.title)

    @property
    def search_text(self) -> str:
        """What the client-side search matches: title and subtitle, lower-cased."""
        return search_text(self.title, self.subtitle)


@contract
class CardGridData:
    """Payload contract for the ``card_grid`` component.

    :class:`CardItem` instances as a grid of cards or a compact list; the user
    toggles the mode client-side (Alpine).

    Template variable: ``cards``::

        {% include "cabinet/components/card_grid.html" with cards=cards %}

    Attributes:
        items: :class:`CardItem` instances (unique ids).
        view_mode: Initial mode, ``"grid"`` (default) or ``"list"``.
        search_placeholder: Placeholder of the search input (filters by title
            and subtitle); ``""`` (default) hides the search bar.
        empty_message: Shown when ``items`` is empty. Defaults to ``"No items"``
            (translated).
        grid_id: Names this grid on the page (an extension of the reference):
            the root element's ``id`` and the key under which the user's
            grid/list choice is remembered (``localStorage``
            ``cab-card-grid:<grid_id>:view``). Letters, digits, ``-`` and
            ``_``, starting with a letter. ``""`` (default): no ``id``, and the
            choice is remembered per page path.
        page_size: Cards per page (an extension of the reference). With more
            items than this the grid shows one page at a time and a pager
            (previous/next, "Cards 1–24 of 130", "Page 1 of 6") below it;
            paging is client-side and applies after the search, so a search
            starts again on page 1 of its matches. ``0`` shows every card on
            one page. Defaults to 24 (whole rows of 2, 3, 4 or 6 columns).
            All items are still rendered into the page (the search needs
            them): for thousands, use ``page`` instead.
        page: Server-side mode (an extension of the reference), the
            ``data_table``'s :class:`~codex_django.cabinet.types.data_table.DataTablePage`:
            ``items`` hold one page of a larger result, and the search box
            and the pager send HTMX ``GET`` requests to ``page.url`` with
            ``?q=&page=`` in the query string (pushed to the history), the
            cards swap in place. ``number``, ``size``, ``total``, ``url`` and
            ``search`` are used; ``page_size`` is then ignored. Build it with
            :func:`codex_django.cabinet.tables.collection_page.server_side_page`.
            ``None`` (default): everything happens in the browser.

    Example::

        from codex_django.cabinet import CardGridData, CardItem

        cards = CardGridData(
            items=[
                CardItem(
                    id=str(c.pk),
                    title=c.full_name,
                    avatar=c.initials,
                    url=f"/cabinet/clients/{c.pk}/",
                )
                for c in Client.objects.all()
            ],
            search_placeholder="Поиск клиентов...",
        )
        return render(request, "clients/index.html", {"cards": cards})
    """

    items: list[CardItem]
    view_mode: Literal["grid", "list"] = "grid"
    search_placeholder: Text = ""
    empty_message: Text = _("No items")
    grid_id: str = ""
    page_size: int = Field(default=CARD_PAGE_SIZE, ge=0, le=MAX_PAGE_SIZE)
    page: DataTablePage | None = None

    @field_validator("grid_id")
    @classmethod
    def _grid_id_is_an_html_id(cls, grid_id: str) -> str:
        if grid_id and not GRID_ID.fullmatch(grid_id):
            raise ValueError(
                f"grid_id {grid_id!r} must start with a letter and contain only letters, digits, '-' and '_'"
            )
        return grid_id

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[CardItem]) -> list[CardItem]:
        check_unique([item.id for item in items], "id")
        return items

    @field_validator("page")
    @classmethod
    def _one_page_of_items(cls, page: DataTablePage | None, info: ValidationInfo) -> DataTablePage | None:
        check_one_page(len(info.data.get("items", [])), page, "items")
        return page


# --------------------------------------------------------------------------- lists


@contract
class ListRow:
    """A single row in a :class:`ListViewData` or :class:`SplitPanelData`.

    A primary label, optional secondary text and meta, an optional avatar;
    clickable (modal in a list view, detail panel in a split panel) and with
    optional per-row action buttons.

    Attributes:
        id: Unique, non-empty identifier (typically the primary key).
        primary: Main row text (subject line, client name).
        secondary: Optional smaller text below ``primary``. Defaults to ``""``.
        meta: Optional short metadata on the right (date, count). Defaults to ``""``.
        avatar: Avatar image URL or 1-3 initials. Defaults to ``""``.
        url: HTMX endpoint or link. In :class:`ListViewData` a click opens it
            in the modal; in :class:`SplitPanelData` it is the detail URL when
            the panel has no ``detail_url``. Defaults to ``""``.
        actions: Per-row :class:`TableAction` buttons. A row has no dict for
            ``url_key``: an action links to its own ``url``, else to the row's.

    Derived: :attr:`row_actions`, :attr:`avatar_is_image`, :attr:`initials`,
    :attr:`search_text`.

    Example::

        ListRow(
            id=str(msg.pk),
            primary=msg.subject,
            secondary=msg.sender,
            meta=msg.created_at.strftime("%d.%m"),
            url=f"/cabinet/conversations/{msg.pk}/",
        )
    """

    id: ItemId
    primary: Text
    secondary: Text = ""
    meta: Text = ""
    avatar: Avatar = ""
    url: SafeUrl = ""
    actions: list[TableAction] = dataclasses.field(default_factory=list)

    @field_validator("actions")
    @classmethod
    def _actions_have_urls(cls, actions: list[TableAction], info: ValidationInfo) -> list[TableAction]:
        row_url = info.data.get("url", "")
        for index, action in enumerate(actions):
            if not action.url and not row_url and "url" in info.data:
                raise ValueError(
                    f"actions.{index}: TableAction {str(action.label)!r} has no URL: set its url= "
                    "or the row's url (a ListRow has no row dict to read url_key from)"
                )
        return actions

    @property
    def row_actions(self) -> list[RowAction]:
        """The actions with their URLs (the action's own ``url`` or the row's)."""
        return [RowAction(action, action.url or self.url) for action in self.actions]

    @property
    def avatar_is_image(self) -> bool:
        """True when :attr:`avatar` is an image URL, False for initials or none."""
        return avatar_is_image(self.avatar)

    @property
    def initials(self) -> str:
        """Initials for the avatar circle (the avatar's own, or derived from :attr:`primary`)."""
        return initials_for(self.avatar, self.primary)

    @property
    def search_text(self) -> str:
        """What the client-side search matches: primary and secondary text, lower-cased."""
        return search_text(self.primary, self.secondary)


@contract
class ListViewData:
    """Payload contract for the ``list_view`` component.

    A vertical list of :class:`ListRow` with an optional search bar; a click
    opens the row's URL in the modal, row actions appear on hover and focus.

    Template variable: ``list``::

        {% include "cabinet/components/list_view.html" with list=list_data %}

    Attributes:
        rows: :class:`ListRow` instances (unique ids).
        search_placeholder: Placeholder of the search input (filters by
            ``primary`` and ``secondary``); ``""`` (default) hides the search bar.
        empty_message: Shown when ``rows`` is empty. Defaults to ``"No data"``
            (translated).
        open_in: What a click on a row does with the row's ``url`` (an
            extension of the reference): ``"modal"`` (default) dispatches
            ``open-modal`` with the URL, so the page's modal loads it over
            HTMX (Ctrl/Cmd-click and middle-click still open it as a page, so
            the URL should answer a full page too); ``"page"`` navigates to it.
            Row *actions* follow their own ``style``: ``"link"`` opens the
            modal, ``"btn-primary"`` / ``"btn-danger"`` are plain links.
        page_size: Rows per page (an extension of the reference). With more
            rows than this the list shows one page at a time and a pager
            (previous/next, "Rows 1–25 of 60", "Page 1 of 3") below it;
            paging is client-side and applies after the search, so a search
            starts again on page 1 of its matches. ``0`` shows every row on
            one page. Defaults to 25. All rows are still rendered into the
            page (the search needs them): for thousands, use ``page`` instead.
        page: Server-side mode (an extension of the reference), as in
            :class:`CardGridData`: ``rows`` hold one page, the search box and
            the pager go to the server over HTMX with ``?q=&page=`` in the
            URL. ``None`` (default): everything happens in the browser.

    Example::

        from codex_django.cabinet import ListViewData, ListRow

        list_data = ListViewData(
            rows=[
                ListRow(
                    id=str(n.pk),
                    primary=n.subject,
                    secondary=n.channel,
                    meta=n.sent_at.strftime("%d.%m %H:%M"),
                    url=f"/cabinet/notifications/{n.pk}/",
                )
                for n in Notification.objects.order_by("-sent_at")
            ],
            search_placeholder="Поиск уведомлений...",
        )
        return render(request, "notifications/log.html", {"list": list_data})
    """

    rows: list[ListRow]
    search_placeholder: Text = ""
    empty_message: Text = _("No data")
    open_in: Literal["modal", "page"] = "modal"
    page_size: int = Field(default=LIST_PAGE_SIZE, ge=0, le=MAX_PAGE_SIZE)
    page: DataTablePage | None = None

    @field_validator("rows")
    @classmethod
    def _unique_ids(cls, rows: list[ListRow]) -> list[ListRow]:
        check_unique([row.id for row in rows], "id")
        return rows

    @field_validator("page")
    @classmethod
    def _one_page_of_rows(cls, page: DataTablePage | None, info: ValidationInfo) -> DataTablePage | None:
        check_one_page(len(info.data.get("rows", [])), page, "rows")
        return page


class PanelEntry(NamedTuple):
    """A split-panel list item with the URL its detail loads from and whether it is selected."""

    row: ListRow
    detail_url: str
    active: bool


@contract
class SplitPanelData:
    """Payload contract for the ``split_panel`` component.

    A scrollable list on the left, a detail area on the right; clicking an
    item loads its detail through HTMX. Below 768 px the panels stack.

    Template variable: ``panel``::

        {% include "cabinet/components/split_panel.html" with panel=panel %}

    Attributes:
        items: :class:`ListRow` instances for the left panel (unique ids).
        active_id: ``id`` of the initially selected item (one of the items'
            ids) or ``""`` (default, nothing selected). The page renders that
            item's detail server-side into the component's ``detail`` slot
            (see the ``split_panel`` component); without the slot the
            component loads it over HTMX once the page has loaded.
        detail_url: Base URL for item details: ``"/cabinet/conversations"``
            loads ``/cabinet/conversations/42`` for item ``42``; a route name
            is reversed first. ``""`` (default): each item's own ``url``.
        empty_message: Shown in the right panel when nothing is selected.
            Defaults to ``"Select an item"`` (translated).

    Derived: :attr:`entries` (row, detail URL, active).

    Example::

        from codex_django.cabinet import SplitPanelData, ListRow

        panel = SplitPanelData(
            items=[
                ListRow(
                    id=str(conv.pk),
                    primary=conv.subject,
                    secondary=conv.last_message[:60],
                    meta=conv.updated_at.strftime("%d.%m"),
                    avatar=conv.client_initials,
                )
                for conv in conversations
            ],
            active_id=str(active_conversation.pk) if active_conversation else "",
            detail_url="/cabinet/conversations",
            empty_message="Выберите переписку",
        )
        return render(request, "conversations/index.html", {"panel": panel})
    """

    items: list[ListRow]
    active_id: str = ""
    detail_url: SafeUrl = ""
    empty_message: Text = _("Select an item")

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[ListRow]) -> list[ListRow]:
        check_unique([item.id for item in items], "id")
        return items

    @field_validator("active_id")
    @classmethod
    def _active_is_item(cls, active_id: str, info: ValidationInfo) -> str:
        ids = [item.id for item in info.data.get("items", [])]
        if active_id and "items" in info.data and active_id not in ids:
            raise ValueError(f"active_id {active_id!r} is not the id of an item (ids: {ids[:10]!r})")
        return active_id

    @property
    def entries(self) -> list[PanelEntry]:
        """Each item with its detail ``href`` and active flag.

        The href is ``<detail_url>/<id>`` (a route name is reversed first) or,
        without ``detail_url``, the row's own ``url``; both go through
        :func:`~codex_django.cabinet.rendering.links.resolve_link`.
        """
        from codex_django.cabinet.rendering.links import (
            resolve_link,  # here, not at the top: links imports this package
        )

        base = resolve_link(self.detail_url).rstrip("/")
        return [
            PanelEntry(
                row=item,
                detail_url=f"{base}/{quote(item.id, safe='')}" if base else resolve_link(item.url),
                active=item.id == self.active_id,
            )
            for item in self.items
        ]
