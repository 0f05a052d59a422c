"""The hostile pass over every story: build, render and check the variants server-side.

For each story and each payload, the payload goes into every string leaf of
the story at once, each copy numbered (see :mod:`.payloads`), and the story is
built and rendered once. When building or rendering refuses, the refusing
leaves are found (from the validation error's locations, else by halving the
set) and the rest is rendered without them, so one render usually carries a
whole story's fields and the pass stays fast. Each (story, leaf, payload) is a
*variant*; what each variant did is one of:

* rendered -> its HTML is checked by :func:`.html_checks.inspect_html`;
* rejected -> the contract or the component's kwargs refused the value; for a
  URL leaf and a dangerous URL this is what must happen, and the message must
  name the field;
* crashed -> building or rendering raised something else (a 500 in a view).

:func:`run_pass` returns every render (the browser pass loads them in
Chromium), every rejection and every :class:`Finding`. A finding's text names
the story, the field and the payload.
"""

from __future__ import annotations

import dataclasses
import fnmatch
import functools
import multiprocessing
import os
import time
from collections.abc import Iterable, Sequence
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory
from django.utils import timezone, translation
from pydantic import ValidationError

from codex_django.cabinet.types.contract import format_validation_error
from codex_django.storybook.discovery import CollectedStory, StoryCollection, get_collection
from codex_django.storybook.fixed import STORY_TIME_ZONE
from codex_django.storybook.kwargs_types import check_kwargs
from codex_django.storybook.rendering import fragment_html

from .html_checks import inspect_html
from .payloads import PAYLOADS, Payload, dangerous_url
from .summary import SUMMARY
from .variants import STRING_KINDS, Leaf, compact_story, replace_value, story_leaves

REFUSALS = (ValidationError, ImproperlyConfigured, ValueError, TypeError)


@dataclasses.dataclass(frozen=True)
class Variant:
    """One payload in one leaf of one story; ``number`` makes its marker and canary id."""

    number: int
    story_id: str
    component: str
    leaf: Leaf
    payload: Payload
    value: str

    def describe(self) -> str:
        return f"story {self.story_id!r}, field {self.leaf.label!r}, payload {self.payload.name!r}"


@dataclasses.dataclass(frozen=True)
class Finding:
    """Something that must not happen; ``text`` names the story, field and payload."""

    story_id: str
    field: str
    payload: str
    check: str
    message: str

    @property
    def key(self) -> tuple[str, str, str, str]:
        return (self.story_id, self.field, self.payload, self.check)

    @property
    def text(self) -> str:
        return (
            f"story {self.story_id!r}, field {self.field!r}, payload {self.payload!r}: "
            f"[{self.check}] {self.message}"
        )


@dataclasses.dataclass
class Render:
    """One server render holding several variants (one story, one payload)."""

    component: str
    story_id: str
    payload: Payload
    variants: list[Variant]
    html: str

    @property
    def key(self) -> str:
        first = self.variants[0].number if self.variants else 0
        return f"{self.story_id}:{self.payload.name}:{first}"


@dataclasses.dataclass
class Rejection:
    variant: Variant
    message: str
    stage: str  # "build" (contract or kwargs) or "render"


@dataclasses.dataclass
class PassResult:
    renders: list[Render] = dataclasses.field(default_factory=list)
    rejections: list[Rejection] = dataclasses.field(default_factory=list)
    findings: list[Finding] = dataclasses.field(default_factory=list)
    variants: dict[int, Variant] = dataclasses.field(default_factory=dict)
    stories: int = 0
    attempts: int = 0  # builds + renders tried, including the halving

    @property
    def rendered_variants(self) -> int:
        return sum(len(render.variants) for render in self.renders)

    def finding_for(self, variant: Variant, check: str, message: str) -> Finding:
        return Finding(variant.story_id, variant.leaf.label, variant.payload.name, check, message)


@dataclasses.dataclass
class _Outcome:
    html: str = ""
    refusal: str = ""
    stage: str = ""
    crash: str = ""
    locations: list[tuple[str, tuple[Any, ...], str]] = dataclasses.field(default_factory=list)


@functools.cache
def _request() -> Any:
    request = RequestFactory().get("/hostile/")
    request.user = AnonymousUser()
    return request


