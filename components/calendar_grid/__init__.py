"""The ``calendar_grid`` component: a CSS-grid scheduling calendar (see ``calendar_grid.py``)."""
