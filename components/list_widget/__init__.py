"""The ``list_widget`` component: binding in list_widget.py, markup, styles and stories beside it."""
