"""Every component renders the same HTML through its three call syntaxes.

``{% component "kpi" metric=m / %}``, ``<c-cabinet.kpi :metric="m" />`` (django-cotton)
and ``{% include "cabinet/components/kpi.html" with metric=m %}`` (plus the widget
includes ``cabinet/widgets/<kpi|table|list>.html``) must give identical markup once
django-components' random ``data-djc-id-…`` attributes are removed, with DEBUG on
and off (cotton's lexer problem showed in the DEBUG-independent parser; see
``tests/unit/test_cotton_compat.py``). Pages go through the real template loaders.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string

from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def normalise(html: str) -> str:
    return DJC_ID.sub("", html).strip()


def squash(html: str) -> str:
    """Whitespace between and around tags removed, other runs of whitespace made one space."""
    return re.sub(r"\s+", " ", re.sub(r">\s+|\s+<", lambda m: m.group().strip(), html)).strip()


METRIC = MetricWidgetData(
    label="Новые клиенты <b>",
    value="1 420",
    unit="₽",
    trend_value="+12%",
    trend_label="за неделю",
    trend_direction="up",
    icon="bi-people",
    url="/cabinet/clients/",
)
TABLE = TableWidgetData(
    columns=[
        TableColumn(key="name", label="Клиент", bold=True),
        TableColumn(key="date", label="Дата", muted=True),
        TableColumn(key="amount", label="Сумма", align="right"),
    ],
    rows=[
        {"name": "Иван П.", "date": "01.04.2026", "amount": "3 500 ₽"},
        {"name": "<script>x</script>", "date": None, "amount": 1200},
    ],
)
LIST = ListWidgetData(
    title="Топ клиенты",
    subtitle="за месяц",
    icon="bi-trophy",
    items=[
        ListItem(label="Иван Петров", value="12 000 ₽", avatar="ИП", sublabel="Постоянный"),
        ListItem(label="Anna Smith", value="8 500 ₽", avatar="/media/anna.png", subvalue="3 визита"),
        ListItem(label="Без аватара", value="1"),
    ],
)
CRUMBS = [("Кабинет", "/cabinet/"), ("Клиенты", "/cabinet/clients/"), ("Иван", "")]


@dataclass(frozen=True)
class Case:
    name: str
    context: dict[str, Any]
    component: str
    cotton: str
    includes: tuple[str, ...]


CASES = [
    Case(
        "kpi",
        {"m": METRIC},
        '{% component "kpi" metric=m / %}',
        '<c-cabinet.kpi :metric="m" />',
        (
            '{% include "cabinet/components/kpi.html" with metric=m %}',
            '{% include "cabinet/widgets/kpi.html" with metric=m %}',
        ),
    ),
    Case(
        "table_widget",
        {"t": TABLE},
        '{% component "table_widget" table=t title="Платежи" / %}',
        '<c-cabinet.table-widget :table="t" title="Платежи" />',
        (
            '{% include "cabinet/components/table_widget.html" with table=t title="Платежи" %}',
            '{% include "cabinet/widgets/table.html" with table=t title="Платежи" %}',
        ),
    ),
    Case(
        "table_widget-empty",
        {"t": TableWidgetData(columns=TABLE.columns, rows=[])},
        '{% component "table_widget" table=t empty_message="Пусто" / %}',
        '<c-cabinet.table-widget :table="t" empty_message="Пусто" />',
        (
            '{% include "cabinet/components/table_widget.html" with table=t empty_message="Пусто" %}',
            '{% include "cabinet/widgets/table.html" with table=t empty_message="Пусто" %}',
        ),
    ),
    Case(
        "list_widget",
        {"l": LIST},
        '{% component "list_widget" list=l / %}',
        '<c-cabinet.list-widget :list="l" />',
        (
            '{% include "cabinet/components/list_widget.html" with list=l %}',
            '{% include "cabinet/widgets/list.html" with list=l %}',
        ),
    ),
    Case(
        "avatar",
        {},
        '{% component "avatar" avatar="ИП" name="Иван Петров" size="lg" / %}',
        '<c-cabinet.avatar avatar="ИП" name="Иван Петров" size="lg" />',
        ('{% include "cabinet/components/avatar.html" with avatar="ИП" name="Иван Петров" size="lg" %}',),
    ),
    Case(
        "avatar-image-decorative",
        {},
        '{% component "avatar" avatar="/media/a.png" name="Ann" decorative=True / %}',
        '<c-cabinet.avatar avatar="/media/a.png" name="Ann" :decorative="True" />',
        (
            '{% include "cabinet/components/avatar.html" with avatar="/media/a.png" name="Ann" '
            "decorative=True %}",
        ),
    ),
    Case(
        "status_badge",
        {},
        '{% component "status_badge" text="Оплачено" style="success" / %}',
        '<c-cabinet.status-badge text="Оплачено" style="success" />',
        ('{% include "cabinet/components/status_badge.html" with text="Оплачено" style="success" %}',),
    ),
    Case(
        "empty_state",
        {},
        '{% component "empty_state" message="Нет записей" action_label="Создать" action_url="/new/" / %}',
        '<c-cabinet.empty-state message="Нет записей" action_label="Создать" action_url="/new/" />',
        (
            '{% include "cabinet/components/empty_state.html" with message="Нет записей" '
            'action_label="Создать" action_url="/new/" %}',
        ),
    ),
    Case(
        "page_header",
        {"crumbs": CRUMBS},
        '{% component "page_header" title="Клиенты" subtitle="Все клиенты" breadcrumbs=crumbs / %}',
        '<c-cabinet.page-header title="Клиенты" subtitle="Все клиенты" :breadcrumbs="crumbs" />',
        (
            '{% include "cabinet/components/page_header.html" with title="Клиенты" subtitle="Все клиенты" '
            "breadcrumbs=crumbs %}",
        ),
    ),
    Case(
        "page_header-actions",
        {},
        '{% component "page_header" title="Клиенты" %}{% fill "actions" %}<a href="/new/">New</a>'
        "{% endfill %}{% endcomponent %}",
        '<c-cabinet.page-header title="Клиенты"><c-slot name="actions"><a href="/new/">New</a></c-slot>'
        "</c-cabinet.page-header>",
        (),
    ),
]


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    """A template folder the real loaders (cotton's included) read the test pages from."""
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return normalise(render_to_string(name, context))


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_three_syntaxes_render_identical_html(pages: Path, settings: Any, case: Case, debug: bool) -> None:
    settings.DEBUG = debug
    expected = render_page(pages, "component.html", case.component, case.context)
    assert expected.startswith("<")
    assert render_page(pages, "cotton.html", case.cotton, case.context) == expected
    for index, include in enumerate(case.includes):
        assert render_page(pages, f"include{index}.html", include, case.context) == expected


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_cotton_tags_among_other_markup(pages: Path, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    html = squash(
        render_page(
            pages,
            "mixed.html",
            '<div class="row">{% for m in metrics %}<div class="col"><c-cabinet.kpi :metric="m" /></div>'
            '{% endfor %}</div>{% component "status_badge" text="Готово" / %}'
            '<c-cabinet.status-badge text="{{ word }}" style="info" />',
            {"metrics": [METRIC, MetricWidgetData(label="Выручка", value="18 500")], "word": "Новый"},
        )
    )
    assert html.count('<figure class="cab-kpi') == 2
    assert ">Выручка</figcaption>" in html
    assert '<span class="cab-status-badge__dot" aria-hidden="true"></span>Готово</span>' in html
    assert (
        'cab-status-badge--info"><span class="cab-status-badge__dot" aria-hidden="true"></span>Новый' in html
    )
