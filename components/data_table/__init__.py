"""The ``data_table`` component: binding in data_table.py, markup, styles, behaviour and stories beside it."""
