"""A pytest fixture that keeps tests' ``declare()`` calls from leaking.

Import it into a test module (``from tests.testapp.fixtures import registry_state  # noqa: F401``)
and request it: the registry's state is snapshotted before the test and
restored after, so the test app's own declarations survive.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from codex_django.cabinet.registry import CabinetRegistry, cabinet_registry


@pytest.fixture
def registry_state() -> Iterator[CabinetRegistry]:
    state = cabinet_registry.snapshot()
    try:
        yield cabinet_registry
    finally:
        cabinet_registry.restore(state)
