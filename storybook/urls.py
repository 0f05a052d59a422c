"""Storybook URLs, namespaced ``storybook``.

Install with one line in the project's URLconf::

    path("storybook/", include("codex_django.storybook.urls")),
"""

from __future__ import annotations

from django.urls import path

from . import views

app_name = "storybook"

urlpatterns = [
    # The browsable storybook.
    path("", views.index, name="index"),
    path("coverage/", views.coverage, name="coverage"),
    # Machine-readable catalogue (browser harness, CI).
    path("index.json", views.index_json, name="index_json"),
    # One story's details for the storybook page (controls, sources, contract, notes).
    path("story/<str:story_id>.json", views.story_json, name="story"),
    # What the preview frame loads.
    path("preview/<str:story_id>/", views.preview, name="preview"),
    path("stub/<str:story_id>/<int:number>/", views.stub, name="stub"),
    path("theme/<slug:name>.css", views.theme_stylesheet, name="theme"),
    # The token panel: an edit checked (JSON) and rendered (CSS).
    path("tokens/check/", views.tokens_check, name="tokens_check"),
    path("tokens/theme.css", views.tokens_stylesheet, name="tokens_css"),
]
