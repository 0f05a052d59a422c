"""Numeric, enum and flag fields of every story's payload get wrong values.

For each such field (found like the string fields, from the contracts' type
hints; the first story that has it): wrong types, negatives, huge and
out-of-range numbers, unknown enum values. Each must be refused when the
payload (or the component's kwargs) is built, by a message naming the field -
never accepted silently, never an exception other than a validation error
(which a view would turn into a 500).
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Iterator
from typing import Any, Literal, get_args, get_origin

import annotated_types
import pytest

from codex_django.storybook.discovery import CollectedStory, get_collection

from .hostile_pass import Finding, Variant, _build, _render, known_excluded
from .known_findings import KNOWN_FINDINGS, known_for
from .payloads import Payload
from .summary import SUMMARY
from .variants import Leaf, _annotated_parts, _arms, compact_story, story_leaves

COLLECTION = get_collection()
COMPONENTS = sorted(COLLECTION.by_component())
KNOWN = [pattern for pattern, _reason in KNOWN_FINDINGS]
HUGE = 10**30


@dataclasses.dataclass(frozen=True)
class WrongValue:
    name: str
    value: Any
    # "type": any accepting is wrong; "range": wrong unless the field declares it allowed
    kind: str


def _allows_none(hint: Any) -> bool:
    return any(arm is type(None) for arm in get_args(hint)) if get_args(hint) else False


def _bounds(hint: Any) -> tuple[float | None, float | None]:
    low = high = None
    for arm in _arms(hint):
        _base, metadata = _annotated_parts(arm)
        for meta in metadata:
            for item in getattr(meta, "metadata", [meta]):
                if isinstance(item, annotated_types.Ge):
                    low = item.ge
                elif isinstance(item, annotated_types.Gt):
                    low = item.gt + 1
                elif isinstance(item, annotated_types.Le):
                    high = item.le
                elif isinstance(item, annotated_types.Lt):
                    high = item.lt - 1
    return low, high


def _field_bounds(leaf: Leaf) -> tuple[float | None, float | None]:
    """Bounds from ``Annotated[int, Field(ge=...)]`` or from ``x: int = Field(ge=...)``."""
    low, high = _bounds(leaf.hint)
    return low, high


def wrong_values(leaf: Leaf) -> list[WrongValue]:
    values = [WrongValue("a list", ["x"], "type"), WrongValue("a dict", {"x": 1}, "type")]
    if not _allows_none(leaf.hint):
        values.append(WrongValue("None", None, "type"))
    if leaf.kind == "enum":
        options = [option for arm in _arms(leaf.hint) for option in get_args(_annotated_parts(arm)[0])]
        values += [WrongValue("an unknown enum value", "__hostile_unknown__", "type")]
        if "" not in options:
            values.append(WrongValue("an empty enum value", "", "type"))
        if isinstance(leaf.original, str) and leaf.original.upper() not in options:
            values.append(WrongValue("an enum value in the wrong case", leaf.original.upper(), "type"))
        if not any(isinstance(option, int) for option in options):
            values.append(WrongValue("a number for an enum", 1, "type"))
    elif leaf.kind in ("int", "float"):
        values += [WrongValue("text", "abc", "type"), WrongValue("a number in words", "twelve", "type")]
        if leaf.kind == "int":
            values.append(WrongValue("a fraction", 1.5, "type"))
        else:
            values += [WrongValue("NaN", math.nan, "type"), WrongValue("infinity", math.inf, "type")]
        low, high = _field_bounds(leaf)
        values.append(WrongValue("a negative number", -1, "range" if low is None else "type"))
        values.append(WrongValue("a huge number", HUGE, "range" if high is None else "type"))
        if low is not None and low > -1:
            values.append(WrongValue(f"below the minimum {low}", low - 1, "type"))
        if high is not None:
            values.append(WrongValue(f"above the maximum {high}", high + 1, "type"))
    elif leaf.kind == "bool":
        values += [WrongValue("a word", "maybe", "type"), WrongValue("the number 2", 2, "type")]
    return values


def _fields(component: str) -> Iterator[tuple[CollectedStory, Leaf]]:
    seen: set[str] = set()
    for collected in COLLECTION.by_component()[component]:
        compact = compact_story(collected)
        for leaf in story_leaves(compact):
            if leaf.kind in ("enum", "int", "float", "bool") and leaf.pattern not in seen:
                seen.add(leaf.pattern)
                yield compact, leaf


def check_component(component: str) -> tuple[list[Finding], int]:
    findings: list[Finding] = []
    tried = 0
    for collected, leaf in _fields(component):
        for wrong in wrong_values(leaf):
            tried += 1
            payload = Payload(name=wrong.name, template="")
            variant = Variant(0, collected.id, component, leaf, payload, wrong.value)  # type: ignore[arg-type]
            kwargs, outcome = _build(collected, [variant])
            if kwargs is not None:
                outcome = _render(component, kwargs)

            def finding(check: str, message: str, variant: Variant = variant) -> Finding:
                return Finding(variant.story_id, variant.leaf.label, variant.payload.name, check, message)

            if outcome.crash:
                findings.append(finding("contract-crash", f"{outcome.crash} (a 500 in a view)"))
            elif outcome.refusal:
                if leaf.field not in outcome.refusal and leaf.kwarg not in outcome.refusal:
                    findings.append(
                        finding(
                            "contract-unnamed", f"refused without naming the field: {outcome.refusal[:200]}"
                        )
                    )
                elif outcome.stage == "build" and not _names_contract(outcome.refusal, leaf, component):
                    findings.append(
                        finding(
                            "contract-unnamed",
                            f"refused without naming the contract: {outcome.refusal[:200]}",
                        )
                    )
            elif wrong.kind == "type":
                findings.append(
                    finding("contract-accepted", f"{leaf.owner}.{leaf.field} accepted {wrong.value!r}")
                )
            else:
                findings.append(
                    finding(
                        "contract-unbounded",
                        f"{leaf.owner}.{leaf.field} accepted {wrong.value!r}: declare its range (Field(ge=..., le=...))",
                    )
                )
    return findings, tried


def _names_contract(message: str, leaf: Leaf, component: str) -> bool:
    owner = leaf.owner.removesuffix(" kwargs")
    return owner in message or component in message or ":" in message.split(" ")[0]


@pytest.mark.parametrize("component", COMPONENTS)
def test_wrong_numbers_and_enums_are_refused_naming_the_field(component: str) -> None:
    findings, tried = check_component(component)
    SUMMARY.contract_values += tried
    failures = [finding.text for finding in known_excluded(findings, KNOWN)]
    assert not failures, f"{len(failures)} wrong values not refused properly:\n" + "\n".join(failures[:60])


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [pytest.param(pattern, reason, id="/".join(pattern)) for pattern, reason in known_for("contract")],
)
@pytest.mark.xfail(strict=True, reason="a known hostile-input finding (see known_findings.py)")
def test_known_contract_finding_is_still_there(pattern: tuple[str, str, str, str], reason: str) -> None:
    findings = [finding for component in COMPONENTS for finding in check_component(component)[0]]
    matching = [finding.text for finding in findings if not known_excluded([finding], [pattern])]
    assert not matching, f"{reason}:\n" + "\n".join(matching[:10])


def test_wrong_values_cover_every_kind() -> None:
    kinds = {"enum": Literal["a", "b"], "int": int, "float": float, "bool": bool}
    for kind, hint in kinds.items():
        leaf = Leaf("x", (), kind, "Probe", "a" if kind == "enum" else 1, hint)  # type: ignore[arg-type]
        names = [wrong.name for wrong in wrong_values(leaf)]
        assert "a list" in names and "None" in names, (kind, names)
    assert get_origin(Literal["a"]) is Literal
