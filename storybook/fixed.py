"""Fixed data for stories, so their screenshots are the same on every run.

Stories never read the clock or an unseeded random generator: dates come from
:data:`FROZEN_NOW`, random sample data from :func:`seeded_random`, and every
preview renders with :data:`STORY_TIME_ZONE` active.

Example::

    from codex_django.storybook.fixed import FROZEN_NOW, seeded_random

    rng = seeded_random("data_table--long")
    rows = [{"amount": f"{rng.randint(100, 9000)} ₽"} for _ in range(20)]
"""

from __future__ import annotations

import datetime
import random
import zlib
from zoneinfo import ZoneInfo

STORY_TIME_ZONE = "Europe/Moscow"
FROZEN_NOW = datetime.datetime(2026, 4, 1, 10, 30, tzinfo=ZoneInfo(STORY_TIME_ZONE))
FROZEN_TODAY = FROZEN_NOW.date()


def seeded_random(name: str) -> random.Random:
    """A generator seeded from ``name`` (a story id): the same sequence on every run and machine."""
    return random.Random(zlib.crc32(name.encode("utf-8")))
