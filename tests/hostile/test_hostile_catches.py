"""The hostile pass catches a template made unsafe, naming the story, the field and the payload.

Each deliberately unsafe component (``unsafe_components.py``) is fed through
the same :func:`run_pass` the main pass uses; the escaped control component
comes through clean.
"""

from __future__ import annotations

from typing import Any

import pytest

from codex_django.storybook.discovery import collect_stories

from . import unsafe_components as unsafe
from .hostile_pass import PassResult, run_pass


def _pass(*stories: object) -> PassResult:
    collection = collect_stories(stories)  # type: ignore[arg-type]
    assert not collection.errors, collection.errors
    return run_pass(collection.stories)


def _texts(result: PassResult) -> list[str]:
    return [finding.text for finding in result.findings]


def test_escaped_component_passes() -> None:
    result = _pass(unsafe.ESCAPED)
    assert result.renders
    assert result.findings == []


def test_safe_filter_on_a_title_is_caught() -> None:
    texts = _texts(_pass(unsafe.SAFE_TITLE))
    story = "story 'hostile_test_safe_title--unsafe-title', field 'title'"
    assert any(
        text.startswith(f"{story}, payload 'script-tag': [html] an inline <script> element") for text in texts
    )
    assert any(
        text.startswith(f"{story}, payload 'img-onerror': [html] an event-handler attribute <img onerror=")
        for text in texts
    )
    assert any(
        text.startswith(f"{story}, payload 'pre-escaped': [html] the payload is not printed as its own text")
        for text in texts
    )
    # The escaped field of the same component is not blamed.
    assert not any("field 'text'" in text for text in texts)


def test_value_spliced_into_alpine_is_caught() -> None:
    texts = _texts(_pass(unsafe.ALPINE_SPLICE))
    expected = (
        "story 'hostile_test_alpine_splice--spliced', field 'title', payload 'alpine-sq-concat': "
        "[html] a payload inside an Alpine/HTMX expression <div x-text=\"'x'+alert("
    )
    assert any(text.startswith(expected) for text in texts), texts[:5]


def test_unvalidated_link_is_caught() -> None:
    texts = _texts(_pass(unsafe.RAW_LINK))
    story = "story 'hostile_test_raw_link--raw-link', field 'url'"
    assert any(
        text.startswith(f"{story}, payload 'javascript-scheme': [html] a dangerous URL in <a href=")
        for text in texts
    )


@pytest.mark.browser
def test_chromium_catches_the_unsafe_title(live_server: Any, hostile_browser: Any, settings: Any) -> None:
    """The same unsafe component in the browser pass: the CSP report names story, field and payload."""
    from .test_hostile_browser import run_component

    settings.ROOT_URLCONF = "tests.hostile.urls"
    result = _pass(unsafe.SAFE_TITLE)
    failures = run_component("hostile_test_safe_title", live_server, hostile_browser, result=result)
    lines = [
        f"story {story!r}, field {field!r}, payload {payload!r}: {message}"
        for story, field, payload, message in failures
    ]
    expected = (
        "story 'hostile_test_safe_title--unsafe-title', field 'title', payload 'img-onerror': [browser csp]"
    )
    assert any(line.startswith(expected) for line in lines), "\n".join(line[:160] for line in lines)
    assert not any("field 'text'" in line and "[browser csp]" in line for line in lines)
