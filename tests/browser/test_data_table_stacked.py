"""``data_table``'s stacked layout in Chromium: one card per row where the table is narrow.

Under 40rem of table width (a 390 px phone, a narrow split-panel pane) the
same markup shows each row as a card and each cell with its column's name
(``data-label``); the header row becomes a sort bar. These tests check what a
user sees: no sideways page scroll, every visible cell labelled with its
column, long text wrapped inside the card, sorting, paging and the row actions
usable at 390 px in client- and server-side mode, the desktop table unchanged,
and the table semantics (roles, column headers, ``aria-sort``) a screen reader
gets in both layouts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import Page, expect

from codex_django.storybook.discovery import get_collection

from .harness import PageProbe, check_axe
from .test_data_table_interactions import ROWS, server_page, visible_texts  # noqa: F401 (server_page: a fixture)

pytestmark = pytest.mark.browser

MOBILE = 390
STORIES = [collected.id for collected in get_collection().stories if collected.id.startswith("data_table--")]

# What a user sees at the viewport: the page's width, and for each shown cell its label,
# its column's header text and whether its content fits inside the card.
LAYOUT = """() => {
  const table = document.querySelector(".cab-data-table__table");
  const headers = table ? Array.from(table.tHead.rows[0].cells, (th) => th.textContent.trim()) : [];
  const cells = [];
  for (const row of table ? table.tBodies[0].rows : []) {
    if (row.hidden) continue;
    const card = row.getBoundingClientRect();
    for (const cell of row.cells) {
      const box = cell.getBoundingClientRect();
      const content = getComputedStyle(cell, "::before").content;
      cells.push({
        header: headers[cell.cellIndex],
        label: cell.dataset.label ?? null,
        drawn: content,
        display: getComputedStyle(cell).display,
        fits: cell.scrollWidth <= cell.clientWidth + 1 && box.left >= card.left - 1 && box.right <= card.right + 1,
        actions: cell.classList.contains("cab-data-table__actions"),
        check: cell.classList.contains("cab-data-table__check"),
        off: cell.classList.contains("cab-data-table__off"),
      });
    }
  }
  return {
    page: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    headRow: table ? getComputedStyle(table.tHead).display : null,
    cells,
  };
}"""


def layout(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(LAYOUT)
    return result


def drawn_label(content: str) -> str:
    """The text a ``content: attr(data-label) / ""`` draws, from its computed value (``'"Client" / ""'``)."""
    assert content.startswith('"'), content
    return content[1:].split('" / ""', 1)[0].replace('\\"', '"').replace("\\\\", "\\")


@pytest.mark.parametrize("story_id", STORIES)
@pytest.mark.parametrize("combination", ["light--mobile", "dark--mobile"])
def test_every_story_at_390_px_stacks_without_sideways_scroll(
    story_page: Callable[..., Page], story_id: str, combination: str
) -> None:
    page = story_page(story_id, combination)
    seen = layout(page)
    assert seen["viewport"] == MOBILE
    assert seen["page"] <= MOBILE, f"{story_id}: the page is {seen['page']} px wide at {MOBILE} px"
    for cell in seen["cells"]:
        if cell["off"]:  # a column hidden through the column menu (hidden_columns)
            assert cell["display"] == "none", cell
            continue
        assert cell["display"] in (
            "block",
            "flex",
        )  # a card's field (the actions: a row of links), not a cell
        assert cell["fits"], f"{story_id}: a cell's text overflows its card: {cell}"
        if cell["actions"] or cell["check"]:
            assert cell["label"] is None  # the row's links and its labelled checkbox speak for themselves
            continue
        assert cell["label"] == cell["header"], cell
        assert drawn_label(cell["drawn"]) == cell["header"], cell
    if story_id != "data_table--empty":
        assert seen["cells"], f"{story_id}: no visible cell"


def test_desktop_keeps_the_table(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--typical", "light--desktop")
    seen = layout(page)
    assert seen["headRow"] == "table-header-group"
    assert {cell["display"] for cell in seen["cells"]} == {"table-cell"}
    assert {cell["drawn"] for cell in seen["cells"]} == {"none"}  # no labels drawn in the table
    assert page.locator("thead tr").evaluate("(row) => getComputedStyle(row, '::before').content") == "none"


def test_a_table_in_a_narrow_container_stacks_at_any_viewport(story_page: Callable[..., Page]) -> None:
    """A container query, not a media query: a narrow pane (a split panel's list) stacks on a wide screen."""
    page = story_page("data_table--typical", "light--desktop")
    root = page.locator("#story-root")
    root.evaluate("(element) => { element.style.width = '22rem'; }")  # the CSSOM, as the CSP allows
    cell = layout(page)["cells"][0]
    assert cell["display"] == "block" and drawn_label(cell["drawn"]) == "Client"
    root.evaluate("(element) => { element.style.width = ''; }")
    assert layout(page)["cells"][0]["display"] == "table-cell"
    # A size container has no width from its content: as a flex item in a row it still fills the row.
    root.evaluate("(element) => { element.style.display = 'flex'; }")
    content, table = root.evaluate(
        """(element) => {
          const style = getComputedStyle(element);
          const content = element.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
          return [content, element.querySelector(".cab-data-table").getBoundingClientRect().width];
        }"""
    )
    assert content > 1000 and table == content, (content, table)
    assert layout(page)["cells"][0]["display"] == "table-cell"


def test_the_cards_scroll_with_the_page_not_inside_a_box(story_page: Callable[..., Page]) -> None:
    """At 390 px the cards are not a scroll area inside the page: the last card is reached by scrolling the page."""
    page = story_page("data_table--many-rows", "light--mobile")
    region = page.locator(".cab-data-table__scroll")
    inner = region.evaluate("(box) => box.scrollHeight - box.clientHeight")
    assert inner <= 1, f"the cards scroll inside a box ({inner} px hidden in it)"
    last = page.locator(".cab-data-table__table tbody tr:not([hidden])").last
    last.scroll_into_view_if_needed()
    box = last.bounding_box()
    assert box is not None and box["y"] + box["height"] <= 844, box
    # On a desktop the table keeps its own scroll region (the sticky header sticks inside it).
    page = story_page("data_table--many-rows", "light--desktop")
    assert page.locator(".cab-data-table__scroll").evaluate("(box) => box.scrollHeight > box.clientHeight")


def test_the_sort_bar_sorts_the_cards(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--many-rows", "light--mobile")
    price = page.get_by_role("columnheader", name="Price")
    button = price.get_by_role("button")
    assert page.locator("thead tr").evaluate("(row) => getComputedStyle(row, '::before').content") == (
        '"Sort by" / ""'
    )
    expect(button).to_be_visible()
    box = button.bounding_box()
    assert box is not None and box["width"] > 20 and box["x"] + box["width"] <= MOBILE
    button.click()
    expect(price).to_have_attribute("aria-sort", "ascending")
    values = [
        int(text.replace("₽", "").replace(" ", "").replace("\u00a0", "")) for text in visible_texts(page, 5)
    ]
    assert values == sorted(values) and values[0] < values[-1]
    button.press("Enter")  # the keyboard path: the chip is a button
    expect(price).to_have_attribute("aria-sort", "descending")


def test_the_sort_bar_shows_only_the_sortable_headers(story_page: Callable[..., Page]) -> None:
    page = story_page("data_table--long-text", "light--mobile")
    expect(
        page.get_by_role("columnheader", name="Client and legal entity").get_by_role("button")
    ).to_be_visible()
    # The other headers stay in the accessibility tree (they name the cells), unseen.
    for name in ("Note from the administrator", "Amount including VAT"):
        box = page.get_by_role("columnheader", name=name).bounding_box()
        assert box is not None and box["width"] <= 1 and box["height"] <= 1, (name, box)


@pytest.mark.parametrize("combination", ["light--mobile", "dark--mobile"])
def test_stacked_layout_keeps_table_semantics_and_passes_axe(
    story_pages: Any, live_server: Any, story_page: Callable[..., Page], combination: str
) -> None:
    page = story_page("data_table--typical", combination)
    table = page.get_by_role("table", name="Appointments")
    expect(table).to_be_visible()
    expect(table.get_by_role("row")).to_have_count(9)  # the header row and 8 rows
    expect(table.get_by_role("columnheader")).to_have_count(6)
    first = table.get_by_role("row").nth(1).get_by_role("cell")
    expect(first).to_have_count(6)
    # The drawn label is not part of the cell's text for assistive technology (the header names it).
    snapshot = page.locator("tbody tr").first.aria_snapshot()
    assert "Client" not in snapshot.split("\n")[1], snapshot
    probe: PageProbe = story_pages.probe(combination)
    check_axe(probe, f"data_table--typical [{combination}]")


def test_server_side_table_at_390_px(server_page: tuple[Page, str]) -> None:  # noqa: F811 (the fixture)
    """Search, filters, the sort bar, the pager and the row cards fit a phone, and sorting still goes to the server."""
    page, base = server_page  # the interaction tests' users page
    page.set_viewport_size({"width": MOBILE, "height": 844})
    page.goto(f"{base}/users/")
    seen = layout(page)
    assert seen["page"] <= MOBILE, seen["page"]
    assert [drawn_label(cell["drawn"]) for cell in seen["cells"][:2]] == ["User", "Team"]
    for control in (
        page.get_by_role("searchbox", name="Search"),
        page.get_by_role("button", name="Blue"),
        page.get_by_role("button", name="Next page"),
        page.get_by_role("columnheader", name="User").get_by_role("button"),
    ):
        box = control.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= MOBILE
    page.get_by_role("columnheader", name="User").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?sort=username")
    page.get_by_role("columnheader", name="User").get_by_role("button").click()
    expect(page).to_have_url(f"{base}/users/?sort=-username")
    expect(page.locator(ROWS).first).to_contain_text("user035")
    page.get_by_role("button", name="Next page").click()
    expect(page.locator(".cab-data-table__pager-summary")).to_have_text("Rows 11–20 of 35")
    assert layout(page)["page"] <= MOBILE
