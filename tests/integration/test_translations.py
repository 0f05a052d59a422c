"""Every built-in string is translatable, and the English and Russian catalogs are complete and current.

Three kinds of checks:

* pages and components rendered in Russian (``Accept-Language: ru`` through the test client, or
  ``translation.override("ru")``) show Russian text: the shell's skip link and navigation, default
  search placeholders, empty states, the KPI trend text, Russian plural forms;
* the committed catalogs (``src/codex_django/cabinet/locale``, ``storybook/locale``, ``demo/locale``)
  are complete: every Russian entry translated, nothing fuzzy, placeholders kept, three plural forms,
  the compiled ``.mo`` equal to its ``.po``;
* the catalogs are up to date: a fresh extraction (``scripts/messages.sh --extract-to``) finds exactly
  the msgids that are committed. If this fails, run ``make messages`` and translate the new entries.
"""

from __future__ import annotations

import dataclasses
import gettext
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.template import Context, Template
from django.test import Client, override_settings
from django.utils import translation
from django.utils.translation import ngettext

from codex_django.cabinet.registry import CabinetRegistry, declare
from codex_django.cabinet.types.booking import ClientSelectorData, ServiceItem, ServiceSelectorData
from codex_django.cabinet.types.collections import CardGridData
from codex_django.cabinet.types.data_table import DataTableData
from codex_django.cabinet.types.nav import SidebarItem, TopbarEntry
from codex_django.cabinet.types.widgets import ListWidgetData, MetricWidgetData, TableColumn
from tests.testapp.fixtures import registry_state  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CATALOGS = {
    "cabinet": ROOT / "src/codex_django/cabinet/locale",
    "storybook": ROOT / "storybook/locale",
    "demo": ROOT / "demo/locale",
}
RU_PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
)
# %(name)s / %d style and {name} style placeholders: a translation must keep exactly these.
PLACEHOLDER = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{[a-z_]+\}")


# --- a small .po reader (the catalogs are written with --no-wrap: one line per string) -----------------


@dataclasses.dataclass
class Entry:
    msgid: str
    msgid_plural: str | None = None
    msgstr: list[str] = dataclasses.field(default_factory=list)
    flags: set[str] = dataclasses.field(default_factory=set)
    obsolete: bool = False
    msgctxt: str | None = None


def _unquote(value: str) -> str:
    assert value.startswith('"') and value.endswith('"'), value
    escapes = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: escapes[match.group(1)], value[1:-1])


def read_po(path: Path) -> tuple[dict[str, str], list[Entry]]:
    """The header fields and the entries of a .po file."""
    entries: list[Entry] = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        entry: Entry | None = None
        last: list[str] | None = None  # the string a continuation line ("...") extends
        flags: set[str] = set()
        obsolete = False
        context: str | None = None
        for line in block.splitlines():
            if line.startswith("#~"):
                obsolete = True
                continue
            if line.startswith("#,"):
                flags |= {flag.strip() for flag in line[2:].split(",")}
                continue
            if not line or line.startswith("#"):
                continue
            keyword, _, value = line.partition(" ")
            if keyword == "msgctxt":
                context = _unquote(value)
            elif keyword == "msgid":
                entry = Entry(_unquote(value), flags=flags, msgctxt=context)
                entries.append(entry)
                last = None
            elif keyword == "msgid_plural":
                assert entry is not None
                entry.msgid_plural = _unquote(value)
            elif keyword.startswith("msgstr"):
                assert entry is not None
                entry.msgstr.append(_unquote(value))
                last = entry.msgstr
            elif line.startswith('"'):
                assert last is not None, f"{path}: a continuation line outside msgstr: {line}"
                last[-1] += _unquote(line)
        if obsolete and entry is None:
            entries.append(Entry("", obsolete=True))
    header_entry = next(entry for entry in entries if entry.msgid == "")
    header = dict(line.split(": ", 1) for line in header_entry.msgstr[0].splitlines() if ": " in line)
    return header, [entry for entry in entries if entry.msgid or entry.obsolete]


def po_files(language: str) -> list[Path]:
    return [folder / language / "LC_MESSAGES" / "django.po" for folder in CATALOGS.values()]


def catalog_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


# --- the shell and components in Russian -------------------------------------------------------------


