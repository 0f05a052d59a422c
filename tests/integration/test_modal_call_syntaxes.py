"""The modal and booking components render the same HTML through their three call syntaxes.

``{% component %}``, ``<c-cabinet.… />`` (django-cotton) and the include entry
points (``cabinet/components/<name>.html``, and ``cabinet/components/widgets/``
for the four booking widgets named so in the API reference), with DEBUG on
and off, through the real template loaders.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from django.template.loader import render_to_string

from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)

DJC_ID = re.compile(r' data-djc-id-\w+=""')


@dataclass(frozen=True)
class Case:
    name: str
    kwarg: str
    value: Any
    cotton_attr: str
    widget: bool = False


CASES = [
    Case("generic_modal", "modal", samples.appointment_modal(), "modal"),
    Case("booking_quick_create", "quick_create", samples.quick_create_data(errors=True), "quick_create"),
    Case("booking_slot_picker", "picker", samples.slot_picker_data(), "picker"),
    Case("booking_chain_preview", "chain", samples.chain_data(), "chain"),
    Case(
        "service_selector",
        "selector",
        ServiceSelectorData(items=[ServiceItem("1", "Cut", "10", 30, "hair")], categories=[("hair", "Hair")]),
        "selector",
        widget=True,
    ),
    Case(
        "client_selector",
        "selector",
        ClientSelectorData(clients=[{"id": 1, "name": "Anna"}], search_url="/clients/search/"),
        "selector",
        widget=True,
    ),
    Case(
        "date_time_picker",
        "picker",
        DateTimePickerData(
            available_days=[{"date": "2026-04-01"}], time_slots=["09:00"], selected_date="2026-04-01"
        ),
        "picker",
        widget=True,
    ),
    Case(
        "summary_panel",
        "summary",
        BookingSummaryData(confirm_url="/booking/new/", masters=[{"id": 1, "name": "Anna"}]),
        "summary",
        widget=True,
    ),
]


@pytest.fixture
def pages(tmp_path: Path, settings: Any) -> Path:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["DIRS"] = [tmp_path, *templates[0]["DIRS"]]
    settings.TEMPLATES = templates
    return tmp_path


def render_page(folder: Path, name: str, source: str, context: dict[str, Any]) -> str:
    (folder / name).write_text(source, encoding="utf-8")
    return DJC_ID.sub("", render_to_string(name, context)).strip()


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_three_syntaxes_render_identical_html(pages: Path, settings: Any, case: Case, debug: bool) -> None:
    settings.DEBUG = debug
    context = {"v": case.value}
    tag = case.name.replace("_", "-")
    attr = case.cotton_attr
    expected = render_page(
        pages, "component.html", f'{{% component "{case.name}" {case.kwarg}=v / %}}', context
    )
    assert case.kwarg in {"modal", "quick_create", "picker", "chain", "selector", "summary"}
    assert expected.startswith("<") and "cab-" in expected
    sources = [
        f'<c-cabinet.{tag} :{attr}="v" />',
        f'{{% include "cabinet/components/{case.name}.html" with {case.kwarg}=v %}}',
    ]
    if case.widget:
        sources.append(f'{{% include "cabinet/components/widgets/{case.name}.html" with {case.kwarg}=v %}}')
    for number, source in enumerate(sources):
        assert render_page(pages, f"syntax{number}.html", source, context) == expected, source


@pytest.mark.parametrize("debug", [False, True], ids=["DEBUG=False", "DEBUG=True"])
def test_trigger_and_host_syntaxes(pages: Path, settings: Any, debug: bool) -> None:
    settings.DEBUG = debug
    trigger = [
        '{% component "modal_trigger" url="/x/" label="Open" size="lg" / %}',
        '<c-cabinet.modal-trigger url="/x/" label="Open" size="lg" />',
        '{% include "cabinet/components/modal_trigger.html" with url="/x/" label="Open" size="lg" %}',
    ]
    assert len({render_page(pages, f"t{n}.html", source, {}) for n, source in enumerate(trigger)}) == 1
    host = [
        '{% component "modal_host" open_url="/x/" / %}',
        '<c-cabinet.modal-host open_url="/x/" />',
        '{% include "cabinet/components/modal_host.html" with open_url="/x/" %}',
    ]
    rendered = {render_page(pages, f"h{n}.html", source, {}) for n, source in enumerate(host)}
    assert len(rendered) == 1 and 'data-open-url="/x/"' in rendered.pop()