def render_kwargs(component: str, kwargs: dict[str, Any]) -> str:
    with translation.override("en"), timezone.override(STORY_TIME_ZONE):
        return fragment_html(component, kwargs, _request())


def _build(collected: CollectedStory, variants: Sequence[Variant]) -> tuple[dict[str, Any] | None, _Outcome]:
    """The story's kwargs with ``variants`` applied, or the refusal (contract or component kwargs)."""
    kwargs = dict(collected.kwargs)
    by_kwarg: dict[str, list[tuple[Any, Any]]] = {}
    for variant in variants:
        by_kwarg.setdefault(variant.leaf.kwarg, []).append((variant.leaf.path, variant.value))
    for name, changes in by_kwarg.items():
        try:
            kwargs[name] = replace_value(kwargs.get(name), changes)
        except ValidationError as error:
            contract = error.title or "contract"
            locations = [(name, tuple(item["loc"]), _error_line(contract, item)) for item in error.errors()]
            outcome = _Outcome(
                refusal=format_validation_error(contract, error), stage="build", locations=locations
            )
            return None, outcome
        except (ImproperlyConfigured, ValueError, TypeError) as error:
            return None, _Outcome(refusal=str(error), stage="build")
    complaint = check_kwargs(collected.component, kwargs)
    if complaint:
        return None, _Outcome(refusal=complaint, stage="build")
    return kwargs, _Outcome()


def _render(component: str, kwargs: dict[str, Any]) -> _Outcome:
    try:
        return _Outcome(html=render_kwargs(component, kwargs))
    except REFUSALS as error:
        return _Outcome(refusal=f"{type(error).__name__}: {error}", stage="render")
    except Exception as error:
        return _Outcome(crash=f"{type(error).__name__}: {error}", stage="render")


def _error_line(contract: str, item: Any) -> str:
    location = ".".join(str(part) for part in item["loc"]) or "(contract)"
    message = str(item["msg"]).removeprefix("Value error, ")
    return f"{contract}: {location}: {message} (got {item.get('input')!r})"


def _attribute(variants: Sequence[Variant], outcome: _Outcome) -> list[tuple[Variant, str]]:
    """The variants a refusal names (by validation-error location or kwarg name)."""
    named: list[tuple[Variant, str]] = []
    for kwarg, location, message in outcome.locations:
        for variant in variants:
            path = variant.leaf.path
            matches = (not kwarg or kwarg == variant.leaf.kwarg) and path and _within(path, location)
            if matches and all(variant is not item for item, _ in named):
                named.append((variant, message))
    if not named and outcome.stage == "build":
        for variant in variants:
            if not variant.leaf.path and f"kwarg {variant.leaf.kwarg!r}" in outcome.refusal:
                named.append((variant, outcome.refusal))
    return named


def is_reference(leaf: Leaf) -> bool:
    """Fields naming another part of the payload (``key``, ``url_key``, ``badge_key``).

    Changed together with the rest, they would hide what they point at (an
    action whose ``url_key`` no longer matches shows no link), so they get a
    render of their own.
    """
    return leaf.field == "key" or leaf.field.endswith("_key")


def _within(path: tuple[Any, ...], location: tuple[Any, ...]) -> bool:
    """Whether an error ``location`` points at ``path`` (locations add union tags: ``sections.2.actions``)."""
    position = 0
    for part in location:
        if position < len(path) and part == path[position]:
            position += 1
    return position == len(path) and location[-1] == path[-1] if location else False


