"""scripts/compile_messages.py: the .mo files make assets builds from the committed .po files."""

from __future__ import annotations

import gettext
import importlib.util
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "compile_messages.py"
spec = importlib.util.spec_from_file_location("compile_messages", SCRIPT)
assert spec and spec.loader
compile_messages = importlib.util.module_from_spec(spec)
sys.modules["compile_messages"] = compile_messages
spec.loader.exec_module(compile_messages)

HEADER = """msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);\\n"

"""


def write_po(folder: Path, body: str) -> Path:
    path = folder / "django.po"
    path.write_text(HEADER + body, encoding="utf-8")
    return path


def test_compiles_translations_plurals_and_contexts_and_leaves_out_fuzzy(tmp_path: Path) -> None:
    po = write_po(
        tmp_path,
        """msgid "Search"
msgstr "Поиск"

msgctxt "verb"
msgid "Book"
msgstr "Записать"

#, python-format
msgid "%(count)s row"
msgid_plural "%(count)s rows"
msgstr[0] "%(count)s строка"
msgstr[1] "%(count)s строки"
msgstr[2] "%(count)s строк"

#, fuzzy
msgid "Close"
msgstr "Закрыть?"
""",
    )
    mo = compile_messages.compile_catalog(po)
    assert mo == tmp_path / "django.mo"
    with mo.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)
    assert catalog.gettext("Search") == "Поиск"
    assert catalog.pgettext("verb", "Book") == "Записать"
    assert [catalog.ngettext("%(count)s row", "%(count)s rows", n) for n in (1, 3, 5)] == [
        "%(count)s строка",
        "%(count)s строки",
        "%(count)s строк",
    ]
    assert catalog.gettext("Close") == "Close"  # fuzzy: left out, as msgfmt does


def test_a_placeholder_the_source_lacks_is_an_error_naming_file_line_and_message(tmp_path: Path) -> None:
    # It would raise KeyError when Django fills the translated text.
    po = write_po(
        tmp_path,
        """#, python-format
msgid "Hello %(name)s"
msgstr "Привет %(nom)s"
""",
    )
    with pytest.raises(
        SystemExit, match=r"django\.po:8: 'Hello %\(name\)s': unknown named placeholder 'nom'"
    ):
        compile_messages.compile_catalog(po)
    assert not (tmp_path / "django.mo").exists()
