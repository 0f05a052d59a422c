"""Runs inside a clean virtualenv holding only the installed wheel (see scripts/check_wheel.py).

Checks, from a directory outside the repository: the package comes from
site-packages; system checks pass; the built bundle is found by the static
files finders; the cabinet shell renders for a staff user; every component
renders through ``{% component %}`` with its first story's kwargs; without
slippers, ``{% load cabinet_slippers %}`` loads and a tag names the package; the
storybook answers. Every problem is listed, then the exit status is 1.
"""

from __future__ import annotations

import importlib
import importlib.util
import os
import re
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ["DJANGO_SETTINGS_MODULE"] = "smoke_settings"

import django

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.staticfiles import finders  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.template import RequestContext, Template  # noqa: E402
from django.template.loader import get_template  # noqa: E402
from django.test import Client, RequestFactory  # noqa: E402
from django.test.utils import setup_test_environment  # noqa: E402
from django_components import registry  # noqa: E402

import codex_django.cabinet  # noqa: E402
import codex_django.cabinet.components  # noqa: E402

PACKAGE = "codex_django.cabinet.components"
problems: list[str] = []


DJC_ID = re.compile(r' data-djc-id-\w+=""')


def problem(text: str) -> None:
    problems.append(text)
    print(f"  FAIL {text}")


def check_installed_location() -> None:
    location = Path(codex_django.cabinet.__file__).resolve()
    repo = os.environ.get("CABINET_REPO", "")
    print(f"codex_django.cabinet from {location}")
    if "site-packages" not in location.parts or (repo and str(location).startswith(repo)):
        problem(f"codex_django.cabinet was imported from {location}, not from the installed wheel")


def check_static() -> None:
    for name in ("cabinet/dist/cabinet.css", "cabinet/dist/cabinet.js"):
        if not finders.find(name):
            problem(f"static file {name} not found by the static files finders")


def component_folders() -> list[str]:
    root = Path(codex_django.cabinet.components.__file__).parent
    return sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith(("_", ".")))


def check_component_files() -> None:
    root = Path(codex_django.cabinet.components.__file__).parent
    for name in component_folders():
        if name == "__pycache__":
            continue
        for suffix in (".py", ".html"):
            if not (root / name / f"{name}{suffix}").is_file():
                problem(f"component {name}: {name}{suffix} missing from the installed package")


def first_stories() -> dict[str, dict]:
    """Component name -> kwargs of its first story (the storybook's discovery when present)."""
    if importlib.util.find_spec("codex_django.storybook.discovery") is not None:
        discovery = importlib.import_module("codex_django.storybook.discovery")
        collection = discovery.get_collection()
        for error in collection.errors:
            problem(f"story error: {error}")
        return {name: stories[0].kwargs for name, stories in collection.by_component().items()}
    found: dict[str, dict] = {}
    for folder in component_folders():
        module_name = f"{PACKAGE}.{folder}.stories"
        if importlib.util.find_spec(module_name) is None:
            continue
        for story in importlib.import_module(module_name).STORIES:
            kwargs = story.kwargs() if callable(story.kwargs) else story.kwargs
            found.setdefault(story.component, dict(kwargs))
    return found


def check_components(staff: object) -> None:
    ours = {name: cls for name, cls in registry.all().items() if cls.__module__.startswith(PACKAGE + ".")}
    folders = [f for f in component_folders() if f != "__pycache__"]
    if folders and not ours:
        problem(f"component folders {folders} are installed but no component is registered")
    stories = first_stories()
    request = RequestFactory().get("/cabinet/")
    request.user = staff
    request.cabinet_space = "staff"
    rendered, unstoried = [], []
    for name in sorted(ours):
        if name not in stories:
            unstoried.append(name)
            continue
        source = '{% component "' + name + '" ...story_kwargs / %}'
        try:
            html = Template(source).render(RequestContext(request, {"story_kwargs": stories[name]}))
        except Exception:
            problem(f"component {name} failed to render its first story:\n{traceback.format_exc()}")
            continue
        if not html.strip():
            problem(f"component {name} rendered nothing for its first story")
        fresh = RequestFactory().get("/cabinet/")  # a new request: some components render once per request
        fresh.user, fresh.cabinet_space = staff, "staff"  # type: ignore[attr-defined]
        check_entry_templates(name, stories[name], fresh, html)
        rendered.append(name)
    print(f"rendered {len(rendered)} components: {', '.join(rendered) or '-'}")
    if unstoried:
        print(f"not rendered (no stories): {', '.join(unstoried)}")


def check_entry_templates(name: str, kwargs: dict, request: object, expected: str) -> None:
    """The generated include entry renders what ``{% component %}`` did; the cotton entry loads."""
    try:
        html = get_template(f"cabinet/components/{name}.html").render(dict(kwargs), request)
        get_template(f"cotton/cabinet/{name}.html")
    except Exception:
        problem(f"component {name}: its generated entry templates failed:\n{traceback.format_exc()}")
        return
    if DJC_ID.sub("", html).strip() != DJC_ID.sub("", expected).strip():
        problem(f"component {name}: cabinet/components/{name}.html renders other HTML than {{% component %}}")


def check_slippers_without_slippers() -> None:
    """slippers is not installed here: the tag library still loads, a tag names the package to install."""
    from django.template import TemplateSyntaxError
    from django.template.loader import get_template

    get_template("cabinet/slippers/page_header.html")  # the slot wrappers are in the wheel
    if importlib.util.find_spec("slippers") is not None:
        return
    try:
        Template("{% load cabinet_slippers %}{% CabKpi metric=m %}")
    except TemplateSyntaxError as error:
        if "codex-django-cabinet[slippers]" not in str(error):
            problem(f"{{% CabKpi %}} without slippers: unclear error {error}")
            return
    else:
        problem("{% CabKpi %} compiled without slippers installed")
        return
    print("cabinet_slippers without slippers: the library loads, a tag names the package")


def check_pages(staff: object) -> None:
    browser = Client()
    browser.force_login(staff)
    response = browser.get("/cabinet/")
    html = response.content.decode()
    if response.status_code != 200:
        problem(f"GET /cabinet/ (base_cabinet.html) answered {response.status_code}")
    elif "cabinet/dist/cabinet.css" not in html:
        problem("the cabinet shell does not link cabinet/dist/cabinet.css")
    if importlib.util.find_spec("codex_django.storybook.urls") is not None:
        response = browser.get("/storybook/")
        if response.status_code != 200:
            problem(f"GET /storybook/ answered {response.status_code}")
        else:
            print("storybook answers on /storybook/")


def main() -> int:
    setup_test_environment()
    check_installed_location()
    call_command("check", fail_level="ERROR")
    call_command("migrate", verbosity=0)
    staff = get_user_model().objects.create_user("staff", password="staff", is_staff=True)  # noqa: S106 (throw-away DB)
    check_static()
    check_component_files()
    check_components(staff)
    check_slippers_without_slippers()
    check_pages(staff)
    if problems:
        print(f"\n{len(problems)} problem(s) with the installed wheel", file=sys.stderr)
        return 1
    print("installed wheel works")
    return 0


if __name__ == "__main__":
    sys.exit(main())
