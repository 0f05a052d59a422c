"""Storybook views: each only assembles context; discovery and rendering live elsewhere.

* :func:`index` - the storybook page (sidebar, toolbar, preview frame, tabs);
* :func:`index_json` - ``index.json`` for the browser harness and CI;
* :func:`story_json` - one story's details (controls, payload, sources, notes), loaded when opened;
* :func:`preview` - one story rendered in the preview page (the frame's content);
* :func:`stub` - the HTML a story's HTMX stub answers with;
* :func:`theme_stylesheet` - an example theme's stylesheet for the toolbar's theme menu;
* :func:`coverage` - components without stories, enum values no story uses;
* :func:`tokens_check` / :func:`tokens_stylesheet` - the token panel's edit checked, and its stylesheet.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.http import require_GET

from .access import storybook_view
from .catalogue import index_data, story_details, ui_data
from .coverage import compute_coverage
from .discovery import CollectedStory, get_collection, get_story
from .labels import ui_labels
from .rendering import as_safe_html, parse_options, render_preview
from .themes import theme_css
from .tokens import TokenRequestError, edited_css, evaluate, panel_data, parse_edit


def _story_or_404(story_id: str) -> CollectedStory:
    collected = get_story(story_id)
    if collected is None:
        raise Http404(f"No story {story_id!r}.")
    return collected


@require_GET
@storybook_view
def index(request: HttpRequest) -> HttpResponse:
    data = ui_data(get_collection())
    data["axe_url"] = static("storybook/dist/axe.min.js")
    data["coverage_url"] = reverse("storybook:coverage")
    data["tokens"] = {
        **panel_data(),
        "check_url": reverse("storybook:tokens_check"),
        "css_url": reverse("storybook:tokens_css"),
    }
    return render(
        request, "storybook/index.html", {"storybook_data": data, "labels": ui_labels(), "export": False}
    )


@require_GET
@storybook_view
def index_json(request: HttpRequest) -> JsonResponse:
    return JsonResponse(index_data(get_collection()), json_dumps_params={"ensure_ascii": False, "indent": 1})


@require_GET
@storybook_view
def story_json(request: HttpRequest, story_id: str) -> JsonResponse:
    """What the storybook page shows about a story besides its preview, fetched when it is opened."""
    collected = _story_or_404(story_id)
    return JsonResponse(story_details(collected), json_dumps_params={"ensure_ascii": False})


@require_GET
@storybook_view
def preview(request: HttpRequest, story_id: str) -> HttpResponse:
    collected = _story_or_404(story_id)
    html, _valid = render_preview(
        request,
        collected,
        parse_options(request.GET),
        stub_url=lambda number: reverse("storybook:stub", args=[story_id, number]),
        theme_url=lambda name: reverse("storybook:theme", args=[name]),
    )
    return HttpResponse(html)


@require_GET
@storybook_view
def stub(request: HttpRequest, story_id: str, number: int) -> HttpResponse:
    collected = _story_or_404(story_id)
    answers = list(collected.story.htmx.values())
    if number >= len(answers):
        raise Http404(f"Story {story_id!r} has no HTMX stub {number}.")
    return HttpResponse(as_safe_html(answers[number]))


@require_GET
@storybook_view
def theme_stylesheet(request: HttpRequest, name: str) -> HttpResponse:
    css = theme_css(name)
    if css is None:
        raise Http404(f"No example theme {name!r}.")
    return HttpResponse(css, content_type="text/css; charset=utf-8")


@require_GET
@storybook_view
def coverage(request: HttpRequest) -> HttpResponse:
    collection = get_collection()
    context = {
        "coverage": compute_coverage(collection),
        "errors": [str(error) for error in collection.errors],
        "storybook_url": reverse("storybook:index"),
    }
    return render(request, "storybook/coverage.html", context)


@require_GET
@storybook_view
def tokens_check(request: HttpRequest) -> JsonResponse:
    """The token panel's edit (``?base=<theme>&tokens=<JSON>``) validated, contrast-checked, exported."""
    try:
        base, overrides = parse_edit(request.GET)
    except TokenRequestError as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(evaluate(base, overrides), json_dumps_params={"ensure_ascii": False})


@require_GET
@storybook_view
def tokens_stylesheet(request: HttpRequest) -> HttpResponse:
    """The stylesheet of the token panel's edit, linked last in the preview."""
    try:
        base, overrides = parse_edit(request.GET)
        css = edited_css(base, overrides)
    except ValueError as error:  # TokenRequestError, ThemeError
        comment = str(error).replace("*/", "* /")
        return HttpResponse(f"/* {comment} */\n", status=400, content_type="text/css; charset=utf-8")
    return HttpResponse(css, content_type="text/css; charset=utf-8")
