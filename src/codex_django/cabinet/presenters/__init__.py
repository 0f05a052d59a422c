"""Presenters: turn a component's contract into the display values its template prints.

One module per component that needs one (``calendar_grid.py``, ...). They hold
what would otherwise be logic in a template: positions, labels, resolved URLs.
"""
