"""The fourth call syntax: slippers tags (``{% load cabinet_slippers %}{% CabKpi metric=m %}``).

Every component, with the payload of its first story, renders the same HTML
through ``{% CabName ... %}``, ``{% #CabName ... %}{% /CabName %}`` and
``{% component "name" ... / %}`` (django-components' random ``data-djc-id-…``
attributes and the per-render CSRF mask removed), DEBUG on and off, through
the real template loaders and a ``RequestContext`` (so ``request`` and
``csrf_token`` exist in the caller's context, as in a view). The slippers tags
render in slippers' isolated context; these tests show that what components
read from the context still arrives. Runs on Django 5.2 and (``make
test-py312``) Django 6.
"""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import django
import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.template import TemplateSyntaxError
from django.template.loader import get_template, render_to_string
from django.test import RequestFactory

from codex_django.cabinet.templatetags.cabinet_slippers import component_names, tag_name
from codex_django.cabinet.types.collections import ListViewData
from codex_django.cabinet.types.data_table import DataTableData
from codex_django.cabinet.types.widgets import MetricWidgetData, TableColumn, TableWidgetData
from codex_django.storybook.discovery import get_collection
from codex_django.storybook.usage import slippers_call, usage_snippet

pytest.importorskip(
    "slippers", reason="slippers is not installed (pip install 'codex-django-cabinet[slippers]')"
)

DJC_ID = re.compile(r' data-djc-id-\w+=""')
CSRF = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+"|(X-CSRFToken&quot;: &quot;)[^&]+')
LOAD = "{% load cabinet_slippers %}"


def squash(html: str) -> str:
    """Whitespace between tags removed (the slippers render adds a blank line around the component)."""
    return re.sub(r">\s+<", "><", html).strip()


def normalise(html: str) -> str:
    html = DJC_ID.sub("", html)
    return CSRF.sub(lambda m: f'{m[1]}TOKEN"' if m[1] else f"{m[2]}TOKEN", html).strip()


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


@pytest.fixture
def request_() -> HttpRequest:
    return RequestFactory().get("/cabinet/clients/?page=2")


def render_page(folder: Path, name: str, source: str, context: dict[str, Any], request: HttpRequest) -> str:
    """``source`` rendered as a view would; a fresh copy of ``request`` each time (modal_host renders once per
    request)."""
    (folder / name).write_text(source, encoding="utf-8")
    fresh = RequestFactory().get(request.get_full_path())
    fresh.user = getattr(request, "user", AnonymousUser())
    return normalise(render_to_string(name, context, request=fresh))


def first_story_kwargs(component: str) -> dict[str, Any]:
    stories = get_collection().by_component().get(component)
    assert stories, f"component {component!r} has no story"
    return stories[0].kwargs


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
@pytest.mark.parametrize("component", component_names())
def test_slippers_tags_render_the_component_html(
    pages: Path, settings: Any, request_: HttpRequest, component: str, debug: bool
) -> None:
    settings.DEBUG = debug
    kwargs = first_story_kwargs(component)
    names = " ".join(f"{key}={key}" for key in kwargs)
    tag = tag_name(component)
    expected = render_page(pages, "c.html", f'{{% component "{component}" {names} / %}}', kwargs, request_)
    assert expected.startswith("<") and "cab-" in expected
    usage = slippers_call(component, kwargs)  # what the storybook's usage tab shows
    assert usage.startswith("{# slippers: {% load cabinet_slippers %}{% " + tag) and usage.endswith(" #}")
    inline = render_page(
        pages, "inline.html", usage.removeprefix("{# slippers: ").removesuffix(" #}"), kwargs, request_
    )
    block = render_page(
        pages, "block.html", f"{LOAD}{{% #{tag} {names} %}}\n{{% /{tag} %}}", kwargs, request_
    )
    assert inline == expected
    assert block == expected