@pytest.fixture
def staff_client(client: Client, registry_state: CabinetRegistry) -> Client:  # noqa: F811
    registry_state.clear()
    declare(
        module="shelltest",
        space="staff",
        topbar=TopbarEntry(group="admin", label="Входящие", icon="bi-inbox", url="shell:staff"),
        sidebar=[SidebarItem(label="Входящие", url="shell:staff", icon="bi-inbox", badge_key="inbox_count")],
    )
    client.force_login(User.objects.create_user("anna", is_staff=True, first_name="Анна"))
    return client


@pytest.mark.django_db
@pytest.mark.urls("tests.shell_urls")
@override_settings(LOGOUT_URL="shell:logout")
def test_staff_shell_speaks_russian(staff_client: Client) -> None:
    html = staff_client.get("/cabinet/shell/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert '<html lang="ru"' in html
    assert "Перейти к основному содержимому</a>" in html
    assert "Открыть навигацию" in html
    assert "Управление" in html  # the topbar's admin group
    assert "7 элементов требуют внимания" in html  # the sidebar badge (tests/shell_urls.py: inbox_count=7)
    assert "Учётная запись: Анна" in html
    assert "Выйти" in html
    assert "Skip to main content" not in html


@pytest.mark.django_db
@pytest.mark.urls("tests.shell_urls")
def test_staff_shell_stays_english_for_english_visitors(staff_client: Client) -> None:
    html = staff_client.get("/cabinet/shell/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert '<html lang="en"' in html
    assert "Skip to main content</a>" in html
    assert "Перейти" not in html


@pytest.mark.django_db
def test_storybook_speaks_russian(client: Client, settings: Any) -> None:
    settings.DEBUG = True
    html = client.get("/storybook/", HTTP_ACCEPT_LANGUAGE="ru").content.decode()
    assert "<title>Витрина компонентов</title>" in html
    assert 'placeholder="Поиск компонентов и историй"' in html


def render_ru(source: str, **context: object) -> str:
    with translation.override("ru"):
        return Template(source).render(Context(context))


def test_data_table_empty_state_and_row_summary_in_russian() -> None:
    table = DataTableData(columns=[TableColumn(key="name", label="Клиент")], rows=[], search_placeholder="…")
    html = render_ru('{% component "data_table" table=table / %}', table=table)
    assert "Нет данных" in html
    # The {shown}/{total} placeholders survive translation: the JS fills them in.
    assert 'data-summary="Показано строк: {shown} из {total}"' in html
    assert '<span class="visually-hidden">Поиск</span>' in html


def test_default_search_placeholders_in_russian() -> None:
    services = ServiceSelectorData(items=[ServiceItem(id="1", title="Стрижка", price="1 500 ₽", duration=90)])
    html = render_ru('{% component "service_selector" selector=selector / %}', selector=services)
    assert 'placeholder="Поиск услуг…"' in html
    assert "1 ч 30 мин" in html
    clients = ClientSelectorData()
    html = render_ru('{% component "client_selector" selector=selector / %}', selector=clients)
    assert 'placeholder="Поиск по имени или телефону…"' in html


def test_empty_states_in_russian() -> None:
    html = render_ru('{% component "list_widget" list=data / %}', data=ListWidgetData(items=[]))
    assert '<p class="cab-empty-state__message">Пока нечего показать.</p>' in html
    html = render_ru('{% component "card_grid" cards=data / %}', data=CardGridData(items=[]))
    assert '<p class="cab-empty-state__message">Нет элементов</p>' in html


@pytest.mark.parametrize(
    ("direction", "spoken"), [("up", "рост"), ("down", "снижение"), ("neutral", "без изменений")]
)
def test_kpi_trend_text_in_russian(direction: str, spoken: str) -> None:
    metric = MetricWidgetData(label="Клиенты", value="142", trend_value="+12%", trend_direction=direction)
    html = render_ru('{% component "kpi" metric=metric / %}', metric=metric)
    assert f'<span class="visually-hidden">{spoken}</span>' in html


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "1 элемент требует внимания"),
        (3, "3 элемента требуют внимания"),
        (5, "5 элементов требуют внимания"),
        (11, "11 элементов требуют внимания"),
        (21, "21 элемент требует внимания"),
        (112, "112 элементов требуют внимания"),
    ],
)
def test_russian_plural_forms(count: int, text: str) -> None:
    with translation.override("ru"):
        label = ngettext("%(count)s item needs attention", "%(count)s items need attention", count)
    assert label % {"count": count} == text


