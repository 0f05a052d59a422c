"""Settings of the full-page benchmark (``bench/bench_full_page.py``): the demo's, plus admin and django-tables2.

The demo salon's own settings (``demo/salon/settings.py``) with what the two
pages it is compared with need, and nothing the library needs:

* ``django.contrib.admin`` (the changelist) and ``django_tables2`` (its default
  template), from the ``[bench]`` extra; the demo's template loaders already
  include the app-directories loader that finds their templates;
* a fresh SQLite file at ``$BENCH_FULL_PAGE_DB`` (never ``demo/db.sqlite3``),
  seeded by ``seed_demo``;
* ``DEBUG = False`` (no query log, production template behaviour), no Redis,
  a fast password hasher;
* :mod:`bench.full_page_urls` as the URLconf: the demo's URLs plus the two
  comparison pages; ``bench/templates/`` holds the bare django-tables2 page.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path

from salon.settings import *  # noqa: F403  (the demo's settings, unchanged unless overridden below)
from salon.settings import INSTALLED_APPS, TEMPLATES

INSTALLED_APPS = ["django.contrib.admin", *INSTALLED_APPS, "django_tables2"]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.environ["BENCH_FULL_PAGE_DB"]}}
ROOT_URLCONF = "bench.full_page_urls"
TEMPLATES = copy.deepcopy(TEMPLATES)
TEMPLATES[0]["DIRS"] = [Path(__file__).resolve().parent / "templates"]  # the tables2 page
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
REDIS_URL = None
CODEX_REDIS_ENABLED = False