def test_every_component_has_a_prefixed_camel_case_tag() -> None:
    names = component_names()
    assert {"kpi", "data_table", "calendar_grid", "generic_modal"} <= set(names)
    assert [tag_name(n) for n in ("kpi", "data_table", "calendar_grid")] == [
        "CabKpi",
        "CabDataTable",
        "CabCalendarGrid",
    ]
    for component in (
        names
    ):  # the include entry each tag renders (generated: codex_django.cabinet.rendering.entry_templates)
        assert get_template(f"cabinet/components/{component}.html"), component


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_csrf_token_reaches_the_modal_form(
    pages: Path, settings: Any, request_: HttpRequest, debug: bool
) -> None:
    """slippers passes only ``request``; the tags forward ``csrf_token`` so the modal's POST is not a 403."""
    settings.DEBUG = debug
    from codex_django.cabinet.components.generic_modal import samples

    html = render_page(
        pages,
        "m.html",
        f"{LOAD}{{% CabGenericModal modal=m %}}",
        {"m": samples.comment_form_modal()},
        request_,
    )
    assert 'name="csrfmiddlewaretoken" value="TOKEN"' in html


def test_slot_content_fills_the_slot(pages: Path, settings: Any, request_: HttpRequest) -> None:
    cotton = render_page(
        pages,
        "cotton.html",
        '<c-cabinet.page-header title="Клиенты"><c-slot name="actions"><a href="/new/">New</a></c-slot>'
        "</c-cabinet.page-header>",
        {},
        request_,
    )
    block = render_page(
        pages,
        "b.html",
        LOAD + '{% #CabPageHeader title="Клиенты" %}<a href="/new/">New</a>{% /CabPageHeader %}',
        {},
        request_,
    )
    assert block == cotton and '<a href="/new/">New</a></div>' in block


def test_block_content_fills_split_panel_detail(pages: Path, request_: HttpRequest) -> None:
    context = {"p": first_story_kwargs("split_panel")["panel"]}
    expected = render_page(
        pages,
        "c.html",
        '{% component "split_panel" panel=p %}{% fill "detail" %}<p>Чат</p>{% endfill %}{% endcomponent %}',
        context,
        request_,
    )
    assert "<p>Чат</p>" in expected
    block = LOAD + "{% #CabSplitPanel panel=p %}<p>Чат</p>{% /CabSplitPanel %}"
    assert render_page(pages, "b.html", block, context, request_) == expected


def test_as_variable_keeps_the_html_for_later(pages: Path, request_: HttpRequest) -> None:
    context = {"m": MetricWidgetData(label="Выручка", value="18 500")}
    html = render_page(
        pages, "a.html", LOAD + "{% CabKpi metric=m as kpi %}<div>{{ kpi }}</div>", context, request_
    )
    assert html.startswith("<div>") and "Выручка" in html and '<figure class="cab-kpi' in html


@pytest.mark.django_db
@pytest.mark.parametrize("component", ["data_table", "calendar_grid", "kpi"])
def test_whole_page_gets_the_components_stylesheet(
    pages: Path, request_: HttpRequest, component: str
) -> None:
    """Like an include, the slippers render leaves the component's CSS/JS to the page (``<head>`` links)."""
    kwargs = first_story_kwargs(component)
    names = " ".join(f"{key}={key}" for key in kwargs)
    request_.user = AnonymousUser()
    page = '{% extends "cabinet/base_cabinet.html" %}{% block content %}BODY{% endblock %}'
    body = f'{{% component "{component}" {names} / %}}'
    expected = render_page(pages, "c.html", page.replace("BODY", body), kwargs, request_)
    assert f'href="/static/cabinet/dist/components/{component}.css"' in expected
    tag = f"{{% load cabinet_slippers %}}{{% {tag_name(component)} {names} %}}"
    assert squash(render_page(pages, "s.html", page.replace("BODY", tag), kwargs, request_)) == squash(
        expected
    )


def test_user_data_stays_escaped(pages: Path, request_: HttpRequest) -> None:
    table = TableWidgetData(
        columns=[TableColumn(key="name", label="<i>Клиент</i>")], rows=[{"name": "<script>x</script>"}]
    )
    context = {"t": table, "title": "<b>Платежи</b>"}
    html = render_page(pages, "x.html", LOAD + "{% CabTableWidget table=t title=title %}", context, request_)
    assert "<script>" not in html and "<b>" not in html and "<i>" not in html
    assert "&lt;script&gt;x&lt;/script&gt;" in html and "&lt;b&gt;Платежи&lt;/b&gt;" in html
    expected = render_page(
        pages, "c.html", '{% component "table_widget" table=t title=title / %}', context, request_
    )
    assert html == expected


