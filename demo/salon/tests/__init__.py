"""Tests of the demo project, run under its own settings by tests/integration/test_demo.py."""
