"""The ``story_page`` fixture component interaction tests use: a loaded, settled story."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.discovery import use_stories
from codex_django.storybook.story import Story

KPI = Story(
    component="kpi",
    name="Linked",
    kwargs={"metric": MetricWidgetData(label="Clients", value="7", url="/clients/")},
    htmx={"/clients/": '<p class="stubbed">Stubbed client list</p>'},
)


def test_story_page_opens_a_settled_story(story_page: Callable[..., Page]) -> None:
    with use_stories([KPI]):
        page = story_page("kpi--linked", "dark--mobile")
        expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")
        expect(page.locator(".cab-kpi__value")).to_have_text("7")
        assert page.viewport_size == {"width": 390, "height": 844}


def test_htmx_requests_to_payload_urls_are_answered_by_the_stub(story_page: Callable[..., Page]) -> None:
    with use_stories([KPI]):
        page = story_page("kpi--linked")
        page.evaluate(
            """() => {
                const target = document.createElement("div");
                target.id = "stub-target";
                document.body.append(target);
                return window.cabinetHtmx().then((htmx) => htmx.ajax("GET", "/clients/", {target: "#stub-target"}));
            }"""
        )
        expect(page.locator("#stub-target .stubbed")).to_have_text("Stubbed client list")