class _Runner:
    def __init__(self, result: PassResult, payloads: Sequence[Payload]) -> None:
        self.result = result
        self.payloads = payloads
        self.number = 0

    def story(self, collected: CollectedStory, index: int) -> None:
        self.number = index * NUMBERS_PER_STORY
        collected = compact_story(collected)
        leaves = [leaf for leaf in story_leaves(collected) if leaf.kind in STRING_KINDS]
        self.result.stories += 1
        for payload in self.payloads:
            variants = []
            for leaf in leaves:
                self.number += 1
                variant = Variant(
                    self.number, collected.id, collected.component, leaf, payload, payload.make(self.number)
                )
                variants.append(variant)
                self.result.variants[variant.number] = variant
            variants = [variant for variant in variants if not self._url_refused(collected, variant)]
            for group in (
                [variant for variant in variants if not is_reference(variant.leaf)],
                [variant for variant in variants if is_reference(variant.leaf)],
            ):
                self._render_group(collected, *self._buildable(collected, group))

    def _url_refused(self, collected: CollectedStory, variant: Variant) -> bool:
        """A dangerous URL in a URL field, built alone: True when refused (as it must be)."""
        if variant.leaf.kind != "url" or not dangerous_url(variant.value):
            return False
        self.result.attempts += 1
        kwargs, outcome = _build(collected, [variant])
        if kwargs is None:
            self._refused(variant, outcome)
            return True
        try:
            render_kwargs(collected.component, kwargs)
        except REFUSALS as error:  # refused when the component reads it (breadcrumb pairs)
            self._refused(variant, _Outcome(refusal=f"{type(error).__name__}: {error}", stage="render"))
            return True
        except Exception as error:
            self._refused(variant, _Outcome(crash=f"{type(error).__name__}: {error}", stage="render"))
            return True
        self.result.findings.append(
            self.result.finding_for(
                variant,
                "url-accepted",
                f"the dangerous URL {variant.value!r} was accepted by {variant.leaf.owner}."
                f"{variant.leaf.field} (it must be rejected when the payload is built)",
            )
        )
        return False

    def _buildable(
        self, collected: CollectedStory, variants: list[Variant]
    ) -> tuple[list[Variant], dict[str, Any] | None]:
        """The variants that build together (and their kwargs when built in one go); the others are refused."""
        accepted: list[Variant] = []
        if variants:
            self.result.attempts += 1
            kwargs, _outcome = _build(collected, variants)
            if kwargs is not None:
                return variants, kwargs
        pending = [variants]
        while pending:
            group = pending.pop()
            if not group:
                continue
            self.result.attempts += 1
            kwargs, outcome = _build(collected, accepted + group)
            if kwargs is not None:
                accepted.extend(group)
                continue
            if len(group) == 1:
                self._refused(group[0], outcome)
                continue
            named = _attribute(group, outcome)
            if named and len(named) < len(group):
                for variant, message in named:
                    self._refused(variant, _Outcome(refusal=message, stage=outcome.stage))
                pending.append(
                    [variant for variant in group if all(variant is not item for item, _ in named)]
                )
                continue
            middle = len(group) // 2
            pending.extend([group[middle:], group[:middle]])
        return accepted, None

    def _render_group(
        self, collected: CollectedStory, variants: list[Variant], built: dict[str, Any] | None = None
    ) -> None:
        pending = [variants]
        while pending:
            group = pending.pop()
            if not group:
                continue
            self.result.attempts += 1
            if built is not None and group is variants:
                kwargs, outcome = built, _Outcome()
            else:
                kwargs, outcome = _build(collected, group)
            if kwargs is not None:
                outcome = _render(collected.component, kwargs)
            if not (outcome.refusal or outcome.crash):
                self._rendered(collected, group, outcome.html)
            elif len(group) == 1:
                self._refused(group[0], outcome)
            else:
                middle = len(group) // 2
                pending.extend([group[middle:], group[:middle]])

    def _rendered(self, collected: CollectedStory, group: list[Variant], html: str) -> None:
        render = Render(collected.component, collected.id, group[0].payload, group, html)
        self.result.renders.append(render)
        by_number = {variant.number: variant for variant in group}
        for problem in inspect_html(html, {variant.number: variant.value for variant in group}):
            if problem.number in by_number:
                variant = by_number[problem.number]
                self.result.findings.append(self.result.finding_for(variant, "html", problem.message))
            else:  # the render shows it, no marker says which field caused it
                fields = ", ".join(variant.leaf.label for variant in group)
                self.result.findings.append(
                    Finding(
                        collected.id,
                        "(one of: " + fields[:200] + ")",
                        group[0].payload.name,
                        "html",
                        problem.message,
                    )
                )

    def _refused(self, variant: Variant, outcome: _Outcome) -> None:
        if outcome.crash:
            self.result.findings.append(
                self.result.finding_for(
                    variant, "crash", f"rendering raised {outcome.crash} (a 500 in a view)"
                )
            )
            return
        self.result.rejections.append(Rejection(variant, outcome.refusal, outcome.stage))
        names = {variant.leaf.field, variant.leaf.kwarg}
        if not any(name in outcome.refusal for name in names):
            self.result.findings.append(
                self.result.finding_for(
                    variant,
                    "unnamed-rejection",
                    f"refused at {outcome.stage} without naming the field: {outcome.refusal[:200]}",
                )
            )


