"""``make load``: the demo under gunicorn (4 workers) with its own Redis, driven by locust.

Not part of the test suite or CI: see ``run_load.py`` for what a run does and the
README's "Load (make load)" section for the figures.
"""
