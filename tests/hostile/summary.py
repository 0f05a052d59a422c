"""What the hostile pass did, for the session summary line (see ``conftest.py``)."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass
class Summary:
    stories: int = 0
    variants: int = 0
    rendered: int = 0
    refused: int = 0
    payloads: int = 0
    renders: int = 0
    seconds: float = 0.0
    browser_renders: int = 0
    browser_pages: int = 0
    browser_seconds: float = 0.0
    contract_values: int = 0
    view_requests: int = 0

    def lines(self) -> list[str]:
        found = []
        if self.variants:
            found.append(
                f"hostile pass: {self.stories} stories, {self.variants} variants "
                f"({self.rendered} rendered, {self.refused} refused) from {self.payloads} payloads "
                f"in {self.renders} server renders ({self.seconds:.1f} s)"
            )
        if self.browser_pages:
            found.append(
                f"hostile pass: {self.browser_renders} renders loaded in Chromium on "
                f"{self.browser_pages} pages ({self.browser_seconds:.1f} s)"
            )
        if self.contract_values:
            found.append(f"hostile pass: {self.contract_values} wrong numeric/enum values tried on contracts")
        if self.view_requests:
            found.append(f"hostile pass: {self.view_requests} malformed requests sent to library views")
        return found


SUMMARY = Summary()
