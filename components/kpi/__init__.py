"""The ``kpi`` component: binding in kpi.py, markup, styles and stories beside it."""
