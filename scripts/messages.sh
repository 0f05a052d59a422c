#!/usr/bin/env bash
# Regenerates the translation catalogs (English and Russian) and compiles them (`make messages`).
#
#   scripts/messages.sh                  extract, merge, normalise and compile every catalog
#   scripts/messages.sh --check          only check them (msgfmt --check --statistics), change nothing
#   scripts/messages.sh --extract-to D   extract fresh Russian catalogs into D/<catalog>/locale/ and stop
#                                        (tests/integration/test_translations.py compares them with the
#                                        committed ones)
#
# Catalogs (name: sources -> catalog folder):
#   cabinet:   src/codex_django/cabinet/ AND components/  -> src/codex_django/cabinet/locale/
#   storybook: storybook/                                 -> storybook/locale/
#   demo:      demo/ (the demo project's apps)            -> demo/locale/
#
# Why temporary trees: at run time components/ is the package codex_django.cabinet.components, so its
# strings belong to the cabinet app's catalog, but on disk it sits outside src/codex_django/cabinet/.
# makemessages therefore runs in a temporary directory laid out like the installed package (symlinks to
# the real folders, followed with --symlinks) whose locale/ is a symlink to the catalog folder. Location
# comments then read like package paths (components/kpi/kpi.html). The other catalogs use the same
# mechanism so that --extract-to can point locale/ elsewhere.
#
# The Russian catalogs use the usual three plural forms (one / few / many); makemessages copies
# Django's four-form header when it creates a catalog, so headers are normalised after every run.
# Only the .po files are committed; `make assets` compiles the .mo files with Babel
# (scripts/compile_messages.py), so neither building nor installing the package needs gettext.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PY="${PY:-$ROOT/.venv/bin/python}"
[[ "$PY" == */* && "$PY" != /* ]] && PY="$PWD/$PY"  # makemessages runs in other directories
LANGS=(en ru)
CATALOGS=(cabinet storybook demo)

# The folder whose files a catalog covers, and where the catalog lives.
source_dir() {
    case "$1" in
        cabinet) echo "$ROOT/src/codex_django/cabinet" ;;
        storybook) echo "$ROOT/storybook" ;;
        demo) echo "$ROOT/demo" ;;
    esac
}

# A temporary tree for catalog $1 under $2, with locale/ -> $3. Prints its path.
make_tree() {
    local name="$1" tree="$2/$1" locale="$3" entry base
    mkdir -p "$tree" "$locale"
    for entry in "$(source_dir "$name")"/*; do
        base="$(basename "$entry")"
        case "$base" in locale | static | frontend | node_modules | __pycache__ | *.sqlite3) continue ;; esac
        ln -s "$entry" "$tree/$base"
    done
    [[ "$name" == cabinet ]] && ln -s "$ROOT/components" "$tree/components"
    ln -s "$locale" "$tree/locale"
    echo "$tree"
}

# makemessages in tree $1 for the given languages, writing to $1/locale/.
extract() {
    local tree="$1"
    shift
    (
        cd "$tree"
        # No settings module: makemessages configures I18N itself and only reads files.
        env -u DJANGO_SETTINGS_MODULE "$PY" -m django makemessages \
            --symlinks --add-location=file --no-wrap --no-obsolete \
            --ignore=static --ignore=node_modules --ignore=frontend --ignore=__pycache__ \
            --ignore=migrations --ignore=tests \
            $(printf -- '--locale=%s ' "$@") >/dev/null
    )
}

# Header clean-up: real header values (msgfmt --check warns about the template ones), three Russian
# plural forms, and no POT-Creation-Date (it would change on every run).
normalise_headers() {
    "$PY" - "$1" <<'PYTHON'
import re
import sys
from pathlib import Path

RU_PLURAL = "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);"
NAMES = {"en": "English", "ru": "Russian"}
for po in sorted(Path(sys.argv[1]).glob("*/LC_MESSAGES/django.po")):
    lang = po.parent.parent.name
    text = po.read_text(encoding="utf-8")
    head, sep, body = text.partition('\n\n')
    fields = {
        "Project-Id-Version": "codex-django-cabinet",
        "PO-Revision-Date": "2026-11-27 00:00+0000",
        "Last-Translator": "codex-django-cabinet maintainers",
        "Language-Team": NAMES.get(lang, lang),
        "Language": lang,
    }
    if lang == "ru":
        fields["Plural-Forms"] = RU_PLURAL
    head = re.sub(r'^"POT-Creation-Date: .*\n', "", head, flags=re.M)
    for name, value in fields.items():
        head = re.sub(rf'^"{name}: .*"$', lambda _m, n=name, v=value: f'"{n}: {v}\\n"', head, flags=re.M)
    # A fuzzy header is left out of the .mo file, and the plural rule with it.
    head = head.replace('#, fuzzy\nmsgid ""', 'msgid ""')
    head = re.sub(r"^# SOME DESCRIPTIVE TITLE\.$", f"# {NAMES.get(lang, lang)} catalog of codex-django-cabinet.", head, flags=re.M)
    head = re.sub(r"^# (Copyright \(C\) YEAR|This file is distributed|FIRST AUTHOR).*\n", "", head, flags=re.M)
    po.write_text(head + sep + body, encoding="utf-8")
PYTHON
}

compile() {
    "$PY" "$ROOT/scripts/compile_messages.py" "$1"/*/LC_MESSAGES/django.po
}

statistics() {
    local po
    for po in "$1"/*/LC_MESSAGES/django.po; do
        printf '%s: ' "${po#"$ROOT"/}"
        msgfmt --check --statistics --output-file=/dev/null "$po" 2>&1
    done
}

case "${1:-}" in
    --check)
        for name in "${CATALOGS[@]}"; do statistics "$(source_dir "$name")/locale"; done
        exit 0
        ;;
    --extract-to)
        out="$(cd "${2:?--extract-to needs a directory}" && pwd)"
        for name in "${CATALOGS[@]}"; do
            extract "$(make_tree "$name" "$out/trees" "$out/$name/locale")" ru
        done
        rm -rf "$out/trees"
        exit 0
        ;;
    "") ;;
    *)
        echo "usage: $0 [--check | --extract-to DIR]" >&2
        exit 2
        ;;
esac

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

for name in "${CATALOGS[@]}"; do
    locale="$(source_dir "$name")/locale"
    extract "$(make_tree "$name" "$WORK" "$locale")" "${LANGS[@]}"
    normalise_headers "$locale"
    compile "$locale"
    statistics "$locale"
done
