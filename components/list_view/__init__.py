"""The ``list_view`` component: binding in list_view.py, markup, styles, behaviour and stories beside it."""