def test_usage_tab_has_no_slippers_line_for_a_project_component() -> None:
    assert "slippers" not in usage_snippet("my_widget", {"x": 1})
    assert "{% CabKpi metric=metric %}" in usage_snippet(
        "kpi", {"metric": MetricWidgetData(label="L", value="1")}
    )


def test_content_in_a_slotless_component_is_an_error(pages: Path, request_: HttpRequest) -> None:
    source = LOAD + "{% #CabKpi metric=m %}<b>lost</b>{% /CabKpi %}"
    with pytest.raises(TemplateSyntaxError, match=r"{% #CabKpi %}: the component 'kpi' has no slot"):
        render_page(pages, "k.html", source, {"m": MetricWidgetData(label="L", value="1")}, request_)


def test_unknown_attribute_is_an_error_naming_it(pages: Path, request_: HttpRequest) -> None:
    source = LOAD + '{% CabStatusBadge text="Paid" color="success" %}'
    with pytest.raises(TemplateSyntaxError, match=r"CabStatusBadge.*'status_badge'.*'color'.*style"):
        render_page(pages, "u.html", source, {}, request_)


def test_data_table_badge_map_from_the_callers_context(pages: Path, request_: HttpRequest) -> None:
    """A column's ``badge_key`` naming a context variable: forwarded, or given as an attribute."""
    table = DataTableData(
        columns=[TableColumn(key="status", label="Status", badge_key="status_colours")],
        rows=[{"status": "paid"}],
    )
    context = {"t": table, "status_colours": {"paid": "success"}, "other": {"paid": "danger"}}
    expected = render_page(pages, "c.html", '{% component "data_table" table=t / %}', context, request_)
    assert "cab-status-badge--success" in expected
    assert render_page(pages, "s.html", LOAD + "{% CabDataTable table=t %}", context, request_) == expected
    given = render_page(
        pages, "g.html", LOAD + "{% CabDataTable table=t status_colours=other %}", context, request_
    )
    assert "cab-status-badge--danger" in given


def test_list_view_id_reaches_the_component(pages: Path, request_: HttpRequest) -> None:
    """The include entry point (which the slippers tag renders) passes ``id`` on."""
    listing = first_story_kwargs("list_view")["list"]
    assert isinstance(listing, ListViewData)
    context = {"l": listing}
    expected = render_page(
        pages, "c.html", '{% component "list_view" list=l id="clients" / %}', context, request_
    )
    assert 'id="clients' in expected
    include = '{% include "cabinet/components/list_view.html" with list=l id="clients" %}'
    assert render_page(pages, "i.html", include, context, request_) == expected
    assert (
        render_page(pages, "s.html", LOAD + '{% CabListView list=l id="clients" %}', context, request_)
        == expected
    )


def test_hyphenated_attribute_names(pages: Path, request_: HttpRequest) -> None:
    """Hyphens: a literal value under a hyphenated name parses on Django 5.2 and 6 (and is refused as unknown:
    no component takes one); a hyphenated *variable* is refused by Django 6's template parser."""
    with pytest.raises(TemplateSyntaxError, match="'aria-label'"):
        render_page(pages, "h.html", LOAD + '{% CabStatusBadge text="x" aria-label="y" %}', {}, request_)
    source = LOAD + "{% CabStatusBadge text=badge-text %}"
    if django.VERSION >= (6, 0):
        with pytest.raises(
            TemplateSyntaxError, match=r"Invalid character \('-'\) in variable name: 'badge-text'"
        ):
            render_page(pages, "v.html", source, {"badge-text": "Paid"}, request_)
    else:
        assert ">Paid</span>" in render_page(pages, "v.html", source, {"badge-text": "Paid"}, request_)
