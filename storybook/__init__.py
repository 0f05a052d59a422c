"""The component storybook: every cabinet component browsable with live controls.

Install it in any project to browse the library's components next to your own::

    INSTALLED_APPS = [..., "codex_django.cabinet", "codex_django.storybook"]
    urlpatterns = [..., path("storybook/", include("codex_django.storybook.urls"))]

It is served only when ``DEBUG`` is on or ``CODEX_CABINET["STORYBOOK_ENABLED"]``
is true (then staff only). Stories live in ``stories.py`` modules: beside each
component, and in any installed app (see :mod:`codex_django.storybook.story`).

Modules: :mod:`~.discovery` (finding and validating stories), :mod:`~.rendering`
(the preview page), :mod:`~.catalogue` (``index.json`` and the page's data),
:mod:`~.controls` / :mod:`~.fields_table` / :mod:`~.usage` (what the tabs show),
:mod:`~.coverage`, :mod:`~.export` (``manage.py export_storybook``), :mod:`~.fixed`
(frozen dates and seeded data for stories).
"""