# --- the catalogs are complete ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", po_files("ru"), ids=catalog_id)
def test_russian_catalog_is_complete(path: Path) -> None:
    header, entries = read_po(path)
    assert header["Language"] == "ru"
    assert header["Plural-Forms"] == RU_PLURAL_FORMS
    assert entries, f"{catalog_id(path)} is empty"
    problems = []
    for entry in entries:
        if entry.obsolete:
            problems.append("obsolete entries (#~): run make messages")
            continue
        if "fuzzy" in entry.flags:
            problems.append(f"fuzzy: {entry.msgid!r}")
        expected_forms = 3 if entry.msgid_plural is not None else 1
        if len(entry.msgstr) != expected_forms or not all(entry.msgstr):
            problems.append(f"untranslated: {entry.msgid!r}")
            continue
        wanted = sorted(PLACEHOLDER.findall(entry.msgid))
        for translated in entry.msgstr:
            if sorted(PLACEHOLDER.findall(translated)) != wanted:
                problems.append(f"placeholders differ: {entry.msgid!r} -> {translated!r}")
    assert problems == []


@pytest.mark.parametrize("path", po_files("en"), ids=catalog_id)
def test_english_catalog_has_the_same_msgids(path: Path) -> None:
    header, entries = read_po(path)
    assert header["Language"] == "en"
    _, russian = read_po(path.parents[2] / "ru" / "LC_MESSAGES" / "django.po")
    assert {entry.msgid for entry in entries} == {entry.msgid for entry in russian}


@pytest.mark.parametrize("path", po_files("ru") + po_files("en"), ids=catalog_id)
def test_compiled_catalog_matches_its_source(path: Path) -> None:
    """The .mo built from the .po (scripts/compile_messages.py, run by make assets) holds exactly its translations."""
    with path.with_suffix(".mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    header, entries = read_po(path)
    if header["Language"] == "ru":
        assert [compiled.plural(n) for n in (1, 2, 5, 11, 21, 22)] == [0, 1, 2, 2, 0, 1]
    for entry in entries:
        if entry.msgctxt is not None:
            assert compiled.pgettext(entry.msgctxt, entry.msgid) == (entry.msgstr[0] or entry.msgid)
        elif entry.msgid_plural is None:
            assert compiled.gettext(entry.msgid) == (entry.msgstr[0] or entry.msgid)
        else:
            for count, form in ((1, 0), (2, 1), (5, 2)):
                if form < len(entry.msgstr) and entry.msgstr[form]:
                    assert compiled.ngettext(entry.msgid, entry.msgid_plural, count) == entry.msgstr[form]


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="needs GNU gettext's msgfmt")
@pytest.mark.parametrize("path", po_files("ru") + po_files("en"), ids=catalog_id)
def test_msgfmt_check_passes(path: Path) -> None:
    result = subprocess.run(
        ["msgfmt", "--check", "--output-file=/dev/null", str(path)], capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (0, "")


# --- the catalogs are up to date ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def fresh_catalogs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Catalogs extracted now from the sources, by the same script ``make messages`` runs."""
    if shutil.which("xgettext") is None:
        pytest.skip("needs GNU gettext's xgettext")
    out = tmp_path_factory.mktemp("catalogs")
    subprocess.run(
        ["bash", str(ROOT / "scripts/messages.sh"), "--extract-to", str(out)],
        check=True,
        env={"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "PY": sys.executable},
        capture_output=True,
    )
    yield out


@pytest.mark.parametrize("name", sorted(CATALOGS))
def test_catalog_is_up_to_date_with_the_sources(name: str, fresh_catalogs: Path) -> None:
    _, fresh = read_po(fresh_catalogs / name / "locale/ru/LC_MESSAGES/django.po")
    _, committed = read_po(CATALOGS[name] / "ru/LC_MESSAGES/django.po")
    fresh_ids = {(entry.msgid, entry.msgid_plural) for entry in fresh}
    committed_ids = {(entry.msgid, entry.msgid_plural) for entry in committed}
    assert {
        "new in the sources (run make messages, then translate)": sorted(fresh_ids - committed_ids, key=str),
        "gone from the sources (run make messages)": sorted(committed_ids - fresh_ids, key=str),
    } == {
        "new in the sources (run make messages, then translate)": [],
        "gone from the sources (run make messages)": [],
    }
