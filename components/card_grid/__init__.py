"""The ``card_grid`` component: binding in card_grid.py, markup, styles, behaviour and stories beside it."""
