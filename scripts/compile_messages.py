"""Compiles translation catalogs (.po -> .mo) with Babel, so no GNU gettext is needed.

    python scripts/compile_messages.py FILE.po [FILE.po ...]

Writes each ``django.mo`` beside its ``django.po``. The ``.mo`` files are built, not
committed (``make assets`` runs this for every catalog; the wheel carries them). As
``msgfmt`` does, fuzzy entries are left out; a catalog that fails Babel's checks (a
``%(name)s`` in a translation that its source lacks, which would raise ``KeyError``
when Django fills it; a wrong number of plural forms) is an error that names the
file, the line and the message. The stricter ``msgfmt --check`` runs in
tests/integration/test_translations.py where GNU gettext is installed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po


def compile_catalog(po_path: Path) -> Path:
    with po_path.open("rb") as source:
        catalog = read_po(source, abort_invalid=True)
    problems = [
        f"{po_path}:{message.lineno}: {message.id!r}: {error}"
        for message, errors in catalog.check()
        for error in errors
    ]
    if problems:
        raise SystemExit("translation catalog errors:\n" + "\n".join(problems))
    mo_path = po_path.with_suffix(".mo")
    partial = mo_path.with_suffix(".mo.tmp")
    with partial.open("wb") as target:
        write_mo(target, catalog, use_fuzzy=False)
    partial.replace(mo_path)
    return mo_path


def main(paths: list[str]) -> None:
    if not paths:
        raise SystemExit(__doc__)
    for path in paths:
        print(f"compiled {compile_catalog(Path(path))}")


if __name__ == "__main__":
    main(sys.argv[1:])
