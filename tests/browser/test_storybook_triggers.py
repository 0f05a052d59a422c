"""Triggers in stories do something visible: modal triggers open the preview's modal host.

The preview page carries the shell's one modal host (``cabinet/includes/_modal_base.html``),
so a ``modal_trigger`` story opens a real ``<dialog>`` whose body comes from the story's
HTMX stub. A request no stub answers (an action button inside a modal, a sort link of a
server-side table) is not sent: the preview shows a notice naming it instead of a 404.
"""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Locator, Page, expect

from codex_django.cabinet.components.modal_host import stories as host_stories
from codex_django.cabinet.components.modal_trigger import stories as trigger_stories
from codex_django.storybook.discovery import get_collection, use_stories
from codex_django.storybook.rendering import fragment_html
from codex_django.storybook.story import Story

from .harness import PageProbe, check_csp, wait_until

DIALOG = "#cab-modal-host dialog"
DIALOG_OPEN = f"document.querySelector('{DIALOG}').open"
ACTIVE_IN_DIALOG = f"document.querySelector('{DIALOG}').contains(document.activeElement)"
NOTICE = "#cab-sb-request-notice"
# What a person clicks or types into to reach the server: an htmx verb or a modal URL.
TRIGGERS = ", ".join(
    f"#story-root {tag}[{attribute}]"
    for tag in ("button", "a", "input")
    for attribute in ("data-cab-modal-url", "hx-get", "hx-post", "hx-put", "hx-patch", "hx-delete")
)


def story_ids(component: str) -> list[str]:
    return [collected.id for collected in get_collection().stories if collected.component == component]


def open_and_close_by_keyboard(page: Page, trigger_selector: str) -> str:
    """Click the trigger, check the dialog's title (shown, focused, labelling it), close with Esc."""
    trigger = page.locator(trigger_selector)
    trigger.click()
    wait_until(page, DIALOG_OPEN)
    title = page.locator(f"{DIALOG} #cab-modal-body").locator("[data-cab-modal-title], h1, h2, h3").first
    expect(title).to_be_visible()
    wait_until(page, ACTIVE_IN_DIALOG)
    # No field in the content: focus goes to its title, which labels the dialog.
    expect(title).to_be_focused()
    labelled_by = page.get_attribute(DIALOG, "aria-labelledby")
    assert labelled_by and labelled_by == title.get_attribute("id"), labelled_by
    text = title.inner_text()
    page.keyboard.press("Escape")
    wait_until(page, f"!{DIALOG_OPEN}")
    assert page.evaluate(
        "(selector) => document.activeElement === document.querySelector(selector)", trigger_selector
    ), "focus did not return to the trigger"
    return text


@pytest.mark.parametrize("story_id", story_ids("modal_trigger"))
def test_modal_trigger_story_opens_its_modal(story_page: Any, story_id: str) -> None:
    page = story_page(story_id)
    title = open_and_close_by_keyboard(page, "#story-root .cab-modal-trigger")
    assert title == "Запись #42"
    # A second round trip works the same (the body was emptied on close, then filled again).
    assert open_and_close_by_keyboard(page, "#story-root .cab-modal-trigger") == "Запись #42"


def test_a_modal_without_a_stub_opens_and_says_so(story_page: Any) -> None:
    """A trigger whose URL has no stub: the dialog opens, stops loading and names the request."""
    story = Story(component="modal_trigger", name="No stub", kwargs={"url": "/nowhere/", "label": "Open"})
    with use_stories([story]):
        page = story_page("modal_trigger--no-stub")
        page.locator("#story-root .cab-modal-trigger").click()
        wait_until(page, DIALOG_OPEN)
        notice = page.locator(f"{DIALOG} {NOTICE}")  # inside the dialog: the page behind is inert
        expect(notice).to_be_visible()
        expect(notice).to_contain_text("GET /nowhere/")
        expect(page.locator(f"{DIALOG} .cab-modal__loading")).to_be_hidden()
        page.keyboard.press("Escape")
        wait_until(page, f"!{DIALOG_OPEN}")
        expect(page.locator("#story-root .cab-modal-trigger")).to_be_focused()


# --- the static export ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The modal_trigger and modal_host stories exported (every preview page its own request)."""
    output = tmp_path_factory.mktemp("export") / "storybook"
    with use_stories([*trigger_stories.STORIES, *host_stories.STORIES[:2]]):
        call_command("export_storybook", output=str(output), verbosity=0)
    return output


@pytest.fixture(scope="module")
def static_host(exported: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(exported))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def export_page(storybook_browser: Browser) -> Iterator[PageProbe]:
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    probe = PageProbe.open(context)
    yield probe
    context.close()


def open_exported(probe: PageProbe, url: str) -> Page:
    page = probe.page
    page.goto(url)
    page.wait_for_selector("html[data-story-ready=true]", state="attached")
    return page


@pytest.mark.parametrize("story_id", ["modal_trigger--typical", "modal_trigger--large"])
def test_exported_trigger_opens_its_modal_from_a_static_host(
    static_host: str, export_page: PageProbe, story_id: str
) -> None:
    page = open_exported(export_page, f"{static_host}/preview/{story_id}/dark-en-ltr.html")
    assert open_and_close_by_keyboard(page, "#story-root .cab-modal-trigger") == "Запись #42"
    check_csp(export_page, story_id)


