"""The ``status_badge`` component: binding in status_badge.py, markup, styles and stories beside it."""
