"""``manage.py export_storybook``: every story in every combination as static files."""

from __future__ import annotations

from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.discovery import use_stories
from codex_django.storybook.story import Story

KPI = Story(
    component="kpi",
    name="Typical",
    kwargs={"metric": MetricWidgetData(label="New clients", value="142", url="/clients/")},
    htmx={"/clients/": "<p>Client list</p>"},
)


@pytest.fixture
def stories() -> Iterator[None]:
    with use_stories([KPI]):
        yield


def test_dry_run_lists_pages_and_writes_nothing(tmp_path: Path, stories: None) -> None:
    out = StringIO()
    call_command("export_storybook", output=str(tmp_path / "out"), dry_run=True, stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[:3] == ["index.html", "index.json", "coverage.html"]
    assert "preview/kpi--typical/dark-ru-rtl.html" in lines
    assert "stub/kpi--typical/0.html" in lines
    assert "story/kpi--typical.js" in lines
    assert len([line for line in lines if line.startswith("preview/")]) == 8
    assert "theme/ocean.css" in lines
    assert lines[-1].startswith("(dry run) would write 15 pages and ")
    assert not (tmp_path / "out").exists()


def test_export_writes_a_self_contained_folder(tmp_path: Path, stories: None) -> None:
    out = StringIO()
    call_command("export_storybook", output=str(tmp_path), stdout=out)
    assert out.getvalue().startswith("Exported 15 pages and ")
    assert "--cab-brand:" in (tmp_path / "theme/ocean.css").read_text()
    index = (tmp_path / "index.html").read_text()
    assert 'href="static/cabinet/dist/cabinet.css"' in index
    assert '"mode": "static"' in index
    assert '"story_template": "story/{id}.js"' in index
    assert "cab-kpi__value" not in index  # the template source is in the story's own file
    script = (tmp_path / "story/kpi--typical.js").read_text()
    assert script.startswith('window.cabStorybookStory("kpi--typical", {"controls": [')
    assert "cab-kpi__value" in script and script.endswith(");\n")
    preview = (tmp_path / "preview/kpi--typical/light-en-ltr.html").read_text()
    assert 'href="../../static/cabinet/dist/cabinet.css"' in preview
    assert '"/clients/": "../../stub/kpi--typical/0.html"' in preview
    assert "&quot;ocean&quot;: &quot;../../theme/ocean.css&quot;" in preview
    assert '<p class="cab-kpi__value">142</p>' in preview
    assert "/static/" not in preview.replace("../../static/", "")
    assert (tmp_path / "stub/kpi--typical/0.html").read_text() == "<p>Client list</p>"
    # From file:// the stub files cannot be read: the page carries their HTML too.
    assert (
        '"stub_bodies": {"../../stub/kpi--typical/0.html": "\\u003Cp\\u003EClient list\\u003C/p\\u003E"}'
        in preview
    )
    assert preview.count('id="cab-modal-host"') == 1
    for static in ("cabinet/dist/cabinet.js", "storybook/dist/storybook.js", "storybook/dist/axe.min.js"):
        assert (tmp_path / "static" / static).is_file(), static
    catalogue = (tmp_path / "index.json").read_text()
    assert '"render_url": "preview/kpi--typical/light-en-ltr.html"' in catalogue


def test_export_refuses_broken_stories(tmp_path: Path) -> None:
    broken = Story(component="kpi", name="Broken", kwargs={"metric": "142"})
    with (
        use_stories([broken]),
        pytest.raises(CommandError, match="Story 'kpi--broken' does not match its contract"),
    ):
        call_command("export_storybook", output=str(tmp_path))


def test_every_exported_page_has_its_modal_host(tmp_path: Path) -> None:
    """Each page is rendered for its own request: the host (rendered once per request) is on every page."""
    from codex_django.cabinet.components.modal_host.stories import STORIES as HOST_STORIES
    from codex_django.cabinet.components.modal_trigger.stories import STORIES as TRIGGER_STORIES

    with use_stories([*TRIGGER_STORIES[:2], *HOST_STORIES[:2]]):
        call_command("export_storybook", output=str(tmp_path), stdout=StringIO())
    pages = sorted((tmp_path / "preview").glob("*/*.html"))
    assert len(pages) == 4 * 8
    for page in pages:
        assert page.read_text().count('id="cab-modal-host"') == 1, page
