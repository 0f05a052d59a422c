"""The ``avatar`` component: binding in avatar.py, markup, styles and stories beside it."""