def test_exported_trigger_opens_its_modal_from_disk(exported: Path, export_page: PageProbe) -> None:
    """``file://`` pages cannot read other files: the preview answers from the stub bodies it embeds."""
    page = open_exported(export_page, (exported / "preview/modal_trigger--large/light-ru-ltr.html").as_uri())
    assert open_and_close_by_keyboard(page, "#story-root .cab-modal-trigger") == "Запись #42"
    check_csp(export_page, "modal_trigger--large (file://)")


# --- every trigger in every story -----------------------------------------------------------------

RECORD_SWAPS = """
window.__cabSwaps = [];
document.addEventListener("htmx:afterSettle", (event) => {
  const target = event.detail.target;
  const box = target && target.getBoundingClientRect();
  window.__cabSwaps.push(Boolean(box && box.width > 0 && box.height > 0));
});
"""
REQUEST_URL = """(el) => {
  const verb = ["get", "post", "put", "patch", "delete"].find((name) => el.hasAttribute("hx-" + name));
  return verb ? el.getAttribute("hx-" + verb) : el.dataset.cabModalUrl;
}"""
SOMETHING_VISIBLE = f"""(() => {{
  const dialog = document.querySelector('{DIALOG}');
  const notice = document.getElementById('cab-sb-request-notice');
  if (dialog && dialog.open && document.getElementById('cab-modal-body').childElementCount) return 'modal';
  if (notice && !notice.hidden && notice.checkVisibility()) return 'notice';
  if ((window.__cabSwaps || []).some(Boolean)) return 'swap';
  return '';
}})()"""


# One trigger of each kind: same element, verb, target, swap and stubbed-or-not behave alike
# (a story with 80 list links or 30 day buttons needs one of them clicked, not all).
DISTINCT_TRIGGERS = f"""(() => {{
  const stubs = JSON.parse(document.getElementById("storybook-preview").textContent).stubs;
  const seen = new Set();
  const picked = [];
  document.querySelectorAll({json.dumps(TRIGGERS)}).forEach((el, index) => {{
    const verb = ["get", "post", "put", "patch", "delete"].find((name) => el.hasAttribute("hx-" + name)) || "modal";
    const url = verb === "modal" ? el.dataset.cabModalUrl : el.getAttribute("hx-" + verb);
    const key = [el.tagName, el.type, verb, el.closest("[hx-target]")?.getAttribute("hx-target"),
      el.getAttribute("hx-swap"), url in stubs, el.disabled, el.checked].join("|");
    if (!seen.has(key)) {{
      seen.add(key);
      picked.push(index);
    }}
  }});
  return picked;
}})()"""
TRIGGER_HTML = re.compile(
    r"<(?:button|a|input)\b[^>]*\s(?:data-cab-modal-url|hx-(?:get|post|put|patch|delete))="
)


def stories_with_triggers() -> list[str]:
    """Stories with a button, link or field that opens a modal or makes an htmx request."""
    return [
        collected.id
        for collected in get_collection().stories
        if TRIGGER_HTML.search(fragment_html(collected.component, collected.kwargs, None))
    ]


@pytest.mark.parametrize("story_id", stories_with_triggers())
def test_every_trigger_in_the_story_does_something_visible(story_page: Any, story_id: str) -> None:
    """Use each trigger: a modal opens, a stub's answer is swapped in, or the notice names the request."""
    page = story_page(story_id)
    used = 0
    for index in page.evaluate(DISTINCT_TRIGGERS):
        trigger = page.locator(TRIGGERS).nth(index)
        described = trigger.evaluate("(el) => el.outerHTML.slice(0, 200)")
        url = trigger.evaluate(REQUEST_URL)
        if not use(page, trigger):
            continue
        used += 1
        try:
            wait_until(page, SOMETHING_VISIBLE)
        except AssertionError:
            raise AssertionError(f"{story_id}: using {described} showed nothing") from None
        if page.evaluate(SOMETHING_VISIBLE) == "notice":
            # The notice names the request and goes when dismissed; the story is unchanged.
            expect(page.locator(NOTICE)).to_contain_text(url)
            page.locator(NOTICE).get_by_role("button", name="Dismiss").click()
            expect(page.locator(NOTICE)).to_be_hidden()
        else:
            page = story_page(story_id)  # a modal or a swap changed the page: start afresh
    assert used, f"{story_id}: no trigger a person can use"


def use(page: Page, trigger: Locator) -> bool:
    """Click (or type into) the trigger as a person would; False when it cannot be used."""
    if trigger.is_disabled():
        return False
    page.evaluate(RECORD_SWAPS)
    page.once("dialog", lambda dialog: dialog.accept())  # hx-confirm asks first
    kind = trigger.evaluate("(el) => el.tagName === 'INPUT' ? el.type : ''")
    if kind in ("radio", "checkbox"):
        if kind == "radio" and trigger.is_checked():
            return False  # choosing the chosen day again changes nothing
        # Bootstrap's .btn-check inputs are hidden: people click their label.
        label = page.locator(f"label[for='{trigger.get_attribute('id')}']")
        if not label.is_visible():
            return False
        label.click()
    elif kind:
        if not trigger.is_visible():
            return False
        trigger.fill("An")
    else:
        if not trigger.is_visible():
            return False
        trigger.click()
    return True
