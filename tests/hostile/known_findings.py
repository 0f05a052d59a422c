"""Findings of the hostile pass that are known and waiting for a fix in the library.

Each entry is ``(story, field, payload, check)`` (shell-style patterns: ``*``
matches anything) with the reason. Browser checks are ``browser-<event>``
(``browser-pageerror``, ``browser-csp``, ``browser-canary``...). The main tests leave these out; ``test_known_finding_is_still_there``
in ``test_hostile_server.py`` is ``xfail(strict=True)`` for each, so it turns
red the moment the finding is fixed: then delete the entry here.
"""

from __future__ import annotations

KNOWN_FINDINGS: list[tuple[tuple[str, str, str, str], str]] = []


def known_for(kind: str) -> list[tuple[tuple[str, str, str, str], str]]:
    """The entries one test module checks: ``"browser"``, ``"contract"`` or ``"server"`` (the rest)."""
    if kind == "server":
        return [entry for entry in KNOWN_FINDINGS if not entry[0][3].startswith(("browser-", "contract-"))]
    return [entry for entry in KNOWN_FINDINGS if entry[0][3].startswith(f"{kind}-")]
