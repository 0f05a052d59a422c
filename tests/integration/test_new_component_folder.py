"""Adding a component is one new folder: nothing else in the library lists components.

A fresh interpreter puts a folder ``greeting_card/`` (its module, template and
stories) on the path of ``codex_django.cabinet.components``, as a new folder
under ``components/`` is, and starts Django: the component is registered, renders
through ``{% component %}``, the generated include and cotton entries, and its
story is in the storybook. (The asset build globs ``components/*/*.css|js`` the
same way: ``test_assets_build.py``.)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

FILES = {
    "__init__.py": "",
    "greeting_card.py": """
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside


@register("greeting_card")
class GreetingCard(CabinetComponent):
    template = template_beside(__file__, "greeting_card.html")

    class Kwargs(ComponentKwargs):
        name: str
        greeting: str = "Hello"
""",
    "greeting_card.html": '<p class="cab-greeting-card">{{ greeting }}, {{ name }}</p>\n',
    "stories.py": """
from codex_django.storybook.story import Story

STORIES = [Story(component="greeting_card", name="Typical", kwargs={"name": "Ada"})]
""",
}

SCRIPT = """
import os, re, sys
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
import codex_django.cabinet.components as components
components.__path__.append(sys.argv[1])
from django.conf import settings
settings.TEMPLATES[0]["DIRS"] = [sys.argv[2], *settings.TEMPLATES[0]["DIRS"]]
import django
django.setup()
from django.template import engines
from django.template.loader import render_to_string
from django_components import registry
from codex_django.storybook.discovery import component_names, get_collection

def render(source):
    html = engines["django"].from_string(source).render({})
    return re.sub(r' data-djc-id-\\w+=""', "", html).strip()

print(registry.has("greeting_card"))
print(render('{% component "greeting_card" name="Ada" / %}'))
print(render('{% include "cabinet/components/greeting_card.html" with name="Ada" %}'))
print(re.sub(r' data-djc-id-\\w+=""', "", render_to_string("cotton_page.html")).strip())
print("greeting_card" in component_names())
print([item.story.name for item in get_collection().stories if item.story.component == "greeting_card"])
"""


def test_a_new_component_folder_is_registered_rendered_and_in_the_storybook(tmp_path: Path) -> None:
    folder = tmp_path / "greeting_card"
    folder.mkdir()
    for name, text in FILES.items():
        (folder / name).write_text(text.lstrip("\n"), encoding="utf-8")
    pages = tmp_path / "templates"
    pages.mkdir()
    (pages / "cotton_page.html").write_text(
        '<c-cabinet.greeting_card name="Ada" greeting="Hi" />', encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(tmp_path), str(pages)],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True",
        '<p class="cab-greeting-card">Hello, Ada</p>',
        '<p class="cab-greeting-card">Hello, Ada</p>',
        '<p class="cab-greeting-card">Hi, Ada</p>',
        "True",
        "['Typical']",
    ]
