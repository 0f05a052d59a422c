"""``calendar_grid`` event colours in Chromium under the storybook's strict Content-Security-Policy.

Any CSS colour value (named, ``rgb()``/``hsl()``..., ``var(--x)``) reaches the
page in an escaped ``data-color`` and the component's script sets it through the
CSSOM; the ``story_page`` fixture fails the test on any CSP violation, so an
inline style would be caught.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.browser

STORY = "calendar_grid--css-colours"


def accent(page: Page, title: str) -> str:
    """The computed colour of the accent bar of the event titled ``title``."""
    colour: str = page.get_by_role("button", name=title, exact=False).evaluate(
        "(element) => getComputedStyle(element).borderInlineStartColor"
    )
    return colour


def resolved(page: Page, css: str) -> str:
    """What ``css`` computes to as a border colour inside the calendar (for theme variables)."""
    colour: str = page.evaluate(
        """(css) => {
            const probe = document.createElement("span");
            document.querySelector(".cab-cal").append(probe);
            probe.style.setProperty("border-inline-start", "1px solid " + css);
            const value = getComputedStyle(probe).borderInlineStartColor;
            probe.remove();
            return value;
        }""",
        css,
    )
    return colour


@pytest.mark.parametrize("combination", ["light--desktop", "dark--desktop"])
def test_css_colour_values_are_applied_under_the_strict_csp(
    story_page: Callable[..., Page], combination: str
) -> None:
    page = story_page(STORY, combination)
    expected = {
        "tomato": "rgb(255, 99, 71)",
        "rgb(16 185 129)": "rgb(16, 185, 129)",
        "rgba(239, 68, 68, 0.5)": "rgba(239, 68, 68, 0.5)",
        "hsl(262 83% 58%)": resolved(page, "hsl(262 83% 58%)"),
        "var(--salon-spa, teal)": "rgb(0, 128, 128)",
        "var(--cab-danger)": resolved(page, "var(--cab-danger)"),
        # An undefined custom property falls back to the primary colour, not to the text colour.
        "var(--not-defined)": resolved(page, "var(--bs-primary)"),
    }
    assert expected["var(--cab-danger)"] not in ("", "rgba(0, 0, 0, 0)")
    shown = {title: accent(page, f"{title}") for title in expected}
    assert shown == expected
    event = page.get_by_role("button", name="tomato")
    # Set by the script through the CSSOM (the served markup has no style attribute, see below).
    assert event.evaluate("(element) => element.style.getPropertyValue('--cab-cal-ev')") == "tomato"
    # The text keeps the theme's text colour whatever the event colour.
    text_colour = resolved(page, "var(--cab-text)")
    titles = page.locator(".cab-cal__event-title").evaluate_all(
        "(titles) => titles.map((title) => getComputedStyle(title).color)"
    )
    assert set(titles) == {text_colour}
    served = page.request.get(page.url).text()
    markup = served[served.index('<section class="cab-cal"') : served.index("</section>")]
    assert 'data-color="var(--salon-spa, teal)"' in markup and "style=" not in markup
