"""Reads the page ``testapp/shell.html`` renders back into Python values.

Tests assert on what the page shows (labels, hrefs, which item is current),
not on the context objects, so a template that drops a variable fails them.
"""

from __future__ import annotations

import dataclasses
from html.parser import HTMLParser


@dataclasses.dataclass(frozen=True)
class Link:
    label: str
    href: str | None  # None: rendered without a link
    current: bool = False
    badge: str = ""


@dataclasses.dataclass
class ShellPage:
    texts: dict[str, str] = dataclasses.field(default_factory=dict)
    lists: dict[str, list[Link]] = dataclasses.field(default_factory=dict)

    @property
    def space(self) -> str:
        return self.texts["space"]

    @property
    def module(self) -> str:
        return self.texts["module"]

    def labels(self, list_id: str) -> list[str]:
        return [link.label for link in self.lists[list_id]]

    def current(self, list_id: str) -> list[str]:
        return [link.label for link in self.lists[list_id] if link.current]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.page = ShellPage()
        self._text_id: str | None = None
        self._list_id: str | None = None
        self._item: dict[str, object] | None = None
        self._in_badge = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "p" and attributes.get("id"):
            self._text_id = str(attributes["id"])
            self.page.texts[self._text_id] = ""
        elif tag == "ul" and attributes.get("id"):
            self._list_id = str(attributes["id"])
            self.page.lists[self._list_id] = []
        elif tag == "li" and self._list_id:
            self._item = {"label": "", "href": None, "current": attributes.get("aria-current") == "page"}
            self._item["badge"] = ""
        elif tag == "a" and self._item is not None:
            self._item["href"] = attributes.get("href")
        elif tag == "span" and self._item is not None and attributes.get("class") == "badge":
            self._in_badge = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "p":
            self._text_id = None
        elif tag == "ul":
            self._list_id = None
        elif tag == "li" and self._item is not None and self._list_id:
            self.page.lists[self._list_id].append(
                Link(
                    label=str(self._item["label"]).strip(),
                    href=self._item["href"],  # type: ignore[arg-type]
                    current=bool(self._item["current"]),
                    badge=str(self._item["badge"]),
                )
            )
            self._item = None
        elif tag == "span":
            self._in_badge = False

    def handle_data(self, data: str) -> None:
        if self._text_id:
            self.page.texts[self._text_id] += data
        elif self._item is not None:
            key = "badge" if self._in_badge else "label"
            self._item[key] = str(self._item[key]) + data


def parse_shell(html: str) -> ShellPage:
    parser = _Parser()
    parser.feed(html)
    return parser.page
