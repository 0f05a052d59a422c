"""The hostile pass, server side: every story x every payload in every string field.

Fast (no browser): each variant is built through its contract and rendered
with ``{% component %}``; the HTML is parsed and checked (see
``html_checks.py``). Failures name the story, the field and the payload.
"""

from __future__ import annotations

from collections import Counter

import pytest

from codex_django.storybook.discovery import get_collection

from .hostile_pass import PassResult, discovered_pass, known_excluded, render_kwargs
from .html_checks import inspect_html
from .known_findings import KNOWN_FINDINGS, known_for
from .payloads import PAYLOADS, TEXT_PAYLOADS, URL_PAYLOADS, dangerous_url

KNOWN = [pattern for pattern, _reason in KNOWN_FINDINGS]


def _failures(result: PassResult, check: str | None = None) -> list[str]:
    findings = known_excluded(result.findings, KNOWN)
    return [finding.text for finding in findings if check is None or finding.check == check]


def _report(lines: list[str], limit: int = 60) -> str:
    shown = lines[:limit]
    more = f"\n... and {len(lines) - limit} more" if len(lines) > limit else ""
    return f"{len(lines)} hostile-input failures:\n" + "\n".join(shown) + more


def test_enough_distinct_payloads() -> None:
    assert len({payload.template for payload in PAYLOADS}) >= 30
    assert len(TEXT_PAYLOADS) >= 30
    assert all(dangerous_url(payload.make(1)) for payload in URL_PAYLOADS)


def test_every_story_is_in_the_pass() -> None:
    collection = get_collection()
    assert not collection.errors, "\n".join(str(error) for error in collection.errors)
    result = discovered_pass()
    assert result.stories == len(collection.stories)
    rendered_stories = {render.story_id for render in result.renders}
    with_leaves = {variant.story_id for variant in result.variants.values()}
    assert with_leaves <= rendered_stories, (
        f"stories never rendered: {sorted(with_leaves - rendered_stories)}"
    )


def test_stories_as_written_pass_the_html_checks() -> None:
    """The checks themselves find nothing in the unchanged stories (no false alarms)."""
    problems = []
    for collected in get_collection().stories:
        html = render_kwargs(collected.component, collected.kwargs)
        problems += [f"story {collected.id!r}: {problem.message}" for problem in inspect_html(html, {})]
    assert not problems, "\n".join(problems)


def test_rendered_variants_are_inert() -> None:
    failures = _failures(discovered_pass(), "html")
    assert not failures, _report(failures)


def test_dangerous_urls_are_rejected_naming_the_field() -> None:
    result = discovered_pass()
    failures = _failures(result, "url-accepted") + _failures(result, "unnamed-rejection")
    assert not failures, _report(failures)
    url_rejections = [
        rejection
        for rejection in result.rejections
        if rejection.variant.leaf.kind == "url" and rejection.variant.payload.kind == "url"
    ]
    assert url_rejections, "no URL field was tried with a dangerous URL"


def test_no_variant_crashes() -> None:
    failures = _failures(discovered_pass(), "crash")
    assert not failures, _report(failures)


def test_text_fields_accept_hostile_text() -> None:
    """Plain text fields take any text (so escaping, not validation, is what the pass tests)."""
    result = discovered_pass()
    refused = Counter(
        (rejection.variant.story_id, rejection.variant.leaf.pattern)
        for rejection in result.rejections
        if rejection.variant.leaf.kind == "text" and rejection.variant.payload.kind == "text"
    )
    rendered = sum(
        1 for render in result.renders for variant in render.variants if variant.leaf.kind == "text"
    )
    assert rendered > 0
    # Some text fields are keys other values refer to (a column key the rows must hold):
    # refusing hostile text there is fine, but most text must go through.
    assert sum(refused.values()) < rendered / 4, refused.most_common(20)


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [pytest.param(pattern, reason, id="/".join(pattern)) for pattern, reason in known_for("server")],
)
@pytest.mark.xfail(strict=True, reason="a known hostile-input finding (see known_findings.py)")
def test_known_finding_is_still_there(pattern: tuple[str, str, str, str], reason: str) -> None:
    """Fails (xfail) while the finding exists; passes - and so fails strictly - once it is fixed."""
    result = discovered_pass()
    matching = [
        finding.text for finding in result.findings if finding not in known_excluded([finding], [pattern])
    ]
    assert not matching, f"{reason}:\n" + "\n".join(matching[:10])