NUMBERS_PER_STORY = 100_000
_WORK: list[CollectedStory] = []


def _strip(result: PassResult) -> PassResult:
    """The result without type hints and original values (so it pickles back from a worker)."""

    def light(variant: Variant) -> Variant:
        return dataclasses.replace(variant, leaf=dataclasses.replace(variant.leaf, hint=None, original=None))

    variants = {number: light(variant) for number, variant in result.variants.items()}
    result.variants = variants
    for render in result.renders:
        render.variants = [variants[variant.number] for variant in render.variants]
    for rejection in result.rejections:
        rejection.variant = variants[rejection.variant.number]
    return result


def _run_indices(indices: Sequence[int], payloads: Sequence[Payload]) -> PassResult:
    result = PassResult()
    runner = _Runner(result, payloads)
    for index in indices:
        runner.story(_WORK[index], index)
    return _strip(result)


def run_pass(
    stories: Iterable[CollectedStory], payloads: Sequence[Payload] = PAYLOADS, *, workers: int = 1
) -> PassResult:
    """Build, render and check every variant of ``stories`` with ``payloads``.

    With ``workers > 1`` the stories are shared out to forked processes (the
    numbers, hence markers and canary ids, do not depend on it).
    """
    _WORK[:] = list(stories)
    indices = list(range(len(_WORK)))
    if workers <= 1 or len(indices) < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return _run_indices(indices, payloads)
    # Interleaved shares: neighbouring stories of one component cost about the same.
    shares = [indices[start::workers] for start in range(workers)]
    with multiprocessing.get_context("fork").Pool(workers) as pool:
        parts = pool.starmap(_run_indices, [(share, payloads) for share in shares])
    merged = PassResult()
    for part in parts:
        merged.renders.extend(part.renders)
        merged.rejections.extend(part.rejections)
        merged.findings.extend(part.findings)
        merged.variants.update(part.variants)
        merged.stories += part.stories
        merged.attempts += part.attempts
    order = {collected.id: index for index, collected in enumerate(_WORK)}
    merged.renders.sort(key=lambda render: (order[render.story_id], render.variants[0].number))
    merged.findings.sort(key=lambda finding: (order[finding.story_id], finding.field, finding.payload))
    return merged


_CACHE: dict[int, tuple[StoryCollection, PassResult]] = {}


def _discovered_pass(collection: StoryCollection) -> PassResult:
    cached = _CACHE.get(id(collection))
    if cached is not None and cached[0] is collection:
        return cached[1]
    started = time.perf_counter()
    workers = int(os.environ.get("HOSTILE_WORKERS", "0")) or min(2, os.cpu_count() or 1)
    result = run_pass(collection.stories, workers=workers)
    SUMMARY.stories = result.stories
    SUMMARY.variants = len(result.variants)
    SUMMARY.rendered = result.rendered_variants
    SUMMARY.refused = len(result.rejections)
    SUMMARY.payloads = len(PAYLOADS)
    SUMMARY.renders = len(result.renders)
    SUMMARY.seconds = time.perf_counter() - started
    _CACHE[id(collection)] = (collection, result)
    return result


def discovered_pass() -> PassResult:
    """The pass over every discovered story, run once per test session."""
    return _discovered_pass(get_collection())


def known_excluded(findings: Iterable[Finding], known: Iterable[tuple[str, str, str, str]]) -> list[Finding]:
    """``findings`` minus those listed in ``known`` (story, field, payload, check; ``*`` matches any)."""
    patterns = list(known)

    def matches(finding: Finding) -> bool:
        return any(
            all(fnmatch.fnmatchcase(have, want) for want, have in zip(pattern, finding.key, strict=True))
            for pattern in patterns
        )

    return [finding for finding in findings if not matches(finding)]
