"""A test-only page showing many hostile renders at once, under the cabinet's CSP.

``/hostile/batch/<key>/`` serves the renders the test stored in
:data:`BATCHES` (HTML the components produced server-side, each in a
``<section data-hostile-render="<n>">``) inside a page that links the cabinet
bundle exactly as a cabinet page does. The CSP middleware adds the strict
policy, so an injected handler or script is blocked *and reported*.
"""

from __future__ import annotations

from pathlib import Path

from django.http import Http404, HttpRequest, HttpResponse
from django.template import engines
from django.utils.safestring import mark_safe

BATCHES: dict[str, list[tuple[int, str]]] = {}

PAGE = """{% load cabinet %}<!doctype html>
<html lang="en" data-bs-theme="light">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <link rel="icon" href="data:,">
  <title>Hostile batch {{ key }}</title>
  <script src="/hostile/batch/ready.js" defer></script>
  {% cabinet_htmx_config %}
  {% cabinet_css %}
  {% cabinet_js %}
  <link rel="stylesheet" href="/hostile/batch/style.css">
</head>
<body class="cab-hostile-batch">
  <main>
    {% for number, html in renders %}<section data-hostile-render="{{ number }}">{{ html }}</section>
    {% endfor %}
  </main>
</body>
</html>
"""


# Renders off screen are not laid out or painted (10,000-character words cost seconds),
# but they are parsed, their images load and Alpine and htmx start on them.
BATCH_CSS = "section[data-hostile-render] { content-visibility: auto; contain-intrinsic-size: auto 120px; }\n"


def batch_css(request: HttpRequest) -> HttpResponse:
    return HttpResponse(BATCH_CSS, content_type="text/css")


# Sets <html data-story-ready="true"> once the page has settled (see the file): the test waits on it.
READY_JS = Path(__file__).with_name("ready.js")


def batch_ready_js(request: HttpRequest) -> HttpResponse:
    return HttpResponse(READY_JS.read_text(encoding="utf-8"), content_type="text/javascript")


def batch(request: HttpRequest, key: str) -> HttpResponse:
    renders = BATCHES.get(key)
    if renders is None:
        raise Http404(f"No hostile batch {key!r}.")
    template = engines["django"].from_string(PAGE)
    # The renders are the components' own output (already escaped by their templates):
    # showing that output unchanged is the point of the page.
    shown = [(number, mark_safe(html)) for number, html in renders]
    return HttpResponse(template.render({"key": key, "renders": shown}, request))
