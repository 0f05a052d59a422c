"""The storybook's views through Django's test client: access, catalogue, previews, stubs, coverage."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.discovery import get_collection, use_stories
from codex_django.storybook.story import Story
from codex_django.storybook.values import encode_values

KPI = Story(
    component="kpi",
    name="Typical",
    kwargs={
        "metric": MetricWidgetData(label="New clients", value="142", trend_direction="up", url="/clients/")
    },
    htmx={"/clients/": '<p class="stubbed">Client list</p>'},
)
URLS = [
    "/storybook/",
    "/storybook/index.json",
    "/storybook/coverage/",
    "/storybook/preview/kpi--typical/",
    "/storybook/tokens/check/",
    "/storybook/tokens/theme.css",
]


@pytest.fixture
def stories() -> Iterator[None]:
    with use_stories([KPI]):
        yield


@pytest.fixture
def debug(settings: Any) -> None:
    settings.DEBUG = True


@pytest.mark.parametrize("url", URLS)
def test_off_outside_debug_unless_enabled(url: str, client: Client, stories: None) -> None:
    assert client.get(url).status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_enabled_in_production_is_staff_only(url: str, client: Client, settings: Any, stories: None) -> None:
    settings.CODEX_CABINET = {"STORYBOOK_ENABLED": True}
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={url}"
    client.force_login(User.objects.create_user("visitor"))
    assert client.get(url).status_code == 403
    client.force_login(User.objects.create_user("staff", is_staff=True))
    assert client.get(url).status_code == 200


def test_index_json_lists_every_story(client: Client, debug: None) -> None:
    data = client.get("/storybook/index.json").json()
    assert [entry["id"] for entry in data["stories"]] == [
        collected.id for collected in get_collection().stories
    ]
    assert data["ready"] == {
        "attribute": "data-story-ready",
        "selector": "[data-story-ready=true]",
        "value": "true",
    }
    assert data["errors"] == []


def test_index_json_entry(client: Client, debug: None, stories: None) -> None:
    (entry,) = client.get("/storybook/index.json").json()["stories"]
    assert entry["id"] == "kpi--typical"
    assert entry["component"] == "kpi"
    assert entry["name"] == "Typical"
    assert entry["status"] == "stable"
    assert entry["render_url"] == "/storybook/preview/kpi--typical/?theme=light&locale=en&dir=ltr"
    assert [(item["key"], item["width"], item["height"]) for item in entry["combinations"]] == [
        ("light--desktop", 1280, 800),
        ("light--mobile", 390, 844),
        ("dark--desktop", 1280, 800),
        ("dark--mobile", 390, 844),
    ]
    assert entry["combinations"][2]["url"] == "/storybook/preview/kpi--typical/?theme=dark&locale=en&dir=ltr"


def test_index_json_screenshots_first_story_everywhere_others_in_light_desktop_and_their_own(
    client: Client, debug: None
) -> None:
    """The harness's matrix: a component's first story in all four, the others light--desktop plus their own."""
    second = Story(component="kpi", name="Second", kwargs=KPI.kwargs)
    phone = Story(component="kpi", name="Phone", kwargs=KPI.kwargs, screenshots=("light--mobile",))
    with use_stories([KPI, second, phone]):
        stories = client.get("/storybook/index.json").json()["stories"]
    keys = {entry["id"]: [item["key"] for item in entry["combinations"]] for entry in stories}
    assert keys == {
        "kpi--typical": ["light--desktop", "light--mobile", "dark--desktop", "dark--mobile"],
        "kpi--second": ["light--desktop"],
        "kpi--phone": ["light--desktop", "light--mobile"],
    }


@pytest.mark.parametrize("screenshots", [("dark--tablet",), "dark--desktop"])
def test_story_refuses_an_unknown_screenshot_combination(screenshots: Any) -> None:
    with pytest.raises(ValueError) as error:
        Story(component="kpi", name="Odd", kwargs={}, screenshots=screenshots)
    assert str(error.value).startswith("Story 'kpi--odd': screenshots must be a tuple of ('light--desktop', ")
    assert repr(screenshots) in str(error.value)


def json_script(html: str, element_id: str) -> dict[str, Any]:
    """The data of the ``json_script`` element ``element_id`` in a page."""
    opening = f'<script id="{element_id}" type="application/json">'
    start = html.index(opening) + len(opening)
    return dict(json.loads(html[start : html.index("</script>", start)]))


def preview_state(html: str) -> dict[str, Any]:
    return json_script(html, "storybook-preview")


def test_preview_renders_the_story_in_the_preview_page(client: Client, debug: None, stories: None) -> None:
    response = client.get("/storybook/preview/kpi--typical/?theme=dark&locale=ru&dir=rtl")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru" dir="rtl" data-bs-theme="dark">' in html
    assert "cabinet/dist/cabinet.rtl.css" in html
    assert '<p class="cab-kpi__value">142</p>' in html
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "unsafe-inline" not in response["Content-Security-Policy"]
    state = preview_state(html)
    assert state["story"] == "kpi--typical"
    assert state["stubs"] == {"/clients/": "/storybook/stub/kpi--typical/0/"}
    assert state["problems"] == []
    assert state["html"].startswith('<figure class="cab-kpi cab-kpi--link">')
    assert state["usage"].startswith('{% component "kpi" metric=metric / %}')


def test_preview_page_has_the_shells_one_modal_host(client: Client, debug: None, stories: None) -> None:
    """Modal triggers in a story need the host base.html has; the served preview embeds no stub HTML."""
    html = client.get("/storybook/preview/kpi--typical/").content.decode()
    assert html.count('id="cab-modal-host"') == 1
    assert 'x-data="cabModalHost"' in html
    assert 'id="cab-sb-request-notice"' in html  # what a request without a stub shows
    assert preview_state(html)["stub_bodies"] == {}


def test_a_modal_host_story_keeps_one_host(client: Client, debug: None) -> None:
    from codex_django.cabinet.components.modal_host.stories import STORIES

    with use_stories(STORIES[:2]):
        html = client.get("/storybook/preview/modal_host--open-appointment/").content.decode()
    assert html.count('id="cab-modal-host"') == 1
    assert 'data-open-url="/stories/modal/appointment/"' in html  # the story's own host, not the page's


def test_preview_with_changed_values(client: Client, debug: None, stories: None) -> None:
    values = encode_values({"metric": {"label": "Visits", "value": "99", "trend_direction": "down"}})
    html = client.get(f"/storybook/preview/kpi--typical/?values={values}").content.decode()
    assert '<p class="cab-kpi__value">99</p>' in html
    assert "trend_direction='down'" in preview_state(html)["usage"]


def test_invalid_values_show_the_contract_error_in_place(client: Client, debug: None, stories: None) -> None:
    values = encode_values({"metric": {"label": "Visits", "value": "99", "trend_direction": "sideways"}})
    response = client.get(f"/storybook/preview/kpi--typical/?values={values}")
    html = response.content.decode()
    assert response.status_code == 200
    assert "The values are not valid for the contract:" in html
    assert "<code>metric.trend_direction</code>: Input should be &#x27;up&#x27;, &#x27;down&#x27; or" in html
    assert 'class="cab-kpi' not in html
    assert preview_state(html)["problems"] == [
        {
            "kwarg": "metric",
            "field": "trend_direction",
            "path": "metric.trend_direction",
            "message": "Input should be 'up', 'down' or 'neutral' (got 'sideways')",
        }
    ]


def test_garbled_values_parameter_is_reported(client: Client, debug: None, stories: None) -> None:
    html = client.get("/storybook/preview/kpi--typical/?values=***").content.decode()
    assert "the values parameter is not base64url-encoded JSON" in html


def test_unknown_story_and_stub(client: Client, debug: None, stories: None) -> None:
    assert client.get("/storybook/preview/kpi--nope/").status_code == 404
    assert client.get("/storybook/stub/kpi--typical/1/").status_code == 404


def test_stub_answers_with_the_story_html(client: Client, debug: None, stories: None) -> None:
    response = client.get("/storybook/stub/kpi--typical/0/")
    assert response.status_code == 200
    assert response.content == b'<p class="stubbed">Client list</p>'


def test_storybook_page_embeds_its_data(client: Client, debug: None, stories: None) -> None:
    html = client.get("/storybook/").content.decode()
    assert '<script id="storybook-data" type="application/json">' in html
    assert "<script>" not in html and " style=" not in html
    data = json_script(html, "storybook-data")
    assert data["mode"] == "live"
    assert data["preview_template"] == "/storybook/preview/{id}/"
    assert data["story_template"] == "/storybook/story/{id}.json"
    # Only what the sidebar and toolbar need: the rest loads when the story is opened.
    (story,) = data["stories"]
    assert story == {
        "id": "kpi--typical",
        "component": "kpi",
        "name": "Typical",
        "tags": [],
        "status": "stable",
        "viewport": None,
    }


def test_story_details_load_from_their_own_url(client: Client, debug: None, stories: None) -> None:
    response = client.get("/storybook/story/kpi--typical.json")
    assert response.status_code == 200
    details = response.json()
    assert sorted(details) == [
        "contract_html",
        "controls",
        "fields",
        "notes_html",
        "payload",
        "story_source",
        "template_source",
    ]
    assert details["payload"]["metric"]["label"] == "New clients"
    assert "cab-kpi__value" in details["template_source"]
    assert details["story_source"].startswith("Story(\n")
    assert '<th scope="row"><code>trend_direction</code></th>' in details["contract_html"]
    assert client.get("/storybook/story/kpi--nothing.json").status_code == 404


def test_storybook_page_stays_small_with_every_story(client: Client, debug: None) -> None:
    """The page embeds a short entry per story (it was 1.3 MB with every story's sources and fields)."""
    html = client.get("/storybook/").content
    stories = len(get_collection().stories)
    assert stories > 100
    assert len(html) < 150_000, f"{len(html)} bytes for {stories} stories"


def test_coverage_page(client: Client, debug: None, stories: None) -> None:
    html = client.get("/storybook/coverage/").content.decode()
    assert "Components without a story:" in html
    assert "<code>metric.trend_direction</code>" in html
    assert "down, neutral" in html


def test_storybook_page_speaks_russian(client: Client, debug: None, stories: None) -> None:
    html = client.get("/storybook/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="ru"' in html
    assert "<title>Витрина компонентов</title>" in html
    assert json_script(html, "storybook-labels")["customViewport"] == "Свой размер"


def test_preview_problems_follow_the_preview_locale(client: Client, debug: None, stories: None) -> None:
    values = encode_values({"metric": {"label": "A"}})
    html = client.get(f"/storybook/preview/kpi--typical/?locale=ru&values={values}").content.decode()
    assert "Значения не соответствуют контракту:" in html


def test_example_theme_stylesheets(client: Client, debug: None, stories: None) -> None:
    response = client.get("/storybook/theme/ocean.css")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert "--cab-brand:" in response.content.decode()
    assert client.get("/storybook/theme/default.css").status_code == 404
    assert client.get("/storybook/theme/nope.css").status_code == 404
    html = client.get("/storybook/preview/kpi--typical/").content.decode()
    assert 'data-themes="{&quot;forest&quot;: &quot;/storybook/theme/forest.css&quot;, ' in html


# --- the token panel ------------------------------------------------------------------------------


def tokens_get(client: Client, path: str, base: str = "default", **tokens: str) -> Any:
    edit = {name.replace("__", ".").replace("_", "-"): value for name, value in tokens.items()}
    return client.get(f"/storybook/tokens/{path}", {"base": base, "tokens": json.dumps(edit)})


def test_token_check_resolves_the_edit_checks_contrast_and_exports_it(client: Client, debug: None) -> None:
    data = tokens_get(client, "check/", light__brand="#0f766e").json()
    assert data["ok"] is True and data["problems"] == []
    assert data["tokens"]["light.brand"] == "#0f766e"
    assert data["tokens"]["light.brand-hover"] != "#4338ca"  # a companion derived from the new brand
    assert data["contrast"] == []  # a dark teal passes in both modes
    assert data["changed"]["light.brand"] == "#0f766e"
    assert "'light.brand': '#0f766e'," in data["snippet"]
    assert data["dtcg"]["color"]["light"]["brand"]["$value"]["hex"] == "#0f766e"


def test_token_check_lists_contrast_failures_by_pair(client: Client, debug: None) -> None:
    data = tokens_get(client, "check/", light__brand="#ffff00").json()
    assert data["ok"] is True  # applied: the designer sees it, with the warnings
    names = {pair["name"] for pair in data["contrast"]}
    assert "light: brand on surface" in names
    assert all(pair["passed"] is False and pair["ratio"] < pair["minimum"] for pair in data["contrast"])


def test_token_check_names_each_bad_token_and_applies_nothing(client: Client, debug: None) -> None:
    response = client.get(
        "/storybook/tokens/check/",
        {"tokens": json.dumps({"light.brand": "#12", "radius": "big", "lihgt.text": "#000000"})},
    )
    assert response.status_code == 200
    data = response.json()
    assert data["ok"] is False and "tokens" not in data
    assert "light.brand: '#12' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)" in data["problems"]
    assert "unknown token 'lihgt.text' (did you mean 'light.text'?)" in data["problems"]
    assert any(problem.startswith("radius: 'big'") for problem in data["problems"])


def test_token_check_starts_from_an_example_theme(client: Client, debug: None) -> None:
    from codex_django.cabinet.theme import example_theme

    data = tokens_get(client, "check/", base="ocean", radius="4px").json()
    ocean = example_theme("ocean").tokens()
    assert data["tokens"]["light.brand"] == ocean["light.brand"]
    assert data["changed"]["radius"] == "4px"
    assert data["changed"]["light.brand"] == ocean["light.brand"]  # the export is against the default theme


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ({"tokens": "{not json"}, "the tokens parameter is not JSON"),
        ({"tokens": "[1, 2]"}, "the tokens parameter must be a JSON object, got list"),
        ({"base": "neon", "tokens": "{}"}, "unknown base theme 'neon'; use one of: default, "),
        ({"tokens": "x" * 9000}, "the tokens parameter is 9000 characters long; at most 8000"),
    ],
)
def test_token_requests_that_are_malformed_get_400_saying_why(
    query: dict[str, str], message: str, client: Client, debug: None
) -> None:
    response = client.get("/storybook/tokens/check/", query)
    assert response.status_code == 400
    assert response.json()["error"].startswith(message)
    css = client.get("/storybook/tokens/theme.css", query)
    assert css.status_code == 400
    assert css["Content-Type"] == "text/css; charset=utf-8"
    assert message in css.content.decode()


def test_token_stylesheet_is_the_edited_theme(client: Client, debug: None) -> None:
    response = tokens_get(client, "theme.css", light__brand="#0f766e", dark__brand="#2dd4bf")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    css = response.content.decode()
    assert "--cab-brand: #0f766e;" in css
    assert "--cab-brand: #2dd4bf;" in css
    invalid = tokens_get(client, "theme.css", light__brand="teal")
    assert invalid.status_code == 400
    assert "light.brand: 'teal' is not a hex colour" in invalid.content.decode()


def test_storybook_page_carries_the_token_panel(client: Client, debug: None, stories: None) -> None:
    html = client.get("/storybook/").content.decode()
    assert 'id="cab-sb-tab-tokens"' in html
    data = json.loads(
        html.split('<script id="storybook-data" type="application/json">')[1].split("</script>")[0]
    )
    tokens = data["tokens"]
    assert tokens["check_url"] == "/storybook/tokens/check/"
    assert {"name": "brand", "description": tokens["colours"][0]["description"]} == tokens["colours"][0]
    assert set(tokens["bases"]) == {"default", "ocean", "forest"}
    assert tokens["bases"]["default"]["light.brand"] == "#4f46e5"
