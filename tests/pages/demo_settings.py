"""The demo's own settings (``salon.settings``) made deterministic for the page harness.

Used only by the demo server that ``tests/pages/conftest.py`` starts in a
subprocess (``manage.py migrate``, ``seed_demo``, ``runserver``):

* a fresh SQLite database at ``$PAGES_DEMO_DB`` (never the developer's ``demo/db.sqlite3``);
* a frozen clock: ``django.utils.timezone.now`` returns the stories' ``FROZEN_NOW``
  (Wednesday 1 April 2026, 10:30 Moscow time), so ``seed_demo`` generates the same
  appointments on every run and every page computes "today", "this week" and the
  schedule's now-line from the same instant. The browser's clock is frozen at the same
  instant (``PageProbe.open``), so the pages' scripts agree with the server;
* no Redis (``REDIS_URL`` ignored: the dashboard is computed live), a fast password hasher.

The patch is installed when this module is imported, which Django does before it
imports any app, so modules that bind ``from django.utils.timezone import now`` get the frozen one too.
"""

from __future__ import annotations

import datetime
import os

from django.utils import timezone
from salon.settings import *  # noqa: F403  (the demo's settings, unchanged unless overridden below)

from codex_django.storybook.fixed import FROZEN_NOW

FROZEN_UTC = FROZEN_NOW.astimezone(datetime.UTC)


def frozen_now() -> datetime.datetime:
    """The demo's "now" under test: always :data:`FROZEN_UTC`."""
    return FROZEN_UTC


timezone.now = frozen_now

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["PAGES_DEMO_DB"]}}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REDIS_URL = None
CODEX_REDIS_ENABLED = False
