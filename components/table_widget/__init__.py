"""The ``table_widget`` component: binding in table_widget.py, markup, styles and stories beside it."""
