"""Pages rendered with hostile translations: every translated attribute keeps its whole text, escaped.

A translation may hold ``"`` or ``<`` (a Russian catalog quotes with ``"``,
French with ``«``, someone writes ``<Ctrl>``). Django marks a translated
template literal safe, so without ``|force_escape`` such a translation ends an
attribute early and the rest becomes stray attributes or markup. Here every
translation of a template literal (the strings Django passes to gettext as safe
text) is wrapped as ``⟦message "quote' <b>&⟧``; each attribute of every story
preview, the storybook, the staff and client shells, the dashboard and the
site settings page must then hold whole wrapped texts. Text content is not
checked: there Django's trust in translators is the documented behaviour.
tests/unit/test_template_translations.py is the lint that keeps the templates
in the escaped form.
"""

from __future__ import annotations

from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.utils import translation
from django.utils.safestring import SafeData, mark_safe

from codex_django.storybook.discovery import get_collection
from tests.integration.dashboard_fixtures import dashboard, make_user  # noqa: F401
from tests.integration.test_shell import shell_registry, staff_client  # noqa: F401
from tests.testapp.fixtures import registry_state  # noqa: F401

pytestmark = pytest.mark.django_db

OPEN, CLOSE = "⟦", "⟧"
SUFFIX = " \"quote' <b>&amp;</b> a > b"


def hostile(message: Any) -> Any:
    """A template literal's "translation" with quotes and markup; other messages are left alone."""
    if isinstance(message, SafeData):
        # Deliberately unsafe: Django keeps a template literal's translation marked safe, and this
        # stands in for a translator's text with quotes and markup, which the templates must escape.
        return mark_safe(f"{OPEN}{message}{SUFFIX}{CLOSE}")
    return message


@pytest.fixture
def hostile_catalog(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Every gettext of a template literal answers with :func:`hostile` (as a real catalog would)."""
    trans = translation._trans  # type: ignore[attr-defined]
    real_gettext, real_pgettext = trans.gettext, trans.pgettext

    def gettext(message: str) -> Any:
        return hostile(message) if isinstance(message, SafeData) else real_gettext(message)

    def pgettext(context: str, message: str) -> Any:
        return hostile(message) if isinstance(message, SafeData) else real_pgettext(context, message)

    monkeypatch.setattr(trans, "gettext", gettext)
    monkeypatch.setattr(trans, "pgettext", pgettext)
    yield


class AttributeCollector(HTMLParser):
    """Every attribute (tag, name, value) of a page, values unescaped as a browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.attributes: list[tuple[str, str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.attributes.extend((tag, name, value or "") for name, value in attrs)

    handle_startendtag = handle_starttag


def broken_attributes(html: str) -> tuple[int, list[str]]:
    """(how many attributes hold a wrapped translation, the attributes that show it was cut short)."""
    collector = AttributeCollector()
    collector.feed(html)
    collector.close()
    translated, broken = 0, []
    for tag, name, value in collector.attributes:
        if "quote" in name or "&" in name or "<" in name:
            broken.append(f"<{tag} {name}=...>: the rest of a translation read as an attribute")
        elif OPEN in value or CLOSE in value:
            translated += 1
            if not value.count(OPEN) == value.count(SUFFIX + CLOSE) == value.count(CLOSE):
                broken.append(f"<{tag} {name}={value!r}>")
    return translated, broken


def check(client: Client, url: str) -> int:
    response = client.get(url)
    assert response.status_code == 200, url
    translated, broken = broken_attributes(response.content.decode())
    assert broken == [], f"{url}: translated attributes cut short:\n" + "\n".join(broken)
    return translated


def test_the_check_sees_an_unescaped_translation() -> None:
    wrapped = f"{OPEN}Pages{SUFFIX}{CLOSE}"
    assert broken_attributes(f'<nav aria-label="{wrapped}"></nav>')[1] != []
    escaped = wrapped.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    assert broken_attributes(f'<nav aria-label="{escaped}"></nav>') == (1, [])


@pytest.mark.usefixtures("hostile_catalog")
def test_every_story_and_the_storybook_keep_translated_attributes_whole(
    client: Client, settings: Any
) -> None:
    settings.DEBUG = True  # the storybook is served in DEBUG
    translated = check(client, "/storybook/")
    assert translated >= 6  # the index's own labels: the catalog did answer
    for story in get_collection().stories:
        translated += check(client, f"/storybook/preview/{story.id}/")
    assert translated > 100


@pytest.mark.usefixtures("hostile_catalog")
def test_the_shells_keep_translated_attributes_whole(
    staff_client: Client,  # noqa: F811
) -> None:
    assert check(staff_client, "/cabinet/shell/") >= 4  # topbar, shortcuts, modal host...
    staff_client.logout()
    staff_client.force_login(make_user("cid"))
    assert check(staff_client, "/cabinet/my/shell/") >= 2


@pytest.mark.urls("tests.dashboard_urls")
@pytest.mark.usefixtures("hostile_catalog", "dashboard")
def test_the_dashboard_and_site_settings_keep_translated_attributes_whole(client: Client) -> None:
    client.force_login(
        make_user("manager", staff=True, perms=("auth.view_user", "cabinet.change_cabinetsettings"))
    )
    assert check(client, "/cabinet/") >= 1
    assert check(client, "/cabinet/settings/") >= 1
